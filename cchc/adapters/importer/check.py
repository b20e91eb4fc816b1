"""Validate an imported plan before it is written: the checks ``cchc validate`` would run on the file.

An import must never leave a plan that ``cchc validate`` rejects while saying it succeeded, so the
rendered YAML is read back exactly as the file will be read, with the registry it will be checked
against (the one beside the output, the one given, or the draft written with it).
"""

from __future__ import annotations

from cchc.adapters.planfile import check_plan, read_plan
from cchc.adapters.registryfile import registry_from_data
from cchc.adapters.yamlio import parse_yaml
from cchc.core.agencies import Registry
from cchc.core.problems import ERROR, Problem


def check_import(plan_text: str, plan_path: str, registry: Registry | None, registry_text: str | None = None, registry_path: str = "") -> list[Problem]:
    """Problems of the plan file to be written (errors and warnings), in line order."""
    problems: list[Problem] = []
    if registry_text is not None:
        data, found = parse_yaml(registry_text, registry_path)
        registry, found = registry_from_data(data, registry_path, found)
        problems.extend(found)
    data, found = parse_yaml(plan_text, plan_path)
    plan, found = read_plan(data, plan_path, found)
    problems.extend(found)
    if plan is not None:
        problems.extend(check_plan(plan, registry))
    return sorted(problems, key=lambda p: (p.severity != ERROR, p.path, p.line or 0))
