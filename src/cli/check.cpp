// barrierfree check CASE.json and barrierfree rules.
#include "cli/cli.hpp"

#include <barrierfree/io/case_json.hpp>
#include <barrierfree/rules/check.hpp>

#include "io/json_reader.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace barrierfree::cli {

const Ruleset& choose_ruleset(const Case& c, const std::string& standard, const std::optional<Ruleset>& own) {
  if (own) return *own;
  if (!standard.empty()) {
    try {
      return builtin_ruleset(standard);
    } catch (const std::out_of_range& e) {
      throw UsageError{e.what()};
    }
  }
  return ruleset_for(c);
}

std::optional<Ruleset> user_ruleset(const std::string& path) {
  if (path.empty()) return std::nullopt;
  if (!std::filesystem::is_regular_file(path)) throw UsageError{"no such ruleset file: " + path};
  return load_option_file(path, [&] { return load_ruleset(path); });
}

Case read_case_file(const std::string& path, std::ostream& err) {
  // Errors and warnings (unknown fields, a door wider than its wall) go to standard error,
  // from a file or from standard input alike; only a valid case comes back.
  const std::string name = path == "-" ? "<stdin>" : path;
  std::string text;
  if (path == "-") {
    std::ostringstream s;
    s << std::cin.rdbuf();
    text = s.str();
  } else {
    if (!std::filesystem::is_regular_file(path)) throw UsageError{"no such file: " + path};
    try {
      text = io::read_file(path, "case");
    } catch (const InputError& e) {  // case.100: it cannot be opened
      for (const Error& x : e.errors()) err << name << ": error: " << to_string(x) << '\n';
      throw CaseError(e.errors());
    }
  }
  ReadResult r = read_case(text);
  for (const Error& w : r.warnings) err << name << ": warning: " << to_string(w) << '\n';
  if (!r.ok()) {
    for (const Error& x : r.errors) err << name << ": error: " << to_string(x) << '\n';
    throw CaseError(std::move(r.errors));
  }
  return std::move(*r.value);
}

bool is_jsonl(const std::filesystem::path& p) { return p.extension() == ".jsonl" || p.extension() == ".ndjson"; }

std::string id_of(std::string_view text) { return io::parse_stop(text).id.value_or(""); }

namespace {

std::string cell(const nlohmann::ordered_json& v) {
  if (v.is_null()) return "-";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_float()) {
    std::ostringstream s;
    s << std::setprecision(4) << v.get<double>();
    return s.str();
  }
  return v.dump();
}

void print_text(const CheckResult& r, bool zh, std::ostream& out) {
  out << r.id << " (" << r.standard << "): " << r.findings.size() << " finding(s), score " << r.score() << "\n";
  for (const Finding& f : r.findings) {
    out << "  " << std::left << std::setw(4) << f.id << std::setw(22) << f.check << std::setw(14) << f.element
        << (f.status == Status::fail ? "fail " : "n/a  ") << "sev " << f.severity << "  measured "
        << cell(f.measured) << (f.unit.empty() || f.measured.is_null() ? "" : " " + f.unit) << "  ["
        << f.rule << "]\n      " << (zh ? f.message.zh : f.message.en) << '\n';
  }
  for (const NotAssessed& n : r.not_assessed)
    out << "  not assessed: " << n.check << " " << n.element << ": " << n.reason << '\n';
}

}  // namespace

int check(Args args, std::ostream& out, std::ostream& err) {
  if (args.flag("--help", "-h")) {
    out << "usage: barrierfree check [--standard ID] [--rules FILE] [--format json|text] [--lang en|zh] CASE.json\n\n"
           "Check one household against a ruleset and print the findings: every barrier that\n"
           "matters to its occupants, with the clause, the measured and the required value.\n"
           "CASE.json may be - for standard input.\n\n"
           "  --standard ID   ruleset to use (GB50763-2012, GB55019-2021, ADA-2010, CDPF-HOME);\n"
           "                  default: the case's standard, else by region\n"
           "  --rules FILE    a ruleset of your own (barrierfree.ruleset/1)\n"
           "  --format F      json (default, the result of docs/format.md) or text (a table)\n"
           "  --lang L        language of text output: en (default) or zh\n";
    return exit_ok;
  }
  const std::string standard = args.option("--standard");
  const std::string rules_file = args.option("--rules");
  const std::string format = args.option("--format");
  const std::string lang = language_option(args, "en");
  if (!format.empty() && format != "json" && format != "text") throw UsageError{"--format must be json or text"};
  const auto files = args.positional();
  if (files.size() != 1) throw UsageError{"check needs exactly one CASE file"};
  const std::optional<Ruleset> own = user_ruleset(rules_file);
  Case c;
  try {
    c = read_case_file(files[0], err);
  } catch (const CaseError&) {
    return exit_invalid;
  }
  const CheckResult r = barrierfree::check(c, choose_ruleset(c, standard, own));
  if (format == "text") print_text(r, lang == "zh", out);
  else out << to_json(r).dump(2) << '\n';
  return exit_ok;
}

int rules(Args args, std::ostream& out, std::ostream&) {
  if (args.flag("--help", "-h")) {
    out << "usage: barrierfree rules [--standard ID] [--rules FILE] [--format text|json|markdown]\n\n"
           "List the rules of the built-in rulesets (or one of them, or a file): id, check\n"
           "kind, clause, values and how sure each value is.\n";
    return exit_ok;
  }
  const std::string standard = args.option("--standard");
  const std::string rules_file = args.option("--rules");
  const std::string format = args.option("--format");
  if (!format.empty() && format != "text" && format != "json" && format != "markdown")
    throw UsageError{"--format must be text, json or markdown"};
  if (!args.positional().empty()) throw UsageError{"rules takes no files (use --rules FILE)"};
  std::vector<Ruleset> sets;
  if (!rules_file.empty()) sets.push_back(*user_ruleset(rules_file));
  else if (!standard.empty()) {
    try {
      sets.push_back(builtin_ruleset(standard));
    } catch (const std::out_of_range& e) {
      throw UsageError{e.what()};
    }
  } else {
    for (const std::string& id : builtin_ruleset_ids()) sets.push_back(builtin_ruleset(id));
  }
  auto values = [](const Rule& rule) {
    std::string s;
    for (const auto& [name, p] : rule.params) {
      std::string v;
      if (!p.names.empty()) {
        for (const auto& n : p.names) v += (v.empty() ? "" : "/") + n;
      } else if (p.raw.is_array()) {
        // Tables in full: ramp slopes with their rise limits, room areas by kind.
        for (const auto& row : p.raw) {
          std::string item;
          if (row.contains("slope")) {
            const auto& r = row["max_rise"];
            item = row["slope"].get<std::string>() + " up to " + r["value"].dump() + " " + r["unit"].get<std::string>();
          } else if (row.contains("kind")) {
            item = row["kind"].get<std::string>() + " ≥ " + row["min"]["value"].dump() + " m²";
          } else {
            item = row.dump();
          }
          // A row's own clause and grade, as a failure of it cites them.
          const std::string clause = row.contains("clause") ? row["clause"].get<std::string>() : "";
          const std::string grade = row.contains("grade") ? row["grade"].get<std::string>() : "";
          if (!clause.empty() || !grade.empty())
            item += " (" + clause + (clause.empty() || grade.empty() ? "" : ", ") + (grade.empty() ? "" : "grade " + grade) + ")";
          v += (v.empty() ? "" : "; ") + item;
        }
      } else if (p.unit == "in") {
        v = p.raw["value"].dump() + " in";
      } else if (p.unit == "ratio") {
        v = p.raw.is_string() ? p.raw.get<std::string>() : p.raw["value"].dump();
      } else if (p.raw.is_object()) {
        v = p.raw["value"].dump() + " " + p.unit;
      } else {
        v = p.raw.dump();
      }
      const std::string grade = p.raw.is_object() && p.raw.contains("grade") ? p.raw["grade"].get<std::string>() : "";
      if (!p.clause.empty() || !grade.empty())
        v += " (" + p.clause + (p.clause.empty() || grade.empty() ? "" : ", ") + (grade.empty() ? "" : "grade " + grade) + ")";
      s += (s.empty() ? "" : ", ") + name + " " + v;
    }
    return s;
  };
  if (format == "json") {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const Ruleset& rs : sets)
      for (const Rule& rule : rs.rules) {
        nlohmann::ordered_json params = nlohmann::ordered_json::object();
        for (const auto& [name, p] : rule.params) params[name] = p.raw;
        j.push_back({{"ruleset", rs.id}, {"id", rule.id}, {"check", rule.check}, {"standard", rule.standard},
                     {"clause", rule.clause}, {"confidence", to_string(rule.confidence)}, {"grade", rule.grade},
                     {"params", params}, {"applies", rule.applies}, {"remedies", rule.remedies}, {"note", rule.note}});
      }
    out << j.dump(2) << '\n';
  } else if (format == "markdown") {
    for (const Ruleset& rs : sets) {
      out << "## " << rs.id << " — " << rs.title.en << " (" << rs.title.zh << ")\n\n";
      out << "| rule | check | values | clause | confidence |\n|---|---|---|---|---|\n";
      for (const Rule& rule : rs.rules)
        out << "| `" << rule.id << "` | `" << rule.check << "` | " << values(rule) << " | " << rule.citation()
            << " | " << to_string(rule.confidence) << (rule.grade.empty() ? "" : " (" + rule.grade + ")") << " |\n";
      out << '\n';
    }
  } else {
    for (const Ruleset& rs : sets) {
      out << rs.id << ": " << rs.title.en << " (" << rs.rules.size() << " rules)\n";
      for (const Rule& rule : rs.rules)
        out << "  " << std::left << std::setw(40) << rule.id << std::setw(22) << rule.check << std::setw(28)
            << rule.citation() << to_string(rule.confidence) << "\n      " << values(rule) << '\n';
    }
  }
  return exit_ok;
}

}  // namespace barrierfree::cli
