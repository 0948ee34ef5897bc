// The barrierfree command-line tool: one function per subcommand.
// Exit codes everywhere: 0 success, 1 some input invalid, 2 usage error.
#pragma once

#include <barrierfree/plan/plan.hpp>
#include <barrierfree/rules/ruleset.hpp>

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace barrierfree::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_invalid = 1;
inline constexpr int exit_usage = 2;

/// Raised for a command line that cannot be run; main prints it and exits 2.
struct UsageError {
  std::string message;
};

/// A file given with an option (--rules, --catalog, --regions) that cannot be used: main prints
/// each error after the file's name and exits 2, as for any command line that cannot be run (exit
/// 1 says that the cases had errors; these files are how to run, not what to run on).
struct OptionFileError {
  std::string file;
  std::vector<Error> errors;
};
/// What `load` returns; its InputError as an OptionFileError naming `file`.
template <class Load>
auto load_option_file(const std::string& file, Load&& load) {
  try {
    return load();
  } catch (const InputError& e) {
    throw OptionFileError{file, e.errors()};
  }
}

/// Arguments after the subcommand, with simple option parsing.
class Args {
 public:
  /// Everything after "--" is positional (a file named "-x").
  explicit Args(std::vector<std::string> args);
  /// True (and consumed, however often given) when the flag is present.
  bool flag(std::string_view name);
  /// The same for a flag with two spellings (--quiet, -q): both are consumed.
  bool flag(std::string_view name, std::string_view short_name) {
    const bool long_given = flag(name);
    const bool short_given = flag(short_name);
    return long_given || short_given;
  }
  /// The value of `--name VALUE` or `--name=VALUE` (consumed), or "" when the option is
  /// absent; an empty value is a usage error.
  std::string option(std::string_view name, std::string_view short_name = {});
  /// Everything left; an unknown option left over is a usage error.
  std::vector<std::string> positional();
  /// What has not been consumed yet, as given.
  [[nodiscard]] std::vector<std::string> remaining() const;

 private:
  std::string find_option(std::string_view name, std::string_view short_name);
  std::vector<std::string> args_;
  std::vector<std::string> after_dashes_;  // the arguments after "--"
  bool value_given_ = false;  // find_option found the option (its value may be empty)
  std::vector<std::string> consumed_;  // the names asked for, to tell a repeated option from an unknown one
};

/// An option's value read as a plain decimal number ("5000", "5000.0", "2.5e3"); nothing for
/// anything else, hex ("0x10"), spaces, "inf" or "nan" among it, which std::stod would take.
std::optional<double> decimal_number(std::string_view text);
/// The value of --lang: "en" or "zh", `fallback` when not given; a usage error otherwise.
std::string language_option(Args& args, std::string_view fallback);
/// The largest --budget taken (yuan).
inline constexpr double max_budget = 1e9;

/// What a plan needs besides the case, from the command line.
struct PlanSetup {
  std::string standard;
  std::optional<Ruleset> rules;
  std::optional<Catalog> catalog;
  std::optional<Regions> regions;
  PlanOptions options;
};
/// Reads --standard, --rules, --catalog, --regions, --region, --budget, --max-items, --structural-first.
PlanSetup plan_setup(Args& args);
/// The plan, after printing plan_warnings() to `err`.
PlanResult run_plan(const Case& c, const PlanSetup& setup, std::ostream& err);

/// The ruleset for a case: `own` if given, else --standard, else the case's own or its region's.
const Ruleset& choose_ruleset(const Case& c, const std::string& standard, const std::optional<Ruleset>& own);
/// A ruleset file given with --rules (nothing when `path` is empty).
std::optional<Ruleset> user_ruleset(const std::string& path);
/// One case from a file or "-" (standard input); errors printed as "PATH: error: …", then CaseError.
Case read_case_file(const std::string& path, std::ostream& err);
/// True for a JSON Lines file (.jsonl or .ndjson): one case per line.
bool is_jsonl(const std::filesystem::path& p);
/// The case id of a JSON text, or "" when it is not an object with a string id.
std::string id_of(std::string_view text);

int validate(Args args, std::ostream& out, std::ostream& err);
int plan(Args args, std::ostream& out, std::ostream& err);
int calibrate(Args args, std::ostream& out, std::ostream& err);
int check(Args args, std::ostream& out, std::ostream& err);
int rules(Args args, std::ostream& out, std::ostream& err);
int batch(Args args, std::ostream& out, std::ostream& err);
int render(Args args, std::ostream& out, std::ostream& err);
int report(Args args, std::ostream& out, std::ostream& err);

}  // namespace barrierfree::cli
