// barrierfree render / report: a drawing (SVG) or a household report (HTML)
// for one case, or for every case of a JSON Lines file into a directory.
#include "cli/cli.hpp"

#include <barrierfree/io/case_json.hpp>
#include <barrierfree/report.hpp>

#include <filesystem>
#include <set>
#include <fstream>
#include <iostream>
#include <sstream>

namespace barrierfree::cli {

namespace {

namespace fs = std::filesystem;

enum class Product { drawing, report };

constexpr const char* render_help =
    "usage: barrierfree render CASE.json|CASES.jsonl -o PLAN.svg|DIR [--plan] [--lang zh|en]\n"
    "                          [--standard ID] [--rules FILE] [plan options]\n\n"
    "Draw the home on A4 landscape (SVG): rooms with names and areas, doors with their swing,\n"
    "fixtures, grab bars, steps and ramps, the largest turning circle of each room the rule\n"
    "looks at (green: fits, red: too small), the barriers numbered where they are, a legend and\n"
    "a scale bar. --plan adds the proposed modifications in blue. A .jsonl input draws every\n"
    "case into the directory given by -o, as ID.svg.\n";

constexpr const char* report_help =
    "usage: barrierfree report CASE.json|CASES.jsonl -o REPORT.html|DIR [--lang zh|en]\n"
    "                          [--standard ID] [--rules FILE] [plan options]\n\n"
    "Write one self-contained HTML page per household for the family and the social worker:\n"
    "who lives there and what they need, the drawing, each barrier with its clause, the plan\n"
    "with its bill of quantities against the budget, what is left and why. Prints on A4.\n"
    "A .jsonl input writes every case into the directory given by -o, as ID.html.\n";

/// A file name from a case id: characters that are unsafe in file names become '_' (those
/// of other scripts are kept: 王家 is a name), and it is cut to a length every file system takes.
std::string file_stem(const std::string& id, std::size_t line) {
  constexpr std::size_t longest = 120;  // bytes; with a suffix and "-line" and a number, well under 255
  std::string s;
  for (char ch : id) {
    const auto u = static_cast<unsigned char>(ch);
    s += (std::isalnum(u) || ch == '-' || ch == '_' || ch == '.' || u >= 0x80) ? ch : '_';
  }
  if (s.size() > longest) {
    std::size_t cut = longest;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    s.resize(cut);
  }
  if (s.empty() || s[0] == '.') s = "line-" + std::to_string(line);
  return s;
}

int produce(Product what, Args args, std::ostream& out, std::ostream& err) {
  if (args.flag("--help", "-h")) {
    out << (what == Product::drawing ? render_help : report_help);
    return exit_ok;
  }
  const std::string output = args.option("--output", "-o");
  const bool with_plan = what == Product::report || args.flag("--plan");
  const std::string lang = language_option(args, "zh");
  PlanSetup setup = plan_setup(args);
  const auto files = args.positional();
  if (files.size() != 1) throw UsageError{"give one case file (.json or .jsonl)"};
  if (output.empty()) throw UsageError{"give the output with -o"};
  const fs::path input = files.front();
  // "-": one case from standard input, as for check and plan.
  if (input != "-" && !fs::is_regular_file(input)) throw UsageError{"no such file: " + input.string()};

  auto make = [&](const Case& c) {
    const Ruleset& rules = choose_ruleset(c, setup.standard, setup.rules);
    if (what == Product::report) {
      const PlanResult p = run_plan(c, setup, err);
      return household_report(c, rules, p, ReportOptions{lang});
    }
    DrawingOptions o;
    o.lang = lang;
    if (with_plan) {
      const PlanResult p = run_plan(c, setup, err);
      return draw_home(c, rules, p.before, &p, o);
    }
    return draw_home(c, rules, check(c, rules), nullptr, o);
  };
  auto write = [&](const fs::path& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    f << text;
    if (!f) throw UsageError{"cannot write " + path.string()};
  };

  if (!is_jsonl(input)) {
    Case c;
    try {
      c = read_case_file(input.string(), err);
    } catch (const CaseError&) {
      return exit_invalid;
    }
    write(output, make(c));
    return exit_ok;
  }
  // Many households: one file each in the output directory.
  if (fs::exists(output) && !fs::is_directory(output))
    throw UsageError{"-o " + output + " is a file: the cases of a .jsonl input are written one file each into a directory"};
  std::error_code made;
  fs::create_directories(output, made);
  if (made) throw UsageError{"cannot make the directory " + output + ": " + made.message()};
  std::ifstream in(input, std::ios::binary);
  std::string line;
  std::size_t number = 0, written = 0, failed = 0;
  std::set<std::string> stems;
  const char* suffix = what == Product::drawing ? ".svg" : ".html";
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ReadResult r = read_case(line);
    if (!r.ok()) {
      for (const Error& x : r.errors) err << input.string() << ":" << number << ": error: " << to_string(x) << '\n';
      ++failed;
      continue;
    }
    try {
      // Two households must not overwrite each other, whether their ids are one or only their
      // file names are: the second gets its line number (and, should that name be taken too, a count).
      const std::string id_stem = file_stem(r.value->id, number);
      std::string stem = id_stem;
      for (int n = 1; !stems.insert(stem).second; ++n)
        stem = id_stem + "-line" + std::to_string(number) + (n > 1 ? "-" + std::to_string(n) : std::string());
      if (stem != id_stem)
        err << input.string() << ":" << number << ": warning: the file name of id \"" << r.value->id
            << "\" is taken; written as " << stem << suffix << '\n';
      write(fs::path(output) / (stem + suffix), make(*r.value));
      ++written;
    } catch (const InputError& e) {
      for (const Error& x : e.errors()) err << input.string() << ":" << number << ": error: " << to_string(x) << '\n';
      ++failed;
    } catch (const UsageError& e) {  // this household's file could not be written: the others still are
      err << input.string() << ":" << number << ": error: " << e.message << '\n';
      ++failed;
    }
  }
  err << "barrierfree: " << written << " file(s) written to " << output
      << (failed ? ", " + std::to_string(failed) + " line(s) skipped" : std::string()) << '\n';
  return failed ? exit_invalid : exit_ok;
}

}  // namespace

int render(Args args, std::ostream& out, std::ostream& err) { return produce(Product::drawing, std::move(args), out, err); }
int report(Args args, std::ostream& out, std::ostream& err) { return produce(Product::report, std::move(args), out, err); }

}  // namespace barrierfree::cli
