"""Problems found in input files, and the errors that stop a command.

Every message a user sees about their data is a :class:`Problem`: it names the file, the line and
column (1-based) when known, a stable code and a one-line message. Exit codes are part of the CLI
contract (README, "Errors and exit codes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.core.i18n import tr

EXIT_OK = 0
EXIT_PROBLEMS = 1  # problems found in the data
EXIT_USAGE = 2  # usage error or unreadable input
EXIT_INTERNAL = 3  # a bug in cchc

ERROR = "error"
WARNING = "warning"

_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


MAX_LINE = 1000  # a message quoting a pasted paragraph keeps its start and its end (the hint)


def one_line(text: str) -> str:
    """A message as one readable line: breaks become spaces, control characters \\xNN, long quotes cut."""
    if len(text) > MAX_LINE:
        head, tail = MAX_LINE * 2 // 3, MAX_LINE // 3
        cut = len(text) - head - tail
        text = f"{text[:head]}{tr(f' […bỏ {cut} ký tự…] ', f' […{cut} characters left out…] ')}{text[-tail:]}"
    text = _LINE_BREAKS.sub(" ", text)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int | None
    col: int | None
    code: str
    message: str
    severity: str = ERROR

    def location(self) -> str:
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.col or 1}"

    def format(self) -> str:
        """``path:line:col: CODE message`` as ruff and yamllint print it."""
        tag = "" if self.severity == ERROR else tr(" (cảnh báo)", " (warning)")
        return one_line(f"{self.location()}: {self.code}{tag} {self.message}")

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }


class CchcError(Exception):
    """A failure the user can fix; the CLI prints it as one line and exits with ``exit_code``."""

    def __init__(self, problem: Problem | str, exit_code: int = EXIT_PROBLEMS):
        self.problem = problem
        self.exit_code = exit_code
        super().__init__(problem.format() if isinstance(problem, Problem) else problem)


class UnreadableInput(CchcError):
    """The file cannot be read at all (missing, not UTF-8, not YAML): exit code 2."""

    def __init__(self, problem: Problem | str):
        super().__init__(problem, EXIT_USAGE)
