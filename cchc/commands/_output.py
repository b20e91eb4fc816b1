"""The CLI's output layer: one reporter per ``--format`` (table, json, csv) for every listing
command, to the terminal or, with ``-o FILE``, to a file written atomically under the one overwrite
policy of :mod:`cchc.adapters.outputs` (a CSV file starts with a UTF-8 BOM so Excel shows
Vietnamese). A command builds a :class:`Listing` and hands it to :func:`emit`; it never prints
formats itself.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

import click

from cchc.core.i18n import tr

FORMATS = ("table", "json", "csv")
SUFFIXES = {"table": (".txt",), "json": (".json",), "csv": (".csv",)}
FILE_WIDTH = 160  # columns of a table written to a file


class Listing(Protocol):
    """What a listing command hands to the reporters."""

    def data(self) -> Any:
        """Plain data for JSON (the command's stable contract)."""

    def rows(self) -> tuple[list[str], list[list[Any]]]:
        """Column names and rows for CSV."""

    def show(self, out: Any) -> None:
        """Print the human table on a rich console."""


def format_option(func):  # noqa: ANN001, ANN201 - click decorator
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="table | json | csv")(func)


def force_option(func):  # noqa: ANN001, ANN201 - click decorator
    return click.option("--force", is_flag=True, help=tr("Cho phép ghi đè tệp đã có (không bao giờ ghi đè tệp đầu vào).", "Allow replacing an existing file (an input is never replaced)."))(func)


def output_option(func):  # noqa: ANN001, ANN201 - click decorator
    return click.option("-o", "--output", "output", type=click.Path(path_type=Path, dir_okay=False), help=tr("Ghi kết quả ra tệp (.txt, .json hoặc .csv theo --format).", "Write the result to a file (.txt, .json or .csv, as --format)."))(func)


def _json_text(data: Any, pretty: bool) -> str:
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str) + "\n"


def _csv_text(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return buffer.getvalue()


def _table_text(listing: Listing) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    listing.show(Console(file=buffer, width=FILE_WIDTH, no_color=True, soft_wrap=False, highlight=False))
    return buffer.getvalue()


REPORTERS: dict[str, Callable[[Listing, bool], str]] = {
    "json": lambda listing, to_file: _json_text(listing.data(), pretty=to_file or sys.stdout.isatty()),
    "csv": lambda listing, to_file: ("\ufeff" if to_file else "") + _csv_text(*listing.rows()),
    "table": lambda listing, to_file: _table_text(listing),
}


def check_destination(fmt: str, output: Path | None, force: bool, inputs: Sequence[Path] = ()) -> None:
    """Refuse a bad ``-o`` before any work (wrong suffix, an input, someone's existing file)."""
    if output is not None:
        from cchc.adapters.outputs import check_output

        check_output(output, SUFFIXES[fmt], force, inputs)


def emit(listing: Listing, fmt: str, output: Path | None = None) -> None:
    """Print ``listing`` in ``fmt`` on stdout, or write it to ``output`` (checked beforehand)."""
    if output is not None:
        from cchc.adapters.outputs import write_atomic

        write_atomic(output, REPORTERS[fmt](listing, True))
        click.echo(tr(f"Đã ghi {output}", f"Wrote {output}"), err=True)
    elif fmt == "table":
        listing.show(console())
    else:
        click.echo(REPORTERS[fmt](listing, False), nl=False)


def emit_json(data: Any) -> None:
    """JSON for commands whose only output is JSON (``show --json``, ``deadline --json``)."""
    click.echo(_json_text(data, pretty=sys.stdout.isatty()), nl=False)


def console():  # noqa: ANN201 - rich imported lazily
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError  # rich would exit 1; the CLI ends quietly with 0 (cchc.cli)

    return _Console(soft_wrap=False, width=None if sys.stdout.isatty() else FILE_WIDTH)


class SimpleTable:
    """A listing that is one table: a title, headers, rows (and the same rows for CSV/JSON)."""

    def __init__(self, title: str, keys: Sequence[str], headers: Sequence[str], rows: Sequence[dict], justify: Sequence[str] | None = None, display: dict[str, Callable[[Any], str]] | None = None):
        """``headers`` name the first columns of ``keys`` shown in the table; ``display`` turns a code
        into words for the table (JSON and CSV keep the codes)."""
        self.title, self.keys, self.headers, self.records, self.justify = title, list(keys), list(headers), list(rows), justify
        self.display = display or {}

    def data(self) -> Any:
        return self.records

    def rows(self) -> tuple[list[str], list[list[Any]]]:
        return self.keys, [[("; ".join(map(str, r[k])) if isinstance(r[k], list) else r[k]) for k in self.keys] for r in self.records]

    def show(self, out: Any) -> None:
        from rich.table import Table

        table = Table(title=self.title, header_style="bold")
        for i, header in enumerate(self.headers):
            table.add_column(header, justify=(self.justify[i] if self.justify else "left"), overflow="fold")
        for record in self.records:
            table.add_row(*(self._cell(k, record[k]) for k in self.keys[: len(self.headers)]))
        out.print(table)

    def _cell(self, key: str, value: Any) -> str:
        if value is None:
            return ""
        if key in self.display:
            return self.display[key](value)
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
