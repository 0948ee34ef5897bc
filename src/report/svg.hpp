// Internal: a small SVG and HTML writer. Numbers are written with at most two
// decimals, so the same drawing is the same bytes on every machine.
#pragma once

#include <barrierfree/geometry/types.hpp>

#include "rules/format.hpp"

#include <string>
#include <string_view>

namespace barrierfree::report {

/// A number for an attribute: at most two decimals, no trailing zeros.
inline std::string num(double v) { return rules::number_text(v, 2); }
/// A quantity of a bill, to the thousandth it is priced at (2.475 m², not 2.48).
inline std::string quantity_text(double v) { return rules::number_text(v, 3); }

/// Text for XML content and attributes.
inline std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += ch;
    }
  return out;
}

/// Approximate width of text in em: CJK characters are one em, others about half.
inline double text_em(std::string_view text) {
  double w = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto ch = static_cast<unsigned char>(text[i]);
    const std::size_t len = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
    w += len >= 3 ? 1.0 : (ch == ' ' || ch == 'i' || ch == 'l' || ch == '.' || ch == ',') ? 0.3 : 0.56;
    i += len;
  }
  return w;
}

/// Split text into lines at most `width_em` wide, at spaces or between CJK characters.
std::vector<std::string> wrap(std::string_view text, double width_em);

}  // namespace barrierfree::report
