"""The YAML loader: positions, NFC, duplicate keys, safe tags, bounded aliases, encodings."""

from __future__ import annotations

import unicodedata

import pytest

from cchc.adapters.yamlio import load_yaml, parse_yaml
from cchc.core.problems import CchcError, UnreadableInput


def test_positions_of_values_and_items():
    data, problems = parse_yaml("a:\n  b: [x, y]\n  c: 1\n", "f.yaml")
    assert problems == []
    assert data["a"].pos("c") == (3, 6)
    assert data["a"]["b"].pos(1) == (2, 10)


def test_text_is_normalised_to_nfc():
    data, _ = parse_yaml(unicodedata.normalize("NFD", "x: Sở Nội vụ\n"), "f.yaml")
    assert data["x"] == "Sở Nội vụ" and unicodedata.is_normalized("NFC", data["x"])


def test_an_integer_python_cannot_hold_stays_text():
    """Over 4,300 digits int() raises ValueError (CVE-2020-10735 limit); it used to end cchc with an
    internal error. As text, the reader that expects a number says which value is wrong."""
    long = "1" + "0" * 5000
    data, problems = parse_yaml(f"small: 1_000\nhuge: {long}\nsigned: +{long}\n", "f.yaml")
    assert problems == [] and data["small"] == 1000
    assert data["huge"] == long and data["signed"] == "+" + long


def test_duplicate_key_is_reported_not_silently_dropped():
    _, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [(p.code, p.line, p.col) for p in problems] == [("Y002", 3, 1)]


def test_python_objects_are_never_constructed():
    with pytest.raises(CchcError) as info:
        parse_yaml("x: !!python/object/apply:os.system [echo pwned]\n", "f.yaml")
    assert info.value.problem.code == "Y007"


def test_small_aliases_are_fine_but_bombs_are_stopped():
    data, _ = parse_yaml("a: &x [1, 2]\nb: *x\n", "f.yaml")
    assert data["b"] == [1, 2]
    bomb = "a: &a [" + ", ".join(["lol"] * 10) + "]\n" + "".join(
        f"{c}: &{c} [" + ", ".join([f"*{p}"] * 10) + "]\n" for p, c in zip("abcdefg", "bcdefgh", strict=True)
    )
    with pytest.raises(CchcError) as info:
        parse_yaml(bomb, "f.yaml")
    assert info.value.problem.code == "Y006"


def test_impossible_dates_stay_text():
    data, _ = parse_yaml("d: 2024-02-30\ne: 2024-02-29\n", "f.yaml")
    assert data["d"] == "2024-02-30" and str(data["e"]) == "2024-02-29"


def test_bom_is_tolerated_and_other_encodings_are_unreadable(tmp_path):
    good = tmp_path / "bom.yaml"
    good.write_bytes("\ufeffx: Hà Tĩnh\n".encode())
    assert load_yaml(good)[0]["x"] == "Hà Tĩnh"
    bad = tmp_path / "cp1258.yaml"
    bad.write_bytes(b"x: 1\ny: H\xe0 T\xecnh\n")
    with pytest.raises(UnreadableInput) as info:
        load_yaml(bad)
    assert (info.value.problem.line, info.value.problem.col, info.value.exit_code) == (2, 5, 2)


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadableInput):
        load_yaml(tmp_path / "nope.yaml")
