"""The invalid fixtures of tests/data/invalid, through Python, and the JSON Schema."""
import json
from pathlib import Path

import jsonschema
import pytest

import barrierfree
from conftest import ROOT, example_paths

INVALID = sorted(p for p in (ROOT / "tests" / "data" / "invalid").glob("*.json") if ".expected." not in p.name)
SCHEMA = json.loads((ROOT / "data" / "schema" / "case.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_corpus_is_not_empty():
    assert len(INVALID) > 10


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_errors(path: Path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    if not expected["errors"]:
        # A valid case: its warnings (unknown fields) are said as CaseWarning, with their pointers.
        if expected["warnings"]:
            with pytest.warns(barrierfree.CaseWarning) as said:
                barrierfree.load_case(text)
            assert [[e.code, e.path] for w in said for e in w.message.errors] == [e[:2] for e in expected["warnings"]]
        else:
            barrierfree.load_case(text)
        return
    with pytest.raises(barrierfree.CaseError) as info:
        barrierfree.load_case(text)
    assert [[e.code, e.path] for e in info.value.errors] == [e[:2] for e in expected["errors"]]


def test_schema_is_valid_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", example_paths() + [ROOT / "tests" / "data" / "spec-example.json"], ids=lambda p: p.stem)
def test_schema_accepts_examples(path: Path):
    VALIDATOR.validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_schema_rejects_what_it_can(path: Path):
    expected = json.loads(path.with_name(path.stem + ".expected.json").read_text(encoding="utf-8"))
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        assert expected["schema_rejects"]
        return
    assert VALIDATOR.is_valid(document) == (not expected["schema_rejects"])
