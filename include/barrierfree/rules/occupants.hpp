// Who needs what: the needs of each occupant, which decide which rules apply.
//
// A need is a tag: a mobility tag (wheelchair, walker, walking_aid,
// mobility_aid, bedbound), a grade tag (severe, severe_physical), a disability
// category (physical, visual, …) or a functional limitation of the Housing
// Enabler's profile (blind, deaf, poor_balance, …). Limitations an occupant's
// record does not give are derived from category, grade and mobility by the
// table in docs/occupants.md.
#pragma once

#include <barrierfree/model/case.hpp>

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace barrierfree {

struct Profile {
  std::string occupant;
  std::set<std::string> needs;
  bool limitations_derived = false;  ///< true when the case gave no limitations
};

/// The functional limitations of an occupant: as given, or derived.
std::vector<Limitation> limitations_of(const Occupant& o);

/// All needs of an occupant.
Profile profile(const Occupant& o);

/// Every need name a ruleset may use in `applies`.
std::span<const std::string_view> need_names();
bool is_need(std::string_view name);

}  // namespace barrierfree
