"""Property tests of the figure and progress readers on hostile input.

Whatever a CSV, YAML or xlsx file holds, reading it gives figures/entries and problems, or one
:class:`~cchc.core.problems.CchcError` — never another exception. Every problem names the file, and its
formatted line is one line. Numbers written the ways Vietnamese offices write them read the same.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cchc.adapters.figuresfile import HEADER, load_figures
from cchc.adapters.progressfile import CSV_HEADER, load_progress
from cchc.adapters.registryfile import load_registry
from cchc.adapters.workspace import load_workspace
from cchc.core.problems import CchcError, Problem
from tests.conftest import ROOT

SUPPORT_REGISTRY = ROOT / "tests" / "corpus" / "support" / "agencies.yaml"
OVERDUE_PLANS = ROOT / "tests" / "data" / "overdue" / "plans"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def registry():
    registry, problems = load_registry(SUPPORT_REGISTRY)
    assert not [p for p in problems if p.severity == "error"]
    return registry


@pytest.fixture(scope="module")
def workspace():
    return load_workspace(OVERDUE_PLANS)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def _fresh(folder: Path, suffix: str) -> Path:
    return folder / f"{uuid.uuid4().hex}{suffix}"


def _check_problems(problems: list[Problem], path: Path) -> None:
    for problem in problems:
        assert isinstance(problem, Problem) and problem.path == str(path)
        assert problem.line is None or (isinstance(problem.line, int) and problem.line >= 1)
        assert "\n" not in problem.format() and "\r" not in problem.format()


def _read_figures(path: Path, registry, year: int | None = 2024):  # noqa: ANN001, ANN202
    try:
        figures, problems = load_figures([path], registry, year)
    except CchcError as exc:  # unreadable file: one problem, naming it
        assert isinstance(exc.problem, Problem) and exc.problem.path == str(path)
        assert "\n" not in exc.problem.format()
        return None, [exc.problem]
    _check_problems(problems, path)
    return figures, problems


def _read_progress(path: Path, workspace):  # noqa: ANN001, ANN202
    registries = {plan.id: workspace.registry_of(plan) for plan in workspace.plans}
    try:
        book, problems = load_progress([path], workspace.plans, registries)
    except CchcError as exc:
        assert isinstance(exc.problem, Problem) and exc.problem.path == str(path)
        return None, [exc.problem]
    _check_problems(problems, path)
    return book, problems


# -- strategies ------------------------------------------------------------------------------------

# what ends up in spreadsheet cells: numbers in every local style, dates, formulas, Excel errors, junk
NUMBERISH = st.one_of(
    st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False).map(str),
    st.sampled_from(["95,5 %", "95.5%", "120 %", "1.234", "1,234", "1 234", "1\u00a0234", "-5", "abc", "#DIV/0!", "#N/A", "=A1/B1", "NaN", "inf", "1e400", "0,955", "", " ", "%", "--1", "+3", ",5", "5,", "1.2.3", "１２"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
)
NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([float("nan"), float("inf"), float("-inf")]),
    st.integers(-(10**20), 10**20),
    NUMBERISH,
    st.sampled_from([-0.0, 1e-300, 0.955, 1.0, 100.0, 120.5]),
)
PERIODS = st.one_of(st.sampled_from(["2024", "2024-Q1", "2024-q4", "2024-05", "2024-13", "2024-Q5", "31/02/2024", "2023", "", "năm 2024"]), st.text(max_size=8))
INDICATORS_ = st.sampled_from(["on_time_dossiers", "satisfaction", "waiting_time", "payroll_reduction.baseline", "payroll_reduction.reduced", "ON_TIME", "x", "", "satisfaction.nope"])
AGENCIES = st.one_of(st.sampled_from(["Sở Nội vụ", "so noi vu", "SNV", "Sở Tư pháp", "Các sở, ban, ngành", "Sở Nôi vụ", ""]), st.text(max_size=20))
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=30)


@st.composite
def figure_rows(draw: st.DrawFn) -> list[str]:
    return [draw(AGENCIES), draw(INDICATORS_), draw(NUMBERISH), draw(NUMBERISH), draw(NUMBERISH), draw(PERIODS), draw(ANY_TEXT), draw(ANY_TEXT)]


DATES = st.one_of(
    st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 12, 31)).map(lambda d: d.isoformat()),
    st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.sampled_from(["31/02/2024", "2024-02-30", "2023-02-29", "29/02/2024", "15.01.2024", "15-01-2024", "2024/01/15", "#DIV/0!", "", "giữa tháng 1"]),
    ANY_TEXT,
)


@st.composite
def progress_rows(draw: st.DrawFn) -> list[str]:
    return [
        draw(st.one_of(st.just("mau-2023-2024"), ANY_TEXT)),
        draw(st.one_of(st.sampled_from([f"a{i}" for i in range(1, 9)]), ANY_TEXT)),
        draw(st.one_of(st.sampled_from(["", "2023", "2024", "2024-Q1", "2023-Q4", "2023-06", "2024-Q5"]), ANY_TEXT)),
        draw(st.one_of(st.sampled_from(["done", "in_progress", "not_started", "hoàn thành", "Đang thực hiện", "chưa thực hiện", "xong", "finished", ""]), ANY_TEXT)),
        draw(DATES),
        draw(ANY_TEXT),
        draw(ANY_TEXT),
        draw(st.one_of(st.sampled_from(["", "Sở Tư pháp", "Sở Nội vụ", "Các sở, ban, ngành", "Sở Nôi vụ"]), ANY_TEXT)),
        draw(ANY_TEXT),
    ]


def _csv_text(header: tuple[str, ...], rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([list(header), *rows])
    return buffer.getvalue()


# -- figures -----------------------------------------------------------------------------------------


@SETTINGS
@given(rows=st.lists(figure_rows(), max_size=6), delimiter=st.sampled_from([",", ";"]), bom=st.booleans())
def test_figure_csv_cells_never_crash(registry, folder, rows, delimiter, bom):
    path = _fresh(folder, ".csv")
    path.write_text(("\ufeff" if bom else "") + _csv_text(HEADER, rows, delimiter), encoding="utf-8")
    figures, problems = _read_figures(path, registry)
    if figures is not None:
        for figure in figures.figures:
            for number in (figure.numerator, figure.denominator, figure.value):
                assert number is None or math.isfinite(number)
            if figure.numerator is not None and figure.denominator is not None:
                assert 0 <= figure.numerator <= figure.denominator


@SETTINGS
@given(text=st.lists(st.sampled_from(list(',;"\n\r\t #%.-0123456789abcĐđ\u00a0\ufeff\x00') + ["Sở Nội vụ", "satisfaction", "2024", ",".join(HEADER) + "\n"]), max_size=200).map("".join))
@example(text=",".join(HEADER) + '\nSở Nội vụ,satisfaction,,,"95,5 %,2024,,\nSở Tư pháp,satisfaction,,,96,2024,,\n')
@example(text=",".join(HEADER) + "\n")
@example(text="")
def test_figure_csv_raw_text_never_crashes(registry, folder, text):
    path = _fresh(folder, ".csv")
    path.write_text(text, encoding="utf-8")
    _read_figures(path, registry)


YAML_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    NUMBERISH,
    st.dates(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@SETTINGS
@given(
    rows=st.lists(
        st.one_of(
            st.fixed_dictionaries(  # mostly well-formed rows, so the numbers are reached and parsed
                {"agency": st.sampled_from(["Sở Nội vụ", "SNV", "Sở Tư pháp"]), "indicator": st.sampled_from(["on_time_dossiers", "satisfaction", "waiting_time", "payroll_reduction.reduced"])},
                optional={"numerator": NUMBERS, "denominator": NUMBERS, "value": NUMBERS, "period": st.one_of(PERIODS, YAML_VALUES), "extra": YAML_VALUES},
            ),
            st.fixed_dictionaries(
                {"agency": AGENCIES, "indicator": INDICATORS_},
                optional={"numerator": YAML_VALUES, "denominator": YAML_VALUES, "value": YAML_VALUES, "period": st.one_of(PERIODS, YAML_VALUES), "source": YAML_VALUES, "extra": YAML_VALUES},
            ),
            st.dictionaries(st.sampled_from([*HEADER, "extra"]), YAML_VALUES, max_size=8),
            YAML_VALUES,
        ),
        max_size=5,
    ),
    year=st.one_of(st.just(2024), st.none(), st.integers(1800, 2300), st.text(max_size=4)),
    fractions=YAML_VALUES,
)
@example(rows=[{"agency": "Sở Nội vụ", "indicator": "on_time_dossiers", "value": float("nan")}], year=2024, fractions=False)
@example(rows=[{"agency": "SNV", "indicator": "waiting_time", "value": float("inf")}], year=2024, fractions=True)
@example(rows=[{"agency": "SNV", "indicator": "on_time_dossiers", "numerator": float("nan"), "denominator": float("inf")}], year=2024, fractions=None)
def test_figure_yaml_values_never_crash(registry, folder, rows, year, fractions):
    import yaml

    document = {"kind": "figures", "figures": rows, "fractions": fractions}
    if year is not None:
        document["year"] = year
    path = _fresh(folder, ".yaml")
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    _read_figures(path, registry, None)


XLSX_CELLS = st.one_of(
    st.none(),
    st.integers(-(10**6), 10**6),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    NUMBERISH.filter(lambda s: not any(ord(c) < 32 for c in s)),  # openpyxl refuses control characters
    st.sampled_from(["#DIV/0!", "#VALUE!", "=1/0", "Sở Nội vụ", "satisfaction", "2024"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(st.lists(XLSX_CELLS, max_size=10), max_size=5), percent=st.booleans(), title_rows=st.integers(0, 2))
def test_figure_xlsx_cells_never_crash(registry, folder, rows, percent, title_rows):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for _ in range(title_rows):
        sheet.append(["Số liệu năm 2024"])
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append(row)
    if percent:
        for cells in sheet.iter_rows(min_row=title_rows + 2):
            for cell in cells:
                cell.number_format = "0.0%"
    path = _fresh(folder, ".xlsx")
    workbook.save(path)
    _read_figures(path, registry)


# -- progress -----------------------------------------------------------------------------------------


@SETTINGS
@given(rows=st.lists(progress_rows(), max_size=6), bom=st.booleans(), crlf=st.booleans())
def test_progress_csv_cells_never_crash(workspace, folder, rows, bom, crlf):
    text = _csv_text(CSV_HEADER, rows)
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    path = _fresh(folder, ".csv")
    path.write_text(("\ufeff" if bom else "") + text, encoding="utf-8", newline="")
    book, problems = _read_progress(path, workspace)
    if book is not None:
        for entry in book.entries:
            assert entry.status in ("done", "in_progress", "not_started")
            assert entry.status != "done" or isinstance(entry.completed, dt.date)


@SETTINGS
@given(text=st.lists(st.sampled_from(list(',"\n\r\t 0123456789-/a\x00\ufeff') + ["mau-2023-2024", "done", "a3", ",".join(CSV_HEADER) + "\n"]), max_size=200).map("".join))
@example(text=",".join(CSV_HEADER) + '\nmau-2023-2024,a3,,done,2024-01-15,"x,,,,\nmau-2023-2024,a7,,in_progress,,,,,\n')
@example(text="")
def test_progress_csv_raw_text_never_crashes(workspace, folder, text):
    path = _fresh(folder, ".csv")
    path.write_text(text, encoding="utf-8")
    _read_progress(path, workspace)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(st.lists(XLSX_CELLS, max_size=11), max_size=5), good=st.lists(progress_rows(), max_size=3))
def test_progress_xlsx_cells_never_crash(workspace, folder, rows, good):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(CSV_HEADER))
    for row in [*rows, *([c for c in r if not any(ord(ch) < 32 for ch in c)] for r in good)]:
        sheet.append(row)
    path = _fresh(folder, ".xlsx")
    workbook.save(path)
    _read_progress(path, workspace)


@SETTINGS
@given(
    entries=st.lists(
        st.one_of(
            st.fixed_dictionaries(
                {"activity": st.one_of(st.sampled_from([f"a{i}" for i in range(1, 9)]), YAML_VALUES), "status": st.one_of(st.sampled_from(["done", "in_progress", "hoàn thành"]), YAML_VALUES)},
                optional={"completed": st.one_of(DATES, YAML_VALUES), "occurrence": st.one_of(st.sampled_from(["2023", "2024", "2024-Q1"]), YAML_VALUES), "agency": YAML_VALUES, "evidence": YAML_VALUES},
            ),
            st.dictionaries(st.sampled_from([*CSV_HEADER, "evidence"]), YAML_VALUES, max_size=9),
        ),
        max_size=5,
    ),
    plan=st.one_of(st.just("mau-2023-2024"), YAML_VALUES),
)
def test_progress_yaml_values_never_crash(workspace, folder, entries, plan):
    import yaml

    path = _fresh(folder, ".yaml")
    path.write_text(yaml.safe_dump({"kind": "progress", "plan": plan, "entries": entries}, allow_unicode=True), encoding="utf-8")
    _read_progress(path, workspace)


# -- round trips ---------------------------------------------------------------------------------------

PERCENTS = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


def _percent_forms(number: Decimal) -> list[str]:
    """The ways a percentage is written: point or comma, with or without '%', with or without a space."""
    point = format(number.normalize(), "f") if number != 0 else "0"
    comma = point.replace(".", ",")
    return [point, comma, f"{point}%", f"{comma}%", f"{point} %", f"{comma} %", f"{comma}\u00a0%"]


@SETTINGS
@given(number=PERCENTS)
@example(number=Decimal("95.5"))
@example(number=Decimal("100"))
@example(number=Decimal("0"))
def test_percentages_read_the_same_however_written(registry, folder, number):
    forms = _percent_forms(number)
    # a bare decimal in (0, 1] is an ambiguous fraction unless written with '%': those forms are refused
    ambiguous = 0 < number <= 1 and number != number.to_integral_value()
    rows = [["Sở Nội vụ", "satisfaction", "", "", form, f"2024-{month:02d}", "", ""] for month, form in enumerate(forms, start=1)]
    path = _fresh(folder, ".csv")
    path.write_text(_csv_text(HEADER, rows), encoding="utf-8")
    figures, problems = _read_figures(path, registry)
    values = {f.period: f.value for f in figures.figures}
    for month, form in enumerate(forms, start=1):
        if ambiguous and "%" not in form:
            assert f"2024-{month:02d}" not in values and any(p.code == "F509" and p.line == month + 1 for p in problems)
        else:
            assert values[f"2024-{month:02d}"] == pytest.approx(float(number)), form
    assert all(p.code == "F509" for p in problems)


@SETTINGS
@given(number=PERCENTS)
def test_percentages_round_trip_through_yaml_and_xlsx_percent_cells(registry, folder, number):
    import openpyxl
    import yaml

    fraction = float(number / 100)
    path = _fresh(folder, ".yaml")
    path.write_text(yaml.safe_dump({"kind": "figures", "year": 2024, "fractions": True, "figures": [
        {"agency": "Sở Nội vụ", "indicator": "satisfaction", "value": fraction, "period": "2024-01"},
        {"agency": "Sở Nội vụ", "indicator": "satisfaction", "value": f"{_percent_forms(number)[3]}", "period": "2024-02"},
    ]}, allow_unicode=True), encoding="utf-8")
    figures, problems = _read_figures(path, registry)
    assert problems == [] and [f.value for f in figures.figures] == [pytest.approx(float(number))] * 2

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(HEADER))
    sheet.append(["Sở Nội vụ", "satisfaction", None, None, fraction, "2024"])
    sheet["E2"].number_format = "0.00%"
    xlsx = _fresh(folder, ".xlsx")
    workbook.save(xlsx)
    figures, problems = _read_figures(xlsx, registry)
    assert problems == [] and figures.figures[0].value == pytest.approx(float(number))


@SETTINGS
@given(count=st.integers(min_value=1000, max_value=10**9), separator=st.sampled_from([".", ",", " ", "\u00a0"]))
def test_grouped_counts_read_as_whole_numbers(registry, folder, count, separator):
    grouped = f"{count:,}".replace(",", separator)
    path = _fresh(folder, ".csv")
    path.write_text(_csv_text(HEADER, [["Sở Nội vụ", "on_time_dossiers", grouped, grouped, "", "2024", "", ""]]), encoding="utf-8")
    figures, problems = _read_figures(path, registry)
    assert problems == []
    (figure,) = figures.figures
    assert figure.numerator == count and figure.denominator == count
