// building.access: can the flat be reached from the street?
#include "rules/engine.hpp"

namespace barrierfree::rules {

namespace {

void building_access(Context& ctx, const Rule& rule) {
  const std::optional<Building>& b = ctx.c.building;
  const Param* causes = rule.param("cause");
  const std::vector<std::string> all{"no_lift", "entrance_steps"};
  const bool climber = b && b->stair_climber.value_or(false);
  for (const std::string& cause : causes ? causes->names : all) {
    Report r;
    r.element = "building";
    if (cause == "no_lift") {
      if (!b || !b->storey) {
        r.status = Status::insufficient_data;
        r.missing = {"/building/storey"};
      } else if (*b->storey == 1 || climber) {
        continue;
      } else if (!b->lift) {
        r.status = Status::insufficient_data;
        r.missing = {"/building/lift"};
      } else if (*b->lift) {
        continue;
      } else {
        r.measured = *b->storey;
        r.unit = "storey";
        r.required = {{"storey", 1}, {"or_lift", true}};
        const std::string st = std::to_string(*b->storey);
        r.vars["cause"] = {"storey " + st + " without a lift", "位于" + st + "层且无电梯"};
        r.vars["required"] = {"the ground storey or a lift", "位于首层或设电梯"};
        r.detail = {{"cause", "no_lift"}, {"storey", *b->storey}};
        if (b->entrance_steps && b->entrance_steps->count > 0 && !b->entrance_steps->ramp.value_or(false))
          r.detail["entrance_steps"] = b->entrance_steps->count;  // climbed before the stairs
      }
    } else if (cause == "entrance_steps") {
      if (!b || !b->entrance_steps) {
        r.status = Status::insufficient_data;
        r.missing = {"/building/entrance_steps"};
      } else if (b->entrance_steps->count == 0 || b->entrance_steps->ramp.value_or(false) || climber) {
        continue;
      } else if (b->storey && *b->storey > 1 && b->lift == false) {
        // Above the ground storey with no lift, the stairs are the barrier (no_lift): a ramp
        // over the entrance steps alone would reach only the foot of them.
        continue;
      } else {
        const EntranceSteps& s = *b->entrance_steps;
        const std::string n = std::to_string(s.count);
        if (s.rise) {
          r.measured = round_mm(s.count * s.rise->mm());
          r.unit = "mm";
        } else {
          r.measured = s.count;
          r.unit = "count";
        }
        r.required = {{"max", 0}};
        r.vars["cause"] = {n + " step(s) at the building entrance without a ramp", "楼栋入口有" + n + "级台阶且无坡道"};
        r.detail = {{"cause", "entrance_steps"}, {"count", s.count}};
      }
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

}  // namespace

void register_building_checks(std::map<std::string, CheckFunction>& m) { m["building.access"] = building_access; }

}  // namespace barrierfree::rules
