"""Read spreadsheets people send in, without trusting them.

openpyxl parses the workbook XML with defusedxml when it is installed (it is a dependency), which
stops entity-expansion attacks; before opening, the zip is checked so a "zip bomb" (a tiny file that
inflates to gigabytes) is refused instead of filling memory. Cells are read as values, never as
formulas (``data_only=True``): a formula cell yields its cached result, or nothing.

Problems (all unreadable input, exit code 2): X701 not a zip / cannot be read, X702 inflates past
``MAX_UNCOMPRESSED`` or ``MAX_RATIO`` (zip bomb), X703 declares an XML DTD or entities (XXE,
"billion laughs"), or openpyxl runs without defusedxml. The same checks guard .docx imports.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from cchc.core.i18n import tr
from cchc.core.problems import Problem, UnreadableInput
from cchc.core.text import nfc

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200


def check_zip(path: Path, kind: str = "Excel .xlsx") -> None:
    """Refuse files that are not zips (xlsx, docx) or that would inflate beyond sane limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise UnreadableInput(Problem(str(path), None, None, "X701", tr(f"không phải tệp {kind} hợp lệ", f"not a valid {kind} file"))) from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO and total > 10 * 1024 * 1024:
        raise UnreadableInput(Problem(str(path), None, None, "X702", tr(f"tệp {kind} giải nén ra {total // (1024 * 1024)} MiB — quá lớn hoặc là zip bomb", f"the {kind} file inflates to {total // (1024 * 1024)} MiB — too large or a zip bomb")))


def open_workbook(path: Path, code: str = "X701"):  # noqa: ANN201 - an openpyxl read-only workbook
    """Check the zip, then open read-only with cached values; every failure is one UnreadableInput."""
    check_zip(path)
    import openpyxl

    if not openpyxl.DEFUSEDXML:  # OPENPYXL_DEFUSEDXML=False in the environment: do not parse untrusted XML
        raise UnreadableInput(
            Problem(
                str(path),
                None,
                None,
                "X703",
                tr(
                    "openpyxl đang chạy không có defusedxml (biến môi trường OPENPYXL_DEFUSEDXML); cchc không mở tệp Excel không tin cậy",
                    "openpyxl runs without defusedxml (OPENPYXL_DEFUSEDXML is set); cchc does not open untrusted Excel files",
                ),
            )
        )
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for corrupt files
        raise unreadable(path, exc, code) from None


def unreadable(path: Path | str, exc: BaseException, code: str = "X701", row: int | None = None) -> UnreadableInput:
    """One clear line for a workbook or document that openpyxl/defusedxml refused."""
    if xml_attack(exc):
        return UnreadableInput(
            Problem(
                str(path),
                row,
                None if row is None else 1,
                "X703",
                tr(
                    "tệp chứa khai báo DTD/thực thể XML (dấu hiệu tấn công XXE hoặc 'billion laughs'); cchc không đọc tệp này — hãy lưu lại bằng Excel/Word",
                    "the file declares an XML DTD or entities (an XXE or 'billion laughs' attack); cchc does not read it — save it again from Excel/Word",
                ),
            )
        )
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    where = tr(f" ở dòng {row}", f" at row {row}") if row else ""
    return UnreadableInput(Problem(str(path), row, None if row is None else 1, code, tr(f"không đọc được tệp{where}: {reason}", f"cannot read the file{where}: {reason}")))


def xml_attack(exc: BaseException | None) -> bool:
    from defusedxml import DefusedXmlException

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def iter_rows_safely(worksheet, path: Path, code: str = "X701", **options):  # noqa: ANN001, ANN003, ANN201
    """``worksheet.iter_rows(**options)``, with openpyxl's lazy parsing errors as one UnreadableInput."""
    rows = worksheet.iter_rows(**options)
    number = options.get("min_row") or 1
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - a malformed cell (NaN in a number cell …) deep in the sheet XML
            raise unreadable(path, exc, code, number) from None
        yield row
        number += 1


def read_sheet_rows(path: Path, sheet: str | None = None) -> list[tuple[int, list[object]]]:
    """(row number, cell values) of a sheet (the first, or the one named), blank rows included."""
    workbook = open_workbook(path)
    try:
        worksheet = workbook[sheet] if sheet and sheet in workbook.sheetnames else workbook.worksheets[0]
        return [
            (number, [nfc(v) if isinstance(v, str) else v for v in values])
            for number, values in enumerate(iter_rows_safely(worksheet, path, values_only=True), start=1)
        ]
    finally:
        workbook.close()
