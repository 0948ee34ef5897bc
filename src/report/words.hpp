// Internal: the words of drawings and reports in English and Chinese.
#pragma once

#include <barrierfree/model/case.hpp>
#include <barrierfree/rules/ruleset.hpp>

#include <string>
#include <string_view>

namespace barrierfree::report {

/// A label by key ("title.report", "mobility.cane", "fixture.toilet", …); the key itself when unknown.
const Text& word(std::string_view key);
/// The word of a key, or nullptr when there is none.
const Text* find_word(std::string_view key);
/// The word in one language ("zh" or anything else for English).
std::string say(std::string_view key, std::string_view lang);
inline std::string pick(const Text& t, std::string_view lang) { return lang == "zh" ? t.zh : t.en; }

/// A short label for a fixture on a drawing ("蹲便", "WC").
std::string fixture_label(const Fixture& f, std::string_view lang);
/// A room's display name: its `name` in Chinese drawings, else its id.
std::string room_label(const Room& r, std::string_view lang);
/// An element in words: a room by its name, the home and the building, other elements by id.
std::string element_label(const Case& c, const std::string& id, std::string_view lang);
/// "肢体一级" / "physical, grade 1".
std::string disability_text(const Disability& d, std::string_view lang);
/// Money with thousands separators and two decimals: "3,515.38".
std::string money_text(double v);

}  // namespace barrierfree::report
