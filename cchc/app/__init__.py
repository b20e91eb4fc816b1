"""The application layer: one function per job, usable from Python as well as from the CLI.

See docs/api.md. Every job takes an :class:`Inputs` (what to read) and returns data; nothing here
prints. The CLI (cchc.commands) only parses options, calls these and renders the result.
"""

from cchc.app.browse import find_agencies, find_item, list_plans
from cchc.app.export import meeting_workbook
from cchc.app.inputs import Inputs, Run
from cchc.app.overdue_report import overdue, plans_and_progress
from cchc.app.scorecard import ScoreResult, score
from cchc.app.validate import validate_paths

__all__ = [
    "Inputs",
    "Run",
    "ScoreResult",
    "find_agencies",
    "find_item",
    "list_plans",
    "meeting_workbook",
    "overdue",
    "plans_and_progress",
    "score",
    "validate_paths",
]
