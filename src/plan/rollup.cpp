#include <barrierfree/plan/rollup.hpp>

#include "io/json_writer.hpp"
#include "plan/money.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace barrierfree {

namespace {

using nlohmann::ordered_json;

double number_or(const ordered_json& j, const char* key, double fallback = 0) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

std::string string_or(const ordered_json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const ordered_json& array_or_empty(const ordered_json& j, const char* key) {
  static const ordered_json empty = ordered_json::array();
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}

}  // namespace

void Rollup::add(const PlanResult& r) {
  // The same counts as add(to_json(r)) (tested), from the structs: a batch adds one per line.
  std::size_t fails_before = 0;
  ++households_;
  for (const Finding& f : r.before.findings) {
    ++findings_by_check_[f.check];
    ++(f.status == Status::fail ? fails_before : unassessed_);
  }
  barriers_ += fails_before;
  score_before_ += r.score_before();
  score_after_ += r.score_after();
  const Plan& p = r.plan;
  ++planned_;
  if (currency_.empty()) currency_ = p.currency;
  // The totals as the result's JSON holds them (io::number: the same doubles).
  total_ += p.total;
  subsidy_ += p.subsidy;
  copay_ += p.copay;
  budget_ += p.budget && std::isfinite(*p.budget) ? *p.budget : 0;
  if (p.verified) ++verified_;
  if (!p.optimal) ++not_optimal_;
  std::size_t left = 0;
  for (const Residual& res : p.residual) {
    if (res.finding.status != Status::fail) continue;
    ++left;
    ++left_by_reason_[res.reason];
    ++left_by_check_[res.finding.check];
  }
  removed_ += fails_before > left ? fails_before - left : 0;
  if (left == 0) ++fully_resolved_;
  std::set<std::string> remedies_used;
  for (const PlanItem& i : p.items) {
    Item& it = items_[i.remedy];
    if (remedies_used.insert(i.remedy).second) ++it.households;
    ++it.lines;
    it.quantity += i.quantity;
    it.cost += i.cost;
    it.unit = i.unit;
  }
}
void Rollup::add(const CheckResult& r) {
  // The same counts as add(to_json(r)) (tested), without building the document: a batch of
  // checks adds one per line.
  ++households_;
  for (const Finding& f : r.findings) {
    ++findings_by_check_[f.check];
    ++(f.status == Status::fail ? barriers_ : unassessed_);
    if (f.status == Status::fail) ++left_by_check_[f.check];  // without a plan every barrier is left
  }
  score_before_ += r.score();
  score_after_ += r.score();
}

void Rollup::add_error(std::string_view code) {
  ++errors_;
  ++errors_by_code_[std::string(code)];
}

void Rollup::add(const ordered_json& j) {
  if (!j.is_object()) return add_error();
  if (auto e = j.find("error"); e != j.end()) return add_error(e->is_object() ? string_or(*e, "code") : "");
  ++households_;
  std::size_t fails_before = 0;
  auto p = j.find("plan");
  const bool has_plan = p != j.end() && p->is_object();
  for (const ordered_json& f : array_or_empty(j, "findings")) {
    const std::string check = string_or(f, "check");
    ++findings_by_check_[check];
    if (string_or(f, "status") == "fail") {
      ++fails_before;
      if (!has_plan) ++left_by_check_[check];  // a check-only result: every barrier is left
    } else {
      ++unassessed_;
    }
  }
  barriers_ += fails_before;
  if (auto s = j.find("score"); s != j.end() && s->is_object()) {
    score_before_ += static_cast<long>(number_or(*s, "before"));
    score_after_ += static_cast<long>(number_or(*s, "after", number_or(*s, "before")));
  }
  if (!has_plan) return;
  const ordered_json& plan = *p;
  ++planned_;
  if (currency_.empty()) currency_ = string_or(plan, "currency");
  total_ += number_or(plan, "total");
  subsidy_ += number_or(plan, "subsidy");
  copay_ += number_or(plan, "copay");
  budget_ += number_or(plan, "budget");
  if (auto v = plan.find("verified"); v != plan.end() && v->is_boolean() && v->get<bool>()) ++verified_;
  if (auto v = plan.find("optimal"); v != plan.end() && v->is_boolean() && !v->get<bool>()) ++not_optimal_;
  std::size_t left = 0;
  for (const ordered_json& res : array_or_empty(plan, "residual")) {
    if (string_or(res, "status") != "fail") continue;
    ++left;
    ++left_by_reason_[string_or(res, "reason")];
    ++left_by_check_[string_or(res, "check")];
  }
  removed_ += fails_before > left ? fails_before - left : 0;
  if (left == 0) ++fully_resolved_;
  // A household counts once per remedy however many of its lines use it (two doors widened).
  std::set<std::string> remedies_used;
  for (const ordered_json& i : array_or_empty(plan, "items")) {
    const std::string remedy = string_or(i, "remedy");
    Item& it = items_[remedy];
    if (remedies_used.insert(remedy).second) ++it.households;
    ++it.lines;
    it.quantity += number_or(i, "quantity");
    it.cost += number_or(i, "cost");
    it.unit = string_or(i, "unit");
  }
}

void Rollup::merge(const Rollup& o) {
  households_ += o.households_;
  planned_ += o.planned_;
  errors_ += o.errors_;
  fully_resolved_ += o.fully_resolved_;
  verified_ += o.verified_;
  not_optimal_ += o.not_optimal_;
  total_ += o.total_;
  subsidy_ += o.subsidy_;
  copay_ += o.copay_;
  budget_ += o.budget_;
  score_before_ += o.score_before_;
  score_after_ += o.score_after_;
  barriers_ += o.barriers_;
  removed_ += o.removed_;
  unassessed_ += o.unassessed_;
  for (const auto& [remedy, it] : o.items_) {
    Item& mine = items_[remedy];
    mine.households += it.households;
    mine.lines += it.lines;
    mine.quantity += it.quantity;
    mine.cost += it.cost;
    mine.unit = it.unit;
  }
  auto sum = [](auto& into, const auto& from) {
    for (const auto& [k, n] : from) into[k] += n;
  };
  sum(findings_by_check_, o.findings_by_check_);
  sum(left_by_reason_, o.left_by_reason_);
  sum(left_by_check_, o.left_by_check_);
  sum(errors_by_code_, o.errors_by_code_);
  if (currency_.empty()) currency_ = o.currency_;
}

ordered_json Rollup::to_json() const {
  using io::number;
  auto money = [](double v) { return number(planning::to_cents(v)); };
  ordered_json j;
  j["households"] = households_;
  j["planned"] = planned_;
  j["errors"] = errors_;
  j["errors_by_code"] = errors_by_code_;
  j["currency"] = currency_.empty() ? "CNY" : currency_;
  j["total_cost"] = money(total_);
  j["subsidy"] = money(subsidy_);
  j["copay"] = money(copay_);
  j["budget"] = money(budget_);
  j["mean_cost"] = planned_ ? money(total_ / static_cast<double>(planned_)) : number(0);
  j["plans_verified"] = verified_;
  j["plans_not_proven_optimal"] = not_optimal_;
  j["fully_resolved"] = fully_resolved_;
  j["barriers"] = {{"before", barriers_}, {"removed", removed_}, {"left", barriers_ - std::min(barriers_, removed_)},
                   {"not_assessed", unassessed_}};
  j["score"] = {{"before", score_before_}, {"after", score_after_}};
  ordered_json items = ordered_json::object();
  for (const auto& [remedy, it] : items_)
    items[remedy] = {{"households", it.households}, {"lines", it.lines}, {"quantity", number(std::round(it.quantity * 1000) / 1000)},
                     {"unit", it.unit}, {"cost", money(it.cost)}};
  j["cost_by_item"] = std::move(items);
  j["findings_by_check"] = findings_by_check_;
  j["left_by_reason"] = left_by_reason_;
  j["left_by_check"] = left_by_check_;
  return j;
}

}  // namespace barrierfree
