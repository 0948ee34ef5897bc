import json
import math
from pathlib import Path

import pytest

import barrierfree
from conftest import ROOT, example_paths


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_examples_load_from_path_str_and_dict(path: Path):
    case = barrierfree.load_case(path)
    assert case == barrierfree.load_case(str(path))
    assert case == barrierfree.load_case(path.read_text(encoding="utf-8"))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert case == barrierfree.load_case(document)
    assert case.id == document["id"]
    assert case.room_ids == [r["id"] for r in document["rooms"]]


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_round_trip_through_dict(path: Path):
    case = barrierfree.load_case(path)
    again = barrierfree.load_case(case.to_dict())
    assert again == case
    assert again.to_json() == case.to_json()
    assert json.loads(case.to_json()) == case.to_dict()


def test_case_error_carries_every_error():
    document = json.loads((ROOT / "data" / "examples" / "wheelchair-user.json").read_text(encoding="utf-8"))
    document["doors"][3]["rooms"][1] = "btah"
    document["occupants"][0]["mobility"] = "wheelchair"
    with pytest.raises(barrierfree.CaseError) as info:
        barrierfree.load_case(document)
    errors = info.value.errors
    assert [(e.code, e.path) for e in errors] == [
        ("case.105", "/occupants/0/mobility"),
        ("case.104", "/doors/3/rooms/1"),
    ]
    assert errors[1].message == 'unknown room "btah" (did you mean "bath"?)'
    assert isinstance(info.value, ValueError)
    assert str(errors[1]).startswith("[case.104] /doors/3/rooms/1: unknown room")


def test_non_finite_numbers_from_python_are_reported_with_their_pointer():
    document = json.loads((ROOT / "data" / "examples" / "deaf-resident.json").read_text(encoding="utf-8"))
    document["doors"][0]["clear_width"] = math.nan
    with pytest.raises(barrierfree.CaseError) as info:
        barrierfree.load_case(document)
    assert [(e.code, e.path) for e in info.value.errors] == [("case.107", "/doors/0/clear_width")]


def test_invalid_json_text_reports_line():
    with pytest.raises(barrierfree.CaseError) as info:
        barrierfree.load_case('{"format": "barrierfree.case/1",\n "id": }')
    (error,) = info.value.errors
    assert error.code == "case.101"
    assert error.line == 2


def test_missing_file():
    with pytest.raises(barrierfree.CaseError) as info:
        barrierfree.load_case(Path("/no/such/case.json"))
    assert info.value.errors[0].code == "case.100"


def test_wrong_argument_type():
    with pytest.raises(TypeError):
        barrierfree.load_case(42)
    with pytest.raises(TypeError):
        barrierfree.load_case({"id": object()})


def test_version():
    assert barrierfree.__version__.count(".") == 2
