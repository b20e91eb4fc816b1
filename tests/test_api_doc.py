"""docs/api.md's example runs and prints what the document says it prints."""

from __future__ import annotations

import contextlib
import io
import os
import re

from tests.conftest import ROOT


def test_api_example_runs_and_prints_the_documented_output():
    doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    code = re.findall(r"```python\n(.*?)```", doc, re.S)[-1]
    expected = re.findall(r"```text\n(.*?)```", doc, re.S)[-1]
    out = io.StringIO()
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "docs/api.md", "exec"), {})
    finally:
        os.chdir(old)
    assert out.getvalue() == expected


def test_every_name_the_api_lists_resolves_and_an_unknown_one_is_an_attribute_error():
    """cchc.app imports each job on first use: a listed name must still resolve, a typo must not."""
    import pytest

    import cchc.app as app

    assert all(callable(getattr(app, name)) for name in app.__all__)
    with pytest.raises(AttributeError, match="scor"):
        app.scor  # noqa: B018
