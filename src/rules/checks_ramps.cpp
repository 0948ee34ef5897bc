// Ramps: slope (by the standard's table), width, landings and handrails.
#include "rules/engine.hpp"

#include <algorithm>
#include <cmath>

namespace barrierfree::rules {

namespace {

struct Row {
  double slope;     ///< rise / run
  double max_rise;  ///< mm
};

std::vector<Row> table_of(const Rule& rule) {
  std::vector<Row> rows;
  const Param* t = rule.param("table");
  if (!t) return rows;
  for (const auto& row : t->raw) {
    const std::string s = row["slope"].get<std::string>();
    const auto colon = s.find(':');
    const double slope = std::stod(s.substr(0, colon)) / std::stod(s.substr(colon + 1));
    double rise = row["max_rise"]["value"].get<double>();
    if (row["max_rise"]["unit"] == "in") rise *= 25.4;
    else if (row["max_rise"]["unit"] == "m") rise *= 1000;
    rows.push_back({slope, rise});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.slope < b.slope; });
  return rows;
}

// Equal within rounding: 750 / 9000 is 1:12 exactly, whatever the arithmetic.
bool at_most(double a, double b) { return a <= b * (1 + 1e-12); }

}  // namespace

std::optional<double> allowed_slope(const Rule& rule, double rise) {
  const std::vector<Row> rows = table_of(rule);
  if (rows.empty()) return std::nullopt;
  const bool interpolate = rule.param("interpolate") && rule.param("interpolate")->value != 0;
  if (!interpolate) {
    // The steepest row whose rise limit admits this rise.
    std::optional<double> best;
    for (const Row& r : rows)
      if (at_most(rise, r.max_rise)) best = best ? std::max(*best, r.slope) : r.slope;
    return best;
  }
  // Linear between rows: the maximum rise falls as the slope steepens.
  if (at_most(rise, rows.back().max_rise)) return rows.back().slope;
  for (std::size_t i = rows.size() - 1; i > 0; --i) {
    const Row& steep = rows[i];
    const Row& flat = rows[i - 1];
    if (at_most(rise, flat.max_rise)) {
      const double f = (flat.max_rise - rise) / (flat.max_rise - steep.max_rise);
      return flat.slope + f * (steep.slope - flat.slope);
    }
  }
  return std::nullopt;  // more than any run may rise
}

bool ramp_slope_ok(const Rule& rule, const Ramp& r) {
  if (r.length.mm() <= 0) return false;
  const auto allowed = allowed_slope(rule, r.rise.mm());
  return allowed && at_most(r.rise.mm() / r.length.mm(), *allowed);
}

namespace {

void slope(Context& ctx, const Rule& rule) {
  const std::string& unit = Context::display_unit(rule);
  for (const Ramp& ramp : ctx.c.ramps) {
    if (ramp_slope_ok(rule, ramp)) continue;
    const double s = ramp.rise.mm() / ramp.length.mm();
    const auto allowed = allowed_slope(rule, ramp.rise.mm());
    Report r;
    r.element = ramp.id;
    r.at = ramp.at;
    r.measured = s;
    r.unit = "ratio";
    r.vars["measured"] = slope_text(s);
    r.vars["rise"] = length_text(ramp.rise.mm(), unit);
    r.vars["length"] = length_text(ramp.length.mm(), unit);
    if (allowed) {
      r.required = {{"max", *allowed}};
      r.vars["required"] = {"at most " + slope_text(*allowed).en, "不陡于" + slope_text(*allowed).zh};
    } else {
      double most = 0;
      for (const Row& row : table_of(rule)) most = std::max(most, row.max_rise);
      r.required = {{"max_rise", most}};
      r.vars["required"] = {"no single run rising more than " + length_text(most, unit).en,
                            "每段坡道高差不超过" + length_text(most, unit).zh};
    }
    r.detail = {{"rise", ramp.rise.mm()}, {"length", ramp.length.mm()}};
    // Rows of the table with a grade of their own: the finding is no surer than the least sure.
    if (const Param* t = rule.param("table"))
      for (const auto& row : t->raw)
        if (row.contains("grade"))
          r.confidence = least_sure(r.confidence.value_or(rule.confidence), confidence_of_grade(row["grade"].get<std::string>()));
    ctx.report(rule, std::move(r));
  }
}

void width(Context& ctx, const Rule& rule) {
  const double min = rule.mm("min");
  const std::string& unit = Context::display_unit(rule);
  for (const Ramp& ramp : ctx.c.ramps) {
    Report r;
    r.element = ramp.id;
    r.at = ramp.at;
    if (!ramp.width) {
      r.status = Status::insufficient_data;
      r.missing = {pointer(ctx.c, ramp.id, "width")};
    } else if (ramp.width->mm() < min) {
      r.measured = ramp.width->mm();
      r.unit = "mm";
      r.required = {{"min", min}};
      r.vars["measured"] = length_text(ramp.width->mm(), unit);
      r.vars["required"] = at_least(length_text(min, unit));
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

void landing(Context& ctx, const Rule& rule) {
  const double min = rule.mm("min");
  const std::string& unit = Context::display_unit(rule);
  for (const Ramp& ramp : ctx.c.ramps) {
    Report r;
    r.element = ramp.id;
    r.at = ramp.at;
    if (!ramp.landing_top) r.missing.push_back(pointer(ctx.c, ramp.id, "landing_top"));
    if (!ramp.landing_bottom) r.missing.push_back(pointer(ctx.c, ramp.id, "landing_bottom"));
    double shortest = std::numeric_limits<double>::infinity();
    if (ramp.landing_top) shortest = std::min(shortest, ramp.landing_top->mm());
    if (ramp.landing_bottom) shortest = std::min(shortest, ramp.landing_bottom->mm());
    if (shortest < min) {
      r.missing.clear();
      r.measured = shortest;
      r.unit = "mm";
      r.required = {{"min", min}};
      r.vars["measured"] = length_text(shortest, unit);
      r.vars["required"] = at_least(length_text(min, unit));
    } else if (!r.missing.empty()) {
      r.status = Status::insufficient_data;
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

void handrail(Context& ctx, const Rule& rule) {
  const double rise_over = rule.mm("rise_over");
  const Param* slope_over = rule.param("slope_over");
  const int sides = static_cast<int>(rule.mm("sides", 2));
  const std::string& unit = Context::display_unit(rule);
  for (const Ramp& ramp : ctx.c.ramps) {
    const double s = ramp.rise.mm() / ramp.length.mm();
    if (ramp.rise.mm() <= rise_over || (slope_over && s <= slope_over->value)) continue;
    Report r;
    r.element = ramp.id;
    r.at = ramp.at;
    if (!ramp.handrails) {
      r.status = Status::insufficient_data;
      r.missing = {pointer(ctx.c, ramp.id, "handrails")};
    } else if (*ramp.handrails < sides) {
      r.measured = *ramp.handrails;
      r.unit = "count";
      r.required = {{"min", sides}};
      if (const Param* p = rule.param("sides"); p && p->confidence) r.confidence = p->confidence;  // "both sides": U in GB
      r.vars["measured"] = same(std::to_string(*ramp.handrails));
      r.vars["rise"] = length_text(ramp.rise.mm(), unit);
      r.vars["slope"] = slope_text(s);
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

}  // namespace

void register_ramp_checks(std::map<std::string, CheckFunction>& m) {
  m["ramp.slope"] = slope;
  m["ramp.width"] = width;
  m["ramp.landing"] = landing;
  m["ramp.handrail"] = handrail;
}

}  // namespace barrierfree::rules
