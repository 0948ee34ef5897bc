// The enumerations of the case format (`barrierfree.case/1`) and their JSON
// spellings. The enumerators are declared in the same order as their names.
#pragma once

#include <barrierfree/detail/enum_names.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace barrierfree {

enum class DisabilityCategory { physical, visual, hearing, speech, intellectual, mental };
enum class Mobility { none, cane, crutches, walker, manual_wheelchair, power_wheelchair, bedbound };
/// Functional limitations after the Housing Enabler's personal profile.
enum class Limitation {
  cognitive, low_vision, blind, hard_of_hearing, deaf, poor_balance, incoordination,
  limited_stamina, limited_head_movement, reduced_reach, reduced_grip, reduced_upper_limb,
  reduced_bending, large_size
};
enum class RoomType {
  living, bedroom, kitchen, bathroom, toilet, dining, corridor, entrance_hall, balcony, storage, other
};
enum class DoorType { swing, sliding, folding, opening };
enum class HandleType { lever, knob, pull, none };
enum class FixtureType {
  toilet, basin, shower, bathtub, kitchen_counter, stove, sink, bed, wardrobe, table, sofa,
  washing_machine, other
};
enum class ToiletKind { squat, seated };
enum class Fuel { gas, electric };
enum class DeviceType { switch_, socket, doorbell, intercom, smoke_alarm, gas_alarm, call_button, light };
/// Which way a door's latch lies, seen facing the door from the room it swings
/// into (sliding and folding doors: from the first of its rooms). Extension.
enum class Side { left, right };

namespace detail {
#define BARRIERFREE_ENUM_NAMES(E, ...)                                        \
  template <>                                                                 \
  struct EnumNames<E> {                                                       \
    static constexpr std::string_view kind = #E;                              \
    static constexpr auto names = std::to_array<std::string_view>({__VA_ARGS__}); \
  }
BARRIERFREE_ENUM_NAMES(DisabilityCategory, "physical", "visual", "hearing", "speech", "intellectual", "mental");
BARRIERFREE_ENUM_NAMES(Mobility, "none", "cane", "crutches", "walker", "manual_wheelchair",
                       "power_wheelchair", "bedbound");
BARRIERFREE_ENUM_NAMES(Limitation, "cognitive", "low_vision", "blind", "hard_of_hearing", "deaf",
                       "poor_balance", "incoordination", "limited_stamina", "limited_head_movement",
                       "reduced_reach", "reduced_grip", "reduced_upper_limb", "reduced_bending",
                       "large_size");
BARRIERFREE_ENUM_NAMES(RoomType, "living", "bedroom", "kitchen", "bathroom", "toilet", "dining",
                       "corridor", "entrance_hall", "balcony", "storage", "other");
BARRIERFREE_ENUM_NAMES(DoorType, "swing", "sliding", "folding", "opening");
BARRIERFREE_ENUM_NAMES(HandleType, "lever", "knob", "pull", "none");
BARRIERFREE_ENUM_NAMES(FixtureType, "toilet", "basin", "shower", "bathtub", "kitchen_counter", "stove",
                       "sink", "bed", "wardrobe", "table", "sofa", "washing_machine", "other");
BARRIERFREE_ENUM_NAMES(ToiletKind, "squat", "seated");
BARRIERFREE_ENUM_NAMES(Fuel, "gas", "electric");
BARRIERFREE_ENUM_NAMES(DeviceType, "switch", "socket", "doorbell", "intercom", "smoke_alarm", "gas_alarm",
                       "call_button", "light");
BARRIERFREE_ENUM_NAMES(Side, "left", "right");
#undef BARRIERFREE_ENUM_NAMES
}  // namespace detail

/// The JSON spelling of an enumerator; empty for a value that names none (a
/// `static_cast` of another number in code), which read_case then refuses (case.105).
template <class E>
constexpr std::string_view to_string(E value) {
  const auto& names = detail::EnumNames<E>::names;
  const auto i = static_cast<std::size_t>(value);  // a negative value wraps past the end
  return i < names.size() ? names[i] : std::string_view();
}

/// All JSON spellings of an enumeration, in declaration order.
template <class E>
constexpr std::span<const std::string_view> enum_names() {
  return detail::EnumNames<E>::names;
}

/// The enumerator spelled `name`, if there is one.
template <class E>
constexpr std::optional<E> parse_enum(std::string_view name) {
  const auto& names = detail::EnumNames<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace barrierfree
