// The batch runner: one output line per input line, in order, whatever the
// threads; errors as data with their line numbers; a clean stop and a resume.
#include <barrierfree/batch.hpp>
#include <barrierfree/io/case_json.hpp>
#include <barrierfree/plan/plan.hpp>
#include <barrierfree/plan/rollup.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

#include <sstream>

using namespace barrierfree;
using nlohmann::json;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string run(const std::string& input, unsigned threads, BatchOptions options = {}, BatchStats* stats = nullptr,
                std::size_t skip = 0) {
  std::istringstream in(input);
  std::ostringstream out;
  BatchRun r;
  r.threads = threads;
  r.skip_lines = skip;
  BatchStats s = run_batch(in, out, options, r);
  if (stats) *stats = std::move(s);
  return out.str();
}

const std::string& mixed() {
  static const std::string text = test::read_file(test::source_dir() / "tests" / "data" / "batch" / "mixed.jsonl");
  return text;
}

const std::string& huimin() {
  static const std::string text = test::read_file(test::source_dir() / "data" / "examples" / "huimin-52.jsonl");
  return text;
}

}  // namespace

TEST_CASE("a line that is not a case becomes an error line with its number", "[batch]") {
  const LineOutcome not_json = process_line("this is not JSON", 7, {});
  CHECK_FALSE(not_json.ok);
  const json j = json::parse(not_json.text);
  CHECK(j["id"].is_null());
  CHECK(j["line"] == 7);
  CHECK(j["error"]["code"] == "case.101");
  CHECK(j["errors"].size() == 1);

  // A line cut short keeps the household's id, and the error says where it broke off.
  const LineOutcome cut = process_line(R"({"format": "barrierfree.case/1", "id": "HM-CUT", "rooms": [{"id": "hall", )", 3, {});
  const json c = json::parse(cut.text);
  CHECK(c["id"] == "HM-CUT");
  CHECK(c["error"]["code"] == "case.101");
  CHECK(c["error"]["path"] == "/rooms/0");
  // An id given after the break, or not as a string, is not taken.
  CHECK(json::parse(process_line(R"({"format": "barrierfree.case/1", "rooms": [, "id": "LATE"})", 4, {}).text)["id"].is_null());
  CHECK(json::parse(process_line(R"({"id": 12, "rooms": [,]})", 5, {}).text)["id"].is_null());

  const LineOutcome blank = process_line("  \t", 1, {});
  CHECK(json::parse(blank.text)["error"]["code"] == "case.101");

  const LineOutcome array = process_line("[1, 2]", 2, {});
  CHECK(json::parse(array.text)["error"]["code"] == "case.103");

  // An invalid case keeps its id, so the error can be matched to the household.
  const LineOutcome invalid = process_line(R"({"format": "barrierfree.case/1", "id": "HM-X", "rooms": 3, "budget": "much"})", 3, {});
  const json e = json::parse(invalid.text);
  CHECK(e["id"] == "HM-X");
  CHECK(e["line"] == 3);
  CHECK(e["errors"].size() >= 2);  // every error of the case, not only the first
  CHECK(invalid.text.find('\n') == std::string::npos);
}

TEST_CASE("a line nested far deeper than any case is an error line, not a crash", "[batch]") {
  // Reading the id of a broken line once built a DOM of it, recursively: 150,000 levels ran
  // a worker thread out of stack and killed the whole batch.
  const std::string open(200000, '['), close(200000, ']');
  const std::string deep = R"({"id": "HM-DEEP", "a": )" + open + close + R"(, "b": 1})";
  const std::string cut = R"({"id": "HM-CUT", "a": )" + open;
  const std::string input = deep + "\n" + cut + "\n" + mixed();
  const auto out = lines_of(run(input, 2));
  REQUIRE(out.size() == 2 + lines_of(mixed()).size());
  const json d = json::parse(out[0]), c = json::parse(out[1]);
  CHECK(d["id"] == "HM-DEEP");
  CHECK(d["line"] == 1);
  CHECK(d.contains("error"));
  CHECK(c["id"] == "HM-CUT");
  CHECK(c["line"] == 2);
  CHECK(c["error"]["code"] == "case.101");
  CHECK(json::parse(out.back())["id"] == json::parse(lines_of(mixed()).back())["id"]);  // the batch went on
}

TEST_CASE("every input line yields exactly one output line, in order", "[batch]") {
  BatchStats stats;
  const std::string output = run(mixed(), 3, {}, &stats);
  const auto in = lines_of(mixed()), out = lines_of(output);
  REQUIRE(out.size() == in.size());
  CHECK(stats.lines == in.size());
  CHECK(stats.results == 4);
  CHECK(stats.errors == 6);
  const std::vector<int> error_lines{2, 3, 4, 5, 6, 7};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const json j = json::parse(out[i]);
    const bool is_error = std::count(error_lines.begin(), error_lines.end(), static_cast<int>(i + 1)) > 0;
    CHECK(j.contains("error") == is_error);
    if (is_error) CHECK(j["line"] == i + 1);
    else CHECK(j["id"] == json::parse(in[i])["id"]);  // the result of this very line
  }
  CHECK(json::parse(out[8]).contains("warnings"));  // the misspelt field of line 9
  CHECK(stats.rollup.errors() == 6);
  CHECK(stats.rollup.households() == 4);
}

TEST_CASE("the output does not depend on the number of threads", "[batch]") {
  const std::string input = mixed() + huimin();
  BatchOptions check_only;
  check_only.check_only = true;
  for (const BatchOptions& options : {BatchOptions{}, check_only}) {
    BatchStats one, four;
    const std::string a = run(input, 1, options, &one), b = run(input, 4, options, &four);
    CHECK(a == b);
    CHECK(one.rollup.to_json() == four.rollup.to_json());
    CHECK(lines_of(a).size() == lines_of(input).size());
  }
}

TEST_CASE("a batch resumed after its first lines ends as one run in a go", "[batch]") {
  const std::string input = huimin();
  BatchStats whole_stats;
  const std::string whole = run(input, 2, {}, &whole_stats);
  const auto whole_lines = lines_of(whole);
  for (std::size_t done : {std::size_t{0}, std::size_t{1}, std::size_t{17}, whole_lines.size()}) {
    // The first `done` lines were written by an interrupted run; the summary counts them from the file.
    Rollup summary;
    std::string prefix;
    for (std::size_t i = 0; i < done; ++i) {
      prefix += whole_lines[i] + "\n";
      summary.add(nlohmann::ordered_json::parse(whole_lines[i]));
    }
    BatchStats rest_stats;
    const std::string rest = run(input, 2, {}, &rest_stats, done);
    CHECK(rest_stats.lines == whole_lines.size() - done);
    CHECK(prefix + rest == whole);
    summary.merge(rest_stats.rollup);
    CHECK(summary.to_json() == whole_stats.rollup.to_json());
  }
}

TEST_CASE("a stop request ends the batch after the lines already read", "[batch]") {
  std::istringstream in(huimin());
  std::ostringstream out;
  std::atomic<bool> stop{true};
  BatchRun r;
  r.threads = 2;
  r.stop = &stop;
  const BatchStats stats = run_batch(in, out, {}, r);
  CHECK(stats.interrupted);
  CHECK(stats.lines == 0);
  CHECK(out.str().empty());
}

namespace {

// A pipe on which the stop comes while a line is half received: the reader of the CLI
// then gives up, as a stream that ends there.
class StopsMidLine : public std::streambuf {
 public:
  StopsMidLine(std::string text, std::atomic<bool>& stop) : text_(std::move(text)), stop_(stop) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }

 protected:
  int_type underflow() override {
    stop_ = true;
    return traits_type::eof();
  }

 private:
  std::string text_;
  std::atomic<bool>& stop_;
};

}  // namespace

TEST_CASE("a line half received when the stop comes is left for the resume", "[batch]") {
  const auto cases = lines_of(huimin());
  const std::string first_two = cases[0] + "\n" + cases[1] + "\n";
  std::atomic<bool> stop{false};
  StopsMidLine source(first_two + cases[2].substr(0, cases[2].size() / 2), stop);
  std::istream in(&source);
  std::ostringstream out;
  BatchRun r;
  r.threads = 2;
  r.stop = &stop;
  const BatchStats stats = run_batch(in, out, {}, r);
  CHECK(stats.interrupted);
  CHECK(stats.lines == 2);
  REQUIRE(lines_of(out.str()).size() == 2);  // not an error line for the half: resume redoes it
  CHECK(out.str() == run(first_two, 1));

  // A last line without its newline, at the true end of the input, is a line.
  CHECK(lines_of(run(first_two + cases[2], 2)).size() == 3);
}

TEST_CASE("a resume is told what it read past before anything is written", "[batch]") {
  const auto cases = lines_of(huimin());
  const std::string input = cases[0] + "\n" + cases[1] + "\r\n" + cases[2] + "\n";
  std::size_t seen = 99;
  std::string last;
  BatchRun r;
  r.threads = 2;
  r.skip_lines = 2;
  r.on_skipped = [&](std::size_t skipped, std::string_view line) {
    seen = skipped;
    last = line;
    return false;
  };
  std::istringstream in(input);
  std::ostringstream out;
  const BatchStats refused = run_batch(in, out, {}, r);
  CHECK(refused.refused);
  CHECK(seen == 2);
  CHECK(last == cases[1]);  // without its CR
  CHECK(out.str().empty());
  CHECK(refused.lines == 0);

  // A stop while a line to skip is half received: the caller is not asked (it would check the
  // half line's id, and a resumed finished run would be reopened for nothing).
  {
    std::atomic<bool> stop{false};
    StopsMidLine source(cases[0] + "\n" + cases[1] + "\n" + cases[2].substr(0, 300), stop);
    std::istream half(&source);
    BatchRun stopping = r;
    stopping.skip_lines = 3;
    stopping.stop = &stop;
    bool asked = false;
    stopping.on_skipped = [&](std::size_t, std::string_view) { return asked = true; };
    const BatchStats s = run_batch(half, out, {}, stopping);
    CHECK(s.interrupted);
    CHECK_FALSE(asked);
    CHECK(out.str().empty());
  }

  // From a file too, not only a pipe that gives up: a stop while reading past asks nothing.
  {
    std::atomic<bool> stop{true};
    std::istringstream file(input);
    BatchRun stopping = r;
    stopping.stop = &stop;
    bool asked = false;
    stopping.on_skipped = [&](std::size_t, std::string_view) { return asked = true; };
    CHECK(run_batch(file, out, {}, stopping).interrupted);
    CHECK_FALSE(asked);
  }

  // An input shorter than the lines to skip says so; a yes goes on after them.
  r.skip_lines = 5;
  r.on_skipped = [&](std::size_t skipped, std::string_view) {
    seen = skipped;
    return true;
  };
  std::istringstream short_in(input);
  CHECK_FALSE(run_batch(short_in, out, {}, r).refused);
  CHECK(seen == 3);
  CHECK(out.str().empty());
  r.skip_lines = 2;
  std::istringstream again(input);
  const BatchStats went_on = run_batch(again, out, {}, r);
  CHECK(went_on.lines == 1);
  CHECK(json::parse(out.str())["id"] == json::parse(cases[2])["id"]);
}

TEST_CASE("error lines carry the input's line numbers after skipped lines", "[batch]") {
  const std::string output = run("x\ny\n{\n", 1, {}, nullptr, 1);
  const auto out = lines_of(output);
  REQUIRE(out.size() == 2);
  CHECK(json::parse(out[0])["line"] == 2);
  CHECK(json::parse(out[1])["line"] == 3);
}

TEST_CASE("empty input gives empty output", "[batch]") {
  BatchStats stats;
  CHECK(run("", 2, {}, &stats).empty());
  CHECK(stats.lines == 0);
  CHECK_FALSE(stats.interrupted);
}

TEST_CASE("plans written directly are what the JSON library would write", "[batch][json]") {
  // Plans too are written as text without a DOM, and rolled up from their structs.
  std::istringstream in(huimin());
  for (std::string line; std::getline(in, line);) {
    const Case c = parse_case(line);
    CAPTURE(c.id);
    for (const bool no_budget : {false, true}) {
      PlanOptions o;
      o.no_budget = no_budget;
      const PlanResult r = plan(c, o);
      const std::string direct = to_json_text(r);
      const auto parsed = nlohmann::ordered_json::parse(direct);
      CHECK(direct == parsed.dump());
      CHECK(parsed["plan"]["budget"].is_null() == o.no_budget);
      Rollup from_struct, from_json;
      from_struct.add(r);
      from_json.add(parsed);
      CHECK(from_struct.to_json() == from_json.to_json());
    }
  }
}

TEST_CASE("results written directly are what the JSON library would write", "[batch][json]") {
  // The batch writes check results as text without a DOM; nlohmann must agree on every byte.
  const std::string text = huimin();
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const Case c = parse_case(line);
    const CheckResult r = check(c);
    const std::string direct = to_json_text(r);
    CHECK(direct == nlohmann::ordered_json::parse(direct).dump());
    // And a roll-up counts a check result the same from the struct as from its JSON.
    Rollup from_struct, from_json;
    from_struct.add(r);
    from_json.add(to_json(r));
    CHECK(from_struct.to_json() == from_json.to_json());
  }
  // Strings that need escaping and numbers that are not integers.
  CheckResult odd;
  odd.id = "a\"b\\c\n\t\x01 \xe5\x8d\xab";
  odd.standard = "X";
  Finding f;
  f.id = "F1";
  f.check = "door.clear_width";
  f.element = "d\x1f";
  f.measured = 0.1;
  f.required = {{"min", 1e-7}, {"max", -2.5e21}, {"flag", true}, {"kind", "squat"}};
  f.message = {"\"quoted\" \\ back", "中文\r"};
  f.at = Point2{-0.4, 1e6 + 0.5};
  f.detail = {{"nested", {{"list", {1, 2.5, "x"}}}}};
  odd.findings.push_back(f);
  const std::string direct = to_json_text(odd);
  CHECK(direct == nlohmann::ordered_json::parse(direct).dump());
  CHECK(nlohmann::ordered_json::parse(direct)["findings"][0]["measured"] == 0.1);
}

TEST_CASE("an unknown standard in the batch options is bad input, not a defect", "[batch]") {
  BatchOptions o;
  o.standard = "NOPE";
  o.check_only = true;
  const std::string line = huimin().substr(0, huimin().find('\n'));
  const CaseOutcome out = process_case(line, o);
  REQUIRE_FALSE(out.ok());
  CHECK(out.errors.front().code == "case.110");
  CHECK(out.errors.front().message.find("NOPE") != std::string::npos);
}

TEST_CASE("a plan priced at the reference level because its region has no factors says so", "[batch]") {
  json c = json::parse(lines_of(huimin()).front());
  c["region"] = "CN-81";  // Hong Kong: a valid region, not among the 31 mainland provinces' factors
  const auto warnings_of = [&](const BatchOptions& o) {
    const json line = json::parse(process_line(c.dump(), 1, o).text);
    return line.value("warnings", json::array());
  };
  const json said = warnings_of({});
  REQUIRE(said.size() == 1);
  CHECK(said[0].get<std::string>().rfind("[case.906] /region: region CN-81", 0) == 0);
  BatchOptions check_only;
  check_only.check_only = true;
  CHECK(warnings_of(check_only).empty());  // nothing priced
  BatchOptions chosen;
  chosen.plan.region = "CN-44";
  CHECK(warnings_of(chosen).empty());  // the caller chose the prices
  c["region"] = "CN-42";
  CHECK(warnings_of({}).empty());
}

TEST_CASE("a line longer than the batch reads is an error line, and the batch goes on", "[batch]") {
  const auto cases = lines_of(huimin());
  BatchRun r;
  r.threads = 2;
  const std::string first = cases[1], second = cases[0];  // 3,480 and 4,665 bytes
  REQUIRE(first.size() < second.size());
  r.max_line_bytes = second.size() - 1;  // the second line is a byte too long; the first is shorter
  const std::string padded = cases[2] + std::string(200000, ' ');  // longer than a read chunk
  const std::string input = first + "\n" + second + "\n" + padded + "\r\n" + cases[3];
  std::istringstream in(input);
  std::ostringstream out;
  const BatchStats stats = run_batch(in, out, {}, r);
  const auto lines = lines_of(out.str());
  REQUIRE(lines.size() == 4);
  CHECK(stats.errors == 2);
  const json cut = json::parse(lines[1]), long_one = json::parse(lines[2]);
  CHECK(cut["id"] == json::parse(second)["id"]);  // read from the line's beginning
  CHECK(cut["line"] == 2);
  CHECK(cut["error"]["code"] == "case.110");
  CHECK(long_one["line"] == 3);
  CHECK(json::parse(lines[3])["id"] == json::parse(cases[3])["id"]);  // the last line, without a newline
  // Exactly at the limit, a line is read, with LF or CRLF.
  r.max_line_bytes = second.size();
  std::istringstream again(input);
  std::ostringstream out2;
  CHECK(run_batch(again, out2, {}, r).errors == 1);
  std::istringstream crlf(second + "\r\n" + second + "\n");
  std::ostringstream out3;
  CHECK(run_batch(crlf, out3, {}, r).errors == 0);
}
