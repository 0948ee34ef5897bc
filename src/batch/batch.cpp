// The batch runner: a reader, N workers and the calling thread as the writer,
// around a ring of `window` slots. The reader fills slot (seq % window) only
// when line seq - window has been written, so memory is bounded by the window
// whatever the input's length, and the writer emits slots strictly in input
// order, so the output does not depend on the number of workers.
#include <barrierfree/batch.hpp>

#include "io/json_reader.hpp"

#include <barrierfree/io/case_json.hpp>
#include <barrierfree/rules/check.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <stdexcept>
#include <istream>
#include <mutex>
#include <ostream>
#include <thread>
#include <vector>

namespace barrierfree {

namespace {

using nlohmann::ordered_json;

bool blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char ch) { return ch == ' ' || ch == '\t' || ch == '\r'; });
}

std::string dump(const ordered_json& j) { return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace); }

/// One line of `in` into `text`, without its newline (nor the CR of a CRLF line); false at the
/// end of the input. A line longer than `limit` (its CR not counted) is read past to its end, but
/// only its beginning is kept and `too_long` set: memory is bounded by the limit, not by the input
/// (a runaway line, /dev/zero). `consumed` counts the bytes read, newline included.
bool read_line(std::istream& in, std::string& text, std::size_t limit, bool& too_long, std::uint64_t& consumed) {
  text.clear();
  too_long = false;
  bool any = false;
  char chunk[1 << 16];
  const std::size_t held = limit + 1;  // room for a CR
  const auto keep = [&](std::size_t count) {
    const std::size_t room = held - text.size();
    if (count > room) too_long = true;
    text.append(chunk, std::min(count, room));
  };
  const auto line = [&] {
    if (!text.empty() && text.back() == '\r') text.pop_back();  // CRLF files
    too_long |= text.size() > limit;
    return true;
  };
  while (true) {
    in.getline(chunk, sizeof chunk);
    const auto got = static_cast<std::size_t>(in.gcount());
    consumed += got;
    if (in.eof()) {  // the input ended: after a last line without its newline, or before any
      keep(got);
      any |= got > 0;
      if (!any) return false;
      in.clear(std::ios::eofbit);  // a line, as std::getline would give it
      return line();
    }
    if (!in.fail()) {  // up to the newline, which is counted but not stored
      keep(got - 1);
      return line();
    }
    if (in.bad()) return false;
    in.clear();  // the chunk filled before the newline
    keep(got);
    any = true;
  }
}

}  // namespace

const Ruleset& BatchOptions::rules_for(const Case& c) const {
  if (rules) return *rules;
  // An unknown standard of the options is bad input, not a defect: case.110 for every case (no
  // pointer: it is not in the case).
  return standard.empty() ? ruleset_for(c) : builtin_ruleset_or_error(standard, "");
}

std::string error_line(std::string_view line, std::size_t line_number, const std::vector<Error>& errors) {
  // The id, when the line is a JSON object with one, lets the error be matched to its household;
  // of a line cut short or otherwise broken, the id read before it broke.
  return error_line_for(io::parse_stop(line).id, line_number, errors);
}

std::string error_line_for(const std::optional<std::string>& id, std::size_t line_number,
                           const std::vector<Error>& errors) {
  ordered_json j;
  j["id"] = id ? ordered_json(*id) : ordered_json();
  j["line"] = line_number;
  auto as_json = [](const Error& e) { return ordered_json{{"code", e.code}, {"path", e.path}, {"message", e.message}}; };
  j["error"] = errors.empty() ? as_json(Error{errc::internal, "", "unknown error", 0}) : as_json(errors.front());
  ordered_json all = ordered_json::array();
  for (const Error& e : errors) all.push_back(as_json(e));
  j["errors"] = std::move(all);
  return dump(j);
}

CaseOutcome process_case(const Case& c, const BatchOptions& options) {
  CaseOutcome out;
  try {
    const Ruleset& rules = options.rules_for(c);
    if (options.check_only) {
      out.checked = check(c, rules);
    } else {
      const Catalog& catalog = options.catalog ? *options.catalog : builtin_catalog();
      const Regions& regions = options.regions ? *options.regions : builtin_regions();
      out.planned = plan(c, rules, catalog, regions, options.plan);
    }
  } catch (const InputError& e) {
    out.errors = e.errors();
  } catch (const std::exception& e) {
    out.errors = {Error{errc::internal, "", std::string("could not process the case: ") + e.what(), 0}};
  } catch (...) {
    out.errors = {Error{errc::internal, "", "could not process the case", 0}};
  }
  return out;
}

CaseOutcome process_case(std::string_view json_text, const BatchOptions& options) {
  if (blank(json_text)) {
    CaseOutcome out;
    out.errors = {Error{errc::invalid_json, "", "empty line: each line must be one case", 0}};
    return out;
  }
  ReadResult read;
  try {
    read = read_case(json_text);
  } catch (...) {  // read_case reports bad input as errors; this is only memory running out
    CaseOutcome out;
    out.errors = {Error{errc::internal, "", "could not read the case", 0}};
    return out;
  }
  if (!read.ok()) {
    CaseOutcome out;
    out.errors = std::move(read.errors);
    return out;
  }
  CaseOutcome out = process_case(*read.value, options);
  out.warnings = std::move(read.warnings);
  if (out.planned)
    for (Error& w : plan_warnings(*read.value, options.regions ? *options.regions : builtin_regions(), options.plan))
      out.warnings.push_back(std::move(w));
  return out;
}

LineOutcome process_line(std::string_view line, std::size_t line_number, const BatchOptions& options) {
  LineOutcome out;
  CaseOutcome result = process_case(line, options);
  if (!result.ok()) {
    out.text = error_line(line, line_number, result.errors);
    out.tally.add_error(result.errors.front().code);
    return out;
  }
  try {
    if (result.checked) {
      out.tally.add(*result.checked);
      out.text = to_json_text(*result.checked);
    } else {
      out.tally.add(*result.planned);
      out.text = to_json_text(*result.planned);
    }
  } catch (const std::exception& e) {  // writing a result that exists: only memory running out
    const std::vector<Error> errors{Error{errc::internal, "", std::string("could not write the result: ") + e.what(), 0}};
    out.text = error_line(line, line_number, errors);
    out.tally = Rollup();
    out.tally.add_error(errc::internal);
    return out;
  }
  if (!result.warnings.empty()) {
    // Appended as the result's last member.
    std::string warnings = ",\"warnings\":[";
    for (std::size_t i = 0; i < result.warnings.size(); ++i)
      warnings += (i ? "," : "") + dump(ordered_json(to_string(result.warnings[i])));
    out.text.insert(out.text.size() - 1, warnings + "]");
  }
  out.ok = true;
  return out;
}

namespace {

/// The error line of a line longer than the batch reads: its id, when its beginning gives one.
LineOutcome too_long_line(std::string_view beginning, std::size_t line_number, std::size_t limit) {
  LineOutcome out;
  const std::string size = limit % (1 << 20) == 0 ? std::to_string(limit >> 20) + " MiB" : std::to_string(limit) + " bytes";
  const std::vector<Error> errors{
      Error{errc::invalid_value, "", "the line is longer than " + size + ": far more than any household's case, and not read",
            0}};
  out.text = error_line_for(io::parse_stop(beginning).id, line_number, errors);
  out.tally.add_error(errc::invalid_value);
  return out;
}

}  // namespace

BatchStats run_batch(std::istream& in, std::ostream& out, const BatchOptions& options, const BatchRun& run) {
  using clock = std::chrono::steady_clock;
  const auto started = clock::now();
  const unsigned threads = run.threads ? run.threads : std::max(1u, std::thread::hardware_concurrency());
  // Enough lines in flight to keep every worker busy while the writer waits for the oldest.
  const std::size_t window = std::max<std::size_t>(64, 32 * static_cast<std::size_t>(threads));

  struct Slot {
    std::string input;
    bool too_long = false;  ///< input holds only the line's first max_line_bytes
    LineOutcome outcome;
    bool done = false;
  };
  std::vector<Slot> slots(window);
  std::mutex m;
  std::condition_variable work_ready, line_done, space_free;
  std::size_t read = 0, taken = 0, written = 0;  // line sequence numbers, from 0
  bool end_of_input = false, abandon = false;
  std::atomic<std::uint64_t> bytes{0};
  BatchStats stats;

  // The writer is woken for a run of finished lines, not for each one (a wake-up per
  // line cost more than writing it): when `batch` lines in a row are done, or every
  // line read so far is, or the input has ended. Called with `m` held.
  const std::size_t batch = window / 4;
  auto writable = [&] {
    std::size_t run_length = 0;
    while (written + run_length < read && slots[(written + run_length) % window].done) ++run_length;
    if (run_length == 0) return end_of_input && written == read;
    return run_length >= batch || written + run_length == read || end_of_input;
  };

  std::string line, last_skipped;
  std::size_t skipped = 0;
  bool too_long = false;
  std::uint64_t consumed = 0;
  for (; skipped < run.skip_lines && !(run.stop && run.stop->load()) &&
         read_line(in, line, run.max_line_bytes, too_long, consumed);
       ++skipped)
    last_skipped.swap(line);
  bytes += consumed;
  // Stopped while reading past, from a file or a pipe (a line half received counts as none):
  // nothing done, and the caller is not asked to go on, so that it changes nothing.
  if (run.stop && run.stop->load()) {
    stats.interrupted = true;
    return stats;
  }
  if (run.on_skipped && !run.on_skipped(skipped, last_skipped)) {
    stats.refused = true;
    return stats;
  }
  const std::size_t first_line_number = run.skip_lines + 1;

  std::optional<std::string> read_failed;  // why the input could not be read on (memory): reported, not a crash
  std::thread reader([&] {
    std::string text;
    while (true) try {
      if (run.stop && run.stop->load()) {
        std::lock_guard lock(m);
        stats.interrupted = true;
        break;
      }
      {
        std::unique_lock lock(m);
        space_free.wait(lock, [&] { return read - written < window || abandon; });
        if (abandon) break;
      }
      bool cut = false;
      std::uint64_t consumed = 0;
      const bool got = read_line(in, text, run.max_line_bytes, cut, consumed);
      bytes += consumed;
      if (!got) {
        // The input may have ended because the stop came (a stoppable reader gives up then).
        if (run.stop && run.stop->load()) {
          std::lock_guard lock(m);
          stats.interrupted = true;
        }
        break;
      }
      if (in.eof() && run.stop && run.stop->load()) {
        // Cut off by the stop, not ended: a line half received is not written, so that
        // the resume reads it whole.
        std::lock_guard lock(m);
        stats.interrupted = true;
        break;
      }
      {
        std::lock_guard lock(m);
        Slot& slot = slots[read % window];
        slot.input = std::move(text);
        slot.too_long = cut;
        slot.done = false;
        ++read;
      }
      work_ready.notify_one();
      text = std::string();
    } catch (const std::exception& e) {
      read_failed = e.what();
      break;
    } catch (...) {
      read_failed = "unknown error";
      break;
    }
    {
      std::lock_guard lock(m);
      end_of_input = true;
    }
    work_ready.notify_all();
    line_done.notify_all();
  });

  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      while (true) {
        std::size_t seq = 0;
        {
          std::unique_lock lock(m);
          work_ready.wait(lock, [&] { return taken < read || end_of_input; });
          if (taken >= read) return;
          seq = taken++;
        }
        // The slot is this worker's alone until it is marked done: the reader
        // refills it only after the writer has taken its outcome.
        Slot& slot = slots[seq % window];
        LineOutcome outcome = slot.too_long ? too_long_line(slot.input, first_line_number + seq, run.max_line_bytes)
                                            : process_line(slot.input, first_line_number + seq, options);
        bool wake_writer = false;
        {
          std::lock_guard lock(m);
          slot.outcome = std::move(outcome);
          slot.done = true;
          wake_writer = writable();
        }
        if (wake_writer) line_done.notify_one();
      }
    });

  auto last_progress = clock::now();
  auto report = [&](bool force) {
    if (!run.on_progress) return;
    const auto now = clock::now();
    if (!force && now - last_progress < std::chrono::milliseconds(200)) return;
    last_progress = now;
    run.on_progress({run.skip_lines + stats.lines, stats.errors, bytes.load(),
                     std::chrono::duration<double>(now - started).count()});
  };

  bool write_failed = false;
  std::vector<LineOutcome> finished;
  while (true) {
    finished.clear();
    {
      std::unique_lock lock(m);
      // Woken for a run of lines; but a finished line never waits more than a moment
      // for the lines after it (input trickling in while others are being worked on).
      const bool ready = line_done.wait_for(lock, std::chrono::milliseconds(20), writable);
      if (!ready && !(written < read && slots[written % window].done)) {
        lock.unlock();
        report(false);
        continue;
      }
      if (written == read) break;  // end of input, everything written
      for (std::size_t next = written; next < read && slots[next % window].done; ++next) {
        Slot& slot = slots[next % window];
        finished.push_back(std::move(slot.outcome));
        slot.done = false;
      }
    }
    for (const LineOutcome& outcome : finished) {
      out << outcome.text << '\n';
      if (!out) {
        write_failed = true;
        break;
      }
      ++stats.lines;
      ++(outcome.ok ? stats.results : stats.errors);
      stats.rollup.merge(outcome.tally);
    }
    // Whoever reads a pipe gets each run as it is done, not when a buffer fills.
    if (!write_failed && !out.flush()) write_failed = true;
    {
      std::lock_guard lock(m);
      written += finished.size();
      if (write_failed) abandon = true;
    }
    space_free.notify_one();
    report(false);
    if (write_failed) break;
  }
  if (write_failed) {
    // Let the reader and the workers finish, then tell the caller.
    space_free.notify_all();
    {
      std::unique_lock lock(m);
      abandon = true;
    }
  }
  reader.join();
  for (std::thread& w : workers) w.join();
  if (write_failed) throw std::ios_base::failure("cannot write the output");
  if (read_failed)
    throw std::runtime_error("cannot read the input after line " + std::to_string(run.skip_lines + stats.lines) + " (" +
                             *read_failed + "); the lines before it are written");
  out.flush();
  report(true);
  return stats;
}

}  // namespace barrierfree
