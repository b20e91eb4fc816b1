"""``cchc schema``: print the JSON Schema editors use for completion and checking."""

from __future__ import annotations

import json

import click

from cchc.core.i18n import tr

SCHEMA_KINDS = ("plan", "agencies", "methodology", "figures", "progress")


def json_schema(kind: str) -> dict:
    from cchc.adapters import formats
    from cchc.adapters.schema import to_json_schema

    root = formats.KINDS[kind]
    return to_json_schema(root, f"https://cchc.example/schemas/{kind}.schema.json", f"cchc {kind} file")


def render(kind: str) -> str:
    """The exact text committed as schemas/<kind>.schema.json."""
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2) + "\n"


@click.command(name="schema", help=tr("In JSON Schema của một loại tệp: plan, agencies, methodology, figures, progress (mặc định: plan).", "Print the JSON Schema of a file kind: plan, agencies, methodology, figures, progress (default: plan)."))
@click.argument("kind", type=click.Choice(SCHEMA_KINDS), default="plan")
def command(kind: str) -> None:
    click.echo(render(kind), nl=False)
