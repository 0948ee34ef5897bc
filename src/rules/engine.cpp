// The rule engine: which rules run, who they concern, and findings in a
// deterministic order.
#include "rules/engine.hpp"

#include <barrierfree/rules/kinds.hpp>

#include "io/json_text.hpp"
#include "io/json_writer.hpp"
#include "rules/messages.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <tuple>

namespace barrierfree {

std::string_view to_string(Status s) { return s == Status::fail ? "fail" : "insufficient_data"; }

int Finding::weight() const {
  int w = 0;
  for (const auto& [who, s] : severity_by_occupant) w += s;
  return w;
}

int CheckResult::score() const {
  int s = 0;
  for (const Finding& f : findings) s += f.weight();
  return s;
}

namespace rules {

const std::map<std::string, CheckFunction>& check_functions() {
  static const std::map<std::string, CheckFunction> m = [] {
    std::map<std::string, CheckFunction> out;
    register_building_checks(out);
    register_door_checks(out);
    register_route_checks(out);
    register_ramp_checks(out);
    register_room_checks(out);
    register_sanitary_checks(out);
    register_device_checks(out);
    return out;
  }();
  return m;
}

Context::Context(const Case& c_, const Ruleset& rs_, std::string focus_room)
    : c(c_), rs(rs_), plan(c_), focus(std::move(focus_room)) {
  for (const Occupant& o : c.occupants) profiles.push_back(profile(o));
  findings.reserve(32);  // a household has a dozen or two: moved once, not again as the vector grows
}

Concern Context::work_out_concern(const Rule& rule, const std::set<std::string>& features) const {
  const std::map<std::string, int>* applies = &rule.applies;
  for (const std::string& f : features)
    if (auto it = rule.mitigations.find(f); it != rule.mitigations.end()) applies = &it->second;
  Concern out;
  for (const Profile& p : profiles) {
    // Both are sorted by name: walked side by side.
    int s = 0;
    auto need = p.needs.begin();
    for (auto it = applies->begin(); it != applies->end() && need != p.needs.end();) {
      const int order = it->first.compare(*need);
      if (order < 0) ++it;
      else if (order > 0) ++need;
      else s = std::max(s, (it++)->second), ++need;
    }
    if (s == 0) continue;
    out.occupants.push_back(p.occupant);
    out.severity[p.occupant] = s;
    out.max = std::max(out.max, s);
  }
  return out;
}

const Concern& Context::concern(const Rule& rule, const std::set<std::string>& features) {
  if (!features.empty()) return featured_concern_ = work_out_concern(rule, features);
  if (concern_rule_ != &rule) {
    concern_ = work_out_concern(rule, features);
    concern_rule_ = &rule;
  }
  return concern_;
}

const std::string& Context::display_unit(const Rule& rule) {
  static const std::string in = "in", mm = "mm";
  for (const auto& [name, p] : rule.params)
    if (p.unit == in) return in;
  return mm;
}

Text Context::name_of(const std::string& element) const {
  if (const Room* r = c.find_room(element)) return {r->id, r->name.value_or(r->id)};
  if (element == "building") return {"the building", "楼栋"};
  if (element == "home") return {"the home", "住宅"};
  return same(element);
}

void Context::report(const Rule& rule, Report r) {
  const Concern& who = concern(rule, r.features);
  if (who.empty()) return;
  // A failure cites the values it fails: their clause where it is not the rule's, and no more
  // sureness than theirs (a maximum read in a secondary source, say). A bound counts when the
  // measurement is past it; any other value the requirement names, always.
  Confidence confidence = r.confidence ? least_sure(rule.confidence, *r.confidence) : rule.confidence;
  if (r.status == Status::fail && r.required.is_object()) {
    const double measured = r.measured.is_number() ? r.measured.get<double>() : std::numeric_limits<double>::quiet_NaN();
    for (auto it = r.required.begin(); it != r.required.end(); ++it) {
      const Param* p = rule.param(it.key());
      if (!p || (p->clause.empty() && !p->confidence)) continue;
      const bool is_min = it.key() == "min", is_max = it.key() == "max";
      // A bound is what failed only when the measurement is past it (not the other bound of a
      // range, nor when what failed is not a measurement: a counter without knee space).
      if ((is_min || is_max) && (!it->is_number() || std::isnan(measured) ||
                                 (is_min ? measured >= it->get<double>() : measured <= it->get<double>())))
        continue;
      if (p->confidence) confidence = least_sure(confidence, *p->confidence);
      if (r.clause.empty()) r.clause = p->clause;
    }
  }
  Finding& f = findings.emplace_back();
  f.check = rule.check;
  f.element = r.element;
  f.status = r.status;
  const std::string& clause = r.clause.empty() ? rule.clause : r.clause;
  f.rule = r.clause.empty() ? rule.citation() : rule.standard + " " + clause;
  f.rule_id = rule.id;
  f.confidence = confidence;
  f.severity = who.max;
  f.occupants = who.occupants;
  f.severity_by_occupant = who.severity;
  f.measured = std::move(r.measured);
  f.required = std::move(r.required);
  f.unit = std::move(r.unit);
  f.room = std::move(r.room);
  f.at = r.at;
  f.missing = std::move(r.missing);
  f.remedies = rule.remedies;
  f.detail = std::move(r.detail);
  if (messages == Messages::left_out) return;

  // Only the values the message mentions are formatted: most findings name two or
  // three of a rule's parameters, and formatting them all was a tenth of a check.
  const Text& templ = f.status == Status::insufficient_data ? messages::insufficient() : rule.message;
  std::array<std::string_view, 24> named;
  std::size_t n_named = 0;
  bool all = false;  // more names than the array holds: format every value
  for (const std::string* t : {&templ.en, &templ.zh})
    for_each_placeholder(*t, [&](std::string_view name) {
      if (n_named < named.size()) named[n_named++] = name;
      else all = true;
    });
  const auto wanted = [&](std::string_view name) {
    return all || std::find(named.begin(), named.begin() + n_named, name) != named.begin() + n_named;
  };
  Vars vars = std::move(r.vars);
  if (wanted("name")) vars.emplace("name", name_of(r.element));
  if (wanted("element")) vars.emplace("element", same(r.element));
  if (wanted("standard")) vars.emplace("standard", same(rule.standard));
  if (wanted("clause")) {
    // "第3.5.3条" for numbered clauses; programme items are cited as they are.
    const bool numbered = !clause.empty() && std::isdigit(static_cast<unsigned char>(clause[0]));
    vars.emplace("clause", Text{clause, numbered ? "第" + clause + "条" : clause});
  }
  if (wanted("title")) vars.emplace("title", rule.title);
  const std::string& unit = display_unit(rule);
  for (const auto& [pname, p] : rule.params) {
    if (!wanted(pname) || vars.count(pname)) continue;
    if (p.unit == "mm" || p.unit == "in" || p.unit == "m") vars.emplace(pname, length_text(p.value, unit));
    else if (p.unit == "m2") vars.emplace(pname, area_text(p.value));
    else if (p.unit == "ratio") vars.emplace(pname, slope_text(p.value));
    else if (p.unit == "count") vars.emplace(pname, same(number_text(p.value, 0)));
  }
  if (f.status == Status::insufficient_data) {
    Text fields;
    for (const std::string& m : f.missing) {
      fields.en += (fields.en.empty() ? "" : ", ") + m;
      fields.zh += (fields.zh.empty() ? "" : "、") + m;
    }
    vars["missing"] = std::move(fields);
  }
  f.message = {fill(templ.en, vars, false), fill(templ.zh, vars, true)};
}

void Context::not_assessed(const Rule& rule, std::string element, std::string reason) {
  if (concern(rule).empty()) return;
  skipped.push_back({rule.check, std::move(element), rule.id, std::move(reason)});
}

std::string pointer(const Case& c, const std::string& element, const std::string& field) {
  auto find = [&](const auto& list, const char* name) -> std::string {
    for (std::size_t i = 0; i < list.size(); ++i)
      if (list[i].id == element) return "/" + std::string(name) + "/" + std::to_string(i) + (field.empty() ? "" : "/" + field);
    return {};
  };
  for (std::string p : {find(c.rooms, "rooms"), find(c.doors, "doors"), find(c.fixtures, "fixtures"),
                        find(c.grab_bars, "grab_bars"), find(c.steps, "steps"), find(c.ramps, "ramps"),
                        find(c.devices, "devices")})
    if (!p.empty()) return p;
  if (element == "building") return "/building" + (field.empty() ? "" : "/" + field);
  return "/" + field;
}

}  // namespace rules

namespace {

// Findings in the order of check-kinds.md, then element, then rule: the same
// bytes for the same case, whatever order the plan listed things in.
void sort_and_number(std::vector<Finding>& findings) {
  // Each finding's rank looked up once, not at every comparison.
  std::vector<std::pair<std::size_t, Finding*>> order;
  order.reserve(findings.size());
  for (Finding& f : findings) order.emplace_back(check_kind_rank(f.check), &f);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second->element, a.second->rule_id) < std::tie(b.first, b.second->element, b.second->rule_id);
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (auto& [rank, f] : order) sorted.push_back(std::move(*f));
  findings = std::move(sorted);
  for (std::size_t i = 0; i < findings.size(); ++i) findings[i].id = "F" + std::to_string(i + 1);
}

}  // namespace

CheckResult rules::check_only(const Case& c, const Ruleset& rules, const std::set<std::string>& kinds,
                              const std::string& focus_room, Messages messages) {
  rules::Context ctx(c, rules, focus_room);
  ctx.messages = messages;
  const auto& functions = rules::check_functions();
  std::set<std::pair<std::size_t, std::string>> ran;  // by the rank of the kind, as check-kinds.md lists them
  for (const Rule& rule : rules.rules) {
    if (!kinds.empty() && !kinds.count(rule.check)) continue;
    // A check nobody in the household needs is not run.
    if (ctx.concern(rule).empty()) continue;
    auto it = functions.find(rule.check);
    if (it == functions.end()) continue;
    it->second(ctx, rule);
    ran.emplace(check_kind_rank(rule.check), rule.check);  // an unlisted kind still counts, last
  }
  CheckResult out;
  for (const auto& [rank, kind] : ran) out.checked.push_back(kind);
  out.id = c.id;
  out.standard = rules.id;
  out.findings = std::move(ctx.findings);
  out.not_assessed = std::move(ctx.skipped);
  sort_and_number(out.findings);
  std::sort(out.not_assessed.begin(), out.not_assessed.end(), [](const NotAssessed& a, const NotAssessed& b) {
    return std::tie(a.check, a.element, a.rule_id) < std::tie(b.check, b.element, b.rule_id);
  });
  return out;
}

CheckResult check(const Case& c, const Ruleset& rules) { return rules::check_only(c, rules, {}); }

const Ruleset& builtin_ruleset_or_error(const std::string& id, const std::string& pointer) {
  try {
    return builtin_ruleset(id);
  } catch (const std::out_of_range&) {
    std::string known;
    for (const auto& k : builtin_ruleset_ids()) known += (known.empty() ? "" : ", ") + k;
    throw CaseError({Error{errc::invalid_value, pointer,
                           "unknown standard \"" + id + "\"; built in: " + known +
                               " (a ruleset of your own is given as rules: --rules on the command line)",
                           0}});
  }
}

const Ruleset& ruleset_for(const Case& c) {
  return builtin_ruleset_or_error(c.standard ? *c.standard : default_standard(c.region.value_or("")), "/standard");
}

CheckResult check(const Case& c) { return check(c, ruleset_for(c)); }

void rules::write_check_members(io::JsonText& w, const CheckResult& r) {
  w.key("id").value(r.id);
  w.key("standard").value(r.standard);
  w.key("findings").begin_array();
  for (const Finding& f : r.findings) {
    w.begin_object();
    w.key("id").value(f.id);
    w.key("check").value(f.check);
    w.key("element").value(f.element);
    w.key("status").value(to_string(f.status));
    w.key("rule").value(f.rule);
    w.key("rule_id").value(f.rule_id);
    w.key("confidence").value(to_string(f.confidence));
    w.key("severity").value(f.severity);
    w.key("measured");
    if (f.measured.is_number()) w.number(f.measured.get<double>());
    else w.json(f.measured);
    w.key("required").begin_object();
    for (auto it = f.required.begin(); it != f.required.end(); ++it) {
      w.key(it.key());
      if (it->is_number()) w.number(it->get<double>());
      else w.json(*it);
    }
    w.end_object();
    w.key("unit").value(f.unit);
    w.key("occupants").strings(f.occupants);
    w.key("severity_by_occupant").begin_object();
    for (const auto& [who, sev] : f.severity_by_occupant) w.key(who).value(sev);
    w.end_object();
    w.key("message").begin_object().key("en").value(f.message.en).key("zh").value(f.message.zh).end_object();
    w.key("location").begin_object();
    if (!f.room.empty()) w.key("room").value(f.room);
    if (f.at) w.key("at").begin_array().number(std::round(f.at->x)).number(std::round(f.at->y)).end_array();
    w.end_object();
    if (!f.missing.empty()) w.key("missing").strings(f.missing);
    w.key("remedies").strings(f.remedies);
    if (!f.detail.empty()) w.key("detail").json(f.detail);
    w.end_object();
  }
  w.end_array();
  if (!r.not_assessed.empty()) {
    w.key("not_assessed").begin_array();
    for (const NotAssessed& n : r.not_assessed)
      w.begin_object()
          .key("check").value(n.check)
          .key("element").value(n.element)
          .key("rule_id").value(n.rule_id)
          .key("reason").value(n.reason)
          .end_object();
    w.end_array();
  }
  w.key("checked").strings(r.checked);
}

std::string to_json_text(const CheckResult& r) {
  io::JsonText w(1024 + 720 * r.findings.size());
  w.begin_object();
  rules::write_check_members(w, r);
  w.key("score").begin_object().key("before").value(r.score()).end_object();
  w.end_object();
  return w.take();
}

nlohmann::ordered_json to_json(const CheckResult& r) {
  // One writer: the document is its text read back (results are written far more often than
  // they are inspected as JSON).
  return nlohmann::ordered_json::parse(to_json_text(r));
}

}  // namespace barrierfree
