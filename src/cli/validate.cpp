// barrierfree validate FILE…: every error of every case, with file, line and pointer.
#include "cli/cli.hpp"

#include <barrierfree/io/case_json.hpp>
#include <barrierfree/rules/ruleset.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace barrierfree::cli {

namespace {

struct Tally {
  std::size_t files = 0, cases = 0, valid = 0, invalid = 0, warnings = 0;
};

class Reporter {
 public:
  Reporter(std::ostream& out, bool json, bool quiet) : out_(out), json_(json), quiet_(quiet) {}

  void report(const std::string& file, int line, const std::string& case_id, const ReadResult& r) {
    if (json_) {
      nlohmann::ordered_json j;
      j["file"] = file;
      if (line > 0) j["line"] = line;
      j["id"] = case_id.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(case_id);
      j["valid"] = r.ok();
      j["errors"] = list(r.errors);
      j["warnings"] = list(r.warnings);
      // A case's id or message may quote text that is not UTF-8 (the error says so): replaced, not thrown.
      out_ << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      return;
    }
    const std::string where = line > 0 ? file + ":" + std::to_string(line) : file;
    for (const Error& e : r.errors) out_ << where << ": error: " << to_string(e) << '\n';
    if (!quiet_) {
      for (const Error& w : r.warnings) out_ << where << ": warning: " << to_string(w) << '\n';
      if (r.ok()) out_ << where << ": ok (" << case_id << ")\n";
    }
  }

 private:
  static nlohmann::ordered_json list(const std::vector<Error>& errors) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const Error& e : errors) a.push_back({{"code", e.code}, {"path", e.path}, {"message", e.message}});
    return a;
  }
  std::ostream& out_;
  bool json_;
  bool quiet_;
};

}  // namespace

int validate(Args args, std::ostream& out, std::ostream& err) {
  const bool help = args.flag("--help", "-h");
  if (help) {
    out << "usage: barrierfree validate [--format text|json] [--quiet] FILE…\n\n"
           "Check that case files (.json: one case; .jsonl: one case per line) are valid\n"
           "barrierfree.case/1 households. Prints every error with its file, line (JSON\n"
           "Lines) and JSON pointer.\n\n"
           "  --format json  one JSON object per case instead of text\n"
           "  --quiet        print only errors and the summary\n\n"
           "Exit status: 0 all cases valid, 1 some case invalid, 2 usage error.\n";
    return exit_ok;
  }
  const std::string format = args.option("--format");
  if (!format.empty() && format != "text" && format != "json")
    throw UsageError{"--format must be text or json"};
  const bool quiet = args.flag("--quiet", "-q");
  const std::vector<std::string> files = args.positional();
  if (files.empty()) throw UsageError{"validate needs at least one FILE"};
  for (const std::string& f : files)
    if (!std::filesystem::is_regular_file(f)) throw UsageError{"no such file: " + f};

  Reporter reporter(out, format == "json", quiet);
  Tally t;
  for (const std::string& file : files) {
    ++t.files;
    std::ifstream in(file, std::ios::binary);
    auto one = [&](std::string_view text, int line) {
      ReadResult r = read_case(text);
      // A user ruleset's id is a valid standard, so not an error here; but check and batch
      // refuse it without its ruleset (case.110), so say so.
      if (r.ok() && r.value->standard) {
        const auto ids = builtin_ruleset_ids();
        if (std::find(ids.begin(), ids.end(), *r.value->standard) == ids.end())
          r.warnings.push_back(Error{errc::unknown_standard, "/standard",
                                     "standard \"" + *r.value->standard +
                                         "\" is not built in: check, plan and batch need its ruleset (--rules FILE)",
                                     0});
      }
      if (line > 0)
        for (Error& e : r.errors) e.line = line;
      ++t.cases;
      r.ok() ? ++t.valid : ++t.invalid;
      t.warnings += r.warnings.size();
      reporter.report(file, line, r.ok() ? r.value->id : id_of(text), r);
    };
    if (is_jsonl(file)) {
      std::string line;
      int n = 0;
      while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        one(line, n);
      }
    } else {
      std::ostringstream buffer;
      buffer << in.rdbuf();
      one(buffer.str(), 0);
    }
  }
  if (format != "json") {
    out << t.files << (t.files == 1 ? " file, " : " files, ") << t.cases
        << (t.cases == 1 ? " case: " : " cases: ") << t.valid << " valid, " << t.invalid << " invalid";
    if (t.warnings) out << ", " << t.warnings << (t.warnings == 1 ? " warning" : " warnings");
    out << '\n';
  }
  (void)err;
  return t.invalid ? exit_invalid : exit_ok;
}

}  // namespace barrierfree::cli
