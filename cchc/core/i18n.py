"""User-facing language switch.

Messages are written as pairs at the place they are produced, ``tr("Quá hạn", "Overdue")``, so a
reader sees both wordings together and no catalogue drifts out of sync. The CLI sets the language
once per run; Vietnamese is the default.
"""

from collections.abc import Iterator
from contextlib import contextmanager

LANGS = ("vi", "en")
_current = "vi"


def set_lang(lang: str) -> None:
    global _current
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    _current = lang


def get_lang() -> str:
    return _current


def tr(vi: str, en: str) -> str:
    """Pick the wording for the current language."""
    return en if _current == "en" else vi


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Word things in ``lang`` for a while (a returned form is rebuilt in the language it was made in)."""
    before = _current
    set_lang(lang)
    try:
        yield
    finally:
        set_lang(before)
