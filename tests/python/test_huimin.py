"""The bundled 52 households: valid, reproducible, and varied enough to exercise every check.

"Fires somewhere" means some household has a `fail` finding of the kind. "Passes somewhere"
means some household has an element the kind examines, someone the kind matters to, and no
finding on that element: a real pass, not a check with nothing to look at.
"""
import json
import subprocess
import sys
from collections import Counter

import pytest

import barrierfree as bf

from conftest import ROOT

HUIMIN = ROOT / "data" / "examples" / "huimin-52.jsonl"


def cases():
    return [json.loads(line) for line in HUIMIN.read_text(encoding="utf-8").splitlines()]


def test_the_file_is_what_the_generator_makes():
    made = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_huimin.py")], capture_output=True, check=True)
    assert made.stdout == HUIMIN.read_bytes(), "regenerate: python3 scripts/gen_huimin.py -o data/examples/huimin-52.jsonl"


def test_fifty_two_valid_households_with_distinct_ids():
    all_cases = cases()
    assert len(all_cases) == 52
    assert len({c["id"] for c in all_cases}) == 52
    for c in all_cases:
        bf.load_case(c)  # raises CaseError naming every bad field


def test_they_resemble_a_district_programme():
    all_cases = cases()
    budgets = [c["budget"] for c in all_cases]
    assert min(budgets) >= 3500 and max(budgets) <= 6500
    storeys = Counter(c["building"]["storey"] for c in all_cases)
    assert set(storeys) <= set(range(1, 8)) and len(storeys) >= 5
    assert sum(c["building"]["lift"] for c in all_cases) < 52 / 4, "mostly without lifts"
    categories = Counter(d["category"] for c in all_cases for o in c["occupants"] for d in o["disabilities"])
    assert set(categories) == {"physical", "visual", "hearing", "speech", "intellectual", "mental"}
    grades = Counter(d["grade"] for c in all_cases for o in c["occupants"] for d in o["disabilities"])
    assert set(grades) == {1, 2, 3, 4}
    assert sum(sum(bool(o["disabilities"]) for o in c["occupants"]) >= 2 for c in all_cases) >= 5, "一户多残"
    assert sum(any(not o["disabilities"] and o["age"] >= 65 for o in c["occupants"]) for c in all_cases) >= 5, "以老养残"
    squat = sum(f.get("kind") == "squat" for c in all_cases for f in c["fixtures"] if f["type"] == "toilet")
    assert squat >= 52 / 2
    for c in all_cases:
        area = sum(r["rect"][2] * r["rect"][3] for r in c["rooms"]) / 1e6
        assert 35 <= area <= 95, (c["id"], area)


# What a check kind looks at in a case: (list, predicate) pairs; "home" and "building" kinds look at the whole.
ELEMENTS = {
    "door": ("doors", lambda e: True),
    "leaf": ("doors", lambda e: e["type"] in ("swing", "sliding")),
    "swing": ("doors", lambda e: e["type"] == "swing"),
    "step": ("steps", lambda e: True),
    "ramp": ("ramps", lambda e: True),
    "room": ("rooms", lambda e: e["type"] != "balcony"),
    "toilet": ("fixtures", lambda e: e["type"] == "toilet"),
    "seated": ("fixtures", lambda e: e["type"] == "toilet" and e.get("kind") != "squat"),
    "bar": ("grab_bars", lambda e: True),
    "shower": ("fixtures", lambda e: e["type"] == "shower"),
    "bathtub": ("fixtures", lambda e: e["type"] == "bathtub"),
    "basin": ("fixtures", lambda e: e["type"] == "basin"),
    "counter": ("fixtures", lambda e: e["type"] == "kitchen_counter"),
    "bed": ("fixtures", lambda e: e["type"] == "bed"),
    "control": ("devices", lambda e: e["type"] in ("switch", "socket", "intercom", "call_button")),
    "wet": ("rooms", lambda e: e.get("floor", {}).get("wet")),
}
# None: the kind looks at the whole home. A step is itself the barrier, so route.step passes
# where someone it matters to lives in a home without steps.
LOOKS_AT = {
    "building.access": None, "route.step": None, "door.clear_width": "door", "door.threshold": "door", "door.handle": "leaf",
    "door.latch_side": "swing", "door.turning_space": "door", "route.reachable": "room",
    "route.clear_width": "room", "ramp.slope": "ramp", "ramp.width": "ramp",
    "ramp.landing": "ramp", "ramp.handrail": "ramp", "turning_space": "room", "room.area": "room",
    "toilet.type": "toilet", "toilet.seat_height": "seated", "toilet.transfer_space": "toilet",
    "toilet.grab_bars": "toilet", "grab_bar.height": "bar", "grab_bar.position": "bar", "shower.curb": "shower",
    "shower.seat": "shower", "shower.grab_bars": "shower", "bathtub.access": "bathtub", "basin.height": "basin",
    "counter.height": "counter", "bed.side_space": "bed", "control.height": "control", "floor.slip": "wet",
    "alert.visual": None, "alert.voice": None, "safety.gas": None, "safety.call": None,
}


@pytest.fixture(scope="module")
def tally():
    fired, passed = Counter(), Counter()
    for c in cases():
        result = bf.check(bf.load_case(c))
        findings = {}
        for f in result.findings:
            findings.setdefault(f.check, []).append(f)
        for kind in result.checked:
            mine = findings.get(kind, [])
            if any(f.status == "fail" for f in mine):
                fired[kind] += 1
            what = LOOKS_AT[kind]
            if what is None:
                passed[kind] += not mine
                continue
            field, relevant = ELEMENTS[what]
            flagged = {f.element for f in mine}
            passed[kind] += any(relevant(e) and e["id"] not in flagged for e in c.get(field, []))
    return fired, passed


def test_every_check_kind_is_described_here():
    assert set(LOOKS_AT) == set(bf.check_kinds())


@pytest.mark.parametrize("kind", sorted(LOOKS_AT))
def test_every_check_kind_fires_somewhere_and_passes_somewhere(tally, kind):
    fired, passed = tally
    assert fired[kind] > 0, f"no household fails {kind}"
    assert passed[kind] > 0, f"no household passes {kind}"
