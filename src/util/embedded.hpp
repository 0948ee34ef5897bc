// The data files compiled into the library (rulesets, messages, catalogue).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace barrierfree::util {

struct EmbeddedFile {
  std::string_view name;  ///< relative to data/, e.g. "rules/gb50763-2012.json"
  std::string_view text;
};

const std::vector<EmbeddedFile>& embedded_files();

/// The embedded file with this name; throws std::out_of_range if there is none.
std::string_view embedded_file(std::string_view name);

}  // namespace barrierfree::util
