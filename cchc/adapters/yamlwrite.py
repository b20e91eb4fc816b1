"""Write cchc's YAML files as people read them: keys in the given order, Vietnamese as is, multi-line
texts as literal blocks, and a schema comment editors follow (``cchc import``, ``cchc registry init``)."""

from __future__ import annotations

import os
from pathlib import Path

import yaml


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Multi-line texts (lists inside a cell) as literal blocks, so they read as written (libyaml when present)."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None  # PyYAML falls back to quoting when a block cannot hold it
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _str)


def dump(data: object) -> str:
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=4096)


def schema_reference(output: Path, kind: str) -> str:
    """Path from the output file's folder to the repository's schema (../../schemas/<kind>.schema.json in plans/x/)."""
    schema = Path("schemas") / f"{kind}.schema.json"
    folder = output.resolve().parent
    for base in (folder, *folder.parents):
        if (base / schema).is_file() or (base / "schemas").is_dir():
            return Path(os.path.relpath(base / schema, folder)).as_posix()
    return "../../" + schema.as_posix()
