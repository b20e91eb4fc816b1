"""Actual figures: CSV, YAML and xlsx, good and bad (one bad file per case in tests/data/figures/bad/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cchc.adapters.figuresfile import HEADER, load_figures
from cchc.adapters.registryfile import load_registry
from cchc.core.problems import CchcError, UnreadableInput
from cchc.indicators import INDICATORS
from tests.conftest import DATA, ROOT

FIGURES = DATA / "figures"
BAD = FIGURES / "bad"


@pytest.fixture(scope="module")
def registry():
    registry, problems = load_registry(ROOT / "plans" / "hai-duong" / "agencies.yaml")
    assert not [p for p in problems if p.severity == "error"]
    return registry


def _by_key(figures):
    return {(f.agency_id, f.indicator, f.period): f for f in figures.figures}


def test_good_csv(registry):
    figures, problems = load_figures([FIGURES / "good" / "figures.csv"], registry, 2024)
    assert problems == []
    got = _by_key(figures)
    on_time = got[("so-noi-vu", "on_time_dossiers", "2024")]
    assert (on_time.numerator, on_time.denominator, on_time.source, on_time.level, on_time.line) == (1180, 1200, "Hệ thống một cửa", "tinh", 3)
    assert got[("so-noi-vu", "satisfaction", "2024")].value == 95.5  # "95,5 %", agency typed without diacritics
    payments = got[("so-noi-vu", "online_payment_transactions", "2024-Q3")]  # portal code, alias SNV, grouped thousands
    assert (payments.numerator, payments.denominator) == (1234, 2000)
    assert got[("so-tu-phap", "waiting_time", "2024")].value == 12.5
    payroll = got[("so-tu-phap", "payroll_reduction", "2024")]  # two input rows merged
    assert (payroll.numerator, payroll.denominator) == (12, 120)
    assert got[("ubnd-huyen-binh-giang", "satisfaction", "2024-05")].value == 95.5
    assert got[("ubnd-huyen-binh-giang", "online_dossiers", "2024")].value == 1
    assert not figures.illustrative


def test_good_yaml(registry):
    figures, problems = load_figures([FIGURES / "good" / "figures.yaml"], registry)
    assert problems == []
    got = _by_key(figures)
    assert got[("so-noi-vu", "data_reuse", "2024")].value == 95.5  # fractions: true
    assert got[("so-noi-vu", "online_payment_procedures", "2024")].value == 80  # written with %: as written
    digitised = got[("so-noi-vu", "digitised_results", "2024-Q1")]
    assert (digitised.note, digitised.source, digitised.line) == ("quý 1", "Báo cáo quý", 9)
    assert figures.illustrative


def test_semicolon_csv(registry):
    figures, problems = load_figures([FIGURES / "good" / "semicolons.csv"], registry)
    assert problems == [] and figures.figures[0].denominator == 10


@pytest.mark.parametrize(
    ("name", "code", "line"),
    [
        ("negative-count.csv", "F506", 2),
        ("numerator-over-denominator.csv", "F507", 3),
        ("percent-120.csv", "F508", 2),
        ("unknown-agency.csv", "F503", 2),
        ("not-a-number.csv", "F505", 2),
        ("unknown-indicator.csv", "F504", 2),
        ("unknown-input.csv", "F504", 2),
        ("ambiguous-fraction.csv", "F509", 2),
        ("bad-period.csv", "F510", 2),
        ("bad-header.csv", "F502", 1),
        ("collective.csv", "F514", 2),
        ("duplicate.csv", "F513", 3),
        ("input-after-full-row.csv", "F513", 3),
        ("input-after-full-row.yaml", "F513", 8),
        ("count-too-long.csv", "F508", 2),  # 5,001 digits: Python will not make an int of it
        ("count-too-long.yaml", "F508", 4),
        ("quantity-with-counts.csv", "F512", 2),
        ("half-ratio.csv", "F511", 2),
        ("value-disagrees.csv", "F512", 2),
        ("not-arising-with-counts.csv", "F512", 2),
        ("wrong-width.csv", "F502", 2),
        ("negative-minutes.csv", "F508", 2),
        ("fractional-count.csv", "F506", 2),
        ("no-figures.csv", "F511", 2),
        ("not-figures.yaml", "F501", 1),
        ("a-list.yaml", "F501", 1),
        ("period-outside-year.yaml", "F516", 4),
        ("other-province.yaml", "F517", 3),
        ("rows-not-a-list.yaml", "F501", 4),
        ("row-not-a-mapping.yaml", "F501", 4),
        ("figures.txt", "F520", None),
    ],
)
def test_bad_file(registry, name, code, line):
    figures, problems = load_figures([BAD / name], registry, 2024)
    assert [(p.code, p.line) for p in problems] == [(code, line)], [p.format() for p in problems]
    (problem,) = problems
    assert problem.path.endswith(name) and "\n" not in problem.message
    if name == "numerator-over-denominator.csv":
        assert [f.agency_id for f in figures.figures] == ["so-noi-vu"]  # the good row is kept


@pytest.mark.parametrize(("name", "first"), [("input-after-full-row.csv", 2), ("input-after-full-row.yaml", 7)])
def test_an_input_row_after_a_full_row_names_where_the_input_was_given(registry, name, first):
    """A CSV row that gives numerator and denominator is checked at once and its cells let go; the
    duplicate still names its line (a YAML row keeps its cells: the line of its 'denominator' key)."""
    figures, problems = load_figures([BAD / name], registry, 2024)
    (problem,) = problems
    assert f"dòng {first}" in problem.message, problem.message
    assert [(f.numerator, f.denominator) for f in figures.figures] == [(5, 10)]  # the full row stands


def test_every_bad_file_is_tested():
    source = Path(__file__).read_text(encoding="utf-8")
    assert all(f'"{path.name}"' in source for path in BAD.iterdir())


def test_messages_suggest_and_explain(registry):
    def message(name):
        return load_figures([BAD / name], registry, 2024)[1][0].message

    assert "Sở Nội vụ" in message("unknown-agency.csv")
    assert "on_time_dossiers" in message("unknown-indicator.csv")
    assert "1250" in message("numerator-over-denominator.csv") and "1200" in message("numerator-over-denominator.csv")
    assert "95,5" in message("ambiguous-fraction.csv") and "fractions: true" in message("ambiguous-fraction.csv")
    assert "abc" in message("not-a-number.csv")
    assert ",".join(HEADER) in message("bad-header.csv")


def test_period_is_required_without_a_year(registry, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(",".join(HEADER) + "\nSở Nội vụ,on_time_dossiers,5,10,,,,\n", encoding="utf-8")
    assert [p.code for p in load_figures([path], registry)[1]] == ["F510"]
    figures, problems = load_figures([path], registry, 2023)
    assert problems == [] and figures.figures[0].period == "2023"


def test_half_a_ratio_from_input_rows_is_kept_and_reported_as_missing(registry, tmp_path):
    path = tmp_path / "f.csv"
    path.write_text(",".join(HEADER) + "\nSở Nội vụ,payroll_reduction.baseline,,,120,2024,,\n", encoding="utf-8")
    figures, problems = load_figures([path], registry)
    assert problems == []
    evaluation = INDICATORS["payroll_reduction"].evaluate(figures.figures[0])
    assert evaluation.status == "no_data" and "thiếu số liệu" in evaluation.reason_vi


@pytest.mark.parametrize("written", ["không phát sinh", "Không phát sinh", "KHONG PHAT SINH"])
def test_nothing_arose_makes_the_criterion_not_applicable(registry, tmp_path, written):
    path = tmp_path / "f.csv"
    path.write_text(",".join(HEADER) + f"\nSở Nội vụ,complaints_handled_on_time,,,{written},2024,,\n", encoding="utf-8")
    figures, problems = load_figures([path], registry)
    assert problems == []
    (figure,) = figures.figures
    assert figure.not_applicable and figure.value is None
    evaluation = INDICATORS["complaints_handled_on_time"].evaluate(figure)
    assert evaluation.status == "not_applicable" and "không phát sinh" in evaluation.reason_vi


def test_duplicates_across_files(registry, tmp_path):
    for name in ("a.csv", "b.csv"):
        (tmp_path / name).write_text(",".join(HEADER) + "\nSở Nội vụ,on_time_dossiers,5,10,,2024,,\n", encoding="utf-8")
    _, problems = load_figures([tmp_path], registry)
    assert [(Path(p.path).name, p.code) for p in problems] == [("b.csv", "F513")]
    assert "a.csv:2" in problems[0].message


def test_folder_skips_other_reports(registry, tmp_path):
    nested = tmp_path / "2024" / "hai-duong"
    nested.mkdir(parents=True)
    (nested / "progress.yaml").write_text("kind: progress\nentries: []\n", encoding="utf-8")
    (nested / "progress.csv").write_text("plan,activity,occurrence,status,completed,evidence,link,agency,note\n", encoding="utf-8")
    (nested / "notes.md").write_text("# not data\n", encoding="utf-8")
    (nested / "figures.csv").write_text(",".join(HEADER) + "\nSở Nội vụ,on_time_dossiers,5,10,,2024,,\n", encoding="utf-8")
    figures, problems = load_figures([tmp_path], registry)
    assert problems == [] and len(figures.figures) == 1
    (nested / "typo.csv").write_text("agency,indicator,numerator\n", encoding="utf-8")
    assert [p.code for p in load_figures([tmp_path], registry)[1]] == ["F502"]  # a misspelt figures header is reported


def test_empty_folder_warns(registry, tmp_path):
    figures, problems = load_figures([tmp_path], registry)
    assert figures.figures == [] and [(p.code, p.severity) for p in problems] == [("F518", "warning")]


def test_yaml_unknown_keys_warn(registry, tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("kind: figures\nyear: 2024\ncolour: red\nfigures:\n  - {agency: Sở Nội vụ, indicator: satisfaction, value: 91, colour: red}\n", encoding="utf-8")
    figures, problems = load_figures([path], registry)
    assert [(p.code, p.line, p.severity) for p in problems] == [("F519", 3, "warning"), ("F519", 5, "warning")]
    assert figures.figures[0].value == 91


def _xlsx(path: Path, rows: list[list], percent_cells: tuple[str, ...] = (), title_rows: int = 0) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for _ in range(title_rows):
        sheet.append(["SỐ LIỆU NĂM 2024"])
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append(row)
    for ref in percent_cells:
        sheet[ref].number_format = "0.0%"
    workbook.save(path)
    return path


def test_xlsx_good(registry, tmp_path):
    path = _xlsx(
        tmp_path / "f.xlsx",
        [
            ["Sở Nội vụ", "on_time_dossiers", 1180, 1200],
            ["Sở Nội vụ", "satisfaction", None, None, 0.955, "2024"],
            ["Sở Tư pháp", "satisfaction", None, None, "95,5 %", 2024],
            ["Sở Tư pháp", "waiting_time", None, None, 12.5, "2024-Q2"],
        ],
        percent_cells=("E5",),
        title_rows=2,
    )
    figures, problems = load_figures([path], registry, 2024)
    assert problems == []
    got = _by_key(figures)
    assert got[("so-noi-vu", "on_time_dossiers", "2024")].line == 4  # Excel row number
    assert got[("so-noi-vu", "satisfaction", "2024")].value == 95.5  # a cell formatted as %
    assert got[("so-tu-phap", "satisfaction", "2024")].value == 95.5
    assert got[("so-tu-phap", "waiting_time", "2024-Q2")].value == 12.5


def test_xlsx_bad(registry, tmp_path):
    path = _xlsx(tmp_path / "f.xlsx", [["Sở Nội vụ", "satisfaction", None, None, 0.955], ["Sở Nội vụ", "online_dossiers", 12, 10]])
    assert [(p.code, p.line, p.col) for p in load_figures([path], registry, 2024)[1]] == [("F509", 2, 5), ("F507", 3, 3)]
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["cơ quan", "chỉ số"])
    workbook.save(tmp_path / "other.xlsx")
    assert [p.code for p in load_figures([tmp_path / "other.xlsx"], registry)[1]] == ["F502"]


@pytest.mark.parametrize(
    ("name", "content"),
    [("missing.csv", None), ("latin1.csv", "agency,indicator\nS\xf4\n".encode("latin-1")), ("broken.xlsx", b"not a zip")],
)
def test_unreadable(registry, tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UnreadableInput) as error:
        load_figures([path], registry)
    assert error.value.exit_code == 2 and name in str(error.value)


def test_broken_yaml_is_a_data_error(registry, tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("kind: figures\nfigures: [\n", encoding="utf-8")
    with pytest.raises(CchcError) as error:
        load_figures([path], registry)
    assert error.value.exit_code == 1


def test_bundled_sample_figures(registry):
    folder = ROOT / "reports" / "2024" / "hai-duong"
    figures, problems = load_figures([folder], registry, 2024)
    assert problems == []
    assert figures.illustrative
    text = next(folder.glob("*.yaml")).read_text(encoding="utf-8")
    assert "SỐ LIỆU MINH HỌA" in text and "illustrative: true" in text
    agencies = figures.agency_ids(2024)
    departments = {a.id for a in registry.agencies if a.kind == "department" and a.id != "so-nong-nghiep-va-moi-truong"}
    assert departments | {"van-phong-ubnd-tinh"} <= agencies
    districts = {a.id for a in registry.agencies if a.kind == "district-committee"}
    assert len(districts) == 12 and districts <= agencies


_cells = st.text(alphabet=st.sampled_from(list("0123456789.,%- abcQ\u00a0")), max_size=8)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(numerator=_cells, denominator=_cells, value=_cells, period=_cells, indicator=st.sampled_from(["on_time_dossiers", "waiting_time", "payroll_reduction", "satisfaction.ratings", "x"]))
def test_any_cell_text_gives_figures_or_problems_never_a_crash(registry, tmp_path, numerator, denominator, value, period, indicator):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, ["Sở Nội vụ", indicator, numerator, denominator, value, period, "", ""]])
    path = tmp_path / "f.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    figures, problems = load_figures([path], registry, 2024)
    for figure in figures.figures:
        evaluation = INDICATORS[figure.indicator].evaluate(figure)
        assert evaluation.status in ("met", "not_met", "no_data")
        if figure.numerator is not None and figure.denominator is not None:
            assert 0 <= figure.numerator <= figure.denominator
    assert all(p.line == 2 for p in problems)


_GOOD = {"agency": ["Sở Nội vụ", "Sở Tư pháp"], "indicator": ["on_time_dossiers", "payroll_reduction"], "count": ["5", "10", "12"], "period": ["2024"]}
_ODD = {
    "agency": [" Sở Nội vụ ", "so noi vu", "Sở Không Có", "", "Các sở, ban, ngành"],
    "indicator": ["ON_TIME", " on_time_dossiers", "on_time_dossiers.settled", "on_time_dossiers.settled_on_time", "waiting_time", "nope", ""],
    "count": ["", " 7 ", "1.234", "0", "-1", "\u0663", "1" + "0" * 16, "abc", "0012"],
    "period": [" 2024", "2024-Q1", "", "2023", "bad"],
}
_ROW_PARTS = {part: [*_GOOD[part] * 3, *_ODD[part]] for part in _GOOD}  # mostly good rows: the short path needs texts seen before
_ROW_PARTS |= {"value": ["", "", "", "", "95,5", "0.5", "không phát sinh", "12"], "text": ["", "Báo cáo", " x "]}
_rows = st.lists(
    st.tuples(*(st.sampled_from(_ROW_PARTS[part]) for part in ("agency", "indicator", "count", "count", "value", "period", "text", "text"))),
    min_size=1,
    max_size=12,
)
# Rows the short path takes from the third on (agency, indicator and period each seen before, a new
# figure): over the denominator, spaces around source and note, then plain.
_SHORT_PATH_ROWS = [
    ("Sở Nội vụ", "on_time_dossiers", "5", "10", "", "2024", "", ""),
    ("Sở Tư pháp", "payroll_reduction", "5", "10", "", "2024", "", ""),
    ("Sở Tư pháp", "on_time_dossiers", "12", "10", "", "2024", " x ", " x "),
    ("Sở Nội vụ", "payroll_reduction", "5", "12", "", "2024", " x ", " x "),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_rows)
@example(rows=_SHORT_PATH_ROWS)
def test_plain_csv_rows_read_the_same_as_through_the_checking_path(registry, tmp_path, rows):
    """The short path for plain CSV rows (``_Reader._plain_row``) gives exactly the figures and
    problems the checking path gives, whatever the mix of good, odd, bad and repeated rows."""
    import csv
    import io

    from cchc.adapters import figuresfile

    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows, *rows[:2]])  # the first rows again: duplicates
    path = tmp_path / "f.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")

    def read() -> tuple[list, list]:
        figures, problems = load_figures([path], registry, 2024)
        return [tuple(getattr(f, name) for name in f.__slots__) for f in figures.figures], [(p.path, p.line, p.col, p.code, p.message, p.severity) for p in problems]

    short = read()
    plain_row = figuresfile._Reader._plain_row
    figuresfile._Reader._plain_row = lambda self, context, raw, line: False
    try:
        checked = read()
    finally:
        figuresfile._Reader._plain_row = plain_row
    assert short == checked
