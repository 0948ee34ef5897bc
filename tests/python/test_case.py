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


WHEELCHAIR = ROOT / "data" / "examples" / "wheelchair-user.json"


def test_a_dict_too_deep_or_containing_itself_is_refused_not_a_crash():
    deep = inner = {}
    for _ in range(50_000):  # deeper than the C stack: this crashed the interpreter
        inner["a"] = {}
        inner = inner["a"]
    with pytest.raises(ValueError, match="nests deeper"):
        barrierfree.load_case(deep)
    looped = barrierfree.load_case(WHEELCHAIR).to_dict()
    looped["notes"] = looped  # this hung with the GIL held
    with pytest.raises(ValueError, match="contains itself"):
        barrierfree.load_case(looped)


def test_numpy_values_in_a_dict_are_the_values_they_hold():
    np = pytest.importorskip("numpy")
    document = barrierfree.load_case(WHEELCHAIR).to_dict()
    plain = barrierfree.load_case(document)
    document["budget"] = np.int64(document["budget"])
    document["doors"][0]["clear_width"] = np.float64(document["doors"][0]["clear_width"])
    assert barrierfree.load_case(document) == plain
    document["doors"][0]["threshold"] = np.array([1, 2])
    with pytest.raises(barrierfree.CaseError) as info:
        barrierfree.load_case(document)
    assert info.value.errors[0].path == "/doors/0/threshold"


def test_unknown_fields_are_warned_about_with_their_pointers():
    document = barrierfree.load_case(WHEELCHAIR).to_dict()
    document["doors"][0]["clear_widht"] = 5
    with pytest.warns(barrierfree.CaseWarning, match="clear_widht") as said:
        barrierfree.load_case(document)
    assert [e.path for e in said[0].message.errors] == ["/doors/0/clear_widht"]


def test_a_warning_names_the_callers_line_and_each_household_is_warned_about():
    import warnings

    document = barrierfree.load_case(WHEELCHAIR).to_dict()
    document["doors"][0]["clear_widht"] = 5
    other = dict(document, id="another-household")
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("default")  # Python's own: once per message and line
        for d in (document, other, document):
            barrierfree.check(d)
        barrierfree.plan(other)
    case_warnings = [w for w in said if issubclass(w.category, barrierfree.CaseWarning)]
    # Once per household (the same household again at the same line is the same message).
    assert sorted(w.message.case_id for w in case_warnings) == sorted(["another-household", "another-household",
                                                                       document["id"]])
    assert all(w.filename == __file__ for w in case_warnings), [w.filename for w in case_warnings]


def test_a_misspelt_remedy_in_subsidy_caps_is_refused():
    with pytest.raises(ValueError, match="door.widen"):
        barrierfree.plan(WHEELCHAIR, subsidy_caps={"door.widn": 100})
    with pytest.raises(barrierfree.ArgumentTypeError):
        barrierfree.plan(WHEELCHAIR, subsidy_caps=[1, 2])
    capped = barrierfree.plan(WHEELCHAIR, subsidy_caps={"door.widen": 100})
    assert capped.plan.copay >= 0


def test_a_case_pickles_and_copies():
    import copy
    import pickle

    case = barrierfree.load_case(WHEELCHAIR)
    assert pickle.loads(pickle.dumps(case)) == case
    assert copy.deepcopy(case) == case


def test_free_text_of_a_case_and_its_occupants_is_kept():
    import json
    import pickle

    data = json.loads(WHEELCHAIR.read_text(encoding="utf-8"))
    data["notes"] = "复查：2026年12月"
    data["occupants"][0]["name"] = "张三"
    data["occupants"][0]["notes"] = "uses the kitchen only with help"
    case = barrierfree.load_case(data)
    for kept in (case.to_dict(), pickle.loads(pickle.dumps(case)).to_dict(),
                 barrierfree.plan(case).modified.to_dict()):
        assert kept["notes"] == "复查：2026年12月"
        assert kept["occupants"][0]["name"] == "张三"
        assert kept["occupants"][0]["notes"] == "uses the kitchen only with help"


def test_where_an_occupant_sleeps_decides_the_bedrooms_asked_for_a_call_button():
    import json

    data = json.loads((WHEELCHAIR.parent / "huimin-52.jsonl").read_text(encoding="utf-8").splitlines()[1])
    assert data["id"] == "HM-002" and data["occupants"][0]["bedroom"] == "bed1"

    def rooms(case):
        return [f.detail["rooms"] for f in barrierfree.check(case).findings if f.check == "safety.call"]

    assert rooms(barrierfree.load_case(data)) == [["bath", "bed1"]]  # not the carer's bed2
    del data["occupants"][0]["bedroom"]
    assert rooms(barrierfree.load_case(data)) == [["bath", "bed1", "bed2"]]
    data["occupants"][0]["bedroom"] = "bed7"
    with pytest.raises(barrierfree.CaseError) as info:
        barrierfree.load_case(data)
    assert info.value.errors[0].path == "/occupants/0/bedroom"


def test_json_text_after_a_byte_order_mark_is_text_not_a_path():
    text = "\ufeff" + WHEELCHAIR.read_text(encoding="utf-8").strip().replace("\n", " ")
    assert barrierfree.load_case(text) == barrierfree.load_case(WHEELCHAIR)  # was "cannot open" the text as a file


def test_a_lone_surrogate_is_a_value_error_naming_where():
    import json
    from conftest import ROOT

    case = json.loads((ROOT / "data" / "examples" / "wheelchair-user.json").read_text(encoding="utf-8"))
    case["rooms"][0]["name"] = "bath \ud800"
    with pytest.raises(ValueError, match="/rooms/0/name"):
        barrierfree.load_case(case)
    case["rooms"][0] = {"\ud800": 1, **case["rooms"][0]}
    del case["rooms"][0]["name"]
    with pytest.raises(ValueError, match="/rooms/0"):
        barrierfree.load_case(case)


def test_a_string_that_is_neither_a_file_nor_json_and_a_file_of_many_cases_say_so():
    with pytest.raises(barrierfree.CaseError, match="opens with"):
        barrierfree.load_case("not json at all")
    with pytest.raises(barrierfree.CaseError, match="batch"):
        barrierfree.load_case(ROOT / "data" / "examples" / "huimin-52.jsonl")
    with pytest.raises(barrierfree.CaseError, match="batch"):
        barrierfree.load_case(str(ROOT / "data" / "examples" / "huimin-52.jsonl"))
