"""CSV rows with the line each one starts on, read strictly.

Python's lenient CSV reader lets a quote that is never closed swallow every following line into one
cell, so rows vanish silently and the error, if any, is reported at the end of the file. Here the
reader is strict and a broken row is reported where it starts.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from cchc.core.i18n import tr


class CsvSyntaxError(Exception):
    """A row that is not valid CSV; ``line`` is where the row starts, ``message`` says why."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def csv_rows(lines: list[str], delimiter: str = ",") -> Iterator[tuple[int, list[str]]]:
    """(first line of the row, fields) for every row of ``lines`` (kept with their line ends)."""
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                message = tr(
                    "dấu ngoặc kép (\") mở ở dòng này không được đóng, nên mọi dòng sau bị gộp vào một ô; hãy đóng ngoặc kép",
                    "a double quote (\") opened on this line is never closed, so every later line would run into one cell; close the quote",
                )
            elif "field larger than field limit" in str(exc):
                limit = csv.field_size_limit()
                message = tr(
                    f"một ô dài hơn {limit} ký tự; tệp bị hỏng hoặc thiếu dấu ngoặc kép đóng?",
                    f"a cell is longer than {limit} characters; is the file damaged or a closing quote missing?",
                )
            else:
                message = tr(f"dòng CSV sai cú pháp ({exc}); kiểm tra dấu ngoặc kép", f"malformed CSV row ({exc}); check the double quotes")
            raise CsvSyntaxError(start, message) from None
        yield start, row
