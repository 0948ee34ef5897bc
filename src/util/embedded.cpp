#include "util/embedded.hpp"

#include <stdexcept>
#include <string>

namespace barrierfree::util {

std::string_view embedded_file(std::string_view name) {
  for (const EmbeddedFile& f : embedded_files())
    if (f.name == name) return f.text;
  throw std::out_of_range("no embedded data file " + std::string(name));
}

}  // namespace barrierfree::util
