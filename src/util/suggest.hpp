// "Did you mean …?" for misspelt ids, enum values and field names.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace barrierfree::util {

/// Levenshtein distance between a and b.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, if it is close enough to be a likely typo
/// (at most a third of the word's length, and at least 1, edits away).
template <class Range>
std::string closest(std::string_view word, const Range& candidates) {
  std::string best;
  std::size_t best_d = static_cast<std::size_t>(-1);
  for (const auto& c : candidates) {
    const std::string_view cv(c);
    const std::size_t d = edit_distance(word, cv);
    if (d < best_d) {
      best_d = d;
      best = std::string(cv);
    }
  }
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  if (best_d == 0) return {};
  if (best_d <= limit) return best;
  // "wheelchair" for "manual_wheelchair": a word that is part of one candidate.
  if (word.size() >= 3) {
    std::string only;
    for (const auto& c : candidates)
      if (std::string_view(c).find(word) != std::string_view::npos) {
        if (!only.empty()) return {};
        only = std::string(std::string_view(c));
      }
    return only;
  }
  return {};
}

/// ` (did you mean "x"?)` or "" when nothing is close.
template <class Range>
std::string did_you_mean(std::string_view word, const Range& candidates) {
  const std::string c = closest(word, candidates);
  return c.empty() ? std::string() : " (did you mean \"" + c + "\"?)";
}

/// Escape one JSON Pointer reference token (RFC 6901: ~ -> ~0, / -> ~1).
std::string pointer_token(std::string_view key);

}  // namespace barrierfree::util
