// Devices: control heights, alerts that deaf and blind occupants can perceive,
// gas safety and emergency call.
#include "rules/engine.hpp"

#include <algorithm>
#include <set>

namespace barrierfree::rules {

namespace {

Text device_kind(DeviceType t) {
  switch (t) {
    case DeviceType::switch_: return {"switch", "开关"};
    case DeviceType::socket: return {"socket", "插座"};
    case DeviceType::doorbell: return {"doorbell", "门铃"};
    case DeviceType::intercom: return {"intercom", "对讲机"};
    case DeviceType::smoke_alarm: return {"smoke alarm", "烟雾报警器"};
    case DeviceType::gas_alarm: return {"gas alarm", "燃气报警器"};
    case DeviceType::call_button: return {"call button", "呼叫按钮"};
    case DeviceType::light: return {"light", "灯"};
  }
  return {"device", "装置"};
}

std::vector<const Device*> devices_sorted(const Context& ctx) {
  std::vector<const Device*> out;
  for (const Device& d : ctx.c.devices) out.push_back(&d);
  std::sort(out.begin(), out.end(), [](const Device* a, const Device* b) { return a->id < b->id; });
  return out;
}

void control_height(Context& ctx, const Rule& rule) {
  const Param* types = rule.param("devices");
  const double lo = rule.mm("min", 0), hi = rule.mm("max", 1e9);
  const std::string& unit = Context::display_unit(rule);
  for (const Device& d : ctx.c.devices) {
    if (!listed(types, to_string(d.type))) continue;
    Report r;
    r.element = d.id;
    r.room = d.room;
    r.vars["kind"] = device_kind(d.type);
    if (!d.height) {
      r.status = Status::insufficient_data;
      r.missing = {pointer(ctx.c, d.id, "height")};
    } else if (d.height->mm() < lo || d.height->mm() > hi) {
      r.measured = d.height->mm();
      r.unit = "mm";
      r.required = {{"min", lo}, {"max", hi}};
      r.vars["measured"] = length_text(d.height->mm(), unit);
      r.vars["required"] = range_text(lo, hi, unit);
    } else {
      continue;
    }
    ctx.report(rule, std::move(r));
  }
}

/// alert.visual and alert.voice: some device of the kinds named gives the signal.
void alert(Context& ctx, const Rule& rule, std::optional<bool> Device::*signal, const Text& what_signal) {
  const Param* types = rule.param("device");
  std::vector<const Device*> candidates;
  for (const Device* d : devices_sorted(ctx))
    if (listed(types, to_string(d->type))) candidates.push_back(d);
  std::vector<std::string> unknown;
  for (const Device* d : candidates) {
    if ((d->*signal).value_or(false)) return;
    if (!(d->*signal)) unknown.push_back(pointer(ctx.c, d->id, what_signal.en));
  }
  Report r;
  r.element = "home";
  if (!unknown.empty()) {
    r.status = Status::insufficient_data;
    r.missing = unknown;
  } else {
    r.measured = false;
    r.unit = "";
    r.required = {{what_signal.en, true}};
    const Text kind = types && !types->names.empty()
                          ? device_kind(parse_enum<DeviceType>(types->names.front()).value_or(DeviceType::doorbell))
                          : Text{"device", "装置"};
    if (candidates.empty()) {
      r.vars["problem"] = {"There is no " + kind.en + " with a " + what_signal.en + " signal",
                           "没有带" + what_signal.zh + "的" + kind.zh};
    } else {
      // The check is home-wide (check-kinds.md); the device is named in the message and detail.
      const Device& d = *candidates.front();
      r.room = d.room;
      r.vars["problem"] = {"The " + device_kind(d.type).en + " " + d.id + " has no " + what_signal.en + " signal",
                           device_kind(d.type).zh + d.id + "不带" + what_signal.zh};
    }
    std::vector<std::string> ids;
    for (const Device* d : candidates) ids.push_back(d->id);
    r.detail = {{"devices", ids}};
  }
  ctx.report(rule, std::move(r));
}

void alert_visual(Context& ctx, const Rule& rule) { alert(ctx, rule, &Device::visual, {"visual", "闪光提示"}); }
void alert_voice(Context& ctx, const Rule& rule) { alert(ctx, rule, &Device::voice, {"voice", "语音提示"}); }

void safety_gas(Context& ctx, const Rule& rule) {
  bool gas = false;
  std::vector<std::string> unknown;
  for (const Fixture& f : ctx.c.fixtures) {
    if (f.type != FixtureType::stove) continue;
    if (!f.fuel) unknown.push_back(pointer(ctx.c, f.id, "fuel"));
    else if (*f.fuel == Fuel::gas) gas = true;
  }
  if (!gas && unknown.empty()) return;
  const bool need_shutoff = !rule.param("shutoff") || rule.param("shutoff")->value != 0;
  const Device* alarm = nullptr;
  for (const Device* d : devices_sorted(ctx))
    if (d->type == DeviceType::gas_alarm && (!alarm || d->shutoff.value_or(false))) alarm = d;
  Report r;
  r.element = "home";
  if (alarm && (!need_shutoff || alarm->shutoff.value_or(false))) {
    if (gas) return;
  }
  if (!gas) {
    // A stove of unknown fuel: whether an alarm is needed is not known.
    if (alarm && (!need_shutoff || alarm->shutoff.value_or(false))) return;
    r.status = Status::insufficient_data;
    r.missing = unknown;
  } else if (alarm && need_shutoff && !alarm->shutoff) {
    r.status = Status::insufficient_data;
    r.missing = {pointer(ctx.c, alarm->id, "shutoff")};
  } else {
    r.measured = false;
    r.unit = "";
    r.required = {{"gas_alarm", true}, {"shutoff", need_shutoff}};
    r.vars["problem"] = alarm ? Text{"a gas alarm that does not shut off the gas", "燃气报警器不能自动切断气源"}
                              : Text{"no gas-leak alarm", "未安装燃气泄漏报警器"};
    if (alarm) {
      r.room = alarm->room;
      r.detail = {{"gas_alarm", alarm->id}};
    }
  }
  ctx.report(rule, std::move(r));
}

void safety_call(Context& ctx, const Rule& rule) {
  std::vector<std::string> lacking;
  Text names;
  const Concern& who = ctx.concern(rule);
  if (who.empty()) return;
  for (const Room* room : rooms_without_call_button(ctx.c, rule.param("rooms"), who.occupants)) {
    lacking.push_back(room->id);
    const Text n = ctx.name_of(room->id);
    names.en += (names.en.empty() ? "" : ", ") + n.en;
    names.zh += (names.zh.empty() ? "" : "、") + n.zh;
  }
  if (lacking.empty()) return;
  Report r;
  r.element = "home";
  r.measured = lacking.size();
  r.unit = "count";
  r.required = {{"max", 0}};
  r.vars["rooms_missing"] = names;
  r.detail = {{"rooms", lacking}};
  ctx.report(rule, std::move(r));
}

}  // namespace

std::vector<const Room*> rooms_without_call_button(const Case& c, const Param* rooms,
                                                   const std::vector<std::string>& concerned) {
  // The bedrooms asked for are those the people concerned sleep in, where the case says so for
  // every one of them (whatever the room is: a bed in the living room is a bedroom); else all.
  std::set<std::string> slept_in;
  bool known = !concerned.empty() && listed(rooms, to_string(RoomType::bedroom));
  for (const std::string& id : concerned) {
    const auto o = std::find_if(c.occupants.begin(), c.occupants.end(), [&](const Occupant& x) { return x.id == id; });
    if (o == c.occupants.end() || !o->bedroom) known = false;
    else slept_in.insert(*o->bedroom);
  }
  std::vector<const Room*> out;
  for (const Room& room : c.rooms) {
    const bool asked = known ? (room.type != RoomType::bedroom && listed(rooms, to_string(room.type))) || slept_in.count(room.id)
                             : listed(rooms, to_string(room.type));
    if (!asked) continue;
    const bool has = std::any_of(c.devices.begin(), c.devices.end(), [&](const Device& d) {
      return d.type == DeviceType::call_button && d.room == room.id;
    });
    if (!has) out.push_back(&room);
  }
  std::sort(out.begin(), out.end(), [](const Room* a, const Room* b) { return a->id < b->id; });
  return out;
}

void register_device_checks(std::map<std::string, CheckFunction>& m) {
  m["control.height"] = control_height;
  m["alert.visual"] = alert_visual;
  m["alert.voice"] = alert_voice;
  m["safety.gas"] = safety_gas;
  m["safety.call"] = safety_call;
}

}  // namespace barrierfree::rules
