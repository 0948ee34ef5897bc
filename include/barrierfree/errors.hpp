// Errors in input people can act on.
//
// barrierfree has three channels for things that go wrong:
//  1. bad input (a case, a ruleset, a catalogue) -> an Error with a stable id
//     and the JSON pointer of the bad field; the functions that throw throw
//     InputError carrying all of them (every error of the input, not only the
//     first);
//  2. geometry validation -> codes (geometry::RingProblem), turned into Errors
//     by the case validator;
//  3. barriers found in a home -> findings, which are data, never exceptions.
// docs/errors.md lists every id.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace barrierfree {

/// One problem with an input, e.g.
/// `[case.104] /doors/2/rooms/1: unknown room "bahtroom" (did you mean "bathroom"?)`.
struct Error {
  std::string code;     ///< stable id, e.g. "case.104"
  std::string path;     ///< JSON pointer of the bad field ("" = the whole document)
  std::string message;  ///< one sentence for a person
  int line = 0;         ///< line of a JSON Lines file, or of invalid JSON; 0 = not known

  friend bool operator==(const Error&, const Error&) = default;
};

/// `[code] path: message`, or `[code] message` when the path is empty.
std::string to_string(const Error& error);

/// Thrown when an input cannot be used; carries every error found.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Error> errors);
  [[nodiscard]] const std::vector<Error>& errors() const noexcept { return errors_; }

 private:
  std::vector<Error> errors_;
};

/// A case that cannot be read or is not valid.
class CaseError : public InputError {
 public:
  using InputError::InputError;
};

/// The stable ids of case errors (docs/errors.md).
namespace errc {
inline constexpr const char* unreadable = "case.100";
inline constexpr const char* invalid_json = "case.101";
inline constexpr const char* missing_field = "case.102";
inline constexpr const char* wrong_type = "case.103";
inline constexpr const char* unknown_reference = "case.104";
inline constexpr const char* unknown_enum = "case.105";
inline constexpr const char* duplicate_id = "case.106";
inline constexpr const char* bad_number = "case.107";
inline constexpr const char* unsupported_format = "case.108";
inline constexpr const char* conflicting_fields = "case.109";
inline constexpr const char* invalid_value = "case.110";
inline constexpr const char* too_few_points = "case.201";
inline constexpr const char* self_intersecting = "case.202";
inline constexpr const char* zero_area = "case.203";
inline constexpr const char* rooms_overlap = "case.204";
inline constexpr const char* not_on_shared_wall = "case.205";
inline constexpr const char* fixture_outside_room = "case.206";
inline constexpr const char* grab_bar_outside_room = "case.207";
/// A valid case that could not be processed: a defect in barrierfree (the batch reports it and carries on).
inline constexpr const char* internal = "case.300";
/// Warning, not an error: a field this library does not know was ignored.
inline constexpr const char* unknown_field = "case.901";
/// Warning: a door is wider than the wall it stands in (a unit slip, the wrong wall).
inline constexpr const char* door_wider_than_wall = "case.902";
/// Warning (validate): a standard that is not built in; check and batch need its ruleset given.
inline constexpr const char* unknown_standard = "case.904";
/// Warning: in a plan with doors, a room that no door, step or ramp leads into (one left out?).
inline constexpr const char* room_without_door = "case.903";
/// Warning: a field given twice in one object; the last is used.
inline constexpr const char* duplicate_key = "case.905";
/// Warning (plans): the case's region has no price factors in the regions table: priced at the reference level.
inline constexpr const char* unpriced_region = "case.906";
}  // namespace errc

}  // namespace barrierfree
