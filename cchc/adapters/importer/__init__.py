"""Turn a plan table (xlsx, docx, tab-separated text) into a plan dict ready for YAML.

Contract for layout parsers (``cells_per_line.py`` and the table parsers in this package)::

    parse_xxx(lines_or_rows, source: str) -> ImportResult

* ``ImportResult.draft`` is the plan as typed items (:mod:`cchc.adapters.importer.draftplan`), each
  with the source line it was read from; metadata the document does not give (``id``, ``province``
  …) may be left empty: the importer fills it. ``ImportResult.plan`` is the dict that is written,
  made from the draft in one place (:func:`~cchc.adapters.importer.draftplan.plan_document`).
* ``lead`` / ``coop`` of an activity are lists of cell texts *as written* (cleaned of HTML); the
  importer splits them into agency names against the province registry afterwards, so a parser
  never needs the registry ("Các sở, ban, ngành, UBND các huyện" stays one string until then).
* ``report`` lists every row the parser guessed at, repaired or skipped (with the reason): a source
  row must end up either in the plan or in the report.

Helpers a parser can use: :mod:`cchc.adapters.importer.cells` (``clean_cell``, ``amount_vnd``, numbering)
and :mod:`cchc.adapters.importer.targets` (``extract_targets``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc.adapters.importer.draftplan import DraftPlan, plan_document

GUESS = "guess"  # the importer interpreted something the source leaves open
REPAIR = "repair"  # extraction damage fixed (column shift, row split across pages …)
SKIP = "skip"  # a source row that is deliberately not in the plan (repeated header, blank row …)
WARNING = "warning"  # something a person should look at (unknown agency, missing lead …)
ERROR = "error"  # a row the importer could not place at all
SEVERITIES = (GUESS, REPAIR, SKIP, WARNING, ERROR)


@dataclass(frozen=True, slots=True)
class ImportNote:
    """One line of the ``--report``: where in the source, how serious, what happened."""

    line: int | None
    severity: str
    message: str


@dataclass(slots=True)
class ImportResult:
    draft: DraftPlan
    report: list[ImportNote] = field(default_factory=list)
    layout: str = ""  # name of the layout that read the document (cchc.adapters.importer.catalogue.LAYOUTS)
    table: str = ""  # the plan table's header layout (cchc.adapters.importer.layouts: framework, task-list)
    rows: int = 0  # source rows read

    @property
    def plan(self) -> dict:
        """The plan file's content (made anew from the draft on each call)."""
        return plan_document(self.draft)

    def note(self, line: int | None, severity: str, message: str) -> None:
        self.report.append(ImportNote(line, severity, message))
