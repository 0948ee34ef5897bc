// barrierfree batch IN.jsonl: a district's households in, one plan each out.
//
// With -o the output goes to OUT.part and is renamed to OUT when the input is
// done, so a file named OUT is always complete. Ctrl-C stops reading, lets the
// lines in flight finish, keeps OUT.part (every line in order) and says how to
// resume; --resume counts the lines of OUT.part and carries on after them.
#include "cli/cli.hpp"

#include <barrierfree/batch.hpp>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <vector>

namespace barrierfree::cli {

namespace {

namespace fs = std::filesystem;

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) {
  // The first Ctrl-C stops the batch cleanly; a second one ends the program at once.
  interrupted = true;
  std::signal(SIGINT, SIG_DFL);
}

/// Input from a pipe or terminal that a Ctrl-C can stop: a read blocked on an idle pipe
/// (one case at a time, fed by another program) would otherwise wait for the next line
/// before the batch noticed. It waits in steps of 100 ms and ends the input once `stop` is set.
class StoppableInput : public std::streambuf {
 public:
  StoppableInput(int fd, const std::atomic<bool>& stop) : fd_(fd), stop_(stop), buffer_(1 << 16) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    while (!stop_.load()) {
      pollfd p{fd_, POLLIN, 0};
      const int ready = ::poll(&p, 1, 100);
      if (ready < 0 && errno != EINTR) return traits_type::eof();
      if (ready <= 0) continue;
      const ssize_t n = ::read(fd_, buffer_.data(), buffer_.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return traits_type::eof();
      setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
      return traits_type::to_int_type(*gptr());
    }
    return traits_type::eof();
  }

 private:
  int fd_;
  const std::atomic<bool>& stop_;
  std::vector<char> buffer_;
};

constexpr const char* help =
    "usage: barrierfree batch [IN.jsonl|-] [-o OUT.jsonl] [-j N] [--summary FILE] [--check-only]\n"
    "                         [--resume] [--quiet] [--standard ID] [--rules FILE] [--catalog FILE]\n"
    "                         [--regions FILE] [--region CN-xx] [--budget N|none]\n"
    "                         [--structural-first] [--max-items N]\n\n"
    "Plan every household of a JSON Lines file (one case per line) and write one result per\n"
    "line, in input order: the plan, or {\"id\", \"line\", \"error\"} for a line that is not a\n"
    "valid case. Standard input and output when IN or -o is - or missing.\n\n"
    "  -o OUT          write OUT (through OUT.part, renamed when complete)\n"
    "  -j N            worker threads (default: all cores); the output is the same for any N\n"
    "  --summary FILE  write counts, findings by check and the programme roll-up as JSON\n"
    "  --check-only    findings only, no plan\n"
    "  --resume        continue an interrupted run from OUT.part (needs -o)\n"
    "  --quiet         no progress bar (there is none anyway when stderr is not a terminal)\n"
    "  --standard, --rules, --catalog, --regions, --region, --budget, --structural-first,\n"
    "  --max-items: as for 'plan'\n\n"
    "Exit status: 0 every line gave a result, 1 some lines gave errors, 2 usage error,\n"
    "130 interrupted (the finished lines are kept; run again with --resume).\n";

/// What an earlier run left: its complete lines (a last line cut short by a hard stop is not
/// one), counted into the roll-up, and where they end. The file is not changed: whether it is
/// continued is decided only once the input has been read past them.
struct EarlierOutput {
  std::size_t lines = 0;
  std::uintmax_t end = 0;  ///< bytes of the complete lines
  std::string last;        ///< the last complete line
  Rollup rollup;
};

EarlierOutput read_earlier_output(const fs::path& path) {
  EarlierOutput e;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line) && !in.eof()) {  // eof: no newline, the line was cut short
    e.rollup.add(nlohmann::ordered_json::parse(line, nullptr, false));
    e.end += line.size() + 1;
    ++e.lines;
    e.last.swap(line);
  }
  if (!e.last.empty() && e.last.back() == '\r') e.last.pop_back();
  return e;
}

/// The settings an earlier run recorded in OUT.run.json; nothing when there is no such file.
std::optional<nlohmann::ordered_json> recorded_run(const fs::path& run_file) {
  if (!fs::exists(run_file)) return std::nullopt;
  std::ifstream f(run_file, std::ios::binary);
  auto earlier = nlohmann::ordered_json::parse(f, nullptr, false);
  if (!earlier.is_object() || !earlier.contains("settings") || !earlier["settings"].is_object())
    throw UsageError{run_file.string() + " cannot be read as the record of a run: the options cannot be checked against" +
                     " those of the earlier run (delete it to resume without the check)"};
  return earlier;
}

/// An argument as a POSIX shell reads it back.
std::string shell_quoted(const std::string& a) {
  const bool plain = !a.empty() && a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                       "0123456789_./=:,+@%-") == std::string::npos;
  if (plain) return a;
  std::string out = "'";
  for (char c : a) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// The command that continues this run: the same arguments, with --resume (before a "--").
std::string resume_command(const std::vector<std::string>& given) {
  const auto dashes = std::find(given.begin(), given.end(), "--");
  std::string out = "barrierfree batch";
  for (auto it = given.begin(); it != dashes; ++it)
    if (*it != "--resume") out += " " + shell_quoted(*it);
  out += " --resume";
  for (auto it = dashes; it != given.end(); ++it) out += " " + shell_quoted(*it);
  return out;
}

/// 64-bit FNV-1a of a file's bytes, in hex ("" when it cannot be read).
std::string file_hash(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::uint64_t h = 14695981039346656037ull;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    for (std::streamsize i = 0; i < in.gcount(); ++i) h = (h ^ static_cast<unsigned char>(buffer[i])) * 1099511628211ull;
  std::ostringstream s;
  s << std::hex << std::setw(16) << std::setfill('0') << h;
  return s.str();
}

/// Settings with their numbers by value: --budget 5000.0 continues a run of --budget 5000, and
/// a record written before numbers were kept so (as text) still compares.
nlohmann::ordered_json by_value(nlohmann::ordered_json s) {
  for (const char* name : {"--budget", "--max-items"})
    if (s.contains(name) && s[name].is_string())
      if (const auto number = decimal_number(s[name].get<std::string>())) s[name] = *number;
  return s;
}

/// What decides the lines of the output (not -j, the summary or the progress bar): an
/// interrupted run is continued only with the same. Files are known by their content too.
nlohmann::ordered_json run_settings(Args a) {
  nlohmann::ordered_json s;
  s["--check-only"] = a.flag("--check-only");
  s["--structural-first"] = a.flag("--structural-first");
  for (const char* name : {"--standard", "--region", "--budget", "--max-items"}) s[name] = a.option(name);
  for (const char* name : {"--rules", "--catalog", "--regions"}) {
    const std::string path = a.option(name);
    s[name] = path.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json{{"path", path}, {"content", file_hash(path)}};
  }
  return by_value(std::move(s));
}

/// The settings that differ, in words: "--budget 1000 then, not given now".
std::string settings_difference(const nlohmann::ordered_json& then, const nlohmann::ordered_json& now) {
  const auto said = [](const nlohmann::ordered_json* v) -> std::string {
    if (!v || v->is_null() || (v->is_boolean() && !v->get<bool>()) || (v->is_string() && v->get<std::string>().empty()))
      return "not given";
    if (v->is_boolean()) return "given";
    if (v->is_object()) return v->value("path", "") + " (" + v->value("content", "") + ")";
    return v->is_string() ? v->get<std::string>() : v->dump();
  };
  std::string out;
  for (auto it = now.begin(); it != now.end(); ++it) {
    const nlohmann::ordered_json* before = then.contains(it.key()) ? &then[it.key()] : nullptr;
    if (before && *before == *it) continue;
    out += (out.empty() ? "" : "; ") + it.key() + ": " + said(before) + " then, " + said(&*it) + " now";
  }
  return out;
}

class ProgressBar {
 public:
  ProgressBar(std::ostream& err, std::uintmax_t total_bytes) : err_(err), total_(total_bytes) {}

  void operator()(const BatchProgress& p) {
    std::ostringstream s;
    s << '\r';
    const double rate = p.seconds > 0 ? static_cast<double>(p.lines - first_) / p.seconds : 0;
    if (total_ > 0) {
      const double done = std::min(1.0, static_cast<double>(p.bytes_read) / static_cast<double>(total_));
      const int width = 24, filled = static_cast<int>(done * width);
      s << '[' << std::string(filled, '#') << std::string(width - filled, '.') << "] " << std::setw(3)
        << static_cast<int>(done * 100) << "%  ";
      if (done > 0.001 && p.seconds > 1) {
        const auto eta = static_cast<long>(p.seconds * (1 - done) / done);
        s << "ETA " << eta / 60 << ':' << std::setw(2) << std::setfill('0') << eta % 60 << std::setfill(' ') << "  ";
      }
    }
    s << p.lines << " lines, " << p.errors << " errors, " << static_cast<long>(rate) << "/s   ";
    err_ << s.str() << std::flush;
    shown_ = true;
  }
  void start_at(std::size_t lines) { first_ = lines; }
  void finish() {
    if (shown_) err_ << '\n';
  }

 private:
  std::ostream& err_;
  std::uintmax_t total_;
  std::size_t first_ = 0;
  bool shown_ = false;
};

}  // namespace

int batch(Args args, std::ostream& out, std::ostream& err) {
  if (args.flag("--help", "-h")) {
    out << help;
    return exit_ok;
  }
  const std::vector<std::string> given = args.remaining();
  const nlohmann::ordered_json settings = run_settings(args);
  const std::string output = args.option("--output", "-o");
  const std::string jobs = args.option("--jobs", "-j");
  const std::string summary = args.option("--summary");
  const bool check_only = args.flag("--check-only");
  const bool resume = args.flag("--resume");
  const bool quiet = args.flag("--quiet", "-q");
  // A ruleset, catalogue or regions file that cannot be read stops the batch before its first
  // line (OptionFileError: exit 2, for exit 1 says that some of the input's lines gave errors).
  PlanSetup setup = plan_setup(args);
  const std::vector<std::string> files = args.positional();
  if (files.size() > 1) throw UsageError{"batch reads one input file (or standard input)"};
  const std::string input = files.empty() ? "-" : files.front();

  unsigned threads = 0;
  if (!jobs.empty()) {
    try {
      std::size_t used = 0;
      const long n = std::stol(jobs, &used);
      if (used != jobs.size() || n < 1 || n > 1024) throw std::invalid_argument(jobs);
      threads = static_cast<unsigned>(n);
    } catch (const std::exception&) {
      throw UsageError{"-j must be a whole number from 1 to 1024"};
    }
  }
  // A pipe by name (`<(zcat cases.jsonl.gz)`, a FIFO) is read as standard input is.
  const bool input_is_file = input != "-" && fs::is_regular_file(input);
  const bool input_is_pipe = input != "-" && !input_is_file && fs::exists(input) && !fs::is_directory(input);
  if (input != "-" && !input_is_file && !input_is_pipe) throw UsageError{"no such input file: " + input};
  // A device or pipe (/dev/null, a FIFO) is written as it is: there is nothing to rename.
  const bool to_special = !output.empty() && output != "-" && fs::exists(output) && !fs::is_regular_file(output);
  const bool to_file = !output.empty() && output != "-" && !to_special;
  if (resume && !to_file) throw UsageError{"--resume needs -o OUT (a regular file: the output of the interrupted run)"};
  const auto same_file = [](const std::string& a, const std::string& b) {
    std::error_code ec;
    return a != "-" && b != "-" && !a.empty() && !b.empty() && fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
  };
  if (to_file && same_file(input, output)) throw UsageError{"-o " + output + " is the input file: it would be overwritten"};
  // Beside OUT the run writes OUT.part and OUT.run.json: neither may be the input or the summary.
  const std::vector<std::string> run_files =
      to_file ? std::vector<std::string>{output + ".part", output + ".run.json"} : std::vector<std::string>{};
  for (const std::string& f : run_files)
    if (same_file(input, f)) throw UsageError{"the input " + input + " is " + f + ", which -o " + output + " writes"};
  if (summary == "-") throw UsageError{"--summary - : the summary is written to a file (standard output may carry the results)"};
  if (check_only)
    for (const char* name : {"--budget", "--catalog", "--regions", "--region", "--max-items", "--structural-first"})
      if (settings.contains(name) && settings[name] != nlohmann::ordered_json() && settings[name] != "" &&
          settings[name] != false)
        throw UsageError{std::string(name) + " is for plans: --check-only makes none"};
  if (!summary.empty()) {
    // Found out now, not after the whole input has been planned.
    if (same_file(summary, input) || same_file(summary, output))
      throw UsageError{"--summary " + summary + " is the " + (same_file(summary, input) ? "input" : "output") + " file"};
    for (const std::string& f : run_files)
      if (same_file(summary, f)) throw UsageError{"--summary " + summary + " is " + f + ", which -o " + output + " writes"};
    const fs::path where = fs::path(summary).has_parent_path() ? fs::path(summary).parent_path() : fs::path(".");
    if (fs::is_directory(summary)) throw UsageError{"--summary " + summary + " is a directory"};
    if (!fs::is_directory(where)) throw UsageError{"cannot write the summary " + summary + ": no directory " + where.string()};
    const bool writable = fs::exists(summary) ? access(summary.c_str(), W_OK) == 0 : access(where.c_str(), W_OK) == 0;
    if (!writable) throw UsageError{"cannot write the summary " + summary + ": permission denied"};
  }

  BatchOptions options;
  options.check_only = check_only;
  options.rules = setup.rules ? &*setup.rules : nullptr;
  options.standard = setup.standard;
  if (!options.standard.empty() && !options.rules) {
    try {
      (void)builtin_ruleset(options.standard);
    } catch (const std::out_of_range& e) {
      throw UsageError{e.what()};
    }
  }
  options.catalog = setup.catalog ? &*setup.catalog : nullptr;
  options.regions = setup.regions ? &*setup.regions : nullptr;
  options.plan = setup.options;

  // Where the output goes, and what is already done.
  const fs::path final_path = to_file ? fs::path(output) : fs::path();
  const fs::path part = to_file ? fs::path(run_files[0]) : fs::path();
  // The arguments and settings of the run that writes `part`, kept beside OUT once complete.
  const fs::path run_file = to_file ? fs::path(run_files[1]) : fs::path();
  std::size_t done = 0;
  bool finished_before = false;  // resuming a run that had completed
  EarlierOutput earlier;
  fs::path source;               // what a resume continues: OUT.part, or OUT when it had completed
  bool record_run = !resume;     // write OUT.run.json: a new run, or one resumed without one
  if (resume) {
    finished_before = !fs::exists(part) && fs::exists(final_path);
    source = finished_before ? final_path : part;
    if (!fs::exists(source)) throw UsageError{"nothing to resume: neither " + part.string() + " nor " + output + " exists"};
    if (const auto recorded = recorded_run(run_file)) {
      if (by_value((*recorded)["settings"]) != settings) {
        std::string command;
        if (recorded->contains("args") && (*recorded)["args"].is_array())
          command = resume_command((*recorded)["args"].get<std::vector<std::string>>());
        throw UsageError{source.string() + " was written with other options (" +
                         settings_difference((*recorded)["settings"], settings) + "): its lines would not match" +
                         (command.empty() ? std::string() : "; resume with: " + command)};
      }
    } else {
      err << "barrierfree: " << run_file.string() << " is missing: the options cannot be checked against those of the"
          << " earlier run\n";
      record_run = true;
    }
    earlier = read_earlier_output(source);
    done = earlier.lines;
  }

  std::ifstream file_in;
  if (input_is_file) {
    file_in.open(input, std::ios::binary);
    if (!file_in) throw UsageError{"cannot read " + input};
  }
  // Standard input or a named pipe is read so that Ctrl-C can stop a wait on it.
  int pipe_fd = STDIN_FILENO;
  if (input_is_pipe) {
    pipe_fd = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
    if (pipe_fd < 0) throw UsageError{"cannot read " + input};
  }
  struct PipeCloser {
    int fd;
    ~PipeCloser() {
      if (fd != STDIN_FILENO) ::close(fd);
    }
  } pipe_closer{pipe_fd};
  struct stat st {};
  const bool stdin_waits = input == "-" && ::fstat(STDIN_FILENO, &st) == 0 && !S_ISREG(st.st_mode);
  StoppableInput stoppable(pipe_fd, interrupted);
  std::istream stoppable_in(&stoppable);
  std::istream& in = input_is_file ? static_cast<std::istream&>(file_in)
                     : input_is_pipe || stdin_waits ? stoppable_in
                                                    : std::cin;

  std::ofstream file_out;
  std::vector<char> buffer(1 << 20);
  const auto open_part = [&] {
    file_out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    file_out.open(part, std::ios::binary | (resume ? std::ios::app : std::ios::trunc));
    if (!file_out) return false;
    if (record_run) {
      std::ofstream f(run_file, std::ios::binary);
      f << nlohmann::ordered_json{{"format", "barrierfree.batch-run/1"}, {"args", given}, {"settings", settings}}.dump(1)
        << '\n';
    }
    return true;
  };
  if (to_file && !resume && !open_part()) throw UsageError{"cannot write " + part.string()};
  if (to_special) {
    file_out.open(output, std::ios::binary);
    if (!file_out) throw UsageError{"cannot write " + output};
  }
  std::ostream& sink = to_file || to_special ? file_out : out;

  ProgressBar bar(err, input_is_file ? fs::file_size(input) : 0);
  bar.start_at(done);
  BatchRun run;
  run.threads = threads;
  run.skip_lines = done;
  run.stop = &interrupted;
  if (!quiet && isatty(STDERR_FILENO)) run.on_progress = std::ref(bar);
  // A resume goes on only where the output is that of this input: as many lines at least, the
  // last one done the result of the input's line at its place. Only then is the earlier
  // output cut after its last complete line, or a finished one reopened.
  std::string refusal;
  if (resume)
    run.on_skipped = [&](std::size_t skipped, std::string_view last_input) {
      const std::string in_name = input == "-" ? std::string("the standard input") : input;
      if (skipped < done) {
        refusal = source.string() + " has " + std::to_string(done) + " lines but " + in_name + " only " +
                  std::to_string(skipped) + ": it is not the output of this input";
        return false;
      }
      const std::string want = id_of(last_input), have = id_of(earlier.last);
      if (done > 0 && !want.empty() && !have.empty() && want != have) {
        refusal = source.string() + " does not continue " + in_name + ": its line " + std::to_string(done) + " is \"" +
                  have + "\" but the input's is \"" + want + "\"";
        return false;
      }
      if (fs::file_size(source) != earlier.end) fs::resize_file(source, earlier.end);  // a line cut short
      if (finished_before) fs::rename(final_path, part);  // recounted, and continued should the input have grown
      if (!open_part()) {
        refusal = "cannot write " + part.string();
        return false;
      }
      return true;
    };

  interrupted = false;
  auto previous_handler = std::signal(SIGINT, on_interrupt);
  BatchStats stats;
  try {
    stats = run_batch(in, sink, options, run);
  } catch (const std::ios_base::failure&) {
    std::signal(SIGINT, previous_handler);
    bar.finish();
    err << "barrierfree: cannot write " << (to_file ? part.string() : std::string("the output"))
        << " (disk full?); the lines written so far are kept\n";
    return exit_invalid;
  } catch (const std::exception& e) {  // the input could not be read on (memory running out)
    std::signal(SIGINT, previous_handler);
    bar.finish();
    err << "barrierfree: " << e.what() << (to_file ? " in " + part.string() : std::string()) << '\n';
    return exit_invalid;
  }
  std::signal(SIGINT, previous_handler);
  bar.finish();
  if (stats.refused) throw UsageError{refusal};
  if (to_file) file_out.close();
  Rollup& rollup = earlier.rollup;
  rollup.merge(stats.rollup);

  const std::size_t lines = done + stats.lines;
  bool summary_failed = false;
  if (!summary.empty()) {
    nlohmann::ordered_json s;
    s["format"] = "barrierfree.summary/1";
    s["input"] = input;
    s["complete"] = !stats.interrupted;
    s["mode"] = check_only ? "check" : "plan";
    s["cases"] = lines;
    s["valid"] = rollup.households();
    const nlohmann::ordered_json totals = rollup.to_json();
    for (auto it = totals.begin(); it != totals.end(); ++it)
      if (it.key() != "households") s[it.key()] = *it;
    std::ofstream f(summary, std::ios::binary);
    f << s.dump(2) << '\n';
    f.close();
    if (!f) {
      err << "barrierfree: cannot write the summary " << summary << " (disk full?)\n";
      summary_failed = true;
    }
  }

  if (stats.interrupted) {
    err << "barrierfree: interrupted after " << lines << " line(s); they are kept, in order";
    if (to_file) {
      // Stopped while reading past the lines of a finished run: they are still in OUT.
      const fs::path kept = finished_before && !fs::exists(part) ? final_path : part;
      err << ", in " << kept.string() << ".\nResume with: " << resume_command(given) << '\n';
    } else {
      err << ".\nThe next line to process is line " << lines + 1 << " of the input.\n";
    }
    return 130;
  }
  if (to_file) fs::rename(part, final_path);  // OUT.run.json stays: the options that made OUT
  if (!quiet) {
    err << "barrierfree: " << lines << " line(s): " << rollup.households() << " result(s), " << rollup.errors()
        << " error(s)"
        << (done ? " (" + std::to_string(done) + (finished_before ? " done before" : " from the interrupted run") + ")"
                 : std::string())
        << '\n';
    const nlohmann::ordered_json t = rollup.to_json();
    const auto& b = t["barriers"];
    err << "  barriers found " << b["before"].dump() << ", removed " << b["removed"].dump() << ", left "
        << b["left"].dump() << " (" << b["not_assessed"].dump() << " need measuring)\n";
    if (!check_only)
      err << "  total cost " << t["total_cost"].dump() << " " << t["currency"].get<std::string>() << " (mean "
          << t["mean_cost"].dump() << " per household, budgets " << t["budget"].dump() << "); "
          << t["fully_resolved"].dump() << " of " << t["planned"].dump() << " households fully resolved\n";
  }
  return rollup.errors() || summary_failed ? exit_invalid : exit_ok;
}

}  // namespace barrierfree::cli
