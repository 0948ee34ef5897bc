#include "cli/cli.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace barrierfree::cli {

Args::Args(std::vector<std::string> args) {
  const auto dashes = std::find(args.begin(), args.end(), "--");
  if (dashes != args.end()) after_dashes_.assign(dashes + 1, args.end());
  args_.assign(args.begin(), dashes);
}

std::vector<std::string> Args::remaining() const {
  std::vector<std::string> out = args_;
  if (!after_dashes_.empty()) {
    out.emplace_back("--");
    out.insert(out.end(), after_dashes_.begin(), after_dashes_.end());
  }
  return out;
}

bool Args::flag(std::string_view name) {
  // A flag given twice means what it means once; only an option's two values are ambiguous.
  const auto given = std::remove(args_.begin(), args_.end(), name);
  const bool found = given != args_.end();
  args_.erase(given, args_.end());
  if (found) consumed_.emplace_back(name);  // not when absent: "--quiet=1" is then unknown, not repeated
  return found;
}

std::string Args::option(std::string_view name, std::string_view short_name) {
  std::string value = find_option(name, short_name);
  // No option means anything when empty ("--budget ''" is a slip, not "no budget").
  if (value_given_ && value.empty()) throw UsageError{"option " + std::string(name) + " needs a value (it is empty)"};
  return value;
}

std::string Args::find_option(std::string_view name, std::string_view short_name) {
  consumed_.emplace_back(name);
  if (!short_name.empty()) consumed_.emplace_back(short_name);
  value_given_ = true;
  for (auto it = args_.begin(); it != args_.end(); ++it) {
    const std::string& a = *it;
    if (a == name || (!short_name.empty() && a == short_name)) {
      if (it + 1 == args_.end()) throw UsageError{"option " + a + " needs a value"};
      std::string value = *(it + 1);
      args_.erase(it, it + 2);
      return value;
    }
    const std::string prefix = std::string(name) + "=";
    // "-j4" as well as "-j 4", as people type it.
    const bool glued = short_name.size() == 2 && a.size() > 2 && a.rfind(short_name, 0) == 0;
    if (glued) {
      std::string value = a.substr(2);
      args_.erase(it);
      return value;
    }
    if (a.rfind(prefix, 0) == 0) {
      std::string value = a.substr(prefix.size());
      args_.erase(it);
      return value;
    }
  }
  value_given_ = false;
  return {};
}

std::vector<std::string> Args::positional() {
  for (const std::string& a : args_) {
    if (a.size() < 2 || a[0] != '-') continue;
    // Read once already ("-j 2 -j 4", "--plan --plan", "--budget=1 --budget 2"): which was meant?
    const std::string name = a.rfind("--", 0) == 0 ? a.substr(0, a.find('=')) : a.substr(0, 2);
    if (std::find(consumed_.begin(), consumed_.end(), name) != consumed_.end())
      throw UsageError{"option " + name + " is given more than once"};
    throw UsageError{"unknown option " + a};
  }
  std::vector<std::string> out = args_;
  out.insert(out.end(), after_dashes_.begin(), after_dashes_.end());
  return out;
}

std::string language_option(Args& args, std::string_view fallback) {
  const std::string lang = args.option("--lang");
  if (lang.empty()) return std::string(fallback);
  if (lang != "en" && lang != "zh")
    throw UsageError{fallback == "zh" ? "--lang must be zh or en" : "--lang must be en or zh"};
  return lang;
}

std::optional<double> decimal_number(std::string_view text) {
  const bool plain = !text.empty() && (std::isdigit(static_cast<unsigned char>(text.front())) || text.front() == '.') &&
                     text.find_first_not_of("0123456789.eE+-") == std::string_view::npos;
  if (!plain) return std::nullopt;
  const std::string s(text);
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace barrierfree::cli
