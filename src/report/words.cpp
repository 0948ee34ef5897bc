#include "report/words.hpp"

#include "report/svg.hpp"

#include <cmath>
#include <map>

namespace barrierfree::report {

namespace {

const std::map<std::string, Text, std::less<>>& words() {
  static const std::map<std::string, Text, std::less<>> w = {
      // Drawing and report.
      {"title.drawing", {"Plan of the home", "住宅平面图"}},
      {"title.report", {"Home accessibility modification plan", "家庭无障碍改造方案"}},
      {"legend", {"Legend", "图例"}},
      {"legend.fixture", {"fixture", "家具/洁具"}},
      {"legend.bar", {"grab bar", "扶手/抓杆"}},
      {"legend.circle_ok", {"turning circle that fits", "轮椅回转圆（满足）"}},
      {"legend.circle_short", {"largest circle, too small", "最大回转圆（不足）"}},
      {"legend.finding", {"barrier (number in the list)", "障碍（编号见下表）"}},
      {"legend.unknown", {"to be measured", "需补测"}},
      {"legend.planned", {"proposed modification", "拟改造项"}},
      {"findings", {"Barriers", "障碍"}},
      {"planned", {"Proposed modifications", "改造项目"}},
      {"more", {"more in the report", "项见报告"}},
      {"more.standalone", {"more: see the household report (barrierfree report)", "项详见入户报告（barrierfree report）"}},
      {"scale", {"scale", "比例"}},
      {"whole_home", {"whole home", "全户"}},
      {"building", {"building", "楼栋"}},
      {"total", {"Total", "合计"}},
      {"budget", {"budget", "预算"}},
      {"steps", {"step(s)", "级台阶"}},
      {"ramp", {"ramp", "坡道"}},
      {"sill", {"sill", "门槛"}},
      {"no_rooms", {"The case describes no rooms: there is no plan to draw.", "本户数据未包含房间，无平面可绘。"}},
      {"no_findings", {"No barriers found for this household.", "未发现影响本户的障碍。"}},
      // Report sections.
      {"report.household", {"Household", "户号"}},
      {"report.region", {"Region", "地区"}},
      {"report.standard", {"Standard", "依据标准"}},
      {"report.storey", {"Storey", "楼层"}},
      {"report.lift", {"lift", "有电梯"}},
      {"report.no_lift", {"no lift", "无电梯"}},
      {"report.who", {"Who lives here and what they need", "家庭成员与需求"}},
      {"report.person", {"Person", "成员"}},
      {"report.age", {"Age", "年龄"}},
      {"report.disability", {"Disability", "残疾类别与等级"}},
      {"report.mobility", {"Mobility aid", "辅助器具"}},
      {"report.needs", {"What the home must allow", "居家需求"}},
      {"report.carer", {"family member", "家庭成员"}},
      {"report.drawing", {"The home", "住宅平面"}},
      {"report.see_drawing", {"The numbers of the barriers (1, 2 …) and of the modifications (P1, P2 …) are marked on the plan of the home on the last page.",
                              "障碍编号（1、2……）与改造项编号（P1、P2……）标注于末页住宅平面图。"}},
      {"report.barriers", {"Barriers found", "存在的障碍"}},
      {"report.where", {"Where", "位置"}},
      {"report.what", {"What", "问题"}},
      {"report.clause", {"Clause", "条文"}},
      {"report.severity", {"Severity", "严重程度"}},
      // How sure the clause's value is, said beside it (confirmed values carry nothing).
      {"confidence.needs_verification", {"value from a secondary source", "数值来自二手资料，待核实"}},
      {"confidence.unconfirmed", {"value not found in the standard's text: unconfirmed", "未在规范原文中查得，未经确认"}},
      {"confidence.interpretation", {"the clause gives no number: barrierfree's reading", "条文未给出数值，为本工具的解读"}},
      {"confidence.programme", {"programme practice, not a requirement of the code", "为改造项目做法，非规范要求"}},
      {"report.for", {"Affects", "影响"}},
      {"report.plan", {"The plan and its bill of quantities", "改造方案与工程量清单"}},
      {"report.item", {"Item", "项目"}},
      {"report.element", {"At", "部位"}},
      {"report.ramp_in", {"ramp in", "坡道设于"}},
      {"report.floor_raised", {"floor raised by", "地面抬高"}},
      {"report.raise_trim", {"trim the leaf of {door}, which swings over the new floor",
                             "{door}的门扇开启时扫过新地面，需相应裁短"}},
      {"report.raise_railing", {"check the height of the railing above the new floor",
                                "须复核栏杆在新地面以上的高度"}},
      {"report.quantity", {"Qty", "数量"}},
      {"report.unit", {"Unit", "单位"}},
      {"report.unit_cost", {"Unit price", "单价"}},
      {"report.cost", {"Cost", "金额"}},
      {"report.subtotal", {"Subtotal", "小计"}},
      {"report.fees", {"Management, contingency and tax", "管理费、不可预见费及税金"}},
      {"report.total", {"Total", "合计"}},
      {"report.budget", {"Budget", "预算"}},
      {"report.within", {"within the budget", "未超预算"}},
      {"report.over", {"over the budget", "超出预算"}},
      {"report.subsidy", {"Paid by the programme", "补贴支付"}},
      {"report.copay", {"Paid by the household", "家庭自付"}},
      {"report.resolves", {"Removes", "消除障碍"}},
      {"report.verified", {"Checked again with the modifications applied: every barrier the plan claims to remove is gone.",
                           "已将改造项代入住宅重新核查：方案所称消除的障碍均已消除。"}},
      {"report.not_verified", {"Warning: checked again with the modifications applied, some barriers the plan claims to remove remain.",
                               "警告：代入改造后重新核查，部分方案所称消除的障碍仍然存在。"}},
      {"report.left", {"What is left, and why", "遗留问题及原因"}},
      {"report.reason", {"Why", "原因"}},
      {"report.deferred", {"Left out for now", "暂缓项目"}},
      {"report.would_remove", {"Would remove", "可消除"}},
      {"report.nothing_left", {"Nothing is left: every barrier found is removed.", "无遗留问题：发现的障碍均已消除。"}},
      {"report.not_assessed", {"Not looked at", "未能核查"}},
      {"report.measure", {"To measure on the next visit", "下次入户需补测"}},
      {"report.signatures", {"Signatures", "签字确认"}},
      {"report.sign_household", {"Household", "住户"}},
      {"report.sign_worker", {"Social worker / assessor", "评估人员"}},
      {"report.sign_date", {"Date", "日期"}},
      {"report.generated", {"Prepared with barrierfree", "由 barrierfree 生成"}},
      {"report.no_plan", {"No modification is needed or possible within the budget.", "预算内无需或无法改造。"}},
      {"report.score", {"Barrier score (higher is worse)", "障碍评分（越高越差）"}},
      {"report.before", {"before", "改造前"}},
      {"report.after", {"after", "改造后"}},
      // What a finding lacks, by the field of its JSON pointer (what to measure on the next visit).
      {"field.clear_width", {"clear width", "净宽"}},
      {"field.curb", {"curb height", "挡水高度"}},
      {"field.floor.slip_resistant", {"floor slip resistance", "地面是否防滑"}},
      {"field.fuel", {"cooking fuel", "燃气类型"}},
      {"field.handle", {"handle type", "门把手形式"}},
      {"field.handle_height", {"handle height", "把手高度"}},
      {"field.handrails", {"handrails", "扶手设置"}},
      {"field.height", {"height", "高度"}},
      {"field.kind", {"kind", "类型"}},
      {"field.knee_clearance", {"knee clearance below", "下部容膝空间"}},
      {"field.landing_bottom", {"landing at the bottom", "坡道底部平台"}},
      {"field.landing_top", {"landing at the top", "坡道顶部平台"}},
      {"field.latch_side", {"latch side", "门开启侧"}},
      {"field.seat", {"seat", "座椅"}},
      {"field.seat_height", {"seat height", "座高"}},
      {"field.shutoff", {"automatic gas shut-off", "自动切断燃气"}},
      {"field.swing_into", {"which way the door swings", "门扇开启方向"}},
      {"field.threshold", {"threshold height", "门槛高度"}},
      {"field.width", {"width", "宽度"}},
      // Why a check could not look at part of the home (NotAssessed::reason, as the checks write it).
      {"not_assessed.the landing outside the flat is not in the plan",
       {"the landing outside the flat is not in the plan", "户门外的楼梯平台不在平面图内"}},
      {"not_assessed.the pull side is the landing outside the flat, which the plan does not show",
       {"the pull side is the landing outside the flat, which the plan does not show", "门的拉开一侧是户门外的楼梯平台，平面图未包含"}},
      {"reason.budget", {"over the budget", "超出预算"}},
      {"reason.item_limit", {"item limit reached", "已达项目数上限"}},
      {"reason.no_remedy", {"no modification in the catalogue removes it", "目录中无可消除此障碍的改造项"}},
      {"reason.no_space", {"no room for the modification it needs (a ramp with its landings)", "空间不足，无法实施所需改造(如坡道及其平台)"}},
      {"reason.insufficient_data", {"not measured: measure it on the next visit", "未测量：需下次入户补测"}},
      {"reason.partial", {"made less severe, not removed", "已减轻，未完全消除"}},
      {"reason.new", {"caused by another modification", "由其他改造项引起"}},
      {"reason.not_worth_it", {"little benefit for its cost", "投入产出比低"}},
      {"reason.conflict", {"cannot be done together with the chosen modifications", "与已选改造项无法同时实施"}},
      {"severity.1", {"minor", "轻微"}},
      {"severity.2", {"moderate", "中等"}},
      {"severity.3", {"serious", "严重"}},
      {"severity.4", {"makes it impossible", "无法完成"}},
      {"unit.item", {"item", "项"}},
      {"unit.m", {"m", "米"}},
      {"unit.m2", {"m²", "平方米"}},
      // Occupants.
      {"category.physical", {"physical", "肢体"}},
      {"category.visual", {"visual", "视力"}},
      {"category.hearing", {"hearing", "听力"}},
      {"category.speech", {"speech", "言语"}},
      {"category.intellectual", {"intellectual", "智力"}},
      {"category.mental", {"mental", "精神"}},
      {"grade.1", {"grade 1", "一级"}},
      {"grade.2", {"grade 2", "二级"}},
      {"grade.3", {"grade 3", "三级"}},
      {"grade.4", {"grade 4", "四级"}},
      {"mobility.none", {"none", "无"}},
      {"mobility.cane", {"cane", "手杖"}},
      {"mobility.crutches", {"crutches", "拐杖"}},
      {"mobility.walker", {"walker", "助行器"}},
      {"mobility.manual_wheelchair", {"manual wheelchair", "手动轮椅"}},
      {"mobility.power_wheelchair", {"power wheelchair", "电动轮椅"}},
      {"mobility.bedbound", {"bedbound", "卧床"}},
      {"need.wheelchair", {"move about in a wheelchair", "轮椅通行与回转"}},
      {"need.walker", {"walk with a walker", "使用助行器行走"}},
      {"need.walking_aid", {"walk with a stick", "使用手杖/拐杖行走"}},
      {"need.bedbound", {"be cared for in bed", "卧床照护"}},
      {"need.poor_balance", {"keep balance safely", "防跌倒"}},
      {"need.limited_stamina", {"rest while washing and moving", "体力有限，需坐姿洗浴"}},
      {"need.reduced_bending", {"avoid squatting and bending", "避免下蹲弯腰"}},
      {"need.reduced_grip", {"open doors without gripping", "无需抓握即可开门"}},
      {"need.reduced_upper_limb", {"reach and grip with weak arms", "上肢力量弱"}},
      {"need.reduced_reach", {"reach switches and taps", "够取范围有限"}},
      {"need.blind", {"find the way and hear the door without sight", "无视觉条件下识别与通行"}},
      {"need.low_vision", {"see edges, steps and signals", "低视力：辨识高差与信号"}},
      {"need.deaf", {"see the doorbell and alarms", "看得见门铃与报警"}},
      {"need.hard_of_hearing", {"notice the doorbell and alarms", "听力弱：注意门铃与报警"}},
      {"need.cognitive", {"be safe with gas and fire", "用气用火安全"}},
      {"need.grade_severe", {"call for help in an emergency", "紧急情况下呼救"}},
      {"need.short_stature", {"work at a lower height", "低位操作"}},
      {"need.incoordination", {"move without sudden level changes", "避免高差"}},
      {"need.large_size", {"more room to move", "需要更大空间"}},
      {"need.limited_head_movement", {"see without turning the head", "头部活动受限"}},
      // Fixtures on the drawing.
      {"fixture.toilet.squat", {"squat WC", "蹲便"}},
      {"fixture.toilet", {"WC", "坐便"}},
      {"fixture.basin", {"basin", "面盆"}},
      {"fixture.shower", {"shower", "淋浴"}},
      {"fixture.bathtub", {"bath", "浴缸"}},
      {"fixture.kitchen_counter", {"counter", "操作台"}},
      {"fixture.stove", {"stove", "灶台"}},
      {"fixture.sink", {"sink", "水槽"}},
      {"fixture.bed", {"bed", "床"}},
      {"fixture.wardrobe", {"wardrobe", "衣柜"}},
      {"fixture.table", {"table", "桌"}},
      {"fixture.sofa", {"sofa", "沙发"}},
      {"fixture.washing_machine", {"washer", "洗衣机"}},
      // Devices.
      {"device.switch", {"switch", "开关"}},
      {"device.socket", {"socket", "插座"}},
      {"device.doorbell", {"doorbell", "门铃"}},
      {"device.intercom", {"intercom", "对讲机"}},
      {"device.smoke_alarm", {"smoke alarm", "烟感报警器"}},
      {"device.gas_alarm", {"gas alarm", "燃气报警器"}},
      {"device.call_button", {"call button", "紧急呼叫按钮"}},
      {"device.light", {"light", "灯"}},
  };
  return w;
}

}  // namespace

const Text& word(std::string_view key) {
  static thread_local Text unknown;
  auto it = words().find(key);
  if (it != words().end()) return it->second;
  unknown = {std::string(key), std::string(key)};
  return unknown;
}

std::string say(std::string_view key, std::string_view lang) { return pick(word(key), lang); }

const Text* find_word(std::string_view key) {
  auto it = words().find(key);
  return it == words().end() ? nullptr : &it->second;
}

std::string fixture_label(const Fixture& f, std::string_view lang) {
  if (f.type == FixtureType::toilet && f.kind == ToiletKind::squat) return say("fixture.toilet.squat", lang);
  if (f.type == FixtureType::other) return f.id;
  return say("fixture." + std::string(to_string(f.type)), lang);
}

std::string element_label(const Case& c, const std::string& id, std::string_view lang) {
  if (id == "home") return say("whole_home", lang);
  if (id == "building") return say("building", lang);
  if (const Room* r = c.find_room(id)) return room_label(*r, lang);
  return id;
}

std::string room_label(const Room& r, std::string_view lang) {
  return lang == "zh" && r.name ? *r.name : r.id;
}

std::string disability_text(const Disability& d, std::string_view lang) {
  const std::string category = say("category." + std::string(to_string(d.category)), lang);
  const std::string grade = say("grade." + std::to_string(d.grade), lang);
  return lang == "zh" ? category + grade : category + ", " + grade;
}

std::string money_text(double v) {
  if (!std::isfinite(v)) return "—";
  // Whole cents fit 64 bits up to about 9e16; beyond 1e15 the sum is shown without them.
  const bool cents_fit = std::abs(v) < 1e15;
  const long long cents = cents_fit ? std::llround(std::abs(v) * 100) : 0;
  std::string whole = cents_fit ? std::to_string(cents / 100) : rules::number_text(std::abs(v), 0);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(static_cast<std::size_t>(i), ",");
  if (!cents_fit) return (v < 0 ? "-" : "") + whole;
  const int c = static_cast<int>(cents % 100);
  return (v < 0 ? "-" : "") + whole + "." + (c < 10 ? "0" : "") + std::to_string(c);
}

/// Chinese punctuation that may not begin a line (it closes what comes before).
static bool closing_punctuation(std::string_view glyph) {
  for (std::string_view p : {"。", "，", "、", "；", "：", "！", "？", "）", "」", "』", "》", "…"})
    if (glyph == p) return true;
  return false;
}

std::vector<std::string> wrap(std::string_view text, double width_em) {
  std::vector<std::string> lines;
  std::string line, word_;
  double line_w = 0;
  auto flush_word = [&] {
    const double w = text_em(word_);
    if (line_w + w > width_em && !line.empty()) {
      lines.push_back(line);
      line.clear();
      line_w = 0;
      while (!word_.empty() && word_.front() == ' ') word_.erase(0, 1);
    }
    line += word_;
    line_w += text_em(word_);
    word_.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto ch = static_cast<unsigned char>(text[i]);
    const std::size_t len = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
    const std::string_view glyph = text.substr(i, len);
    if (glyph == " ") {
      flush_word();
      word_ = " ";
    } else if (len >= 3 && closing_punctuation(glyph)) {  // never starts a line: kept with what it closes
      flush_word();
      line += glyph;
      line_w += text_em(glyph);
    } else if (len >= 3) {  // a CJK character may end a line anywhere
      flush_word();
      word_ = std::string(glyph);
      flush_word();
    } else {
      word_ += glyph;
    }
    i += len;
  }
  flush_word();
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace barrierfree::report
