"""Jobs on the national master data: list administrative units, and draft a province's registry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc.app.inputs import problem_lines, usage_error
from cchc.core.i18n import tr
from cchc.core.problems import ERROR, CchcError
from cchc.core.text import fold


def list_units(province: str | None = None, level: str | None = None, formed_from: str | None = None) -> list[Any]:
    """Units of the country or of one province, of one level, formed from an old unit of that name."""
    from cchc.adapters.unitsfile import load_units

    book = load_units()
    if province is not None:
        unit = book.province(province)
        units = [unit, *book.communes_of(unit)]
    else:
        units = list(book.units)
    if level is not None:
        units = [u for u in units if u.level == level]
    if formed_from is not None:
        if not formed_from.strip():
            raise usage_error("--from cần một tên đơn vị cũ", "--from needs the name of an old unit")
        units = book.formed_from(formed_from, units)
    return units


@dataclass
class RegistryDraft:
    """A province's registry as text, and what it was made from."""

    text: str
    province: Any  # cchc.core.units.Unit
    communes: int
    predecessors: list[Path]
    data: dict


def draft_registry(province: str, plans: Path, output: Path | None = None) -> RegistryDraft:
    """The registry of ``province`` as it is now, linking the pre-2025 registries found under ``plans``."""
    from cchc.adapters.unitsfile import load_units
    from cchc.adapters.yamlwrite import dump, schema_reference
    from cchc.core.registrybuild import Predecessor, build_registry

    book = load_units()
    unit = book.province(province)
    communes = book.communes_of(unit)
    found = _predecessor_registries(plans, [fold(name) for name in unit.formed_from])
    data = build_registry(unit, communes, [Predecessor(str(d["province"]), d) for _, d in found])
    where = output if output is not None else plans / "x" / "agencies.yaml"
    header = (
        f"# yaml-language-server: $schema={schema_reference(where, 'agencies')}\n"
        f"# Danh mục cơ quan — {data['province']}, tạo bởi `cchc registry init --province \"{unit.name}\"`.\n"
        "# Tên trong kế hoạch phải khớp name hoặc một alias (không phân biệt hoa/thường, khoảng trắng,\n"
        "# dạng Unicode; có phân biệt dấu). Rà soát các mục có ghi chú 'CẦN RÀ SOÁT' trước khi dùng.\n"
    )
    return RegistryDraft(header + dump(data), unit, len(communes), [path for path, _ in found], data)


def _predecessor_registries(plans: Path, old_provinces: list[str]) -> list[tuple[Path, Any]]:
    """Registries under ``plans`` of the provinces this one was formed from (checked: a broken one stops)."""
    from cchc.adapters.documents import load_document
    from cchc.adapters.registryfile import load_registry
    from cchc.adapters.workspace import yaml_files

    if not plans.exists():
        return []
    if not plans.is_dir():
        raise usage_error(f"--plans '{plans}' không phải thư mục", f"--plans '{plans}' is not a folder")
    found = []
    for path in yaml_files([plans]):
        if path.name != "agencies.yaml":
            continue
        kind, data, _ = load_document(path)
        if kind != "agencies" or fold(str(data.get("province", ""))) not in old_provinces:
            continue
        _, problems = load_registry(path)
        errors = [p for p in problems if p.severity == ERROR]
        if errors:
            raise CchcError(problem_lines(errors) + "\n" + tr("sửa danh mục cũ trước (cchc validate)", "fix the earlier registry first (cchc validate)"))
        found.append((path, data))
    return found
