// The names of check kinds and remedies (../shared/spec/check-kinds.md).
// Tests, reports, the Python API and people's spreadsheets key on them.
#pragma once

#include <span>
#include <string_view>

namespace barrierfree {

/// Every check kind, in the order of check-kinds.md (also the order of findings).
std::span<const std::string_view> check_kinds();
/// Every remedy, in the order of check-kinds.md.
std::span<const std::string_view> remedy_kinds();

bool is_check_kind(std::string_view name);
bool is_remedy_kind(std::string_view name);
/// Position of a check kind in check_kinds(), or check_kinds().size() if unknown.
std::size_t check_kind_rank(std::string_view name);

}  // namespace barrierfree
