"""The shapes of cchc's YAML files, written once in the schema language of :mod:`cchc.adapters.schema`.

``cchc schema KIND`` prints these as JSON Schema for editors; ``cchc validate`` checks files against
them before any meaning is read. docs/plan-format.md explains every field with examples.
"""

from __future__ import annotations

from cchc.adapters.schema import AnyOf, Bool, Date, Field, ListOf, Nullable, Num, Obj, Str
from cchc.core.agencies import AGENCY_KINDS, LEVELS
from cchc.core.scoring import (
    BANDS_IN,
    COUNT_OF,
    CRITERION_KINDS,
    MISSING_POLICIES,
    NOTHING_TO_MEASURE,
    RANK_BY,
)
from cchc.core.scoring import MODES as SCORING_MODES
from cchc.indicators.base import OPS as TARGET_OPS

ID = r"[A-Za-z0-9][A-Za-z0-9._-]*"
PLAN_ID = r"[a-z0-9][a-z0-9._-]*"
YEAR = Num(integer=True, minimum=1990, maximum=2100, description="A calendar year")
TEXT = Str(description="Text as written in the source document")
TEXTS = ListOf(Str(), description="A list of texts as written")
NAMES = ListOf(Str(nonempty=True), description="Agency or collective names, as in the registry")

TARGET = Obj(
    "target",
    {
        "id": Field(Str(pattern=ID, description="Stable id, unique within the plan"), required=True),
        "indicator": Field(Str(nonempty=True, description="Indicator id (cchc/indicators)"), required=True),
        "op": Field(Str(enum=(">=", "<=", "=", "range"), description="Comparison; default >=")),
        "value": Field(Num(description="Target value (percentages 0–100)"), required=True),
        "max": Field(Num(description="Upper bound for op: range")),
        "unit": Field(Str(enum=("%", "minutes", "count", "VND", "points"), description="Unit; default %")),
        "level": Field(Str(enum=LEVELS, description="Administrative level when the target differs by level")),
        "year": Field(YEAR),
        "baseline_year": Field(YEAR),
        "text": Field(TEXT),
        "notes": Field(TEXTS),
    },
    description="A machine-readable numeric target (chỉ tiêu)",
)
TARGETS = ListOf(TARGET)

DEADLINE_OVERRIDE = Obj(
    "deadline_override",
    {
        "kind": Field(Str(enum=("dated", "recurring", "continuous", "conditional", "unspecified")), required=True),
        "due": Field(ListOf(Date())),
        "start": Field(Date()),
        "frequency": Field(Str(enum=("yearly", "half-yearly", "quarterly", "monthly"))),
        "month": Field(Num(integer=True, minimum=1, maximum=12)),
        "quarter": Field(Num(integer=True, minimum=1, maximum=4)),
        "from": Field(YEAR),
        "to": Field(YEAR),
        "event": Field(Str()),
    },
    description="An explicit schedule for a deadline phrase the grammar cannot read",
)

ACTIVITY = Obj(
    "activity",
    {
        "id": Field(Str(pattern=ID, description="Stable id, unique within the plan"), required=True),
        "number": Field(Str(description="Official numbering as written")),
        "text": Field(Str(nonempty=True, description="The activity as written"), required=True),
        "products": Field(TEXTS),
        "lead": Field(NAMES),
        "coop": Field(NAMES),
        "deadline": Field(Nullable(Str(description="Deadline as written"))),
        "deadline_override": Field(DEADLINE_OVERRIDE),
        "budget": Field(Nullable(Str(description="Budget as written"))),
        "budget_vnd": Field(Num(integer=True, minimum=0, description="Budget amount in VND")),
        "annex": Field(Str(pattern=ID, description="Id of a plan annex this activity works through")),
        "targets": Field(TARGETS),
        "notes": Field(TEXTS),
    },
    description="A trackable activity: lead agency, product, deadline",
)
ACTIVITIES = ListOf(ACTIVITY)

TASK = Obj(
    "task",
    {
        "id": Field(Str(pattern=ID), required=True),
        "number": Field(Str()),
        "text": Field(Str(nonempty=True), required=True),
        "targets": Field(TARGETS),
        "activities": Field(ACTIVITIES),
        "notes": Field(TEXTS),
    },
    description="A task (nhiệm vụ) grouping activities",
)

OBJECTIVE = Obj(
    "objective",
    {
        "id": Field(Str(pattern=ID), required=True),
        "number": Field(Str()),
        "text": Field(Str(nonempty=True), required=True),
        "targets": Field(TARGETS),
        "tasks": Field(ListOf(TASK)),
        "activities": Field(ACTIVITIES),
        "notes": Field(TEXTS),
    },
    description="An objective (mục tiêu) with its targets and tasks",
)

AREA = Obj(
    "area",
    {
        "id": Field(Str(pattern=ID, description="Area numbering as written: I, II, …"), required=True),
        "title": Field(Str(nonempty=True), required=True),
        "par_area": Field(Str(enum=("I", "II", "III", "IV", "V", "VI", "VII", "VIII"), description="PAR Index area")),
        "responsible": Field(NAMES),
        "targets": Field(TARGETS),
        "objectives": Field(ListOf(OBJECTIVE)),
        "tasks": Field(ListOf(TASK)),
        "activities": Field(ACTIVITIES),
        "notes": Field(TEXTS),
    },
    description="An area (lĩnh vực) of the plan",
)

ANNEX = Obj(
    "annex",
    {
        "id": Field(Str(pattern=ID), required=True),
        "title": Field(Str(nonempty=True), required=True),
        "entries": Field(
            ListOf(
                Obj(
                    "annex_entry",
                    {
                        "number": Field(Str()),
                        "group": Field(Str()),
                        "agency": Field(Str(nonempty=True), required=True),
                        "text": Field(Str()),
                        "note": Field(Nullable(Str())),
                    },
                )
            ),
            required=True,
        ),
        "notes": Field(TEXTS),
    },
    description="A list attached to the plan (e.g. agencies to inspect)",
)

PLAN = Obj(
    "plan",
    {
        "kind": Field(Str(enum=("plan",)), required=True),
        "version": Field(Num(integer=True, minimum=1, maximum=1)),
        "id": Field(Str(pattern=PLAN_ID, description="Stable plan id"), required=True),
        "province": Field(Str(nonempty=True), required=True),
        "issuer": Field(Str()),
        "document": Field(
            Obj(
                "document",
                {"number": Field(Str()), "date": Field(Str()), "url": Field(Str())},
                description="Document number and date as written",
            )
        ),
        "title": Field(Str(nonempty=True), required=True),
        "period": Field(
            AnyOf(
                (YEAR, Str(pattern=r"\d{4}\s*-\s*\d{4}")),
                description="One year (2024) or a range ('2021-2025')",
                expected_vi="một năm (2024) hoặc khoảng năm ('2021-2025')",
                expected_en="a year (2024) or a range of years ('2021-2025')",
            ),
            required=True,
        ),
        "source": Field(Str()),
        "registry": Field(Str(description="Agency registry file, relative to the plan")),
        "notes": Field(TEXTS),
        "areas": Field(ListOf(AREA), required=True),
        "annexes": Field(ListOf(ANNEX)),
    },
    description="A CCHC plan (kế hoạch cải cách hành chính)",
)

AGENCIES = Obj(
    "agencies",
    {
        "kind": Field(Str(enum=("agencies",)), required=True),
        "version": Field(Num(integer=True, minimum=1, maximum=1)),
        "province": Field(Str(nonempty=True), required=True),
        "notes": Field(TEXTS),
        "agencies": Field(
            ListOf(
                Obj(
                    "agency",
                    {
                        "id": Field(Str(pattern=ID), required=True),
                        "name": Field(Str(nonempty=True), required=True),
                        "aliases": Field(NAMES),
                        "kind": Field(Str(enum=AGENCY_KINDS), required=True),
                        "level": Field(Str(enum=LEVELS), required=True),
                        "member_of": Field(ListOf(Str(pattern=ID))),
                        "established": Field(Date(description="When the agency was created (e.g. by the 2025 reorganisation)")),
                        "successor": Field(
                            Obj(
                                "successor",
                                {
                                    "agency": Field(Str(nonempty=True), required=True),
                                    "date": Field(Date(), required=True),
                                    "note": Field(Str()),
                                },
                            )
                        ),
                        "notes": Field(TEXTS),
                    },
                )
            ),
            required=True,
        ),
        "collectives": Field(
            ListOf(
                Obj(
                    "collective",
                    {
                        "id": Field(Str(pattern=ID), required=True),
                        "name": Field(Str(nonempty=True), required=True),
                        "aliases": Field(NAMES),
                        "kinds": Field(ListOf(Str(enum=AGENCY_KINDS))),
                        "members": Field(ListOf(Str(pattern=ID))),
                        "includes": Field(ListOf(Str(pattern=ID))),
                        "notes": Field(TEXTS),
                    },
                )
            )
        ),
    },
    description="A province's agency registry",
)

PROGRESS = Obj(
    "progress",
    {
        "kind": Field(Str(enum=("progress",)), required=True),
        "version": Field(Num(integer=True, minimum=1, maximum=1)),
        "plan": Field(Str(pattern=PLAN_ID, description="Default plan id for the entries")),
        "as_of": Field(Date()),
        "source": Field(Str()),
        "illustrative": Field(Bool(description="Sample data (số liệu minh họa), not real reports")),
        "notes": Field(TEXTS),
        "entries": Field(
            ListOf(
                Obj(
                    "progress_entry",
                    {
                        "plan": Field(Str(pattern=PLAN_ID)),
                        "activity": Field(Str(pattern=ID), required=True),
                        "occurrence": Field(AnyOf((Str(), Num(integer=True)), expected_vi="mã lần thực hiện (2024, 2024-Q1, 2024-05)", expected_en="an occurrence key (2024, 2024-Q1, 2024-05)")),
                        "status": Field(Str(nonempty=True), required=True),
                        "completed": Field(Nullable(AnyOf((Date(), Str()), expected_vi="một ngày", expected_en="a date"))),
                        "evidence": Field(AnyOf((Str(), Obj("evidence", {"document": Field(Str()), "link": Field(Str())})), expected_vi="số văn bản hoặc {document, link}", expected_en="a document number or {document, link}")),
                        "link": Field(Str()),
                        "agency": Field(Str()),
                        "note": Field(Nullable(Str())),
                    },
                )
            ),
            required=True,
        ),
    },
    description="Progress reported per activity and occurrence",
)

# -- methodologies (meaning checks: cchc.adapters.methodologyfile) -------------------------------

_TITLED = {
    "id": Field(Str(pattern=ID), required=True),
    "title": Field(Str(nonempty=True), required=True),
    "title_en": Field(Str()),
    "notes": Field(TEXTS),
}
NUMBER = Num(description="A number")
BAND = Obj("band", {"name": Field(Str(nonempty=True), required=True), "name_en": Field(Str()), "min": Field(NUMBER, required=True)}, description="A band (Xếp loại) and its lowest total")
BANDS = ListOf(BAND, description="Bands from the highest minimum down")
ON_NOTHING = Str(enum=NOTHING_TO_MEASURE, description="What a ratio of 0/0 scores: full points or zero")
BANDS_UNIT = Str(enum=BANDS_IN, description="Band minimums in points of the total, or percentage groups")
NOT_APPLICABLE = Obj(
    "not_applicable",
    {"kinds": Field(ListOf(Str(enum=AGENCY_KINDS))), "agencies": Field(NAMES), "notes": Field(TEXTS)},
    description="Agency kinds or agencies this area or criterion does not apply to (their maximum drops)",
)
PART = Obj(
    "criterion_part",
    {
        **_TITLED,
        "title": Field(Str(nonempty=True, description="The part's name (default: its indicator's title)")),
        "indicator": Field(Str(nonempty=True, description="A ratio indicator id (cchc indicators)"), required=True),
        "weight": Field(Num(description="The part's points at or above its threshold"), required=True),
        "threshold": Field(Num(description="The percent at which the part earns its whole weight (default 100)")),
        "nothing_to_measure": Field(ON_NOTHING),
    },
    description="One part of a composite criterion: weight × min(1, ratio / threshold), rounded to 2 decimals",
)
CRITERION = Obj(
    "criterion",
    {
        **_TITLED,
        "kind": Field(Str(enum=CRITERION_KINDS, description="indicator (scored from a figure, the default), appraisal (points the appraisal council awards) or composite (a sum of parts)")),
        "indicator": Field(Str(nonempty=True, description="Indicator id (cchc indicators); not for an appraisal or composite criterion")),
        "parts": Field(ListOf(PART, description="A composite criterion's parts, added up (at most max)")),
        "max": Field(NUMBER, required=True),
        "mode": Field(Str(enum=SCORING_MODES, description="How the figure turns into points")),
        "threshold": Field(NUMBER),
        "target": Field(Obj("criterion_target", {"op": Field(Str(enum=TARGET_OPS)), "value": Field(NUMBER), "max": Field(NUMBER), "baseline_year": Field(YEAR)}, description="A target fixed by the methodology (else the plan's)")),
        "tiers": Field(ListOf(Obj("tier", {"min": Field(NUMBER), "max": Field(NUMBER), "points": Field(NUMBER, required=True)}))),
        "nothing_to_measure": Field(ON_NOTHING),
        "not_applicable": Field(NOT_APPLICABLE),
    },
    description="A criterion: an indicator, its points and how they are scored",
)
ADJUSTMENT = Obj(
    "adjustment",
    {
        "id": Field(Str(pattern=ID), required=True),
        "title": Field(Str(nonempty=True), required=True),
        "title_en": Field(Str()),
        "points_each": Field(NUMBER, required=True),
        "cap": Field(NUMBER, required=True),
        "count_of": Field(Str(enum=COUNT_OF, description="overdue_tasks: plan duties due and not done on time (progress book); figures: 'appraisals' rows with 'count'")),
        "notes": Field(TEXTS),
    },
    description="A deduction (điểm trừ) or bonus (điểm thưởng): points for each time it applies, capped",
)
METHODOLOGY = Obj(
    "methodology",
    {
        "kind": Field(Str(enum=("methodology",)), required=True),
        **_TITLED,
        "source": Field(Str()),
        "example": Field(Bool(description="An example, not an official methodology")),
        "province": Field(Str()),
        "year": Field(YEAR),
        "total": Field(NUMBER),
        "missing": Field(Str(enum=MISSING_POLICIES)),
        "nothing_to_measure": Field(ON_NOTHING),
        "bands_in": Field(BANDS_UNIT),
        "bands": Field(BANDS),
        "blocks": Field(
            ListOf(
                Obj(
                    "block",
                    {
                        **_TITLED,
                        "kinds": Field(ListOf(Str(enum=AGENCY_KINDS))),
                        "total": Field(NUMBER),
                        "missing": Field(Str(enum=MISSING_POLICIES)),
                        "rank_by": Field(Str(enum=RANK_BY)),
                        "nothing_to_measure": Field(ON_NOTHING),
                        "bands_in": Field(BANDS_UNIT),
                        "bands": Field(BANDS),
                        "deductions": Field(ListOf(ADJUSTMENT)),
                        "bonus": Field(ListOf(ADJUSTMENT)),
                        "areas": Field(ListOf(Obj("methodology_area", {**_TITLED, "criteria": Field(ListOf(CRITERION), required=True), "not_applicable": Field(NOT_APPLICABLE)})), required=True),
                    },
                    description="The criteria for some kinds of agency",
                )
            ),
            required=True,
        ),
    },
    description="A PAR Index-style scoring methodology",
)

# -- figures (meaning checks: cchc.adapters.figuresfile) -----------------------------------------

FIGURE_ROW = Obj(
    "figure",
    {
        "agency": Field(Str(nonempty=True, description="Agency name as in the registry"), required=True),
        "indicator": Field(Str(nonempty=True, description="Indicator id, or <indicator>.<input>"), required=True),
        "numerator": Field(AnyOf((NUMBER, Str()), expected_vi="một số", expected_en="a number")),
        "denominator": Field(AnyOf((NUMBER, Str()), expected_vi="một số", expected_en="a number")),
        "value": Field(AnyOf((NUMBER, Str()), expected_vi="một số", expected_en="a number")),
        "period": Field(AnyOf((YEAR, Str(pattern=r"\d{4}(-([Qq][1-4]|\d{1,2}))?")), expected_vi="2024, 2024-Q1 hoặc 2024-05", expected_en="2024, 2024-Q1 or 2024-05")),
        "source": Field(Str()),
        "note": Field(Nullable(Str())),
    },
    description="One figure; in CSV and xlsx these keys, in this order, are the header row",
)
APPRAISAL_ROW = Obj(
    "appraisal",
    {
        "agency": Field(Str(nonempty=True, description="Agency name as in the registry"), required=True),
        "criterion": Field(Str(nonempty=True, description="An appraisal criterion's id, or a deduction or bonus rule's id"), required=True),
        "period": Field(AnyOf((YEAR, Str(pattern=r"\d{4}")), expected_vi="một năm", expected_en="a year")),
        "self_points": Field(NUMBER),
        "appraised_points": Field(NUMBER),
        "count": Field(NUMBER),
        "evidence": Field(Str()),
        "note": Field(Nullable(Str())),
    },
    description="Self-assessed and appraised points (tự chấm, thẩm định) with evidence, or how many times a deduction or bonus applies",
)
FIGURES = Obj(
    "figures",
    {
        "kind": Field(Str(enum=("figures",)), required=True),
        "year": Field(YEAR),
        "province": Field(Str()),
        "illustrative": Field(Bool(description="Sample data (số liệu minh họa), not real reports")),
        "source": Field(Str()),
        "fractions": Field(Bool(description="Bare percent values are fractions (0.955 = 95.5 %)")),
        "notes": Field(TEXTS),
        "figures": Field(ListOf(FIGURE_ROW), required=True),
        "appraisals": Field(ListOf(APPRAISAL_ROW)),
    },
    description="Actual figures (số liệu thực tế) of agencies",
)

# Every kind `cchc schema KIND` prints, and the file kinds `cchc validate` reads.
KINDS = {"plan": PLAN, "agencies": AGENCIES, "methodology": METHODOLOGY, "figures": FIGURES, "progress": PROGRESS}
