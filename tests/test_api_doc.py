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
