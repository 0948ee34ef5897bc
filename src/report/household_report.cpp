// The household report: one self-contained, printable HTML page.
#include <barrierfree/plan/catalog.hpp>
#include <barrierfree/report.hpp>
#include <barrierfree/rules/occupants.hpp>
#include <barrierfree/version.hpp>

#include "report/svg.hpp"
#include "report/words.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace barrierfree {

namespace report {

namespace {

constexpr const char* style = R"(
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;
       font-size: 10.5pt; line-height: 1.45; color: #1f1f1f; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #1f1f1f; break-after: avoid; }
.facts { color: #444; margin: 0 0 3mm; }
.facts span { margin-right: 5mm; white-space: nowrap; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; }
thead { display: table-header-group; }  /* headers again on each printed page of a long table */
th, td { border: 1px solid #bbb; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
th { background: #f0f0f0; font-weight: 600; white-space: nowrap; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.sev4 { color: #9b0d17; font-weight: 600; } .sev3 { color: #c1121f; } .sev2 { color: #b45309; } .sev1 { color: #555; }
.unknown { color: #b45309; }
.id { font-weight: 600; white-space: nowrap; }
.sure { color: #555; font-size: 85%; }
.planned { color: #1d4ed8; font-weight: 600; white-space: nowrap; }
.totals td { border: none; padding: 0.6mm 1.6mm; }
.totals .grand td { font-weight: 700; border-top: 1.5px solid #1f1f1f; }
.ok { color: #2b9348; } .bad { color: #c1121f; }
.note { color: #444; font-size: 9.5pt; }
@page plan { size: A4 landscape; margin: 0; }
.plan-page { margin: 6mm 0; }
.plan-page svg { width: 100%; height: auto; border: 1px solid #ccc; }
.signatures { display: flex; gap: 10mm; margin-top: 8mm; break-inside: avoid; }
.signatures div { flex: 1; border-top: 1px solid #1f1f1f; padding-top: 1mm; color: #444; }
footer { margin-top: 6mm; color: #777; font-size: 8.5pt; }
@media print {
  body { padding: 0; max-width: none; }
  .plan-page { page: plan; break-before: page; break-after: page; margin: 0; }
  .plan-page svg { width: 297mm; height: 209mm; border: none; display: block; }
}
)";

std::string h(const std::string& s) { return escape(s); }

class Report {
 public:
  Report(const Case& c, const Ruleset& rules, const PlanResult& p, const ReportOptions& o)
      : c_(c), rules_(rules), p_(p), lang_(o.lang == "zh" ? "zh" : "en") {}

  std::string html() {
    std::string s;
    s += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang_ == "zh" ? "zh-CN" : "en") + "\">\n<head>\n";
    s += "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    s += "<title>" + h(c_.id + " · " + say("title.report", lang_)) + "</title>\n";
    s += "<style>" + std::string(style) + "</style>\n</head>\n<body>\n";
    s += "<h1>" + h(say("title.report", lang_)) + "</h1>\n";
    s += facts();
    s += who();
    s += "<p class=\"note\">" + h(say("report.see_drawing", lang_)) + "</p>\n";
    s += barriers();
    s += plan();
    s += left();
    s += "<div class=\"signatures\"><div>" + h(say("report.sign_household", lang_)) + "</div><div>" +
         h(say("report.sign_worker", lang_)) + "</div><div>" + h(say("report.sign_date", lang_)) + "</div></div>\n";
    s += "<footer>" + h(say("report.generated", lang_)) + " " + version + " · " + h(c_.id) + " · " +
         h(p_.before.standard) + "</footer>\n";
    // The drawing comes last, on a landscape page of its own at its true scale, so that the
    // portrait pages before it are full.
    s += "<section class=\"plan-page\">\n";
    DrawingOptions d;
    d.lang = lang_;
    std::string svg = draw_home(c_, rules_, p_.before, &p_, d);
    svg.erase(0, svg.find("<svg"));  // no XML declaration inside HTML
    s += svg;
    s += "</section>\n";
    s += "</body>\n</html>\n";
    return s;
  }

 private:
  std::string facts() const {
    std::string s = "<p class=\"facts\">";
    auto fact = [&](const std::string& key, const std::string& value) {
      s += "<span>" + h(say(key, lang_)) + (lang_ == "zh" ? "：" : ": ") + h(value) + "</span>";
    };
    fact("report.household", c_.id);
    if (c_.region) {
      std::string region = *c_.region;
      if (const RegionFactor* r = builtin_regions().find(*c_.region)) region += " " + pick(r->name, lang_);
      fact("report.region", region);
    }
    fact("report.standard", p_.before.standard);
    if (c_.building && c_.building->storey) {
      std::string storey = std::to_string(*c_.building->storey);
      if (c_.building->lift) storey += " (" + say(*c_.building->lift ? "report.lift" : "report.no_lift", lang_) + ")";
      fact("report.storey", storey);
    }
    s += "</p>\n";
    return s;
  }

  std::string who() const {
    std::string s = "<h2>" + h(say("report.who", lang_)) + "</h2>\n<table>\n<thead><tr><th>" + h(say("report.person", lang_)) +
                    "</th><th>" + h(say("report.age", lang_)) + "</th><th>" + h(say("report.disability", lang_)) +
                    "</th><th>" + h(say("report.mobility", lang_)) + "</th><th>" + h(say("report.needs", lang_)) +
                    "</th></tr></thead>\n";
    for (const Occupant& o : c_.occupants) {
      std::string disabilities;
      for (const Disability& d : o.disabilities) disabilities += (disabilities.empty() ? "" : "; ") + disability_text(d, lang_);
      if (disabilities.empty()) disabilities = say("report.carer", lang_);
      // What the home must allow: mobility first, then the limitations.
      std::vector<std::string> needs;
      const Profile prof = profile(o);
      for (const char* n : {"wheelchair", "walker", "walking_aid", "bedbound"})
        if (prof.needs.count(n)) needs.push_back(say(std::string("need.") + n, lang_));
      for (Limitation l : limitations_of(o)) needs.push_back(say("need." + std::string(to_string(l)), lang_));
      if (prof.needs.count("severe")) needs.push_back(say("need.grade_severe", lang_));
      std::string need_text;
      for (const std::string& n : needs)
        if (need_text.find(n) == std::string::npos) need_text += (need_text.empty() ? "" : lang_ == "zh" ? "；" : "; ") + n;
      s += "<tr><td class=\"id\">" + h(o.id) + (o.name && !o.name->empty() ? " · " + h(*o.name) : std::string()) +
           "</td><td class=\"num\">" + (o.age ? std::to_string(*o.age) : "–") +
           "</td><td>" + h(disabilities) + "</td><td>" +
           h(say("mobility." + std::string(to_string(o.mobility_or_none())), lang_)) + "</td><td>" + h(need_text) +
           "</td></tr>\n";
    }
    s += "</table>\n";
    return s;
  }

  /// "卫生间 · d-bath": the room's name and the element.
  std::string where(const Finding& f) const {
    // A finding about the whole home may still be located in a room (the smoke alarm the living room lacks).
    if (f.element == "home" || f.element == "building") {
      const Room* r = c_.find_room(f.room);
      return r ? room_label(*r, lang_) : element_name(f.element);
    }
    std::string room_id = f.room;
    if (room_id.empty())
      for (const Fixture& x : c_.fixtures)
        if (x.id == f.element) room_id = x.room;
    if (room_id.empty())
      for (const GrabBar& g : c_.grab_bars)
        if (g.id == f.element) room_id = g.room;
    std::string out;
    if (const Room* r = c_.find_room(room_id.empty() ? f.element : room_id)) out = room_label(*r, lang_);
    if (f.element != room_id && !c_.find_room(f.element)) out += (out.empty() ? "" : " · ") + f.element;
    return out.empty() ? f.element : out;
  }

  /// How severe a barrier is; one not measured is not known to be a barrier, and is not rated as one.
  std::string severity_cell(const Finding& f) const {
    if (f.status == Status::insufficient_data) return "<td class=\"unknown\">" + h(say("legend.unknown", lang_)) + "</td>";
    return "<td class=\"sev" + std::to_string(f.severity) + "\">" + h(say("severity." + std::to_string(f.severity), lang_)) +
           "</td>";
  }

  /// How sure the value the finding is judged by is, where it is not read verbatim in the code:
  /// a family and a social worker are not told that a standard says what only a reading does.
  std::string sureness(const Finding& f) const {
    if (f.confidence == Confidence::confirmed) return {};
    return "<br><span class=\"sure\">(" + h(say("confidence." + std::string(to_string(f.confidence)), lang_)) + ")</span>";
  }

  std::string barriers() const {
    const auto& findings = p_.before.findings;
    std::string s = "<h2>" + h(say("report.barriers", lang_)) + " (" + std::to_string(findings.size()) + ")</h2>\n";
    if (findings.empty()) return s + "<p>" + h(say("no_findings", lang_)) + "</p>\n";
    s += "<table>\n<thead><tr><th>#</th><th>" + h(say("report.where", lang_)) + "</th><th>" + h(say("report.what", lang_)) +
         "</th><th>" + h(say("report.clause", lang_)) + "</th><th>" + h(say("report.severity", lang_)) + "</th><th>" +
         h(say("report.for", lang_)) + "</th></tr></thead>\n";
    for (const Finding& f : findings) {
      std::string who;
      for (const std::string& o : f.occupants) who += (who.empty() ? "" : ", ") + o;
      const bool unknown = f.status == Status::insufficient_data;
      s += "<tr><td class=\"id\">" + h(f.id.substr(1)) + "</td><td>" + h(where(f)) + "</td><td" +
           (unknown ? " class=\"unknown\"" : "") + ">" + h(pick(f.message, lang_)) + "</td><td>" + h(f.rule) +
           sureness(f) + "</td>" + severity_cell(f) + "<td>" + h(who) + "</td></tr>\n";
    }
    s += "</table>\n";
    return s;
  }

  std::string element_name(const std::string& id) const { return element_label(c_, id, lang_); }

  /// Where an item acts, and for a ramp the room the plan puts it in (which side of the step);
  /// for a raised floor, which floor and by how much.
  std::string item_place(const PlanItem& item) const {
    std::string s = element_name(item.element);
    const Step* step = c_.find_step(item.element);
    if (item.remedy == "floor.raise" && step && step->lower && step->rise) {
      const std::string by = std::to_string(static_cast<long long>(std::lround(step->count * step->rise->mm())));
      const std::string floor = say("report.floor_raised", lang_);
      return s + " · " + element_name(*step->lower) + (lang_ == "zh" ? floor + by + " mm" : " " + floor + " " + by + " mm");
    }
    if (item.remedy != "ramp.build" && item.remedy != "ramp.rebuild") return s;
    for (const Ramp& r : p_.modified.ramps) {
      const bool existed = std::any_of(c_.ramps.begin(), c_.ramps.end(), [&](const Ramp& o) { return o.id == r.id; });
      // A ramp built for the step: new, between its rooms, named after it (fresh ids extend the step's).
      const bool built = step && r.rooms == step->rooms && !existed && r.id.rfind(step->id + "-ramp", 0) == 0;
      if ((built || r.id == item.element) && r.in)
        return s + " · " + say("report.ramp_in", lang_) + (lang_ == "zh" ? "" : " ") + element_name(*r.in);
    }
    return s;
  }

  /// What the builder must see to beyond the item itself: for a raised floor, a leaf that
  /// swings over it and a balcony's railing, which comes that much lower above the new floor.
  std::string works_notes() const {
    std::string s;
    for (std::size_t i = 0; i < p_.plan.items.size(); ++i) {
      const PlanItem& item = p_.plan.items[i];
      if (item.remedy != "floor.raise") continue;
      const Step* step = c_.find_step(item.element);
      if (!step || !step->lower) continue;
      std::vector<std::string> todo;
      for (const Door& d : c_.doors)
        if (d.type == DoorType::swing && d.swing_into == *step->lower) {
          std::string t = say("report.raise_trim", lang_);
          t.replace(t.find("{door}"), 6, element_name(d.id));
          todo.push_back(t);
        }
      const Room* room = c_.find_room(*step->lower);
      if (room && room->type == RoomType::balcony) todo.push_back(say("report.raise_railing", lang_));
      if (todo.empty()) continue;
      std::string line;
      for (const std::string& t : todo) line += (line.empty() ? "" : (lang_ == "zh" ? "；" : "; ")) + t;
      if (lang_ != "zh") line[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(line[0])));
      s += "<p class=\"note\">P" + std::to_string(i + 1) + (lang_ == "zh" ? "：" : ": ") + h(item_place(item)) +
           (lang_ == "zh" ? "。" : ". ") + h(line) + (lang_ == "zh" ? "。" : ".") + "</p>\n";
    }
    return s;
  }

  static std::string numbers(const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += (s.empty() ? "" : ", ") + id.substr(1);
    return s;
  }

  std::string plan() const {
    const Plan& p = p_.plan;
    std::string s = "<h2>" + h(say("report.plan", lang_)) + "</h2>\n";
    if (p.items.empty()) {
      s += "<p>" + h(say("report.no_plan", lang_)) + "</p>\n";
    } else {
      s += "<table>\n<thead><tr><th>#</th><th>" + h(say("report.item", lang_)) + "</th><th>" + h(say("report.element", lang_)) +
           "</th><th class=\"num\">" + h(say("report.quantity", lang_)) + "</th><th>" + h(say("report.unit", lang_)) +
           "</th><th class=\"num\">" + h(say("report.unit_cost", lang_)) + "</th><th class=\"num\">" +
           h(say("report.cost", lang_)) + "</th><th>" + h(say("report.resolves", lang_)) + "</th></tr></thead>\n";
      for (std::size_t i = 0; i < p.items.size(); ++i) {
        const PlanItem& item = p.items[i];
        s += "<tr><td class=\"planned\">P" + std::to_string(i + 1) + "</td><td>" + h(pick(item.name, lang_)) +
             "</td><td>" + h(item_place(item)) + "</td><td class=\"num\">" +
             quantity_text(item.quantity) + "</td><td>" + h(say("unit." + item.unit, lang_)) + "</td><td class=\"num\">" +
             money_text(item.unit_cost) + "</td><td class=\"num\">" + money_text(item.cost) + "</td><td>" +
             h(numbers(item.resolves)) + "</td></tr>\n";
      }
      s += "</table>\n";
      s += works_notes();
    }
    s += "<table class=\"totals\">\n";
    auto row = [&](const std::string& label, double v, bool grand = false) {
      s += std::string("<tr") + (grand ? " class=\"grand\"" : "") + "><td>" + h(label) + "</td><td class=\"num\">" +
           money_text(v) + " " + h(p.currency) + "</td></tr>\n";
    };
    row(say("report.subtotal", lang_), p.subtotal);
    if (p.management + p.contingency + p.tax > 0) row(say("report.fees", lang_), p.management + p.contingency + p.tax);
    row(say("report.total", lang_), p.total, true);
    if (p.budget) {
      const bool within = p.subsidy <= *p.budget + 1e-6;  // the budget pays the subsidy; a copay is the household's
      s += "<tr><td>" + h(say("report.budget", lang_)) + "</td><td class=\"num\">" + money_text(*p.budget) + " " +
           h(p.currency) + " <span class=\"" + (within ? "ok" : "bad") + "\">(" +
           h(say(within ? "report.within" : "report.over", lang_)) + ")</span></td></tr>\n";
    }
    row(say("report.subsidy", lang_), p.subsidy);
    if (p.copay > 0) row(say("report.copay", lang_), p.copay);
    s += "<tr><td>" + h(say("report.score", lang_)) + "</td><td class=\"num\">" + h(say("report.before", lang_)) + " " +
         std::to_string(p_.score_before()) + " → " + h(say("report.after", lang_)) + " " + std::to_string(p_.score_after()) +
         "</td></tr>\n</table>\n";
    if (!p.items.empty())  // with nothing planned there is nothing to have checked again
      s += "<p class=\"note " + std::string(p.verified ? "ok" : "bad") + "\">" +
           h(say(p.verified ? "report.verified" : "report.not_verified", lang_)) + "</p>\n";
    return s;
  }

  /// "/doors/1/threshold" -> "d-kitchen · threshold".
  std::string field_text(const std::string& pointer) const {
    std::vector<std::string> parts;
    std::size_t start = 1;
    while (start <= pointer.size()) {
      const std::size_t end = pointer.find('/', start);
      parts.push_back(pointer.substr(start, end == std::string::npos ? std::string::npos : end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    if (parts.size() >= 3) {
      const std::size_t i = static_cast<std::size_t>(std::atoi(parts[1].c_str()));
      std::string id;
      if (parts[0] == "doors" && i < c_.doors.size()) id = c_.doors[i].id;
      if (parts[0] == "fixtures" && i < c_.fixtures.size()) id = c_.fixtures[i].id;
      if (parts[0] == "rooms" && i < c_.rooms.size()) id = room_label(c_.rooms[i], lang_);
      if (parts[0] == "steps" && i < c_.steps.size()) id = c_.steps[i].id;
      if (parts[0] == "devices" && i < c_.devices.size()) id = c_.devices[i].id;
      if (parts[0] == "grab_bars" && i < c_.grab_bars.size()) id = c_.grab_bars[i].id;
      if (!id.empty()) {
        std::string rest;
        for (std::size_t k = 2; k < parts.size(); ++k) rest += (rest.empty() ? "" : ".") + parts[k];
        const Text* words = find_word("field." + rest);
        return id + " · " + (words ? pick(*words, lang_) : rest);
      }
    }
    return pointer;
  }

  std::string left() const {
    const Plan& p = p_.plan;
    std::string s = "<h2>" + h(say("report.left", lang_)) + "</h2>\n";
    if (p.residual.empty()) {
      s += "<p class=\"ok\">" + h(say("report.nothing_left", lang_)) + "</p>\n";
    } else {
      s += "<table>\n<thead><tr><th>#</th><th>" + h(say("report.what", lang_)) + "</th><th>" + h(say("report.severity", lang_)) +
           "</th><th>" + h(say("report.reason", lang_)) + "</th></tr></thead>\n";
      for (const Residual& r : p.residual) {
        const Finding& f = r.finding;
        s += "<tr><td class=\"id\">" + h(r.original.empty() ? "–" : r.original.substr(1)) + "</td><td>" +
             h(pick(f.message, lang_)) + "</td>" + severity_cell(f) + "<td>" + h(say("reason." + r.reason, lang_)) +
             "</td></tr>\n";
      }
      s += "</table>\n";
    }
    if (!p.deferred.empty()) {
      s += "<p><b>" + h(say("report.deferred", lang_)) + "</b></p>\n<table>\n<thead><tr><th>" + h(say("report.item", lang_)) +
           "</th><th>" + h(say("report.element", lang_)) + "</th><th class=\"num\">" + h(say("report.cost", lang_)) +
           "</th><th>" + h(say("report.would_remove", lang_)) + "</th><th>" + h(say("report.reason", lang_)) +
           "</th></tr></thead>\n";
      for (const Deferred& d : p.deferred) {
        const CatalogItem* item = builtin_catalog().find(d.remedy);
        s += "<tr><td>" + h(item ? pick(item->name, lang_) : d.remedy) + "</td><td>" + h(element_name(d.element)) +
             "</td><td class=\"num\">" + money_text(d.cost) + "</td><td>" + h(numbers(d.would_resolve)) + "</td><td>" +
             h(say("reason." + d.reason, lang_)) + "</td></tr>\n";
      }
      s += "</table>\n";
    }
    // What to measure on the next visit, and what could not be looked at.
    std::set<std::string> measure;
    for (const Finding& f : p_.before.findings)
      for (const std::string& m : f.missing) measure.insert(field_text(m));
    if (!measure.empty()) {
      s += "<p><b>" + h(say("report.measure", lang_)) + "</b>: ";
      bool first = true;
      for (const std::string& m : measure) {
        s += (first ? "" : "; ") + h(m);
        first = false;
      }
      s += "</p>\n";
    }
    if (!p_.before.not_assessed.empty()) {
      s += "<p class=\"note\"><b>" + h(say("report.not_assessed", lang_)) + "</b>: ";
      bool first = true;
      for (const NotAssessed& n : p_.before.not_assessed) {
        const Rule* rule = rules_.find(n.rule_id);
        const Text* reason = find_word("not_assessed." + n.reason);
        s += (first ? "" : "; ") + h((rule ? pick(rule->title, lang_) : n.check) + " · " + element_name(n.element) + " — " +
                                     (reason ? pick(*reason, lang_) : n.reason));
        first = false;
      }
      s += "</p>\n";
    }
    return s;
  }

  const Case& c_;
  const Ruleset& rules_;
  const PlanResult& p_;
  std::string lang_;
};

}  // namespace

}  // namespace report

std::string household_report(const Case& c, const Ruleset& rules, const PlanResult& plan, const ReportOptions& options) {
  report::Report r(c, rules, plan, options);
  return r.html();
}

}  // namespace barrierfree
