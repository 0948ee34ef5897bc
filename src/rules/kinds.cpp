#include <barrierfree/rules/kinds.hpp>

#include <algorithm>
#include <array>
#include <unordered_map>

namespace barrierfree {

namespace {
constexpr std::array<std::string_view, 34> checks = {
    "building.access", "door.clear_width", "door.threshold", "door.handle", "door.latch_side",
    "door.turning_space", "route.reachable", "route.clear_width", "route.step", "ramp.slope",
    "ramp.width", "ramp.landing", "ramp.handrail", "turning_space", "room.area", "toilet.type",
    "toilet.seat_height", "toilet.transfer_space", "toilet.grab_bars", "grab_bar.height",
    "grab_bar.position", "shower.curb", "shower.seat", "shower.grab_bars", "bathtub.access",
    "basin.height", "counter.height", "bed.side_space", "control.height", "floor.slip",
    "alert.visual", "alert.voice", "safety.gas", "safety.call"};

constexpr std::array<std::string_view, 29> remedies = {
    "door.widen", "door.sliding", "door.remove_leaf", "threshold.remove", "threshold.ramp",
    "door.lever_handle", "ramp.build", "floor.raise", "ramp.rebuild", "handrail.install", "stair_climber",
    "toilet.seated", "toilet.commode_chair", "toilet.raised_seat", "grab_bar.install", "shower.seat",
    "shower.level_entry", "bathtub.to_shower", "basin.accessible", "counter.lower", "furniture.move",
    "bathroom.enlarge", "control.relocate", "floor.anti_slip", "doorbell.visual", "alarm.visual",
    "doorbell.voice", "alarm.gas", "call.install"};
}  // namespace

std::span<const std::string_view> check_kinds() { return checks; }
std::span<const std::string_view> remedy_kinds() { return remedies; }

bool is_check_kind(std::string_view name) {
  return std::find(checks.begin(), checks.end(), name) != checks.end();
}

bool is_remedy_kind(std::string_view name) {
  return std::find(remedies.begin(), remedies.end(), name) != remedies.end();
}

std::size_t check_kind_rank(std::string_view name) {
  // Asked for every rule and finding of every case: an index rather than a search.
  static const std::unordered_map<std::string_view, std::size_t> rank = [] {
    std::unordered_map<std::string_view, std::size_t> m;
    for (std::size_t i = 0; i < checks.size(); ++i) m.emplace(checks[i], i);
    return m;
  }();
  const auto it = rank.find(name);
  return it == rank.end() ? checks.size() : it->second;
}

}  // namespace barrierfree
