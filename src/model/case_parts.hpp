// Internal: what the case reader hands to the validator.
#pragma once

#include <barrierfree/model/case.hpp>

#include "io/json_reader.hpp"

#include <vector>

namespace barrierfree::model {

/// Which elements were read completely. Elements with a missing or malformed
/// required field are kept (so references to them still resolve) but are left
/// out of geometric validation, which would only report follow-on errors.
struct Completeness {
  std::vector<bool> rooms, doors, fixtures, grab_bars, steps, ramps, devices;
  /// False when "rooms" is present but not a list: references to rooms are then not checked.
  bool rooms_listed = true;
};

/// Cross-references, ids and geometry of a structurally read case.
void validate_case(const Case& c, const Completeness& complete, io::JsonReader& reader);

}  // namespace barrierfree::model
