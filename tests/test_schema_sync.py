"""The committed JSON Schemas (used by editors) must match what `cchc schema` prints."""

from __future__ import annotations

import json

import pytest

from cchc.commands.schema import SCHEMA_KINDS, render
from tests.conftest import ROOT, run_cli


@pytest.mark.parametrize("kind", SCHEMA_KINDS)
def test_committed_schema_is_in_sync(kind):
    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == render(kind), f"run: cchc schema {kind} > schemas/{kind}.schema.json"


def test_schema_command_prints_json():
    data = json.loads(run_cli("schema").stdout)
    assert data["$defs"]["activity"]["required"] == ["id", "text"]
    assert "deadline_override" in data["$defs"]["activity"]["properties"]


def test_vscode_maps_schemas_to_plans():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert "schemas/plan.schema.json" in settings["yaml.schemas"]


def test_docs_list_every_indicator():
    from cchc.indicators import INDICATORS

    docs = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    missing = [i for i in INDICATORS if f"| `{i}` |" not in docs]
    assert missing == [], "add these indicators to the table in docs/plan-format.md"
