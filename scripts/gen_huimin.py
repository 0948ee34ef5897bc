#!/usr/bin/env python3
"""Generates data/examples/huimin-52.jsonl: synthetic households like a district programme's.

    python3 scripts/gen_huimin.py                      # the bundled 52 (seed 52)
    python3 scripts/gen_huimin.py --count 1000 --seed 7 > many.jsonl

The households resemble a real 家庭无障碍改造 programme (see ../shared/programs/README.md):
old 40–90 m² flats on storeys 1–7, mostly without lifts; physical, visual, hearing, speech,
intellectual and mental disabilities of grades 1–4 (mostly severe, the programme's target);
some households with two disabled members (一户多残) or an elderly carer (以老养残); squat
toilets, narrow bathroom doors, thresholds of 0–120 mm, steps to balconies; budgets of
3,500–6,500 yuan. Every value is drawn from a seeded random generator, so the file can be
regenerated exactly and extended. Nothing here is real data.

About one home in five was partly modified before (an earlier programme's call buttons,
flashing doorbell, bars or basin), so that checks pass as well as fail.

Layout: two rows of rooms. The bottom row is the entrance hall, the living room and the main
bedroom; the top row the kitchen (above the hall), the bathroom and one or two further
rooms, and sometimes a balcony. Doors are placed on the walls rooms share; fixtures stand
against walls, clear of the doors.
"""
import argparse
import json
import random
import sys

# Every other household follows a theme that a district programme always meets and that
# chance alone would make rare in 52 homes; the rest are drawn freely.
# How often an earlier programme for a wheelchair user kept a roomy bathroom's tub (and fitted it).
TUB_KEPT = 0.2
THEMES = ["ramp", None, "deaf", None, "bathtub", None, "modified", None, "speech", None]

PROVINCES = ["CN-11", "CN-13", "CN-14", "CN-21", "CN-23", "CN-32", "CN-33", "CN-34", "CN-35", "CN-36", "CN-37",
             "CN-41", "CN-42", "CN-43", "CN-44", "CN-45", "CN-50", "CN-51", "CN-52", "CN-53", "CN-61", "CN-62"]


def rect(x, y, w, d):
    return [int(x), int(y), int(w), int(d)]


class Household:
    def __init__(self, seed, number):
        self.seed, self.number = seed, number
        self.rng = None
        self.theme = THEMES[(number - 1) % len(THEMES)]
        self.id = f"HM-{number:03d}"
        self.rooms, self.doors, self.fixtures, self.bars, self.steps, self.ramps, self.devices = [], [], [], [], [], [], []
        self.occupants = []
        self.improved = False  # partly modified in an earlier programme

    # --- small helpers -------------------------------------------------
    def stream(self, aspect):
        """Each aspect of a household draws from its own seeded stream, so that changing how
        one aspect is generated leaves the others as they were."""
        self.rng = random.Random(f"{self.seed}:{self.number}:{aspect}")

    def pick(self, options, weights=None):
        return self.rng.choices(options, weights=weights)[0]

    def chance(self, p):
        return self.rng.random() < p

    def mm(self, lo, hi, step=50):
        return self.rng.randrange(lo, hi + 1, step)

    def room(self, id, type, name, x, y, w, d, **kw):
        r = {"id": id, "type": type, "name": name, "rect": rect(x, y, w, d)}
        r.update(kw)
        self.rooms.append(r)
        return {"id": id, "x": x, "y": y, "w": w, "d": d}

    def door(self, id, a, b, at, width, type="swing", swing_into=None, threshold=0, measured=True, handle=True):
        d = {"id": id, "rooms": [a, b], "at": [int(at[0]), int(at[1])], "clear_width": width, "type": type}
        if type == "swing":
            d["swing_into"] = swing_into or b
        if measured and threshold is not None:
            d["threshold"] = threshold
        if handle and type in ("swing", "sliding"):
            d["handle"] = "pull" if type == "sliding" else self.pick(["knob", "lever"], [0.6, 0.4])
            d["handle_height"] = self.pick([900, 950, 1000, 1050])
        self.doors.append(d)
        return d

    def fixture(self, id, type, room, at, size, facing, **kw):
        f = {"id": id, "type": type, "room": room, "at": [int(at[0]), int(at[1])], "size": [int(size[0]), int(size[1])],
             "facing": facing}
        f.update(kw)
        self.fixtures.append(f)
        return f

    def door_width(self, narrow=False):
        if narrow:
            return self.pick([600, 650, 700, 750, 800, 850], [0.1, 0.3, 0.3, 0.15, 0.1, 0.05])
        return self.pick([700, 750, 760, 800, 850, 900], [0.15, 0.15, 0.1, 0.3, 0.2, 0.1])

    def threshold(self, wet=False):
        if wet:
            return self.pick([0, 15, 20, 30, 40, 50, 60, 80, 100, 120], [0.1, 0.05, 0.1, 0.15, 0.15, 0.1, 0.1, 0.1, 0.08, 0.07])
        return self.pick([0, 5, 10, 15, 20, 25, 30], [0.3, 0.1, 0.15, 0.15, 0.15, 0.1, 0.05])

    # --- the people ------------------------------------------------------
    def person(self, id, age, category, grade):
        mobility = "none"
        if category == "physical":
            options = {1: (["manual_wheelchair", "power_wheelchair", "bedbound", "walker", "crutches"], [0.4, 0.15, 0.2, 0.15, 0.1]),
                       2: (["manual_wheelchair", "walker", "cane", "crutches", "none"], [0.25, 0.25, 0.25, 0.1, 0.15]),
                       3: (["cane", "crutches", "none"], [0.4, 0.2, 0.4]),
                       4: (["cane", "none"], [0.3, 0.7])}[grade]
            mobility = self.pick(*options)
        elif category == "visual" and grade <= 2:
            mobility = self.pick(["cane", "none"], [0.7, 0.3])
        p = {"id": id, "age": age, "mobility": mobility, "disabilities": [{"category": category, "grade": grade}]}
        return p

    def people(self):
        category = self.pick(["physical", "visual", "hearing", "speech", "intellectual", "mental"],
                             [0.45, 0.15, 0.12, 0.05, 0.12, 0.11])
        grade = self.pick([1, 2, 3, 4], [0.45, 0.4, 0.1, 0.05])
        if self.theme == "ramp":  # a wheelchair user on the ground floor
            category, grade = "physical", self.pick([1, 2])
        elif self.theme == "deaf":
            category, grade = "hearing", self.pick([1, 2, 3])
        elif self.theme == "speech":
            category = "speech"
        elif self.theme == "modified":  # an earlier programme adapted the home for a wheelchair user
            category, grade = "physical", self.pick([1, 2])
        age = self.rng.randint(8, 85) if category != "intellectual" else self.rng.randint(10, 50)
        self.occupants.append(self.person("p1", age, category, grade))
        if self.theme in ("ramp", "modified"):
            self.occupants[0]["mobility"] = self.pick(["manual_wheelchair", "power_wheelchair"], [0.8, 0.2])
        kind = self.pick(["alone", "spouse", "carer", "two"], [0.3, 0.3, 0.2, 0.2])
        if kind == "spouse":
            self.occupants.append({"id": "p2", "age": max(25, age + self.rng.randint(-5, 5)), "mobility": "none", "disabilities": []})
        elif kind == "carer":  # 以老养残: an elderly parent cares for the disabled person
            carer = {"id": "p2", "age": self.rng.randint(68, 86), "mobility": self.pick(["none", "cane", "walker"], [0.4, 0.4, 0.2]),
                     "disabilities": []}
            carer["limitations"] = self.rng.sample(["poor_balance", "limited_stamina", "reduced_bending", "low_vision",
                                                    "hard_of_hearing"], self.rng.randint(1, 3))
            self.occupants[0]["age"] = min(self.occupants[0]["age"], 55)
            self.occupants.append(carer)
        elif kind == "two":  # 一户多残
            other = self.pick(["physical", "visual", "hearing", "intellectual", "mental"])
            self.occupants.append(self.person("p2", self.rng.randint(20, 80), other, self.pick([1, 2, 3, 4], [0.3, 0.4, 0.2, 0.1])))

    def bedrooms(self):
        """Who sleeps where, as an assessment records it (no random draws): the applicant in the
        main bedroom with a spouse; a carer or a second disabled member in the second bedroom where
        there is one. A third bedroom is a spare room."""
        second = "bed2" if any(r["id"] == "bed2" for r in self.rooms) else "bed1"
        for o in self.occupants:
            o["bedroom"] = "bed1" if o["id"] == "p1" or not o.get("disabilities") and "limitations" not in o else second

    # --- the flat ----------------------------------------------------------
    def flat(self):
        rng = self.rng
        d1 = self.mm(3000, 4200, 300)           # depth of the bottom row
        d2 = self.mm(2400, 3300, 300)           # depth of the top row
        wh = self.pick([1200, 1350, 1500, 1800])  # hall
        wl = self.mm(3300, 4800, 300)           # living
        wb1 = self.mm(2700, 3600, 300)          # main bedroom
        bedrooms = self.pick([1, 2, 3], [0.3, 0.5, 0.2])
        wk = max(wh, self.mm(1500, 2400, 300))  # kitchen, at least as wide as the hall
        wba = self.pick([1200, 1500, 1800, 2100] if self.theme != "bathtub" else [1500, 1800, 2100])  # bathroom
        hall = self.room("hall", "entrance_hall", "门厅", 0, 0, wh, d1)
        living = self.room("living", "living", "客厅", wh, 0, wl, d1)
        bed1 = self.room("bed1", "bedroom", "主卧", wh + wl, 0, wb1, d1)
        kitchen = self.room("kitchen", "kitchen", "厨房", 0, d1, wk, d2,
                            **({"floor": {"slip_resistant": self.chance(0.3), "wet": True}} if self.chance(0.5) else {}))
        bath_x = wk
        bath_d = min(d2, self.pick([1500, 1800, 2100, 2400] if self.theme != "bathtub" else [2100, 2400]))
        bath = self.room("bath", "bathroom", "卫生间", bath_x, d1, wba, bath_d,
                         floor={"slip_resistant": self.chance(0.2), "wet": True})
        x = bath_x + wba
        top_end = wh + wl + wb1
        extra = []
        if bedrooms >= 2:
            w = max(2400, min(3300, top_end - x - (1500 if bedrooms == 3 else 0)))
            if w >= 2400:
                extra.append(self.room("bed2", "bedroom", "次卧", x, d1, w, d2))
                x += w
        if bedrooms == 3 and top_end - x >= 2400:
            extra.append(self.room("bed3", "bedroom", "第三卧室", x, d1, top_end - x, d2))
            x = top_end
        balcony = None
        if x < top_end - 1200 and self.chance(0.8):
            balcony = self.room("balcony", "balcony", "阳台", x, d1, top_end - x, min(d2, 1500),
                                floor={"slip_resistant": self.chance(0.3), "wet": True})
        elif self.chance(0.5):
            balcony = self.room("balcony", "balcony", "阳台", wh, -1500, wl, 1500,
                                floor={"slip_resistant": self.chance(0.3), "wet": True})

        # Doors.
        self.stream("doors")
        entry = self.door("d-entry", "outside", "hall", (wh / 2, 0), self.pick([800, 850, 900, 950]),
                          swing_into=self.pick(["hall", "outside"], [0.3, 0.7]), threshold=self.threshold(),
                          measured=self.chance(0.9))
        self.door("d-living", "hall", "living", (wh, d1 / 2), self.pick([800, 900, 1000, 1200]), type="opening",
                  threshold=0)
        kitchen_type = self.pick(["sliding", "swing", "opening"], [0.4, 0.4, 0.2])
        self.door("d-kitchen", "hall", "kitchen", (wh / 2, d1), self.door_width(), type=kitchen_type,
                  swing_into="kitchen", threshold=self.threshold(), measured=self.chance(0.85))
        # The bathroom opens from the living room where they share a wall.
        lo, hi = max(bath_x, wh), min(bath_x + wba, wh + wl)
        bath_door_w = self.door_width(narrow=True)
        if hi - lo >= bath_door_w + 200:
            at_x = (lo + hi) / 2
            self.door("d-bath", "living", "bath", (at_x, d1), bath_door_w, swing_into="bath",
                      threshold=self.threshold(wet=True), measured=self.chance(0.9))
        else:  # from the kitchen side
            self.door("d-bath", "kitchen", "bath", (bath_x, d1 + bath_d / 2), min(bath_door_w, bath_d - 300),
                      swing_into="bath", threshold=self.threshold(wet=True), measured=self.chance(0.9))
        self.door("d-bed1", "living", "bed1", (wh + wl, d1 * 0.7), self.door_width(), swing_into="bed1",
                  threshold=self.threshold(), measured=self.chance(0.9))
        for r in extra:
            lo, hi = max(r["x"], wh), min(r["x"] + r["w"], wh + wl)
            if hi - lo >= 1100:
                self.door("d-" + r["id"], "living", r["id"], ((lo + hi) / 2, d1), self.door_width(),
                          swing_into=r["id"], threshold=self.threshold(), measured=self.chance(0.85))
            else:
                lo, hi = max(r["x"], wh + wl), r["x"] + r["w"]
                self.door("d-" + r["id"], "bed1", r["id"], ((lo + hi) / 2, d1), self.door_width(),
                          swing_into=r["id"], threshold=self.threshold(), measured=self.chance(0.85))
        if balcony:
            balcony_w = self.pick([700, 800, 900, 1200])
            if balcony["y"] < 0:
                # Towards the living room's far end, 300 mm from the corner: the sofa stands along
                # the rest of the wall (a door in the middle would have the sofa across it).
                a, at = "living", (wh + wl - 300 - balcony_w / 2, 0)
            else:  # from whichever bottom room shares more wall with it
                bx0, bx1 = balcony["x"], balcony["x"] + balcony["w"]
                spans = {"living": (max(bx0, wh), min(bx1, wh + wl)), "bed1": (max(bx0, wh + wl), min(bx1, top_end))}
                a = max(spans, key=lambda k: spans[k][1] - spans[k][0])
                at = (sum(spans[a]) / 2, d1)
            self.door("d-balcony", a, "balcony", at, balcony_w,
                      type=self.pick(["sliding", "swing"], [0.7, 0.3]), swing_into="balcony",
                      threshold=self.pick([0, 20, 50]), measured=self.chance(0.6))
            if self.chance(0.55):
                self.steps.append({"id": "s-balcony", "rooms": [a, "balcony"], "at": [int(at[0]), int(at[1])],
                                   "count": 1, "rise": self.pick([60, 80, 100, 120, 150]),
                                   # Balconies are laid lower than the rooms, for their drainage.
                                   "lower": "balcony"})

        # Fixtures: bathroom.
        self.stream("bathroom")
        toilet_left = self.chance(0.5)
        squat = self.chance(0.7)
        tx = bath_x + (250 if toilet_left else wba - 250)
        toilet = self.fixture("wc", "toilet", "bath", (tx, d1 + bath_d - 350), (400, 700), 270,
                              kind="squat" if squat else "seated", **({} if squat else {"seat_height": self.pick([380, 400, 420, 450, 450])}))
        if wba >= 1500:
            bx = bath_x + (wba - 300 if toilet_left else 300)
            self.fixture("basin", "basin", "bath", (bx, d1 + bath_d - 225), (500, 450), 270,
                         height=800 if self.improved else self.pick([780, 800, 820, 850]),
                         knee_clearance=self.improved or self.chance(0.15))
        roomy = bath_d >= 2100 and wba >= 1500
        has_tub = roomy and (self.theme == "bathtub" or self.chance(0.1))
        if roomy and not has_tub and self.improved:
            # An earlier programme for a wheelchair user kept (and fitted) a tub as often as not:
            # a stream of its own, so that no other draw moves.
            has_tub = random.Random(f"{self.seed}:{self.number}:tub-kept").random() < TUB_KEPT
        if has_tub:
            # A short bathtub along the side wall opposite the toilet, clear of the basin.
            right = toilet_left
            wall_x = bath_x + wba if right else bath_x
            length = 1200
            fitted = self.improved or self.chance(0.4)  # a transfer seat and bars, or neither
            self.fixture("tub", "bathtub", "bath", (wall_x + (-370 if right else 370), d1 + 350 + length / 2),
                         (length, 700), 180 if right else 0, rim_height=500, seat=fitted or self.chance(0.2))
            if fitted:  # bars on the wall behind the tub and on the end wall
                inward = -20 if right else 20
                self.bars.append({"id": "gb-tub1", "room": "bath", "from": [int(wall_x + inward), int(d1 + 500)],
                                  "to": [int(wall_x + inward), int(d1 + 1300)], "height": 700, "serves": "tub"})
                self.bars.append({"id": "gb-tub2", "room": "bath", "from": [int(wall_x + 5 * inward), int(d1 + 20)],
                                  "to": [int(wall_x + 30 * inward), int(d1 + 20)], "height": 700, "serves": "tub"})
        else:
            sx = bath_x + (wba - 400 if toilet_left else 400)
            curb = self.pick([0, 0, 30, 50, 80, 100])
            self.fixture("shower", "shower", "bath", (sx, d1 + 750), (800, 800), 90,
                         curb=curb, seat=self.improved or self.chance(0.15))
            if self.improved or self.chance(0.1):  # an L of bars in the shower's corner
                wall_x = bath_x + (wba - 20 if toilet_left else 20)
                self.bars.append({"id": "gb-sh1", "room": "bath", "from": [int(wall_x), int(d1 + 350)],
                                  "to": [int(wall_x), int(d1 + 1150)], "height": 750, "serves": "shower"})
                self.bars.append({"id": "gb-sh2", "room": "bath", "at": [int(wall_x), int(d1 + 1000)],
                                  "bottom": 800, "top": 1500, "serves": "shower"})
        if self.chance(0.3):
            side = 1 if toilet_left else -1
            bar_x = tx - side * 240 if not toilet_left else bath_x + 20
            self.bars.append({"id": "gb1", "room": "bath", "from": [int(bar_x), int(d1 + bath_d - 900)],
                              "to": [int(bar_x), int(d1 + bath_d - 200)], "height": self.pick([700, 750, 850, 900]),
                              "serves": "wc"})
            if self.chance(0.4):
                self.bars.append({"id": "gb2", "room": "bath", "at": [int(bar_x), int(d1 + bath_d - 1000)],
                                  "bottom": 750, "top": self.pick([1300, 1400, 1500]), "serves": "wc"})

        self.stream("kitchen")
        # Kitchen: a counter along the left wall, the stove against the top wall.
        self.fixture("counter", "kitchen_counter", "kitchen", (300, d1 + d2 / 2 - 150), (min(d2 - 900, 2100), 600), 0,
                     height=800 if self.improved else self.pick([780, 800, 850, 900]),
                     knee_clearance=self.improved or self.chance(0.1))
        self.fixture("stove", "stove", "kitchen", (min(wk - 450, 1050), d1 + d2 - 300), (800, 600), 270,
                     fuel="gas" if self.chance(0.85) else "electric")

        self.stream("living")
        # Living room: sofa along the bottom wall (beside the balcony door where that is there
        # too, 300 mm clear of it), a table in the room.
        balcony_door = next((d for d in self.doors if d["id"] == "d-balcony" and d["at"][1] == 0), None)
        if balcony_door:
            span = balcony_door["at"][0] - balcony_door["clear_width"] / 2 - 300 - wh
            self.fixture("sofa", "sofa", "living", (wh + span / 2, 400), (min(2400, span - 200), 800), 90)
        else:
            self.fixture("sofa", "sofa", "living", (wh + wl / 2, 400), (min(2400, wl - 900), 800), 90)
        if self.chance(0.7):
            self.fixture("table", "table", "living", (wh + wl / 2 + self.pick([-400, 0, 400]), d1 / 2 + 100),
                         (self.pick([800, 1000, 1200]), self.pick([600, 700, 800])), 90)
        if self.chance(0.4):
            self.fixture("cabinet", "other", "living", (wh + wl - 250, d1 / 2 - 600), (900, 400), 180)

        self.stream("bedrooms")
        # Bedrooms: a bed with its head against the far wall, a wardrobe.
        b_w = self.pick([1200, 1500, 1800])
        self.fixture("bed-1", "bed", "bed1", (wh + wl + wb1 - 1000, d1 / 2 - 300), (b_w, 2000), 180,
                     height=self.pick([450, 500, 550]))
        # A wardrobe against the top wall, unless the balcony door is there.
        balcony_from_bed1 = any(d["id"] == "d-balcony" and "bed1" in d["rooms"] for d in self.doors)
        if self.chance(0.7) and not balcony_from_bed1:
            self.fixture("wardrobe-1", "wardrobe", "bed1", (wh + wl + wb1 - 700, d1 - 300), (1200, 600), 270)
        elif self.chance(0.6):  # a bedside cabinet by the head of the bed, on the side away from the door
            bed_top = d1 / 2 - 300 + b_w / 2
            self.fixture("nightstand-1", "other", "bed1", (wh + wl + wb1 - 250, bed_top + 250), (450, 450), 180)
        for r in extra:
            self.fixture("bed-" + r["id"], "bed", r["id"], (r["x"] + r["w"] - 600, r["y"] + r["d"] - 1000),
                         (1000 if r["w"] < 3000 else 1200, 2000), 90, height=self.pick([450, 500]))

        # Devices.
        self.stream("devices")
        self.devices.append({"id": "bell", "type": "doorbell", "room": "hall",
                             "visual": self.improved or self.chance(0.5 if self.theme == "deaf" else 0.15),
                             "voice": self.chance(0.15)})
        # A flashing doorbell usually came with a strobe smoke alarm (the same programme item).
        strobe_kit = self.devices[-1]["visual"] and self.chance(0.6)
        if strobe_kit or self.chance(0.3):
            self.devices.append({"id": "smoke", "type": "smoke_alarm", "room": "living",
                                 "visual": strobe_kit or self.chance(0.3), "audible": True})
        if self.chance(0.15):
            self.devices.append({"id": "gas-alarm", "type": "gas_alarm", "room": "kitchen", "shutoff": self.chance(0.5)})
        self.devices.append({"id": "sw-bed1", "type": "switch", "room": "bed1", "height": self.pick([1000, 1100, 1300, 1400])})
        self.devices.append({"id": "sock-bed1", "type": "socket", "room": "bed1", "height": self.pick([300, 400])})
        if self.improved or self.chance(0.1):
            self.devices.append({"id": "call-bed1", "type": "call_button", "room": "bed1", "height": self.pick([450, 900])})
            if self.improved:
                self.devices.append({"id": "call-bath", "type": "call_button", "room": "bath", "height": 450})
                for r in extra:
                    self.devices.append({"id": "call-" + r["id"], "type": "call_button", "room": r["id"], "height": 450})
        if self.chance(0.2):
            self.devices.append({"id": "intercom", "type": "intercom", "room": "hall", "height": self.pick([1100, 1400]),
                                 "visual": self.chance(0.5), "voice": self.chance(0.5)})

    def building(self):
        # Wheelchair users are somewhat more often on the ground floor (families move down when they can).
        ground = 0.35 if self.wheelchair() else 0.2
        storey = self.pick([1, 2, 3, 4, 5, 6, 7], [ground, 0.15, 0.15, 0.15, 0.15, 0.12, 0.08])
        if self.theme == "ramp":
            storey = 1
        b = {"storey": storey, "lift": storey > 1 and self.chance(0.1)}
        if self.chance(0.85) or self.theme == "ramp":
            b["entrance_steps"] = {"count": self.pick([0, 1, 2, 3, 4], [0.3, 0.15, 0.2, 0.25, 0.1]), "rise": 150}
            if self.theme == "ramp":
                b["entrance_steps"]["count"] = self.pick([1, 2, 3])
        # Some ground-floor flats already have a ramp beside the entrance steps, more often where a
        # wheelchair user lives; it rises as high as the steps and is drawn as the way into the hall.
        steps = b.get("entrance_steps", {}).get("count", 0)
        if storey == 1 and steps and (self.theme == "ramp" or self.chance(0.4)):
            rise = steps * 150
            b["entrance_steps"]["ramp"] = True
            self.ramps.append({"id": "r-entry", "rooms": ["outside", "hall"], "rise": rise,
                               "length": int(rise * self.pick([6, 8, 10, 12, 14])), "width": self.pick([900, 1000, 1200]),
                               "handrails": self.pick([0, 1, 2]), "landing_top": self.pick([1000, 1500, 1800]),
                               "landing_bottom": self.pick([1200, 1500, 2000])})
        return b

    def wheelchair(self):
        return any(o["mobility"] in ("manual_wheelchair", "power_wheelchair") for o in self.occupants)

    def case(self):
        self.stream("people")
        self.people()
        self.improved = self.theme == "modified" or self.chance(0.1)
        self.stream("flat")
        self.flat()
        self.bedrooms()
        self.stream("building")
        building = self.building()
        self.stream("programme")
        c = {"format": "barrierfree.case/1", "id": self.id, "region": self.pick(PROVINCES),
             "standard": self.pick(["GB50763-2012", "GB55019-2021"], [0.8, 0.2]),
             "budget": self.pick([3500, 4000, 4500, 5000, 5500, 6000, 6500]),
             "occupants": self.occupants, "building": building, "rooms": self.rooms, "doors": self.doors,
             "fixtures": self.fixtures, "grab_bars": self.bars, "steps": self.steps, "ramps": self.ramps,
             "devices": self.devices}
        return c


def generate(count, seed, start=1):
    for n in range(start, start + count):
        yield Household(seed, n).case()


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=52)
    parser.add_argument("--seed", type=int, default=52)
    parser.add_argument("-o", "--output", help="file to write (default: standard output)")
    args = parser.parse_args(argv)
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    for c in generate(args.count, args.seed):
        out.write(json.dumps(c, ensure_ascii=False, separators=(",", ":")) + "\n")
    if args.output:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
