// JSON -> Ruleset, with every error reported as "ruleset.1xx" and a JSON pointer,
// and the built-in rulesets compiled into the library.
#include <barrierfree/rules/kinds.hpp>
#include <barrierfree/rules/occupants.hpp>
#include <barrierfree/rules/ruleset.hpp>

#include "io/json_reader.hpp"
#include "rules/messages.hpp"
#include "util/embedded.hpp"
#include "util/suggest.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <set>

namespace barrierfree {

using io::json;
using io::JsonReader;
using io::Need;
namespace code = io::code;

Confidence confidence_of_grade(std::string_view grade) {
  return grade == "C" ? Confidence::needs_verification : grade == "U" ? Confidence::unconfirmed : Confidence::confirmed;
}

Confidence least_sure(Confidence rule, Confidence value) {
  const auto rank = [](Confidence c) {
    return c == Confidence::confirmed ? 0 : c == Confidence::needs_verification ? 1 : c == Confidence::unconfirmed ? 2 : -1;
  };
  if (rank(rule) < 0) return rule;  // an interpretation or programme practice, whatever the value's source
  return rank(value) > rank(rule) ? value : rule;
}

const Param* Rule::param(std::string_view name) const {
  // A rule has a handful of parameters: looked at in turn, without making a key string.
  for (const auto& [key, p] : params)
    if (key == name) return &p;
  return nullptr;
}

double Rule::mm(std::string_view name, double fallback) const {
  const Param* p = param(name);
  return p ? p->value : fallback;
}

const Rule* Ruleset::find(std::string_view rule_id) const {
  for (const Rule& r : rules)
    if (r.id == rule_id) return &r;
  return nullptr;
}

const Rule* Ruleset::first(std::string_view check) const {
  for (const Rule& r : rules)
    if (r.check == check) return &r;
  return nullptr;
}

std::string_view to_string(Confidence c) {
  switch (c) {
    case Confidence::confirmed: return "confirmed";
    case Confidence::needs_verification: return "needs_verification";
    case Confidence::unconfirmed: return "unconfirmed";
    case Confidence::interpretation: return "interpretation";
    case Confidence::programme: return "programme";
  }
  return "unconfirmed";
}

std::string default_standard(std::string_view region) {
  if (region.rfind("US", 0) == 0) return "ADA-2010";
  return "GB50763-2012";
}

namespace {

constexpr std::string_view ruleset_format = "barrierfree.ruleset/1";

/// "1:12" -> 1/12; numbers as they are.
std::optional<double> ratio_value(const json& v) {
  if (v.is_number()) return v.get<double>();
  if (!v.is_string()) return std::nullopt;
  const std::string s = v.get<std::string>();
  const auto colon = s.find(':');
  if (colon == std::string::npos) return std::nullopt;
  try {
    const double a = std::stod(s.substr(0, colon)), b = std::stod(s.substr(colon + 1));
    if (a <= 0 || b <= 0) return std::nullopt;
    return a / b;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

class RulesetReader {
 public:
  RulesetReader(JsonReader& r, const std::vector<Ruleset>& others) : r_(r), others_(others) {}

  Ruleset read(const json& doc) {
    Ruleset rs;
    if (!r_.expect_object(doc, "")) return rs;
    r_.unknown_fields(doc, "", {"$schema", "format", "id", "title", "edition", "description", "include", "rules"});
    if (auto f = r_.string(doc, "format", "", Need::required); f && *f != ruleset_format)
      r_.error(code::unsupported_format, "/format",
               "unsupported format \"" + *f + "\"; expected \"" + std::string(ruleset_format) + "\"");
    rs.id = r_.string(doc, "id", "", Need::required).value_or("");
    if (const json* t = r_.get(doc, "title", "", Need::optional)) rs.title = text(*t, "/title");
    rs.edition = r_.string(doc, "edition", "", Need::optional).value_or(rs.id);
    if (const json* rules = r_.array(doc, "rules", "", Need::required)) {
      for (std::size_t i = 0; i < rules->size(); ++i) {
        const std::string p = JsonReader::child("/rules", i);
        if (!r_.expect_object((*rules)[i], p)) continue;
        Rule rule = read_rule((*rules)[i], p, rs.id);
        claim(rule.id, JsonReader::child(p, "id"));
        rs.rules.push_back(std::move(rule));
      }
    }
    if (const json* includes = r_.array(doc, "include", "", Need::optional))
      for (std::size_t i = 0; i < includes->size(); ++i) include((*includes)[i], JsonReader::child("/include", i), rs);
    return rs;
  }

 private:
  JsonReader& r_;
  const std::vector<Ruleset>& others_;
  std::map<std::string, std::string> seen_;

  void claim(const std::string& id, const std::string& path) {
    if (id.empty()) return;
    auto [it, fresh] = seen_.emplace(id, path);
    if (!fresh) r_.error(code::duplicate_id, path, "duplicate rule id \"" + id + "\" (first at " + it->second + ")");
  }

  Text text(const json& v, const std::string& p) {
    Text t;
    if (!r_.expect_object(v, p)) return t;
    t.en = r_.string(v, "en", p, Need::required).value_or("");
    t.zh = r_.string(v, "zh", p, Need::required).value_or("");
    return t;
  }

  void include(const json& inc, const std::string& p, Ruleset& rs) {
    if (!r_.expect_object(inc, p)) return;
    const auto from = r_.string(inc, "ruleset", p, Need::required);
    const json* which = r_.get(inc, "rules", p, Need::required);
    if (!from || !which) return;
    const Ruleset* source = nullptr;
    std::vector<std::string> known;
    for (const Ruleset& o : others_) {
      known.push_back(o.id);
      if (o.id == *from) source = &o;
    }
    if (!source) {
      r_.error(code::unknown_reference, JsonReader::child(p, "ruleset"),
               "unknown ruleset \"" + *from + "\"" + util::did_you_mean(*from, known));
      return;
    }
    // The source's rules as it is used, its own includes with them ("GB55019-2021" with the
    // GB 50763 rules it takes over); the built-ins are read own rules first, so theirs do not chain.
    std::vector<std::string> ids;
    for (const Rule& rule : source->rules) ids.push_back(rule.id);
    // A rule of the source named at `path` (in "rules" or "except"), or nullptr with the error said.
    const auto rule_at = [&](const json& v, const std::string& path) -> const Rule* {
      if (!v.is_string()) {
        r_.wrong_type(path, "a rule id", v);
        return nullptr;
      }
      const std::string id = v.get<std::string>();
      if (const Rule* rule = source->find(id)) return rule;
      r_.error(code::unknown_reference, path,
               "ruleset \"" + *from + "\" has no rule \"" + id + "\"" + util::did_you_mean(id, ids));
      return nullptr;
    };
    // Rules left out of "*": those a rule of one's own replaces.
    std::set<std::string> left_out;
    if (const json* except = r_.array(inc, "except", p, Need::optional))
      for (std::size_t k = 0; k < except->size(); ++k)
        if (const Rule* rule = rule_at((*except)[k], JsonReader::child(JsonReader::child(p, "except"), k)))
          left_out.insert(rule->id);
    r_.unknown_fields(inc, p, {"ruleset", "rules", "except"});
    const std::string rp = JsonReader::child(p, "rules");
    if (which->is_string() && which->get<std::string>() == "*") {
      for (const Rule& rule : source->rules) {
        if (left_out.count(rule.id)) continue;
        claim(rule.id, rp);
        rs.rules.push_back(rule);
      }
      return;
    }
    if (!which->is_array()) {
      r_.wrong_type(rp, "an array of rule ids or \"*\"", *which);
      return;
    }
    for (std::size_t k = 0; k < which->size(); ++k) {
      const std::string ip = JsonReader::child(rp, k);
      if (const Rule* rule = rule_at((*which)[k], ip)) {
        claim(rule->id, ip);
        rs.rules.push_back(*rule);
      }
    }
  }

  Rule read_rule(const json& o, const std::string& p, const std::string& standard) {
    r_.unknown_fields(o, p, {"id", "check", "clause", "grade", "confidence", "params", "applies", "mitigations",
                             "remedies", "message", "note"});
    Rule rule;
    rule.standard = standard;
    rule.id = r_.string(o, "id", p, Need::required).value_or("");
    if (auto check = r_.string(o, "check", p, Need::required)) {
      if (!is_check_kind(*check))
        r_.error(code::unknown_enum, JsonReader::child(p, "check"),
                 "unknown check kind \"" + *check + "\"" + util::did_you_mean(*check, check_kinds()));
      rule.check = *check;
    }
    rule.clause = r_.string(o, "clause", p, Need::required).value_or("");
    if (auto grade = r_.string(o, "grade", p, Need::optional)) {
      if (*grade != "A" && *grade != "B" && *grade != "C" && *grade != "U")
        r_.error(code::unknown_enum, JsonReader::child(p, "grade"), "grade must be A, B, C or U");
      rule.grade = *grade;
    }
    rule.confidence = confidence_of_grade(rule.grade);
    if (auto c = r_.string(o, "confidence", p, Need::optional)) {
      static const std::vector<std::string> names = {"confirmed", "needs_verification", "unconfirmed",
                                                     "interpretation", "programme"};
      auto it = std::find(names.begin(), names.end(), *c);
      if (it == names.end())
        r_.error(code::unknown_enum, JsonReader::child(p, "confidence"),
                 "unknown confidence \"" + *c + "\"" + util::did_you_mean(*c, names));
      else
        rule.confidence = static_cast<Confidence>(it - names.begin());
    }
    if (const json* params = r_.get(o, "params", p, Need::optional)) {
      const std::string pp = JsonReader::child(p, "params");
      if (r_.expect_object(*params, pp))
        for (auto it = params->begin(); it != params->end(); ++it) {
          Param prm;
          if (param(*it, JsonReader::child(pp, it.key()), prm)) rule.params[it.key()] = std::move(prm);
        }
    }
    if (const json* applies = r_.get(o, "applies", p, Need::required))
      rule.applies = severities(*applies, JsonReader::child(p, "applies"));
    if (const json* mit = r_.get(o, "mitigations", p, Need::optional)) {
      const std::string mp = JsonReader::child(p, "mitigations");
      if (r_.expect_object(*mit, mp))
        for (auto it = mit->begin(); it != mit->end(); ++it)
          rule.mitigations[it.key()] = severities(*it, JsonReader::child(mp, it.key()));
    }
    if (const json* rem = r_.array(o, "remedies", p, Need::optional)) {
      const std::string rp = JsonReader::child(p, "remedies");
      for (std::size_t k = 0; k < rem->size(); ++k) {
        const std::string ip = JsonReader::child(rp, k);
        if (!(*rem)[k].is_string()) {
          r_.wrong_type(ip, "a remedy name", (*rem)[k]);
          continue;
        }
        const std::string name = (*rem)[k].get<std::string>();
        if (!is_remedy_kind(name))
          r_.error(code::unknown_enum, ip, "unknown remedy \"" + name + "\"" + util::did_you_mean(name, remedy_kinds()));
        else
          rule.remedies.push_back(name);
      }
    }
    rule.message = rules::messages::fail(rule.check);
    rule.title = rules::messages::title(rule.check);
    if (const json* m = r_.get(o, "message", p, Need::optional)) rule.message = text(*m, JsonReader::child(p, "message"));
    rule.note = r_.string(o, "note", p, Need::optional).value_or("");
    validate_tables(rule, p);
    return rule;
  }

  std::map<std::string, int> severities(const json& v, const std::string& p) {
    std::map<std::string, int> out;
    if (!r_.expect_object(v, p)) return out;
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string kp = JsonReader::child(p, it.key());
      if (!is_need(it.key())) {
        r_.error(code::unknown_enum, kp,
                 "unknown need \"" + it.key() + "\"" + util::did_you_mean(it.key(), need_names()) +
                     " (see docs/occupants.md)");
        continue;
      }
      if (!it->is_number_integer() || it->get<int>() < 1 || it->get<int>() > 4) {
        r_.error(code::bad_number, kp, "severity must be an integer from 1 to 4");
        continue;
      }
      out[it.key()] = it->get<int>();
    }
    return out;
  }

  bool param(const json& v, const std::string& p, Param& out) {
    out.raw = v;
    if (v.is_number()) {
      out.value = v.get<double>();
      out.unit = "count";
      return true;
    }
    if (v.is_boolean()) {
      out.value = v.get<bool>() ? 1 : 0;
      out.unit = "bool";
      return true;
    }
    if (v.is_string()) {
      if (auto r = ratio_value(v)) {
        out.value = *r;
        out.unit = "ratio";
        return true;
      }
      r_.error(code::invalid_value, p, "a string parameter must be a ratio such as \"1:12\"");
      return false;
    }
    if (v.is_array()) {
      if (std::all_of(v.begin(), v.end(), [](const json& x) { return x.is_string(); })) {
        for (const json& x : v) out.names.push_back(x.get<std::string>());
        return true;
      }
      return true;  // a table: validated by validate_tables
    }
    if (!v.is_object()) {
      r_.wrong_type(p, "a number, a ratio, a list or {\"value\", \"unit\"}", v);
      return false;
    }
    if (v.contains("names")) {
      const json& n = v["names"];
      if (!n.is_array() || !std::all_of(n.begin(), n.end(), [](const json& x) { return x.is_string(); })) {
        r_.wrong_type(JsonReader::child(p, "names"), "a list of names", n);
        return false;
      }
      for (const json& x : n) out.names.push_back(x.get<std::string>());
      return true;
    }
    return quantity(v, p, out);
  }

  bool quantity(const json& v, const std::string& p, Param& out) {
    const auto unit = r_.string(v, "unit", p, Need::required);
    const json* value = r_.get(v, "value", p, Need::required);
    if (!unit || !value) return false;
    static const std::vector<std::string> units = {"mm", "m", "in", "m2", "ratio", "count", "storey"};
    if (std::find(units.begin(), units.end(), *unit) == units.end()) {
      r_.error(code::unknown_enum, JsonReader::child(p, "unit"),
               "unknown unit \"" + *unit + "\"" + util::did_you_mean(*unit, units) + "; expected mm, m, in, m2, ratio, count or storey");
      return false;
    }
    std::optional<double> x = *unit == "ratio" ? ratio_value(*value)
                              : value->is_number() ? std::optional<double>(value->get<double>())
                                                   : std::nullopt;
    if (!x || !std::isfinite(*x)) {
      r_.wrong_type(JsonReader::child(p, "value"), *unit == "ratio" ? "a ratio such as \"1:12\"" : "a number", *value);
      return false;
    }
    if (*x < 0) {
      r_.error(code::bad_number, JsonReader::child(p, "value"), "value must not be negative");
      return false;
    }
    out.unit = *unit;
    out.value = *unit == "in" ? *x * 25.4 : *unit == "m" ? *x * 1000.0 : *x;
    if (auto clause = r_.string(v, "clause", p, Need::optional)) out.clause = *clause;
    if (auto grade = r_.string(v, "grade", p, Need::optional)) {
      if (*grade != "A" && *grade != "B" && *grade != "C" && *grade != "U")
        r_.error(code::unknown_enum, JsonReader::child(p, "grade"), "grade must be A, B, C or U");
      else
        out.confidence = confidence_of_grade(*grade);
    }
    return true;
  }

  /// Tables have a structure their checks rely on: check it here, so that a
  /// malformed user ruleset fails on loading, not in the middle of a batch.
  void validate_tables(const Rule& rule, const std::string& p) {
    const Param* table = rule.param("table");
    if (!table) return;
    const std::string tp = JsonReader::child(JsonReader::child(p, "params"), "table");
    if (!table->raw.is_array() || table->raw.empty()) {
      r_.wrong_type(tp, "a non-empty array of rows", table->raw);
      return;
    }
    for (std::size_t i = 0; i < table->raw.size(); ++i) {
      const json& row = table->raw[i];
      const std::string rp = JsonReader::child(tp, i);
      if (!r_.expect_object(row, rp)) continue;
      Param q;
      if (rule.check == "ramp.slope") {
        if (!row.contains("slope") || !ratio_value(row["slope"]))
          r_.error(code::missing_field, JsonReader::child(rp, "slope"), "row needs a slope such as \"1:12\"");
        if (const json* mr = r_.get(row, "max_rise", rp, Need::required)) quantity(*mr, JsonReader::child(rp, "max_rise"), q);
      } else if (rule.check == "room.area") {
        r_.string(row, "kind", rp, Need::required);
        if (const json* mn = r_.get(row, "min", rp, Need::required)) quantity(*mn, JsonReader::child(rp, "min"), q);
      }
    }
  }
};

Ruleset parse_with(std::string_view text, const std::vector<Ruleset>& others) {
  const json doc = io::parse_document(text, "ruleset");
  JsonReader reader("ruleset");
  Ruleset rs = RulesetReader(reader, others).read(doc);
  if (!reader.errors.empty()) throw InputError(std::move(reader.errors));
  return rs;
}

struct Builtins {
  std::vector<Ruleset> all;
};

const Builtins& builtins() {
  static const Builtins b = [] {
    Builtins out;
    std::vector<std::string_view> texts;
    for (const util::EmbeddedFile& f : util::embedded_files())
      if (f.name.rfind("rules/", 0) == 0 && f.name != "rules/messages.json") texts.push_back(f.text);
    // First every ruleset's own rules, then again with includes resolved
    // against those (includes take only a ruleset's own rules).
    std::vector<Ruleset> own;
    for (std::string_view t : texts) {
      json doc = json::parse(t);
      doc.erase("include");
      own.push_back(parse_with(doc.dump(), {}));
    }
    for (std::string_view t : texts) out.all.push_back(parse_with(t, own));
    return out;
  }();
  return b;
}

}  // namespace

Ruleset parse_ruleset(std::string_view json_text, const std::vector<Ruleset>& others) {
  std::vector<Ruleset> sources = builtins().all;
  sources.insert(sources.end(), others.begin(), others.end());
  return parse_with(json_text, sources);
}

Ruleset load_ruleset(const std::filesystem::path& path, const std::vector<Ruleset>& others) {
  return parse_ruleset(io::read_file(path, "ruleset"), others);
}

std::vector<std::string> builtin_ruleset_ids() {
  std::vector<std::string> ids;
  for (const Ruleset& r : builtins().all) ids.push_back(r.id);
  return ids;
}

const Ruleset& builtin_ruleset(std::string_view id) {
  for (const Ruleset& r : builtins().all)
    if (r.id == id) return r;
  throw std::out_of_range("no built-in ruleset \"" + std::string(id) + "\"; built in: " + [] {
    std::string s;
    for (const auto& i : builtin_ruleset_ids()) s += (s.empty() ? "" : ", ") + i;
    return s;
  }());
}

}  // namespace barrierfree
