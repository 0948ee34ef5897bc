// barrierfree: the command-line front end of the library.
#include "cli/cli.hpp"
#include "cli/terminal_text.hpp"

#include <barrierfree/errors.hpp>
#include <barrierfree/version.hpp>

#include <iostream>

namespace {

constexpr const char* usage =
    "usage: barrierfree [--version] [--help] COMMAND [ARGS…]\n\n"
    "Plan barrier-free modifications of the homes of disabled people.\n\n"
    "commands:\n"
    "  validate FILE…   check case files (.json, .jsonl) and report every error\n"
    "  check CASE       the barriers in one home, for its occupants, with clauses\n"
    "  plan CASE        choose, prove and price the modifications for one home\n"
    "  batch IN.jsonl   plan many households: one result line per input line\n"
    "  render CASE      draw the home and its barriers (SVG, A4)\n"
    "  report CASE      the household's printable report (HTML)\n"
    "  rules            list the rules of the built-in rulesets\n"
    "  calibrate CSV    fit unit costs to past bills (a catalogue override)\n\n"
    "Run 'barrierfree COMMAND --help' for a command's options.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace barrierfree::cli;
  std::ios::sync_with_stdio(false);  // batch output to stdout is written line by line
  // Unsynchronised, a read from std::cin flushes std::cout (their tie): in a batch from
  // stdin to stdout the reader thread would flush while the writer thread writes. The
  // batch writer flushes its own output.
  std::cin.tie(nullptr);
  std::vector<std::string> args(argv + 1, argv + argc);
  // What a case says is quoted back as text; a batch writes JSON, where JSON escapes it.
  TerminalText err_text(std::cerr.rdbuf()), out_text(std::cout.rdbuf());
  std::streambuf* const err_buffer = std::cerr.rdbuf(&err_text);
  std::streambuf* const out_buffer = args.empty() || args[0] != "batch" ? std::cout.rdbuf(&out_text) : nullptr;
  struct Restore {
    std::streambuf *err, *out;
    ~Restore() {
      std::cout.flush();
      std::cerr.flush();
      std::cerr.rdbuf(err);
      if (out) std::cout.rdbuf(out);
    }
  } restore{err_buffer, out_buffer};
  if (args.empty()) {
    std::cerr << usage;
    return exit_usage;
  }
  const std::string command = args.front();
  args.erase(args.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << usage;
    return exit_ok;
  }
  if (command == "--version" || command == "-V") {
    std::cout << "barrierfree " << barrierfree::version << '\n';
    return exit_ok;
  }
  try {
    if (command == "validate") return validate(Args(std::move(args)), std::cout, std::cerr);
    if (command == "check") return check(Args(std::move(args)), std::cout, std::cerr);
    if (command == "rules") return rules(Args(std::move(args)), std::cout, std::cerr);
    if (command == "plan") return plan(Args(std::move(args)), std::cout, std::cerr);
    if (command == "batch") return batch(Args(std::move(args)), std::cout, std::cerr);
    if (command == "render") return render(Args(std::move(args)), std::cout, std::cerr);
    if (command == "report") return report(Args(std::move(args)), std::cout, std::cerr);
    if (command == "calibrate") return calibrate(Args(std::move(args)), std::cout, std::cerr);
    throw UsageError{"unknown command \"" + command + "\""};
  } catch (const UsageError& e) {
    std::cerr << "barrierfree: " << e.message << "\n(run 'barrierfree --help' for usage)\n";
    return exit_usage;
  } catch (const OptionFileError& e) {
    for (const auto& error : e.errors) std::cerr << "barrierfree: " << e.file << ": " << to_string(error) << '\n';
    return exit_usage;
  } catch (const barrierfree::InputError& e) {
    for (const auto& error : e.errors()) std::cerr << "barrierfree: " << to_string(error) << '\n';
    return exit_invalid;
  } catch (const std::exception& e) {
    std::cerr << "barrierfree: " << e.what() << '\n';
    return exit_invalid;
  }
}
