// Internal: a small SVG and HTML writer. Numbers are written with at most two
// decimals, so the same drawing is the same bytes on every machine.
#pragma once

#include <barrierfree/geometry/types.hpp>

#include <cstdio>
#include <string>
#include <string_view>

namespace barrierfree::report {

/// A number for an attribute: at most two decimals, no trailing zeros.
inline std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", std::abs(v) < 0.005 ? 0.0 : v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

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
