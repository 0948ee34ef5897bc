"""The ruleset schema accepts the built-in rulesets (data/rules/)."""
import json

import jsonschema
import pytest

from conftest import ROOT

SCHEMA = json.loads((ROOT / "data" / "schema" / "ruleset.schema.json").read_text(encoding="utf-8"))
RULESETS = sorted(p for p in (ROOT / "data" / "rules").glob("*.json") if p.name != "messages.json")


def test_schema_is_valid_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", RULESETS, ids=lambda p: p.stem)
def test_schema_accepts_builtin_rulesets(path):
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(path.read_text(encoding="utf-8")))


def test_schema_rejects_a_severity_of_5():
    bad = {"format": "barrierfree.ruleset/1", "id": "X",
           "rules": [{"id": "a", "check": "door.clear_width", "clause": "1", "applies": {"wheelchair": 5}}]}
    assert not jsonschema.Draft202012Validator(SCHEMA).is_valid(bad)
