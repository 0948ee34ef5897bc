// Where the time of one household goes: parse and validate, check, plan, and write
// the result, averaged over the cases of a JSON Lines file (the bundled 52 by default).
//
//   bf_stages data/examples/huimin-52.jsonl [ROUNDS]
#include <barrierfree/barrierfree.hpp>

#include <chrono>
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
  double parse = 0, check = 0, check_json = 0, plan_parse = 0, plan = 0, plan_json = 0, bytes_in = 0, bytes_out = 0;
  std::size_t n = 0;
  // The check path and the plan path are timed in separate passes, as the batch runs
  // one or the other: interleaved, the plan's larger working set cooled the caches
  // for the check and made parsing look half as fast again as it is in a batch.
  for (int r = 0; r < rounds; ++r)
    for (const std::string& line : lines) {
      const auto t0 = clock::now();
      const barrierfree::Case c = barrierfree::parse_case(line);
      const auto t1 = clock::now();
      const barrierfree::CheckResult result = barrierfree::check(c);
      const auto t2 = clock::now();
      const std::string checked = barrierfree::to_json_text(result);  // what the batch writes
      const auto t3 = clock::now();
      parse += us(t1 - t0);
      check += us(t2 - t1);
      check_json += us(t3 - t2);
      bytes_in += static_cast<double>(line.size());
      bytes_out += static_cast<double>(checked.size());
      ++n;
    }
  for (int r = 0; r < rounds; ++r)
    for (const std::string& line : lines) {
      const auto t0 = clock::now();
      const barrierfree::Case c = barrierfree::parse_case(line);
      const auto t1 = clock::now();
      const barrierfree::PlanResult planned = barrierfree::plan(c);
      const auto t2 = clock::now();
      const std::string plan_text = barrierfree::to_json(planned).dump();
      const auto t3 = clock::now();
      plan_parse += us(t1 - t0);
      plan += us(t2 - t1);
      plan_json += us(t3 - t2);
    }
  const double k = static_cast<double>(n);
  std::cout << std::fixed << std::setprecision(1) << "cases: " << lines.size() << " x " << rounds << " rounds; mean input "
            << bytes_in / k / 1024 << " KiB, check result " << bytes_out / k / 1024 << " KiB\n"
            << "per case (microseconds, one thread), the check path then the plan path:\n"
            << "  parse + validate   " << std::setw(9) << parse / k << '\n'
            << "  check              " << std::setw(9) << check / k << '\n'
            << "  check to JSON text " << std::setw(9) << check_json / k << '\n'
            << "  = check, in to out " << std::setw(9) << (parse + check + check_json) / k << "  ("
            << std::setprecision(0) << 1e6 / ((parse + check + check_json) / k) << " cases/s)\n"
            << std::setprecision(1) << "  parse + validate   " << std::setw(9) << plan_parse / k << '\n'
            << "  plan               " << std::setw(9) << plan / k << '\n'
            << "  plan to JSON text  " << std::setw(9) << plan_json / k << '\n'
            << "  = plan, in to out  " << std::setw(9) << (plan_parse + plan + plan_json) / k << "  ("
            << std::setprecision(0) << 1e6 / ((plan_parse + plan + plan_json) / k) << " cases/s)\n";
  return 0;
}
