"""``cchc init``: a new office's own repository, laid out as cchc expects, with nothing of the samples.

The repository holds the province's registry (``plans/<slug>/agencies.yaml``, from
:func:`cchc.app.units.draft_registry`), empty ``reports/``, a CI workflow and a pre-commit hook that
run ``cchc validate``, and a short README in Vietnamese. Every default of cchc derives from the plans
folder (``--plans DIR/plans`` reads ``DIR/reports``), so no sample data of cchc's own repository is
ever read with the office's plans. The files are written as one batch: all or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cchc import __version__
from cchc.app.inputs import usage_error

WORKFLOW = """\
name: cchc validate
# Kiểm tra mọi tệp kế hoạch, danh mục cơ quan, phương pháp, số liệu và báo cáo tiến độ ở mỗi lần đẩy
# mã và mỗi yêu cầu hợp nhất; lỗi hiện thành chú thích trên từng dòng của tệp.
on: [push, pull_request]
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      # Cài cchc đúng phiên bản đã tạo kho này; nếu đơn vị cài cchc từ nguồn khác (kho git, gói nội bộ),
      # sửa dòng dưới cho phù hợp.
      - run: pip install "cchc=={version}"
      - run: cchc validate --format github plans/ reports/
"""

PRE_COMMIT = """\
# Kiểm tra tệp kế hoạch trước mỗi lần `git commit`: `pip install pre-commit && pre-commit install`.
# Cần lệnh `cchc` đã cài trên máy (pip install "cchc=={version}").
repos:
  - repo: local
    hooks:
      - id: cchc-validate
        name: cchc validate
        entry: cchc validate
        language: system
        files: ^(plans|reports)/.*\\.ya?ml$
        pass_filenames: true
"""

README = """\
# Kế hoạch cải cách hành chính — {province}

Kho dữ liệu CCHC của {word} {province}, tạo bởi `cchc init` (cchc {version}). Kế hoạch, danh mục cơ
quan, số liệu và báo cáo tiến độ được lưu dưới dạng tệp YAML/CSV, xem lại qua git như mã nguồn, và được
kiểm tra tự động bằng `cchc validate`.

## Cấu trúc

```
plans/{slug}/agencies.yaml        danh mục cơ quan: UBND, các sở, {communes} UBND cấp xã, các tập thể
plans/{slug}/<kế-hoạch>.yaml      các kế hoạch (chuyển từ bảng Word/Excel bằng `cchc import`)
plans/{slug}/methodology-NĂM.yaml phương pháp chấm Chỉ số CCHC của tỉnh (nếu có)
reports/NĂM/{slug}/               số liệu thực tế của năm để chấm điểm
reports/progress/{slug}/          báo cáo tiến độ thực hiện nhiệm vụ
```

Danh mục cơ quan được tạo từ danh mục đơn vị hành chính có hiệu lực từ 01/7/2025 và Nghị định
150/2025/NĐ-CP. Trước khi dùng, rà soát các mục có ghi chú "CẦN RÀ SOÁT" (sở đặc thù) và bổ sung các
cơ quan khác mà kế hoạch nêu tên (ban quản lý khu kinh tế, cơ quan ngành dọc…).

## Lệnh thường dùng

```
cchc validate plans/ reports/                      kiểm tra mọi tệp
cchc import bang-nhiem-vu.xlsx -o plans/{slug}/ke-hoach-2027.yaml
cchc overdue --plans plans --as-of 2027-06-30      nhiệm vụ quá hạn
cchc score 2027 --plans plans --level xa           xếp hạng UBND cấp xã
cchc export 2027 --plans plans -o giao-ban.xlsx    sổ Excel cho cuộc họp giao ban
```

Kiểm tra tự động: `.github/workflows/validate.yml` (mỗi lần đẩy mã) và `.pre-commit-config.yaml`
(trước mỗi lần `git commit`).
"""


@dataclass
class NewWorkspace:
    root: Path
    files: dict[Path, str]
    registry: Path
    communes: int


def plan_workspace(root: Path, province: str, force: bool = False) -> NewWorkspace:
    """The files of a new workspace for ``province`` under ``root``, checked against the overwrite policy."""
    from cchc.adapters.outputs import check_output
    from cchc.adapters.unitsfile import load_units
    from cchc.app.units import draft_registry
    from cchc.core.registrybuild import slug

    if root.exists() and not root.is_dir():
        raise usage_error(f"'{root}' đã có và không phải thư mục", f"'{root}' exists and is not a folder")
    plans = root / "plans"
    folder = slug(load_units().province(province).name)
    registry = plans / folder / "agencies.yaml"
    draft = draft_registry(province, plans, registry)
    word = "thành phố" if draft.province.kind == "thanh-pho" else "tỉnh"
    values = {"province": draft.province.name, "word": word, "slug": folder, "communes": draft.communes, "version": __version__}
    files = {
        registry: draft.text,
        root / "reports" / ".gitkeep": "",
        root / "README.md": README.format(**values),
        root / ".github" / "workflows" / "validate.yml": WORKFLOW.format(**values),
        root / ".pre-commit-config.yaml": PRE_COMMIT.format(**values),
    }
    for path in files:
        check_output(path, (path.suffix,) if path.suffix else ("",), force, create_parents=True)
    return NewWorkspace(root, files, registry, draft.communes)


def init_workspace(root: Path, province: str, force: bool = False) -> NewWorkspace:
    from cchc.adapters.outputs import write_files_atomically

    workspace = plan_workspace(root, province, force)
    write_files_atomically(dict(workspace.files))
    return workspace
