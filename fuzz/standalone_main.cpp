// A driver for compilers without libFuzzer (GCC): runs the fuzz target on every file
// given, and on seeded random mutations of them, so that `ctest -R fuzz` finds crashes
// without clang. With clang and BARRIERFREE_FUZZ=ON the real fuzzer is built instead.
//
//   fuzz_case_smoke [--mutations N] [--seed S] FILE|DIR…
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

/// The input being run, written to fuzz-crash.txt if it brings the program down.
std::string current;

void save_and_abort() {
  std::ofstream("fuzz-crash.txt", std::ios::binary) << current;
  std::cerr << "fuzz_case_smoke: crashed; the input is in fuzz-crash.txt\n";
  std::signal(SIGABRT, SIG_DFL);
  std::abort();
}

extern "C" void on_signal(int) { save_and_abort(); }

void run(const std::string& s) {
  current = s;
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// One small random change: a byte flipped, a digit changed, a piece cut, copied or a token inserted.
std::string mutate(std::string s, std::mt19937_64& rng) {
  static const std::vector<std::string> tokens = {"-1", "0", "1e309", "null", "\"\"", "[]", "{}", "NaN", "\"outside\"",
                                                  "[0,0]", "[[0,0],[0,0],[0,0]]", "true", "\"\\u0000\"", "99999999999"};
  if (s.empty()) return tokens[rng() % tokens.size()];
  const std::size_t at = rng() % s.size();
  switch (rng() % 6) {
    case 0: s[at] = static_cast<char>(rng() % 256); break;
    case 1:
      if (s[at] >= '0' && s[at] <= '9') s[at] = static_cast<char>('0' + rng() % 10);
      else s.insert(at, tokens[rng() % tokens.size()]);
      break;
    case 2: s.erase(at, std::min<std::size_t>(rng() % 40, s.size() - at)); break;
    case 3: s.insert(at, s.substr(rng() % s.size(), rng() % 60)); break;
    case 4: s.insert(at, tokens[rng() % tokens.size()]); break;
    default: {
      // Replace a number by a token: where most validation lives.
      std::size_t b = s.find_first_of("0123456789", at);
      if (b == std::string::npos) break;
      std::size_t e = s.find_first_not_of("0123456789.", b);
      s.replace(b, (e == std::string::npos ? s.size() : e) - b, tokens[rng() % tokens.size()]);
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  long mutations = 0;
  std::uint64_t seed = 1;
  std::vector<std::string> inputs;
  // A JSON Lines file gives one input per line; a .json file (pretty-printed) one, joined into a line.
  auto add = [&](const std::filesystem::path& p) {
    std::string text = read(p);
    if (p.extension() == ".json") {
      for (char& ch : text)
        if (ch == '\n' || ch == '\r') ch = ' ';
      inputs.push_back(text);
      return;
    }
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) inputs.push_back(line);
  };
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--mutations" && i + 1 < argc) mutations = std::atol(argv[++i]);
    else if (a == "--seed" && i + 1 < argc) seed = std::strtoull(argv[++i], nullptr, 10);
    else if (std::filesystem::is_directory(a)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(a))
        if (e.is_regular_file()) add(e.path());
    } else {
      add(a);
    }
  }
  if (inputs.empty()) {
    std::cerr << "usage: fuzz_case_smoke [--mutations N] [--seed S] FILE|DIR…\n";
    return 2;
  }
  std::mt19937_64 rng(seed);
  std::size_t runs = 0;
  std::set_terminate(save_and_abort);
  std::signal(SIGSEGV, on_signal);
  std::signal(SIGABRT, on_signal);
  for (const std::string& s : inputs) {
    run(s);
    ++runs;
  }
  for (long m = 0; m < mutations; ++m) {
    std::string s = inputs[rng() % inputs.size()];
    const int changes = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < changes; ++k) s = mutate(std::move(s), rng);
    run(s);
    ++runs;
  }
  std::cout << "fuzz_case_smoke: " << runs << " inputs, no crash\n";
  return 0;
}
