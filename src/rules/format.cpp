#include "rules/format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace barrierfree::rules {

std::string number_text(double v, int decimals) {
  // What printf's "%.*f" writes (both round the exact binary value), without a format string to parse.
  char buf[512];
  const auto written = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string s(buf, written.ec == std::errc() ? written.ptr : buf);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

double round_mm(double mm) { return std::round(mm); }
double report_mm(double mm) { return std::round(mm * 10) / 10; }

Text length_text(double mm, const std::string& display_unit) {
  // To the 0.1 mm lengths are reported to (whole millimetres print without decimals):
  // 1199.9 mm that fails 1200 mm must not read as 1200 mm.
  const std::string metric = number_text(mm, 1) + " mm";
  if (display_unit == "in") {
    const std::string s = number_text(mm / 25.4, 2) + " in (" + metric + ")";
    return {s, s};
  }
  return {metric, metric};
}

Text area_text(double m2) {
  // Two decimals, three when the third matters (13.996 m² is not 14.00 m²).
  char buf[32];
  const bool fine = std::abs(m2 * 100 - std::round(m2 * 100)) > 1e-9;
  std::snprintf(buf, sizeof buf, fine ? "%.3f m²" : "%.2f m²", m2);
  return {buf, buf};
}

Text slope_text(double ratio) {
  if (ratio <= 0) return {"level", "水平"};
  const std::string s = "1:" + number_text(1.0 / ratio, 1);
  return {s, s};
}

Text at_least(const Text& v) { return {"at least " + v.en, "不小于" + v.zh}; }
Text at_most(const Text& v) { return {"at most " + v.en, "不大于" + v.zh}; }

Text range_text(double lo_mm, double hi_mm, const std::string& display_unit) {
  if (display_unit == "in") {
    const std::string s = number_text(lo_mm / 25.4, 2) + "–" + number_text(hi_mm / 25.4, 2) + " in (" +
                          number_text(lo_mm, 0) + "–" + number_text(hi_mm, 0) + " mm)";
    return {s, s};
  }
  const std::string s = number_text(lo_mm, 0) + "–" + number_text(hi_mm, 0) + " mm";
  return {s, s};
}

std::string fill(const std::string& templ, const Vars& vars, bool zh) {
  std::string out;
  out.reserve(templ.size() + 48);
  const std::string_view t = templ;
  std::size_t done = 0;  // text before this is in `out`
  for (std::size_t at = t.find('{'); at != std::string_view::npos; at = t.find('{', at + 1)) {
    const std::size_t end = t.find('}', at);
    if (end == std::string_view::npos) break;
    const Text* value = vars.find(t.substr(at + 1, end - at - 1));
    if (!value) continue;
    out.append(t, done, at - done);
    out += zh ? value->zh : value->en;
    done = end + 1;
    at = end;
  }
  out.append(t, done);
  return out;
}

}  // namespace barrierfree::rules
