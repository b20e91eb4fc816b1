"""What a job reads, named once, and everything loaded from it, loaded once per run.

:class:`Inputs` is the request every job takes: the plans folder, the province, the figures,
progress and methodology to use and the as-of date. Unset paths derive from the plans folder (its
sibling ``reports/``), never from the working directory, so a run gives the same answer from any
folder. :class:`Run` loads lazily and caches: a job that needs the workspace, the progress book and
the figures reads each file once, however many computations use it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from cchc.core.i18n import tr
from cchc.core.problems import ERROR, EXIT_USAGE, CchcError


@dataclass(frozen=True)
class Inputs:
    """A job's inputs. ``as_of`` None means today (the clock is read once, here)."""

    plans: Path = Path("plans")
    province: str | None = None
    figures: Path | None = None  # file or folder; default <reports>/<year>/<province folder>/
    progress: Path | None = None  # file or folder; default <reports>/
    methodology: str | None = None  # built-in name or YAML path; default <plans>/<province>/methodology-<year>.yaml, else qd766
    as_of: dt.date | None = None
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def reports(self) -> Path:
        """The reports folder that belongs to the plans folder (``plans/`` → ``reports/`` beside it)."""
        return self.plans.resolve().parent / "reports"

    @property
    def progress_root(self) -> Path:
        return self.progress if self.progress is not None else self.reports

    def date(self) -> dt.date:
        return self.as_of or self.today


def usage_error(vi: str, en: str) -> CchcError:
    return CchcError(tr(vi, en), EXIT_USAGE)


class Run:
    """The loaded state of one run of a job; every property loads on first use, once."""

    def __init__(self, inputs: Inputs):
        self.inputs = inputs

    # -- plans and registries ------------------------------------------------------------------

    @cached_property
    def workspace(self) -> Any:
        from cchc.adapters.workspace import load_workspace

        plans = self.inputs.plans
        if plans.exists() and not plans.is_dir():
            raise usage_error(f"--plans '{plans}' không phải thư mục", f"--plans '{plans}' is not a folder")
        return load_workspace(plans, self.inputs.province)

    def registry(self, year: int | None = None) -> tuple[Any, str]:
        """The province's registry and folder slug: ``--province``, else the only province with figures
        for ``year`` under the reports folder, else the only registry loaded."""
        ws = self.workspace
        slugs = {Path(path).parent.name: registry for path, registry in ws.registries.items()}
        if self.inputs.province:
            registry = ws.registry_for(self.inputs.province)
            return registry, next(slug for slug, reg in slugs.items() if reg is registry)
        if len(slugs) == 1:
            return next(iter(slugs.values())), next(iter(slugs))
        figures = self.inputs.figures
        if figures is not None:
            if not figures.exists():
                raise usage_error(f"không có tệp/thư mục số liệu '{figures}'", f"no figures file or folder '{figures}'")
            named = [part for part in figures.resolve().parts if part in slugs]
            if named:
                return slugs[named[-1]], named[-1]
        root = figures if figures is not None else self.inputs.reports / str(year)
        found = sorted(child.name for child in root.iterdir() if child.is_dir() and child.name in slugs) if root.is_dir() else []
        if len(found) == 1:
            return slugs[found[0]], found[0]
        if found:
            raise usage_error(f"có số liệu của nhiều tỉnh ({', '.join(found)}); chọn bằng --province", f"figures for several provinces ({', '.join(found)}); choose one with --province")
        if figures is None and year is not None and not root.exists():
            raise CchcError(tr(f"không có số liệu năm {year} ({root}); dùng --figures", f"no figures for {year} ({root}); use --figures"))
        raise usage_error(f"không biết số liệu ở {root} thuộc tỉnh nào; dùng --province", f"cannot tell which province the figures in {root} are for; use --province")

    def plans_of(self, registry: Any) -> list[Any]:
        ws = self.workspace
        return [plan for plan in ws.plans if ws.registry_of(plan) is registry]

    # -- progress -----------------------------------------------------------------------------

    @cached_property
    def progress(self) -> Any:
        """Every progress report under the progress path, checked against the loaded plans."""
        from cchc.adapters.progressfile import load_progress, progress_files
        from cchc.core.progress import ProgressBook

        ws = self.workspace
        root = self.inputs.progress_root
        if self.inputs.progress is not None and not root.exists():
            raise usage_error(f"không có tệp/thư mục tiến độ '{root}'", f"no progress file or folder '{root}'")
        if not root.exists():
            return ProgressBook([])
        registries = {plan.id: ws.registry_of(plan) for plan in ws.plans}
        book, problems = load_progress(progress_files(root), ws.plans, registries, skip_other_plans=ws.partial)
        errors = [p for p in problems if p.severity == ERROR]
        if errors:
            raise CchcError(problem_lines(errors))
        return book

    # -- figures and methodology ---------------------------------------------------------------

    def figures_root(self, year: int, slug: str) -> Path:
        root = self.inputs.figures
        if root is None:
            return self.inputs.reports / str(year) / slug
        if root.is_dir() and (root / slug).is_dir() and root.name != slug:
            return root / slug
        return root

    def methodology(self, year: int, slug: str) -> Any:
        from cchc.adapters.methodologyfile import load_methodology

        return load_methodology(self.methodology_choice(year, slug)[0])

    def methodology_choice(self, year: int, slug: str) -> tuple[str, str]:
        """The methodology to use (a built-in name or a path) and why, in the output language."""
        if self.inputs.methodology is not None:
            return self.inputs.methodology, tr("chọn bằng --methodology", "chosen with --methodology")
        own = self.inputs.plans / slug / f"methodology-{year}.yaml"
        if own.is_file():
            return str(own), tr(f"phương pháp của tỉnh cho năm {year} ({own})", f"the province's methodology for {year} ({own})")
        return "qd766", tr(f"mặc định: không có {own}", f"default: there is no {own}")


MAX_LINES = 20


def problem_lines(problems: list[Any]) -> str:
    """Problems as lines for one error message: the first 20, then a count."""
    lines = "\n".join(p.format() for p in problems[:MAX_LINES])
    more = len(problems) - MAX_LINES
    if more > 0:
        lines += tr(f"\n… và {more} lỗi khác", f"\n… and {more} more")
    return lines
