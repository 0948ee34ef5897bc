"""Drawings and household reports from the command line: well-formed, self-contained,
deterministic, and saying what the plan says."""
import html.parser
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import CLI, ROOT, needs_cli

pytestmark = needs_cli

HUIMIN = ROOT / "data" / "examples" / "huimin-52.jsonl"
SVG = "{http://www.w3.org/2000/svg}"


def bf(*args):
    return subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True)


@pytest.fixture(scope="module")
def wheelchair_case(tmp_path_factory) -> Path:
    """A household with a wheelchair user (turning circles are drawn for them)."""
    for line in HUIMIN.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if any(o["mobility"].endswith("wheelchair") for o in case["occupants"]):
            path = tmp_path_factory.mktemp("case") / f"{case['id']}.json"
            path.write_text(line, encoding="utf-8")
            return path
    raise AssertionError("no wheelchair user among the bundled households")


def test_drawing_is_an_a4_page_with_the_findings_numbered(wheelchair_case, tmp_path):
    out = tmp_path / "plan.svg"
    assert bf("render", wheelchair_case, "-o", out).returncode == 0
    root = ET.parse(out).getroot()  # well-formed XML
    assert root.get("width") == "297mm" and root.get("height") == "210mm"
    texts = [t.text or "" for t in root.iter(SVG + "text")]
    check = json.loads(bf("check", wheelchair_case).stdout)
    # Every finding with a place on the plan is numbered there (several at one spot share a label).
    numbered = {n for t in texts if re.fullmatch(r"[0-9]+(,[0-9]+)*", t) for n in t.split(",")}
    placed = {f["id"][1:] for f in check["findings"] if f["element"] not in ("home", "building")}
    assert placed <= numbered
    # Turning circles: green where they fit, red where not, with their diameter.
    colours = {c.get("stroke") for c in root.iter(SVG + "circle") if c.get("fill-opacity") == "0.10"}
    assert colours and colours <= {"#2b9348", "#c1121f"}
    assert any(t.startswith("Ø") for t in texts)
    assert any("1:" in t for t in texts), "a scale"
    room_names = {r.get("name", r["id"]) for r in json.loads(wheelchair_case.read_text())["rooms"]}
    assert room_names <= set(texts)


def test_drawing_with_the_plan_shows_its_items(wheelchair_case, tmp_path):
    out = tmp_path / "plan.svg"
    assert bf("render", wheelchair_case, "--plan", "--lang", "en", "-o", out).returncode == 0
    root = ET.parse(out).getroot()
    texts = " ".join(t.text or "" for t in root.iter(SVG + "text"))
    plan = json.loads(bf("plan", wheelchair_case).stdout)["plan"]
    for i, item in enumerate(plan["items"], start=1):
        assert f"P{i}" in texts
    assert "Proposed modifications" in texts


def test_an_english_drawing_lists_the_occupants_with_english_punctuation(tmp_path):
    # A Chinese semicolon had slipped in between them.
    out = tmp_path / "two.svg"
    two = ROOT / "data" / "examples" / "wheelchair-user.json"
    assert len(json.loads(two.read_text(encoding="utf-8"))["occupants"]) == 2
    assert bf("render", two, "--lang", "en", "-o", out).returncode == 0
    texts = [t.text or "" for t in ET.parse(out).getroot().iter(SVG + "text")]
    who = next(t for t in texts if t.startswith("p1 "))
    assert "；" not in who and ";  p2 " in who


def test_the_same_case_gives_the_same_bytes(wheelchair_case, tmp_path):
    a, b = tmp_path / "a.svg", tmp_path / "b.html"
    bf("render", wheelchair_case, "--plan", "-o", a)
    bf("report", wheelchair_case, "-o", b)
    first = a.read_bytes(), b.read_bytes()
    bf("render", wheelchair_case, "--plan", "-o", a)
    bf("report", wheelchair_case, "-o", b)
    assert (a.read_bytes(), b.read_bytes()) == first


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.external, self.text, self.tags = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                self.external.append(value)

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_is_self_contained_and_says_what_the_plan_says(wheelchair_case, tmp_path, lang):
    out = tmp_path / "report.html"
    assert bf("report", wheelchair_case, "--lang", lang, "-o", out).returncode == 0
    page = Page()
    page.feed(out.read_text(encoding="utf-8"))
    assert page.external == [], "no network: nothing is fetched"
    assert "script" not in page.tags
    text = "".join(page.text)
    result = json.loads(bf("plan", wheelchair_case).stdout)
    for f in result["findings"]:
        assert f["message"][lang] in text
        assert f["rule"] in text
    total = f"{result['plan']['total']:,.2f}"
    assert total in text
    if result["plan"]["budget"] is not None:
        assert f"{result['plan']['budget']:,.2f}" in text
    assert "svg" in page.tags
    assert ("@page plan" in out.read_text(encoding="utf-8")), "the drawing prints on a landscape page"
    # A value the standard's text was not seen to give is said to be so beside its clause.
    sureness = {"en": {"needs_verification": "value from a secondary source",
                       "unconfirmed": "value not found in the standard's text: unconfirmed",
                       "interpretation": "the clause gives no number: barrierfree's reading",
                       "programme": "programme practice, not a requirement of the code"},
                "zh": {"needs_verification": "数值来自二手资料，待核实", "unconfirmed": "未在规范原文中查得，未经确认",
                       "interpretation": "条文未给出数值，为本工具的解读", "programme": "为改造项目做法，非规范要求"}}[lang]
    said = {c for c in sureness if sureness[c] in text}
    assert said == {f["confidence"] for f in result["findings"]} - {"confirmed"}
    assert said, "the wheelchair user's home has findings judged by values not read verbatim"


def test_many_households_into_a_directory(tmp_path):
    drawings, reports = tmp_path / "drawings", tmp_path / "reports"
    assert bf("render", HUIMIN, "-o", drawings).returncode == 0
    assert bf("report", HUIMIN, "-o", reports).returncode == 0
    ids = [json.loads(line)["id"] for line in HUIMIN.read_text(encoding="utf-8").splitlines()]
    assert sorted(p.stem for p in drawings.glob("*.svg")) == sorted(ids)
    assert sorted(p.stem for p in reports.glob("*.html")) == sorted(ids)


def test_invalid_lines_are_reported_and_skipped(tmp_path):
    mixed = ROOT / "tests" / "data" / "batch" / "mixed.jsonl"
    done = bf("render", mixed, "-o", tmp_path / "d")
    assert done.returncode == 1
    assert "mixed.jsonl:4: error: [case.104]" in done.stderr
    assert len(list((tmp_path / "d").glob("*.svg"))) == 4


@pytest.mark.parametrize("args", [["--lang", "fr"], [], ["-o"]])
def test_render_usage_errors(wheelchair_case, args):
    assert bf("render", wheelchair_case, *args).returncode == 2


def test_households_with_one_id_do_not_overwrite_each_other(tmp_path):
    line = HUIMIN.read_text(encoding="utf-8").splitlines()[0]
    twice = tmp_path / "twice.jsonl"
    twice.write_text(line + "\n" + line + "\n", encoding="utf-8")
    done = bf("render", twice, "-o", tmp_path / "d")
    assert done.returncode == 0 and "is taken" in done.stderr
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["HM-001-line2.svg", "HM-001.svg"]


def with_id(line: str, new_id: str) -> str:
    case = json.loads(line)
    case["id"] = new_id
    return json.dumps(case, ensure_ascii=False)


def test_a_name_given_to_a_repeated_id_is_not_taken_from_another_household(tmp_path):
    line = HUIMIN.read_text(encoding="utf-8").splitlines()[0]
    # Line 1's id is the name line 3 would get as the second "A"; "A/B" and "A_B" share a file name.
    ids = ["A-line3", "A", "A", "A/B", "A_B"]
    many = tmp_path / "many.jsonl"
    many.write_text("".join(with_id(line, i) + "\n" for i in ids), encoding="utf-8")
    done = bf("render", many, "-o", tmp_path / "d")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "d").iterdir())
    assert len(names) == len(ids), names
    assert names == sorted(["A-line3.svg", "A.svg", "A-line3-2.svg", "A_B.svg", "A_B-line5.svg"])


def test_an_id_too_long_for_a_file_name_is_cut_and_the_others_still_written(tmp_path):
    lines = HUIMIN.read_text(encoding="utf-8").splitlines()
    long_id = "户" * 200  # 600 bytes: no file system takes such a name
    cases = tmp_path / "cases.jsonl"
    cases.write_text(with_id(lines[0], long_id) + "\n" + lines[1] + "\n", encoding="utf-8")
    done = bf("report", cases, "-o", tmp_path / "r")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "r").iterdir())
    assert names == sorted(["户" * 40 + ".html", "HM-002.html"])


def test_a_directory_output_over_an_existing_file_is_a_usage_error(tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("mine", encoding="utf-8")
    done = bf("render", HUIMIN, "-o", taken)
    assert done.returncode == 2 and "is a file" in done.stderr
    assert taken.read_text(encoding="utf-8") == "mine"


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    """The 52 households drawn with their plans, and their plans as the batch writes them."""
    d = tmp_path_factory.mktemp("district")
    assert bf("render", HUIMIN, "--plan", "-o", d / "drawings").returncode == 0
    assert bf("batch", HUIMIN, "-o", d / "plans.jsonl", "--quiet").returncode == 0
    plans = [json.loads(line) for line in (d / "plans.jsonl").read_text(encoding="utf-8").splitlines()]
    return d / "drawings", plans


def plan_texts(svg: Path):
    """The texts drawn on the plan's part of the page (left of the legend), by content."""
    root = ET.parse(svg).getroot()
    return root, [t.text or "" for t in root.iter(SVG + "text") if float(t.get("x", "0")) < 214]


def test_every_room_a_turning_rule_considers_has_its_circle(district):
    drawings, plans = district
    for result in plans:
        root, texts = plan_texts(drawings / f"{result['id']}.svg")
        circles = [c for c in root.iter(SVG + "circle") if c.get("fill-opacity") == "0.10"]
        considered = set()
        for f in result["findings"]:
            if f["check"] != "turning_space":
                continue
            considered |= set(f["detail"]["rooms_considered"])
            # The circle too small is drawn with the diameter its finding reports.
            assert f"Ø{f['measured']:g}" in texts, (result["id"], f["id"])
        assert len(circles) >= len(considered), result["id"]


def test_every_item_and_located_finding_is_marked_on_the_plan(district):
    drawings, plans = district
    for result in plans:
        _, texts = plan_texts(drawings / f"{result['id']}.svg")
        pills = {label for t in texts if re.fullmatch(r"P?[0-9]+(,P?[0-9]+)*", t) for label in t.split(",")}
        for i, item in enumerate(result["plan"]["items"], start=1):
            if item["element"] not in ("home", "building"):
                # A ramp that replaces a step is marked where the step was.
                assert f"P{i}" in pills, (result["id"], i, item["remedy"])
        for f in result["findings"]:
            located = f["element"] not in ("home", "building") or f["location"].get("room")
            if located:
                assert f["id"][1:] in pills, (result["id"], f["id"])


def test_reports_give_quantities_as_priced_and_speak_one_language(district, tmp_path):
    _, plans = district
    assert bf("report", HUIMIN, "--lang", "zh", "-o", tmp_path / "zh").returncode == 0
    for result in plans:
        page = Page()
        page.feed((tmp_path / "zh" / f"{result['id']}.html").read_text(encoding="utf-8"))
        text = "".join(page.text)
        for item in result["plan"]["items"]:
            # The quantity the cost was worked out from: 2.475 m² × 82.30 = 203.70, not 2.48 m².
            assert f"{item['quantity']:.3f}".rstrip("0").rstrip(".") in text, (result["id"], item["remedy"])
        for reason in {n["reason"] for n in result.get("not_assessed", [])}:
            assert reason not in text, "a reason in English on a Chinese page"
        if any(m.endswith("/threshold") for f in result["findings"] for m in f.get("missing", [])):
            assert "门槛高度" in text, "what to measure, in words"


def test_a_case_without_rooms_says_so_rather_than_leaving_the_page_blank(tmp_path):
    case = tmp_path / "x.json"
    case.write_text('{"format": "barrierfree.case/1", "id": "X"}', encoding="utf-8")
    assert bf("render", case, "--lang", "en", "-o", tmp_path / "x.svg").returncode == 0
    assert "no rooms" in (tmp_path / "x.svg").read_text(encoding="utf-8")


def test_an_enormous_budget_is_drawn_and_reported(tmp_path):
    case = json.loads((ROOT / "data" / "examples" / "wheelchair-user.json").read_text(encoding="utf-8"))
    case["budget"] = 1e17  # valid, if unlikely: the money formatting overflowed and crashed here
    path = tmp_path / "rich.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    assert bf("render", path, "--plan", "-o", tmp_path / "rich.svg").returncode == 0
    assert bf("report", path, "-o", tmp_path / "rich.html").returncode == 0
    assert "100,000,000,000,000,000" in (tmp_path / "rich.svg").read_text(encoding="utf-8")


def test_a_case_on_standard_input_is_drawn_as_from_its_file(wheelchair_case, tmp_path):
    from_file, from_stdin = tmp_path / "file.svg", tmp_path / "stdin.svg"
    assert bf("render", wheelchair_case, "-o", from_file).returncode == 0
    done = subprocess.run([str(CLI), "render", "-", "-o", str(from_stdin)], input=wheelchair_case.read_bytes(),
                          capture_output=True)
    assert done.returncode == 0, done.stderr
    assert from_stdin.read_bytes() == from_file.read_bytes()

