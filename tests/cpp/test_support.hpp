// Helpers shared by the Catch2 tests.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace test {

inline std::filesystem::path source_dir() { return BARRIERFREE_SOURCE_DIR; }

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Files in `dir` whose names end with `suffix`, sorted; fails loudly (throws)
/// on an empty corpus so that a moved directory cannot pass silently.
inline std::vector<std::filesystem::path> files(const std::filesystem::path& dir,
                                                const std::string& suffix,
                                                const std::string& exclude = "") {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
        (exclude.empty() || name.find(exclude) == std::string::npos))
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  if (out.empty()) throw std::runtime_error("no *" + suffix + " files in " + dir.string());
  return out;
}

/// The bundled example households (data/examples/*.json).
inline std::vector<std::filesystem::path> example_cases() {
  return files(source_dir() / "data" / "examples", ".json");
}

}  // namespace test
