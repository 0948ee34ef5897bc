#include <barrierfree/errors.hpp>
#include <barrierfree/model/case.hpp>

namespace barrierfree {

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  for (const T& t : items)
    if (t.id == id) return &t;
  return nullptr;
}

std::string summary(const std::vector<Error>& errors) {
  if (errors.empty()) return "invalid input";
  std::string s = to_string(errors.front());
  if (errors.size() > 1) s += " (and " + std::to_string(errors.size() - 1) + " more)";
  return s;
}
}  // namespace

const Room* Case::find_room(std::string_view id) const { return find_by_id(rooms, id); }
const Door* Case::find_door(std::string_view id) const { return find_by_id(doors, id); }
const Fixture* Case::find_fixture(std::string_view id) const { return find_by_id(fixtures, id); }
const Step* Case::find_step(std::string_view id) const { return find_by_id(steps, id); }

std::string to_string(const Error& e) {
  std::string s = "[" + e.code + "] ";
  if (!e.path.empty()) s += e.path + ": ";
  return s + e.message;
}

InputError::InputError(std::vector<Error> errors)
    : std::runtime_error(summary(errors)), errors_(std::move(errors)) {}

}  // namespace barrierfree
