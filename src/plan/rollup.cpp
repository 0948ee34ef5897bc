#include <barrierfree/plan/rollup.hpp>

#include "io/json_writer.hpp"

#include <cmath>

namespace barrierfree {

void Rollup::add(const PlanResult& r) {
  ++households_;
  const Plan& p = r.plan;
  if (currency_.empty()) currency_ = p.currency;
  total_ += p.total;
  subsidy_ += p.subsidy;
  copay_ += p.copay;
  if (p.budget) budget_ += *p.budget;
  if (p.verified) ++verified_;
  score_before_ += r.score_before();
  score_after_ += r.score_after();
  for (const Finding& f : r.before.findings) {
    ++findings_by_check_[f.check];
    if (f.status == Status::fail) ++barriers_;
    else ++unassessed_;
  }
  std::size_t left = 0;
  for (const Residual& res : p.residual) {
    if (res.finding.status != Status::fail) continue;
    ++left;
    ++left_by_reason_[res.reason];
    ++left_by_check_[res.finding.check];
  }
  std::size_t fails_before = 0;
  for (const Finding& f : r.before.findings) fails_before += f.status == Status::fail;
  removed_ += fails_before > left ? fails_before - left : 0;
  if (left == 0) ++fully_resolved_;
  for (const PlanItem& i : p.items) {
    Item& it = items_[i.remedy];
    ++it.households;
    it.quantity += i.quantity;
    it.cost += i.cost;
    it.unit = i.unit;
  }
}

nlohmann::ordered_json Rollup::to_json() const {
  using nlohmann::ordered_json;
  using io::number;
  auto money = [](double v) { return number(std::round(v * 100) / 100); };
  ordered_json j;
  j["households"] = households_;
  j["errors"] = errors_;
  j["currency"] = currency_.empty() ? "CNY" : currency_;
  j["total_cost"] = money(total_);
  j["subsidy"] = money(subsidy_);
  j["copay"] = money(copay_);
  j["budget"] = money(budget_);
  j["mean_cost"] = households_ ? money(total_ / static_cast<double>(households_)) : number(0);
  j["plans_verified"] = verified_;
  j["fully_resolved"] = fully_resolved_;
  j["barriers"] = {{"before", barriers_}, {"removed", removed_}, {"left", barriers_ - std::min(barriers_, removed_)},
                   {"not_assessed", unassessed_}};
  j["score"] = {{"before", score_before_}, {"after", score_after_}};
  ordered_json items = ordered_json::object();
  for (const auto& [remedy, it] : items_)
    items[remedy] = {{"households", it.households}, {"quantity", number(std::round(it.quantity * 1000) / 1000)},
                     {"unit", it.unit}, {"cost", money(it.cost)}};
  j["cost_by_item"] = std::move(items);
  j["findings_by_check"] = findings_by_check_;
  j["left_by_reason"] = left_by_reason_;
  j["left_by_check"] = left_by_check_;
  return j;
}

}  // namespace barrierfree
