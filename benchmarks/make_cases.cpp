// Writes N households to standard output, one per line, for the batch benchmark: the
// households of a template file (by default the bundled 52) in turn, each with a
// unique id ("B-0000001") so that no two lines are the same case. Streams: memory
// does not depend on N.
//
//   bf_make_cases 1000000 data/examples/huimin-52.jsonl | barrierfree batch - …
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bf_make_cases N TEMPLATES.jsonl\n";
    return 2;
  }
  const long long n = std::atoll(argv[1]);
  std::ifstream in(argv[2]);
  // Each template with its id replaced by a marker, split around it.
  std::vector<std::pair<std::string, std::string>> templates;
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::ordered_json::parse(line);
    constexpr const char* marker = "\"@@barrierfree-id@@\"";
    j["id"] = "@@barrierfree-id@@";
    const std::string text = j.dump();
    const auto at = text.find(marker);
    templates.emplace_back(text.substr(0, at), text.substr(at + std::string(marker).size()));
  }
  if (templates.empty()) {
    std::cerr << "bf_make_cases: no templates in " << argv[2] << '\n';
    return 2;
  }
  std::ios::sync_with_stdio(false);
  char id[32];
  for (long long i = 0; i < n; ++i) {
    const auto& [head, tail] = templates[static_cast<std::size_t>(i) % templates.size()];
    std::snprintf(id, sizeof id, "\"B-%07lld\"", i + 1);
    std::cout << head << id << tail << '\n';
  }
  return 0;
}
