#!/usr/bin/env python3
"""Writes the invalid-case fixtures of tests/data/invalid/ from one valid base case.

Each fixture is NAME.json (the input) and NAME.expected.json (the errors and
warnings it must produce, as [code, JSON pointer] in order, and whether the JSON
Schema can reject it). The Catch2 and pytest suites read the directory, so a
new fixture can also be added by hand: two files, no code.

    python3 scripts/make_invalid_fixtures.py   # rewrites tests/data/invalid/
"""
import copy, json, os
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "invalid")
os.makedirs(OUT, exist_ok=True)
for f in os.listdir(OUT): os.remove(os.path.join(OUT, f))
BASE = {"format": "barrierfree.case/1", "id": "T-1", "region": "CN-11", "budget": 5000,
 "occupants": [{"id": "p1", "age": 40, "mobility": "manual_wheelchair", "disabilities": [{"category": "physical", "grade": 1}]}],
 "building": {"storey": 3, "lift": False},
 "rooms": [{"id": "hall", "type": "entrance_hall", "rect": [0, 0, 1500, 2000]},
           {"id": "living", "type": "living", "rect": [1500, 0, 3500, 3000]},
           {"id": "bath", "type": "bathroom", "rect": [0, 2000, 1500, 1800], "floor": {"slip_resistant": False, "wet": True}}],
 "doors": [{"id": "d-entry", "rooms": ["outside", "hall"], "at": [750, 0], "clear_width": 850, "type": "swing", "swing_into": "hall", "threshold": 20},
           {"id": "d-bath", "rooms": ["hall", "bath"], "at": [750, 2000], "clear_width": 700, "type": "swing", "swing_into": "bath", "threshold": 60, "handle": "knob", "handle_height": 1000},
           {"id": "d-living", "rooms": ["hall", "living"], "at": [1500, 1000], "clear_width": 900, "type": "opening"}],
 "fixtures": [{"id": "wc", "type": "toilet", "room": "bath", "at": [1100, 3450], "size": [400, 700], "facing": 270, "kind": "squat"}],
 "grab_bars": [{"id": "gb1", "room": "bath", "from": [1490, 3000], "to": [1490, 3700], "height": 700, "serves": "wc"}],
 "steps": [], "ramps": [], "devices": [{"id": "bell", "type": "doorbell", "room": "hall", "visual": False}]}

def fixture(name, mutate, errors, warnings=(), schema_rejects=True, raw=None):
    if raw is None:
        c = copy.deepcopy(BASE); mutate(c); text = json.dumps(c, indent=1, ensure_ascii=False) + "\n"
    else:
        text = raw
    open(f"{OUT}/{name}.json", "w").write(text)
    exp = {"errors": [list(e) for e in errors], "warnings": [list(w) for w in warnings], "schema_rejects": schema_rejects}
    open(f"{OUT}/{name}.expected.json", "w").write(json.dumps(exp, indent=1) + "\n")

def setp(path, value):
    def f(c):
        o = c
        for k in path[:-1]: o = o[k]
        o[path[-1]] = value
    return f
def delp(path):
    def f(c):
        o = c
        for k in path[:-1]: o = o[k]
        del o[path[-1]]
    return f
def chain(*fs):
    def f(c):
        for g in fs: g(c)
    return f

# Where the text stops being JSON: the pointer of the value the parser was reading.
fixture("101-not-json", None, [["case.101", "/rooms/0", 3]], raw='{"format": "barrierfree.case/1",\n "id": "T-1",\n "rooms": [,]}\n')
fixture("101-empty", None, [["case.101", "", 1]], raw="\n")
fixture("102-missing-id", delp(["id"]), [["case.102", "/id"]])
fixture("102-missing-door-at", delp(["doors", 1, "at"]), [["case.102", "/doors/1/at"]])
fixture("102-room-without-geometry", delp(["rooms", 2, "rect"]), [["case.102", "/rooms/2/polygon"]])
fixture("103-budget-is-string", setp(["budget"], "5000"), [["case.103", "/budget"]])
fixture("103-point-with-one-number", setp(["doors", 0, "at"], [750]), [["case.103", "/doors/0/at"]])
fixture("103-rooms-not-a-list", setp(["rooms"], {"hall": {}}), [["case.103", "/rooms"]])
fixture("103-grade-not-integer", setp(["occupants", 0, "disabilities", 0, "grade"], 1.5), [["case.103", "/occupants/0/disabilities/0/grade"]])
fixture("104-door-room-misspelt", setp(["doors", 1, "rooms", 1], "bahtroom"), [["case.104", "/doors/1/rooms/1"]], schema_rejects=False)
fixture("104-fixture-room-unknown", setp(["fixtures", 0, "room"], "wc-room"), [["case.104", "/fixtures/0/room"]], schema_rejects=False)
fixture("104-grab-bar-serves-unknown", setp(["grab_bars", 0, "serves"], "toilet"), [["case.104", "/grab_bars/0/serves"]], schema_rejects=False)
fixture("105-mobility-unknown", setp(["occupants", 0, "mobility"], "wheelchair"), [["case.105", "/occupants/0/mobility"]])
fixture("105-room-type-misspelt", setp(["rooms", 2, "type"], "bathrom"), [["case.105", "/rooms/2/type"]])
fixture("106-duplicate-room-id", lambda c: c["rooms"].append({"id": "hall", "type": "storage", "rect": [5000, 0, 1000, 1000]}), [["case.106", "/rooms/3/id"]], schema_rejects=False)
fixture("106-door-id-reuses-room-id", setp(["doors", 2, "id"], "living"), [["case.106", "/doors/2/id"]], schema_rejects=False)
fixture("107-negative-threshold", setp(["doors", 0, "threshold"], -10), [["case.107", "/doors/0/threshold"]])
fixture("107-grade-out-of-range", setp(["occupants", 0, "disabilities", 0, "grade"], 5), [["case.107", "/occupants/0/disabilities/0/grade"]])
fixture("107-number-overflow", None, [["case.107", "/doors/0/clear_width"]],
        raw=json.dumps(BASE).replace('"clear_width": 850', '"clear_width": 1e400') + "\n")
fixture("107-negative-budget", setp(["budget"], -1), [["case.107", "/budget"]])
# Metres typed as millimetres' thousands, or a unit slip: nothing in a home is a kilometre long.
fixture("107-door-a-kilometre-wide", setp(["doors", 1, "clear_width"], 1000001), [["case.107", "/doors/1/clear_width"]])
fixture("107-room-a-kilometre-long", setp(["rooms", 1, "rect"], [1500, 0, 3500, 3000000]), [["case.107", "/rooms/1/rect"]])
fixture("107-point-far-away", setp(["doors", 2, "at"], [1500, 1e9]), [["case.107", "/doors/2/at"]])
fixture("108-unsupported-format", setp(["format"], "barrierfree.case/2"), [["case.108", "/format"]])
fixture("109-rect-and-polygon", setp(["rooms", 0, "polygon"], [[0, 0], [1500, 0], [1500, 2000], [0, 2000]]), [["case.109", "/rooms/0/rect"]])
fixture("109-grab-bar-horizontal-and-vertical", setp(["grab_bars", 0, "top"], 1400), [["case.109", "/grab_bars/0"]])
fixture("110-swing-into-other-room", setp(["doors", 1, "swing_into"], "living"), [["case.110", "/doors/1/swing_into"]], schema_rejects=False)
fixture("110-door-joins-room-to-itself", setp(["doors", 2, "rooms"], ["hall", "hall"]), [["case.110", "/doors/2/rooms"]], schema_rejects=False)
fixture("110-region-not-a-province", setp(["region"], "CN-99"), [["case.110", "/region"]], schema_rejects=False)
fixture("110-step-lower-not-its-room", setp(["steps"], [{"id": "s1", "rooms": ["hall", "living"], "at": [1500, 1000], "count": 1, "rise": 60, "lower": "bath"}]),
        [["case.110", "/steps/0/lower"]], schema_rejects=False)
fixture("110-ramp-in-not-its-room", setp(["ramps"], [{"id": "r1", "rooms": ["hall", "living"], "at": [1500, 1000], "rise": 60, "length": 600, "in": "bath"}]),
        [["case.110", "/ramps/0/in"]], schema_rejects=False)
fixture("110-reserved-id", setp(["devices", 0, "id"], "home"), [["case.110", "/devices/0/id"]], schema_rejects=False)
fixture("201-polygon-two-points", chain(delp(["rooms", 1, "rect"]), setp(["rooms", 1, "polygon"], [[1500, 0], [5000, 0]])), [["case.201", "/rooms/1/polygon"]])
fixture("202-polygon-self-intersecting", chain(delp(["rooms", 1, "rect"]), setp(["rooms", 1, "polygon"], [[1500, 0], [5000, 3000], [5000, 0], [1500, 3000]])), [["case.202", "/rooms/1/polygon"]], schema_rejects=False)
fixture("203-polygon-collinear", chain(delp(["rooms", 1, "rect"]), setp(["rooms", 1, "polygon"], [[1500, 0], [3000, 0], [5000, 0]])), [["case.203", "/rooms/1/polygon"]], schema_rejects=False)
fixture("203-rect-zero-width", setp(["rooms", 1, "rect"], [1500, 0, 0, 3000]), [["case.203", "/rooms/1/rect"]], schema_rejects=False)
fixture("204-rooms-overlap", setp(["rooms", 1, "rect"], [1480, 0, 3500, 3000]), [["case.204", "/rooms/1/rect"], ["case.204", "/rooms/2/rect"]], schema_rejects=False)
fixture("205-door-away-from-wall", setp(["doors", 1, "at"], [750, 1900]), [["case.205", "/doors/1/at"]], schema_rejects=False)
fixture("205-door-on-another-wall", chain(setp(["doors", 1, "rooms"], ["living", "bath"]), setp(["doors", 1, "swing_into"], "bath")), [["case.205", "/doors/1/at"]], schema_rejects=False)
fixture("205-rooms-share-no-wall", chain(lambda c: c["rooms"].append({"id": "bed", "type": "bedroom", "rect": [5000, 3000, 3000, 3000]}),
        lambda c: c["doors"].append({"id": "d-bed", "rooms": ["living", "bed"], "at": [4900, 2000], "clear_width": 800, "type": "opening"})),
        [["case.205", "/doors/3/at"]], schema_rejects=False)
fixture("205-entrance-door-inside-room", setp(["doors", 0, "at"], [750, 900]), [["case.205", "/doors/0/at"]], schema_rejects=False)
fixture("206-fixture-outside-room", setp(["fixtures", 0, "at"], [2500, 1500]), [["case.206", "/fixtures/0/at"]], schema_rejects=False)
fixture("207-grab-bar-outside-room", setp(["grab_bars", 0, "from"], [2500, 3000]), [["case.207", "/grab_bars/0/from"]], schema_rejects=False)
fixture("207-grab-bar-far-end-outside-room", setp(["grab_bars", 0, "to"], [1490, 4500]), [["case.207", "/grab_bars/0/to"]], schema_rejects=False)
fixture("107-fixture-a-kilometre-wide", setp(["fixtures", 0, "size"], [1000001, 700]), [["case.107", "/fixtures/0/size"]])
fixture("107-rect-far-corner-far-away", setp(["rooms", 1, "rect"], [99999000, 0, 3500, 3000]), [["case.107", "/rooms/1/rect"]], schema_rejects=False)
fixture("203-rect-narrower-than-the-tolerance", setp(["rooms", 1, "rect"], [1500, 0, 0.005, 3000]), [["case.203", "/rooms/1/rect"]], schema_rejects=False)
# A room of a door that cannot be read is one error, not also a swing_into that matches neither room.
fixture("103-door-room-not-a-string", setp(["doors", 1, "rooms"], ["hall", 5]), [["case.103", "/doors/1/rooms"]])
# Metres typed where millimetres belong: the case is read, with a warning.
fixture("902-door-wider-than-its-wall", setp(["doors", 2, "clear_width"], 9000), [],
        warnings=[["case.902", "/doors/2/clear_width"]], schema_rejects=False)
fixture("903-room-without-a-door", delp(["doors", 1]), [], warnings=[["case.903", "/rooms/2/id"]], schema_rejects=False)
fixture("901-unknown-fields-are-warnings", chain(setp(["doors", 0, "clear_widht"], 800), setp(["rooms", 0, "colour"], "red")), [],
        warnings=[["case.901", "/rooms/0/colour"], ["case.901", "/doors/0/clear_widht"]], schema_rejects=False)
fixture("all-errors-of-a-case", chain(setp(["id"], 17), setp(["occupants", 0, "mobility"], "wheelchair"), setp(["doors", 1, "rooms", 1], "bahtroom"),
        setp(["fixtures", 0, "size"], [400, -700]), setp(["doors", 2, "id"], "d-bath")),
        [["case.103", "/id"], ["case.105", "/occupants/0/mobility"], ["case.107", "/fixtures/0/size"], ["case.106", "/doors/2/id"], ["case.104", "/doors/1/rooms/1"]])
