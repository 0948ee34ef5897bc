// The derivation table of docs/occupants.md, in code.
#include <barrierfree/rules/occupants.hpp>

#include <algorithm>
#include <array>

namespace barrierfree {

namespace {

constexpr std::array<std::string_view, 13> tag_names = {
    "wheelchair", "walker", "walking_aid", "mobility_aid", "bedbound", "severe", "severe_physical",
    "physical", "visual", "hearing", "speech", "intellectual", "mental"};

std::vector<std::string_view> all_needs() {
  std::vector<std::string_view> out(tag_names.begin(), tag_names.end());
  for (auto l : enum_names<Limitation>()) out.push_back(l);
  return out;
}

void add(std::vector<Limitation>& v, Limitation l) {
  if (std::find(v.begin(), v.end(), l) == v.end()) v.push_back(l);
}

/// A cane in the hand of someone blind or partly sighted, with no physical disability, is a long
/// (white) cane for finding the way, not a support: it says nothing of balance.
bool white_cane(const Occupant& o) {
  if (o.mobility_or_none() != Mobility::cane) return false;
  bool visual = false;
  for (const Disability& d : o.disabilities) {
    if (d.category == DisabilityCategory::physical) return false;
    visual |= d.category == DisabilityCategory::visual;
  }
  return visual;
}

}  // namespace

std::vector<Limitation> limitations_of(const Occupant& o) {
  if (o.limitations) return *o.limitations;
  std::vector<Limitation> out;
  for (const Disability& d : o.disabilities) {
    switch (d.category) {
      case DisabilityCategory::visual:
        add(out, d.grade <= 2 ? Limitation::blind : Limitation::low_vision);
        break;
      case DisabilityCategory::hearing:
        add(out, d.grade <= 2 ? Limitation::deaf : Limitation::hard_of_hearing);
        break;
      case DisabilityCategory::intellectual:
      case DisabilityCategory::mental:
        add(out, Limitation::cognitive);
        break;
      case DisabilityCategory::physical:
        if (o.mobility_or_none() == Mobility::bedbound) break;  // below: they do not stand
        if (d.grade <= 2) {
          add(out, Limitation::poor_balance);
          add(out, Limitation::limited_stamina);
          add(out, Limitation::reduced_bending);
        } else if (d.grade == 3) {
          add(out, Limitation::poor_balance);
        }
        break;
      case DisabilityCategory::speech: break;
    }
  }
  switch (o.mobility_or_none()) {
    case Mobility::cane:
      if (!white_cane(o)) add(out, Limitation::poor_balance);
      break;
    case Mobility::crutches:
    case Mobility::walker: add(out, Limitation::poor_balance); break;
    case Mobility::manual_wheelchair:
    case Mobility::power_wheelchair:
      add(out, Limitation::reduced_reach);
      add(out, Limitation::reduced_bending);
      break;
    case Mobility::bedbound:
      // Someone who does not get up uses no toilet, shower or stove: the standing checks (bars,
      // seats, slip, heights) are not theirs, whatever the disability's grade, and no limitation
      // is derived (limited_stamina asked for a shower seat). The call button is (safety.call
      // names bedbound); a carer's own limitations are the carer's.
      break;
    case Mobility::none: break;
  }
  std::sort(out.begin(), out.end());
  return out;
}

Profile profile(const Occupant& o) {
  Profile p;
  p.occupant = o.id;
  p.limitations_derived = !o.limitations.has_value();
  const Mobility m = o.mobility_or_none();
  if (m == Mobility::manual_wheelchair || m == Mobility::power_wheelchair) p.needs.insert("wheelchair");
  if (m == Mobility::walker) p.needs.insert("walker");
  if ((m == Mobility::cane && !white_cane(o)) || m == Mobility::crutches || m == Mobility::walker) p.needs.insert("walking_aid");
  if (m != Mobility::none && m != Mobility::bedbound) p.needs.insert("mobility_aid");
  if (m == Mobility::bedbound) p.needs.insert("bedbound");
  for (const Disability& d : o.disabilities) {
    p.needs.insert(std::string(to_string(d.category)));
    if (d.grade <= 2) {
      p.needs.insert("severe");
      // A severe physical disability asks for a seated toilet; one who does not get up uses none.
      if (d.category == DisabilityCategory::physical && m != Mobility::bedbound) p.needs.insert("severe_physical");
    }
  }
  for (Limitation l : limitations_of(o)) p.needs.insert(std::string(to_string(l)));
  return p;
}

std::span<const std::string_view> need_names() {
  static const std::vector<std::string_view> names = all_needs();
  return names;
}

bool is_need(std::string_view name) {
  const auto n = need_names();
  return std::find(n.begin(), n.end(), name) != n.end();
}

}  // namespace barrierfree
