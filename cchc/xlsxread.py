"""Read spreadsheets people send in, without trusting them.

openpyxl parses the workbook XML with defusedxml when it is installed (it is a dependency), which
stops entity-expansion attacks; before opening, the zip is checked so a "zip bomb" (a tiny file that
inflates to gigabytes) is refused instead of filling memory. Cells are read as values, never as
formulas (``data_only=True``): a formula cell yields its cached result, or nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from cchc.i18n import tr
from cchc.problems import Problem, UnreadableInput
from cchc.text import nfc

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_RATIO = 200


def check_zip(path: Path) -> None:
    """Refuse files that are not xlsx zips or that would inflate beyond sane limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise UnreadableInput(Problem(str(path), None, None, "X701", tr("không phải tệp Excel .xlsx hợp lệ", "not a valid Excel .xlsx file"))) from None
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO and total > 10 * 1024 * 1024:
        raise UnreadableInput(Problem(str(path), None, None, "X702", tr(f"tệp Excel giải nén ra {total // (1024 * 1024)} MiB — quá lớn hoặc là zip bomb", f"the Excel file inflates to {total // (1024 * 1024)} MiB — too large or a zip bomb")))


def read_sheet_rows(path: Path, sheet: str | None = None) -> list[tuple[int, list[object]]]:
    """(row number, cell values) of a sheet (the first, or the one named), blank rows included."""
    check_zip(path)
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for corrupt files
        raise UnreadableInput(Problem(str(path), None, None, "X701", tr(f"không mở được tệp Excel: {exc}", f"cannot open the Excel file: {exc}"))) from None
    try:
        worksheet = workbook[sheet] if sheet and sheet in workbook.sheetnames else workbook.worksheets[0]
        return [
            (number, [nfc(v) if isinstance(v, str) else v for v in values])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()
