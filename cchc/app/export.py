"""The meeting-workbook job: the overdue list, the scoreboard and the plans of one province and
year, as one Excel workbook a head of office can print and take into the meeting.

Every figure of the summary comes from the same computations as the other sheets and the terminal:
the year's duties per agency are :func:`cchc.core.overdue.member_tallies` (what the scorecard's
plan-completion criterion is computed from), the overdue count per agency is its group in
``cchc overdue --by-member`` (equal to ``cchc overdue --agency``), and the points, band and rank are
``cchc score``'s.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cchc.app.inputs import Inputs, Run
from cchc.app.overdue_report import plan_pairs
from cchc.app.scorecard import score
from cchc.core.i18n import get_lang, tr
from cchc.core.problems import CchcError


@dataclass(frozen=True)
class TitleBlock:
    """What the official title block says beyond the data: the issuing office (a registry name,
    default Sở Nội vụ), the national heading, the document date (default: the as-of date), the
    report the workbook is attached to, and who signs (``None``: no signature block)."""

    office: str | None = "Sở Nội vụ"
    national: bool = False
    dated: dt.date | None = None
    attached_to: str = ""
    signers: tuple[str, str] | None = None


def default_as_of(year: int, today: dt.date) -> dt.date:
    """31/12 of ``year`` once that day is past, else ``today`` (a meeting during the year)."""
    end = dt.date(year, 12, 31)
    return end if end < today else today


def meeting_workbook(
    inputs: Inputs, year: int, output: Path, agency: str | None = None, force: bool = False, title: TitleBlock | None = None
) -> Path:
    """Write the meeting workbook for ``year`` to ``output``; returns the path written."""
    from cchc.adapters.excel import Heading, check_target, plans_in_words, write_meeting_workbook
    from cchc.core.overdue import activity_statuses, overdue_report
    from cchc.core.scoring import to_json

    check_target(output, force, tuple(p for p in (inputs.plans, inputs.figures, inputs.progress) if p is not None))  # before any work
    if inputs.as_of is None:
        inputs = replace(inputs, as_of=default_as_of(year, inputs.today))
    title = title or TitleBlock()
    run = Run(inputs)
    registry, slug = run.registry(year)
    pairs = [(plan, reg) for plan, reg in plan_pairs(run, year=year) if reg is registry]
    if not pairs:
        raise CchcError(tr(f"không có kế hoạch nào của {registry.province} cho năm {year} trong {inputs.plans}", f"no plan of {registry.province} covers {year} in {inputs.plans}"))
    scored = score(inputs, year, agency, run=run)
    board = scored.board
    selected = scored.agency
    if selected is not None and board.find(selected.agency_id) is None:  # no figures: still show its (empty) scorecard
        board = replace(board, scores=[*board.scores, selected])
    book = run.progress
    date = inputs.date()
    plans = [plan for plan, _ in pairs]
    result = to_json(board)
    summary, notes = agency_lines(pairs, book, registry, result, year, date, selected.agency_id if selected else None)
    office = registry.find(title.office).name if title.office else ""
    source = "; ".join(
        [
            plans_in_words(plans),
            tr("báo cáo tiến độ của các cơ quan", "progress reports of the agencies"),
            tr(f"số liệu chấm điểm năm {year}", f"scoring figures {year}"),
            tr("phương pháp: ", "methodology: ") + board.methodology.title(get_lang()),
        ]
    )
    heading = Heading(
        title=tr(f"Kết quả thực hiện cải cách hành chính năm {year}", f"Administrative reform results {year}"),
        issuer=issuing_body(registry) or next((p.issuer for p in plans if p.issuer), ""),
        office=office,
        national=title.national,
        place=registry.province,
        dated=title.dated or date,
        as_of=date,
        scope=selected.name if selected else "",
        attached_to=title.attached_to,
        source=source,
        illustrative=board.illustrative or book.illustrative,
        signers=title.signers,
    )
    write_meeting_workbook(
        output,
        heading=heading,
        year=year,
        summary=summary,
        summary_notes=notes,
        overdue_report=overdue_report(pairs, book, date, selected.name if selected else None),
        score_result=result,
        plans=plans,
        statuses=activity_statuses(pairs, book, date, selected.name if selected else None),
        selected_agency=selected.name if selected else None,
        force=force,
    )
    return output


def issuing_body(registry: Any) -> str:
    """The province's people's committee as the registry names it, with the province: "UBND tỉnh Hải Dương"."""
    from cchc.core.text import fold

    committee = next((a for a in registry.agencies if a.kind == "provincial-committee"), None)
    if committee is None:
        return ""
    name = committee.name
    return name if fold(registry.province) in fold(name) else f"{name} {registry.province}"


def agency_lines(
    pairs: list[tuple[Any, Any]], book: Any, registry: Any, result: dict, year: int, as_of: dt.date, selected_id: str | None
) -> tuple[list[Any], list[str]]:
    """The summary rows — one per real agency that owes a duty or has a score — and the notes
    under them (who could not be counted)."""
    from cchc.adapters.excel import AgencyLine
    from cchc.core.labels import AGENCY_KIND_LABELS, label
    from cchc.core.overdue import member_tallies, overdue_report

    tallies = member_tallies(pairs, book, year, min(as_of, dt.date(year, 12, 31)))
    members = overdue_report(pairs, book, as_of, by_member=True)
    overdue: dict[str, int] = {}
    unassigned: list[str] = []
    for group in members.groups:
        entry = registry.lookup(group.name) if group.name else None
        if entry is None or entry.is_collective:
            if group.overdue:
                name = group.name or tr("(không ghi cơ quan chủ trì)", "(no lead agency)")
                unassigned.append(tr(f"{name} (quá hạn {group.overdue} lần)", f"{name} ({group.overdue} overdue)"))
            continue
        overdue[entry.id] = group.overdue
    scores = {a["agency_id"]: a for a in result["agencies"]}
    groups = list(dict.fromkeys(a["rank_group"] for a in result["agencies"]))
    order = {a.id: i for i, a in enumerate(registry.agencies)}
    ids = set(tallies) | set(overdue) | set(scores)

    def sort_key(agency_id: str) -> tuple:
        found = scores.get(agency_id)
        if found is None:
            return (1, 0, 0, order.get(agency_id, 0))
        return (0, groups.index(found["rank_group"]), found["rank"] or 10_000, order.get(agency_id, 0))

    lines = []
    for agency_id in sorted(ids, key=sort_key):
        agency = registry.by_id[agency_id]
        tally = tallies.get(agency_id)
        found = scores.get(agency_id)
        successor = registry.successor_of(agency)
        if found is not None:
            group = found["block_title"] if found["rank_group"].startswith("block:") else label(AGENCY_KIND_LABELS, found["kind"])
        else:
            group = label(AGENCY_KIND_LABELS, agency.kind)
        lines.append(
            AgencyLine(
                name=agency.name,
                group=group,
                now=successor.name if successor else None,
                due=tally.due if tally else 0,
                on_time=tally.done_on_time if tally else 0,
                late=tally.done_late if tally else 0,
                not_done=(tally.overdue + tally.pending) if tally else 0,
                overdue=overdue.get(agency_id, 0),
                total=found["total"] if found else None,
                band=found["band"] if found else None,
                rank=found["rank"] if found else None,
                rank_of=found["rank_of"] if found else None,
                selected=agency_id == selected_id,
            )
        )
    notes = [
        tr(
            f"Nhiệm vụ giao cho một tập thể (Các sở, ban, ngành; UBND các huyện…) được tính cho từng cơ quan thành viên. "
            f"Phải hoàn thành năm {year}: các kỳ có hạn trong năm {year} đến ngày {min(as_of, dt.date(year, 12, 31)):%d/%m/%Y}; "
            f"Chưa hoàn thành gồm cả kỳ đến hạn đúng ngày đó. Quá hạn (mọi năm): số kỳ quá hạn đến ngày {as_of:%d/%m/%Y}, kể cả của các năm trước.",
            f"A duty given to a collective counts for each member. Due in {year}: periods due in {year} by "
            f"{min(as_of, dt.date(year, 12, 31)):%d/%m/%Y}; not done includes periods due that very day. Overdue (any year): "
            f"periods overdue at {as_of:%d/%m/%Y}, earlier years included.",
        )
    ]
    if unassigned:
        notes.append(
            tr("Không tính cho cơ quan nào (tập thể chưa có danh sách thành viên, hoặc tên không có trong danh mục): ", "Not counted for any agency (a collective without known members, or a name not in the registry): ")
            + "; ".join(unassigned)
            + "."
        )
    return lines, notes


def score_heading(result: Any, as_of: dt.date) -> Any:
    """The title block of ``cchc score --xlsx``: the province's committee and Sở Nội vụ from the
    registry, the place and date, and the source in words."""
    from cchc.adapters.excel import Heading

    registry, board = result.registry, result.board
    office = registry.lookup("Sở Nội vụ")
    return Heading(
        title=tr(f"Kết quả Chỉ số cải cách hành chính năm {board.year}", f"PAR Index results {board.year}"),
        issuer=issuing_body(registry),
        office=office.name if office is not None else "",
        place=registry.province,
        dated=as_of,
        scope=result.agency.name if result.agency is not None else "",
        source=tr(f"số liệu chấm điểm năm {board.year} của các cơ quan; phương pháp: ", f"scoring figures {board.year}; methodology: ") + board.methodology.title(get_lang()),
        illustrative=board.illustrative,
    )
