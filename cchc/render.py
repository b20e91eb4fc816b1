"""Shared output for listing commands: a rich table, stable JSON, or CSV."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Sequence
from typing import Any

import click

FORMATS = ("table", "json", "csv")


def format_option(func):  # noqa: ANN001, ANN201 - click decorator
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="table | json | csv")(func)


def emit_json(data: Any) -> None:
    """Indented for a person at a terminal; compact for scripts, where the C encoder makes a list of
    100,000 rows several times faster to write."""
    if sys.stdout.isatty():
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        click.echo(json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str))


def emit_csv(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    click.echo(buffer.getvalue(), nl=False)


def console():  # noqa: ANN201 - rich imported lazily
    from rich.console import Console

    return Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)


def emit_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], justify: Sequence[str] | None = None) -> None:
    from rich.table import Table

    table = Table(title=title, show_lines=False, header_style="bold")
    for i, header in enumerate(headers):
        table.add_column(header, justify=(justify[i] if justify else "left"), overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    console().print(table)
