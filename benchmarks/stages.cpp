// Where the time of one household goes: parse and validate, check, plan, and write
// the result, averaged over the cases of a JSON Lines file (the bundled 52 by default).
//
//   bf_stages data/examples/huimin-52.jsonl [ROUNDS]
#include <barrierfree/barrierfree.hpp>

#include <chrono>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bf_stages CASES.jsonl [ROUNDS]\n";
    return 2;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<std::string> lines;
  std::ifstream in(argv[1]);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  using clock = std::chrono::steady_clock;
  auto us = [](clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); };
  // Parse, work, write: each stage's total over every case of every round.
  struct Path {
    double parse = 0, work = 0, write = 0;
  };
  double bytes_in = 0, bytes_out = 0;
  std::size_t n = 0;
  const auto time_path = [&](Path& t, auto&& work, auto&& write) {
    for (int r = 0; r < rounds; ++r)
      for (const std::string& line : lines) {
        const auto t0 = clock::now();
        const barrierfree::Case c = barrierfree::parse_case(line);
        const auto t1 = clock::now();
        const auto result = work(c);
        const auto t2 = clock::now();
        const std::string text = write(result);
        const auto t3 = clock::now();
        t.parse += us(t1 - t0);
        t.work += us(t2 - t1);
        t.write += us(t3 - t2);
        bytes_in += static_cast<double>(line.size());
        bytes_out += static_cast<double>(text.size());
        ++n;
      }
  };
  // The check path and the plan path are timed in separate passes, as the batch runs
  // one or the other: interleaved, the plan's larger working set cooled the caches
  // for the check and made parsing look half as fast again as it is in a batch.
  Path check, plan;
  time_path(
      check, [](const barrierfree::Case& c) { return barrierfree::check(c); },
      [](const barrierfree::CheckResult& r) { return barrierfree::to_json_text(r); });  // what the batch writes
  const double checked_in = bytes_in, checked_out = bytes_out;
  const std::size_t checked = n;
  time_path(
      plan, [](const barrierfree::Case& c) { return barrierfree::plan(c); },
      [](const barrierfree::PlanResult& r) { return barrierfree::to_json_text(r); });  // what the batch writes
  const double k = static_cast<double>(checked);
  std::cout << std::fixed << std::setprecision(1) << "cases: " << lines.size() << " x " << rounds << " rounds; mean input "
            << checked_in / k / 1024 << " KiB, check result " << checked_out / k / 1024 << " KiB\n"
            << "per case (microseconds, one thread), the check path then the plan path:\n";
  const auto print = [&](const Path& t, const char* work, const char* write, const char* total) {
    const auto row = [](const char* label) { return std::string("  ") + label + std::string(19 - std::strlen(label), ' '); };
    std::cout << std::setprecision(1) << row("parse + validate") << std::setw(9) << t.parse / k << '\n'
              << row(work) << std::setw(9) << t.work / k << '\n'
              << row(write) << std::setw(9) << t.write / k << '\n'
              << row(total) << std::setw(9) << (t.parse + t.work + t.write) / k << "  (" << std::setprecision(0)
              << 1e6 / ((t.parse + t.work + t.write) / k) << " cases/s)\n";
  };
  print(check, "check", "check to JSON text", "= check, in to out");
  print(plan, "plan", "plan to JSON text", "= plan, in to out");
  return 0;
}
