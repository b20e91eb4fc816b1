"""Property tests: the YAML loader and the plan reader never fail with anything but a clear problem."""

from __future__ import annotations

import string
import unicodedata

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc.adapters.planfile import read_plan
from cchc.adapters.yamlio import YMap, parse_yaml
from cchc.core.problems import CchcError, Problem

YAMLISH = st.text(alphabet=string.printable + "ạảấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựĐ:-[]{}&*!|>'\"#\t", max_size=300)

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=30))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(min_size=1, max_size=10), children, max_size=4)),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_any_text_loads_or_gives_one_problem(text):
    try:
        data, problems = parse_yaml(text, "fuzz.yaml")
    except CchcError as exc:
        assert isinstance(exc.problem, Problem) and exc.problem.path == "fuzz.yaml"
        return
    assert all(isinstance(p, Problem) for p in problems)
    assert data is not None


@settings(max_examples=200, deadline=None)
@given(documents)
def test_round_trip_through_safe_dump(document):
    if document is None:
        return
    text = yaml.safe_dump(document, allow_unicode=True)
    data, problems = parse_yaml(text, "rt.yaml")
    # keys that differ only in Unicode form become one key: that is reported as a duplicate, rightly
    assert all(p.code == "Y002" for p in problems)
    if problems:
        return
    assert data == _nfc(yaml.safe_load(text))


def _nfc(value):
    """What the loader promises: the same data with every string in NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    return value


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["kind", "id", "province", "title", "period", "areas", "x"]), documents, max_size=7))
def test_plan_reader_reports_instead_of_crashing(document):
    text = yaml.safe_dump(document, allow_unicode=True)
    try:
        data, problems = parse_yaml(text, "plan.yaml")
    except CchcError:
        return
    if isinstance(data, YMap):
        plan, found = read_plan(data, "plan.yaml", problems)
        assert plan is not None or found
