// Name tables for the case format's enumerations. Not API: use to_string and
// parse_enum from model/enums.hpp.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace barrierfree::detail {

/// Specialised for every enumeration of the case format: `names[i]` is the
/// JSON spelling of the enumerator with value i.
template <class E>
struct EnumNames;

}  // namespace barrierfree::detail
