// Many households at once: JSON Lines in, one result line out per input line.
//
// The batch never crashes and never drops a case. Each input line becomes
// exactly one output line, in input order whatever the number of threads: the
// household's result, or `{"id", "line", "error", "errors"}` for a line that is
// not JSON, not a valid case, or could not be planned. Memory stays flat: at
// most a small window of lines is in flight, whatever the length of the input.
#pragma once

#include <barrierfree/plan/plan.hpp>
#include <barrierfree/plan/rollup.hpp>
#include <barrierfree/rules/ruleset.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace barrierfree {

/// What to do with each case.
struct BatchOptions {
  bool check_only = false;          ///< findings only, no plan
  const Ruleset* rules = nullptr;   ///< a ruleset for every case; else `standard`, else each case's own
  std::string standard;             ///< a built-in ruleset id for every case
  const Catalog* catalog = nullptr; ///< default: the built-in reference catalogue
  const Regions* regions = nullptr; ///< default: the built-in regional factors
  PlanOptions plan;                 ///< budget, region … overrides

  /// The ruleset for a case: `rules`, else `standard`, else the case's own (InputError if unknown).
  [[nodiscard]] const Ruleset& rules_for(const Case& c) const;
};

/// What became of one case: its result (a check, or a plan), or the errors that stopped it.
struct CaseOutcome {
  std::optional<CheckResult> checked;  ///< with check_only
  std::optional<PlanResult> planned;   ///< without
  std::vector<Error> errors;           ///< empty when there is a result
  std::vector<Error> warnings;         ///< unknown fields, when read from text
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

/// Read a case from JSON text (a blank text is an error) and check or plan it. Never throws.
CaseOutcome process_case(std::string_view json_text, const BatchOptions& options);
/// Check or plan a case already read. Never throws.
CaseOutcome process_case(const Case& c, const BatchOptions& options);

/// One input line, processed.
struct LineOutcome {
  std::string text;  ///< the output line, without its newline
  bool ok = false;   ///< a result (true) or an error line (false)
  Rollup tally;      ///< this line's contribution to the summary
};

/// Process one line of JSON Lines input (`line_number` counts from 1). Never throws.
LineOutcome process_line(std::string_view line, std::size_t line_number, const BatchOptions& options);

/// The error line for an input line: `{"id": …, "line": N, "error": {code, path, message}, "errors": […]}`.
std::string error_line(std::string_view line, std::size_t line_number, const std::vector<Error>& errors);
/// The same for a household whose id is already known (or known to be missing).
std::string error_line_for(const std::optional<std::string>& id, std::size_t line_number,
                           const std::vector<Error>& errors);

/// Progress of a running batch, for a progress bar.
struct BatchProgress {
  std::size_t lines = 0;       ///< lines written so far (including skipped ones when resuming)
  std::size_t errors = 0;
  std::uint64_t bytes_read = 0;///< input consumed so far
  double seconds = 0;          ///< since the run started
};

/// How to run a batch.
struct BatchRun {
  unsigned threads = 0;             ///< worker threads; 0 = all cores
  std::size_t skip_lines = 0;       ///< input lines already done (resume): read past, not processed
  /// A longer line is an error line (case.110), read past without being held: memory stays
  /// bounded by the window's lines whatever the input (a household's case is a few KiB).
  std::size_t max_line_bytes = std::size_t{16} << 20;
  const std::atomic<bool>* stop = nullptr;  ///< set (e.g. by SIGINT) to stop reading; lines read are finished
  std::function<void(const BatchProgress&)> on_progress;  ///< called from the writing thread, ~5 times a second
  /// Called once the input has been read past the lines to skip, before any line is processed, with
  /// how many lines there were (fewer than skip_lines when the input ended first) and the last of
  /// them: whoever resumes can check that the input is the one the earlier output was made of, and
  /// only then open the output. False ends the run there, with nothing written (BatchStats::refused).
  std::function<bool(std::size_t skipped, std::string_view last_skipped)> on_skipped;
};

/// What a batch did.
struct BatchStats {
  std::size_t lines = 0;    ///< output lines written by this run (not counting skipped ones)
  std::size_t results = 0;
  std::size_t errors = 0;
  bool interrupted = false; ///< stopped before the end of the input
  bool refused = false;     ///< BatchRun::on_skipped said no: nothing was processed
  Rollup rollup;            ///< over the lines written by this run
};

/// Read JSON Lines from `in`, write one line per input line to `out`, in order.
BatchStats run_batch(std::istream& in, std::ostream& out, const BatchOptions& options, const BatchRun& run = {});

}  // namespace barrierfree
