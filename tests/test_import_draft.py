"""The draft a layout reads: typed items that point back at the source, and the one plan document made of it.

Each layout of ``cchc import`` reads a real document (the seeds in tests/data/seeds, an official-layout
plan built by tests/data/official/build.py) into a :class:`DraftPlan`; every activity must name the
source row it came from, so the report can point there. :func:`plan_document` is the one place that
turns a draft into what is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.adapters.importer.agencies import AgencySplitter
from cchc.adapters.importer.catalogue import LAYOUTS, OFFICIAL, Unrecognised
from cchc.adapters.importer.cells import clean_cell
from cchc.adapters.importer.draftplan import (
    DocumentRef,
    DraftActivity,
    DraftArea,
    DraftObjective,
    DraftPlan,
    DraftTask,
    plan_document,
)
from cchc.adapters.importer.sources import read_source
from tests.conftest import DATA, ROOT
from tests.test_import_official import BUILD

SEEDS = DATA / "seeds"
# One real document per layout (the official one is built as .docx from its transcription).
DOCUMENTS = {
    "cells-per-line": SEEDS / "ha-tinh-khung-nhiem-vu-cchc-2022.txt",
    "framework": SEEDS / "hai-duong-khung-ke-hoach-cchc-2021-2025.txt",
    "control-plan": SEEDS / "hai-duong-ke-hoach-kiem-soat-tthc-2024.txt",
    "task-list": SEEDS / "hung-yen-phu-luc-nhiem-vu-cchc-2021-2025.txt",
    OFFICIAL: DATA / "official" / "hung-yen-nhiem-vu-cchc-2021-2025.yaml",
    "narrative": ROOT / "plans" / "sources" / "bac-ninh-141-kh-ubnd-2025.txt",
}


def test_every_layout_has_a_document_here() -> None:
    assert set(DOCUMENTS) == {layout.name for layout in LAYOUTS if not isinstance(layout, Unrecognised)}


def _words(text: str) -> str:
    return " ".join(clean_cell(text).split())


@pytest.mark.parametrize("layout_name", sorted(DOCUMENTS))
def test_each_layout_reads_a_draft_whose_activities_point_at_their_source_row(layout_name: str, tmp_path: Path) -> None:
    path = DOCUMENTS[layout_name]
    if layout_name == OFFICIAL:
        path, case = tmp_path / "ke-hoach.docx", BUILD.load_case(path)
        BUILD.write_docx(case, path)
    source = read_source(path)
    layout = next(layout for layout in LAYOUTS if layout.detect(source))
    assert layout.name == layout_name
    draft = layout.parse(source, AgencySplitter(None), None).draft
    assert isinstance(draft, DraftPlan)
    activities = list(draft.all_activities())
    assert len(activities) > 10
    if source.lines is not None and layout_name == "cells-per-line":  # a row: its first cell up to the next row
        starts = sorted({a.line for a in activities} | {area.line for area in draft.areas})
        assert all(source.lines[s - 1].startswith("\t") and not source.lines[s - 2].strip() for s in starts)
        rows = {s: "\n".join(source.lines[s - 1 : e - 1]) for s, e in zip(starts, [*starts[1:], len(source.lines) + 1], strict=True)}
    else:
        rows = {row.line: "\n".join(row.cells) for row in source.rows}
    for activity in activities:
        opening = " ".join(activity.text.split()[:4])
        assert opening in _words(rows[activity.line]), (activity.id, activity.line, opening)


def test_the_plan_document_orders_keys_as_the_format_and_leaves_out_what_is_empty() -> None:
    activity = DraftActivity("I.a1", "Rà soát văn bản", line=7, number="1", lead=["Sở Tư pháp"], budget="0", budget_vnd=0)
    task = DraftTask("I.task1", "Hoàn thiện thể chế", line=6, activities=[activity])
    area = DraftArea("I", "Cải cách thể chế", line=5, par_area="II", objectives=[DraftObjective("I.obj1", "Mục tiêu", line=5, tasks=[task])])
    draft = DraftPlan(id="thu-2024", province="Thử", document=DocumentRef("", "ngày 2 tháng 1 năm 2024"), title="Kế hoạch thử", period=2024, source="thu.docx", areas=[area])
    assert plan_document(draft) == {
        "kind": "plan", "id": "thu-2024", "province": "Thử", "document": {"date": "ngày 2 tháng 1 năm 2024"},
        "title": "Kế hoạch thử", "period": 2024, "source": "thu.docx",
        "areas": [{"id": "I", "title": "Cải cách thể chế", "par_area": "II", "objectives": [{"id": "I.obj1", "text": "Mục tiêu", "tasks": [
            {"id": "I.task1", "text": "Hoàn thiện thể chế", "activities": [
                {"id": "I.a1", "number": "1", "text": "Rà soát văn bản", "lead": ["Sở Tư pháp"], "budget": "0", "budget_vnd": 0},
            ]},
        ]}]}],
    }
    assert list(plan_document(draft)["areas"][0]["objectives"][0]["tasks"][0]["activities"][0]) == ["id", "number", "text", "lead", "budget", "budget_vnd"]
