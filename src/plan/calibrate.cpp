// Non-negative least squares (Lawson–Hanson) over past bills.
#include <barrierfree/plan/calibrate.hpp>
#include <barrierfree/rules/kinds.hpp>

#include "io/json_writer.hpp"
#include "plan/money.hpp"
#include "util/suggest.hpp"

#include <Eigen/Dense>

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace barrierfree {

namespace {

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') quoted = !quoted;
    else if (ch == ',' && !quoted) {
      out.push_back(cell);
      cell.clear();
    } else if (ch != '\r') {
      cell += ch;
    }
  }
  out.push_back(cell);
  for (std::string& c : out) {
    const auto b = c.find_first_not_of(" \t"), e = c.find_last_not_of(" \t");
    c = b == std::string::npos ? "" : c.substr(b, e - b + 1);
  }
  return out;
}

/// min ||A x - b|| subject to x >= 0 (Lawson and Hanson, "Solving Least Squares Problems", ch. 23).
Eigen::VectorXd nnls(const Eigen::MatrixXd& A, const Eigen::VectorXd& b) {
  const Eigen::Index n = A.cols();
  Eigen::VectorXd x = Eigen::VectorXd::Zero(n);
  std::vector<bool> passive(static_cast<std::size_t>(n), false);
  const double tol = 1e-10 * std::max(1.0, A.norm()) * std::max(1.0, b.norm());
  for (int outer = 0; outer < 3 * n + 10; ++outer) {
    const Eigen::VectorXd w = A.transpose() * (b - A * x);
    Eigen::Index t = -1;
    double best = tol;
    for (Eigen::Index j = 0; j < n; ++j)
      if (!passive[static_cast<std::size_t>(j)] && w(j) > best) {
        best = w(j);
        t = j;
      }
    if (t < 0) break;
    passive[static_cast<std::size_t>(t)] = true;
    for (int inner = 0; inner < 3 * n + 10; ++inner) {
      std::vector<Eigen::Index> idx;
      for (Eigen::Index j = 0; j < n; ++j)
        if (passive[static_cast<std::size_t>(j)]) idx.push_back(j);
      Eigen::MatrixXd Ap(A.rows(), static_cast<Eigen::Index>(idx.size()));
      for (std::size_t k = 0; k < idx.size(); ++k) Ap.col(static_cast<Eigen::Index>(k)) = A.col(idx[k]);
      const Eigen::VectorXd sp = Ap.colPivHouseholderQr().solve(b);
      Eigen::VectorXd s = Eigen::VectorXd::Zero(n);
      for (std::size_t k = 0; k < idx.size(); ++k) s(idx[k]) = sp(static_cast<Eigen::Index>(k));
      bool positive = true;
      for (Eigen::Index j : idx) positive = positive && s(j) > 0;
      if (positive) {
        x = s;
        break;
      }
      double alpha = 1;
      for (Eigen::Index j : idx)
        if (s(j) <= 0) alpha = std::min(alpha, x(j) / (x(j) - s(j)));
      x += alpha * (s - x);
      for (Eigen::Index j : idx)
        if (std::abs(x(j)) <= 1e-12) {
          x(j) = 0;
          passive[static_cast<std::size_t>(j)] = false;
        }
    }
  }
  return x;
}

}  // namespace

std::vector<Bill> read_bills_csv(std::string_view text) {
  std::vector<Error> errors;
  std::istringstream in{std::string(text)};
  std::string line;
  int n = 0;
  std::vector<std::string> header;
  std::vector<Bill> bills;
  auto error = [&](int code, int at, const std::string& where, const std::string& msg) {
    errors.push_back(Error{"bills." + std::to_string(code), where, msg, at});
  };
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto cells = split_csv_line(line);
    if (header.empty()) {
      header = cells;
      if (header.size() < 3 || header[0] != "household" || header[1] != "total")
        error(102, n, "", "the header must be household,total,<remedy>,<remedy>,…");
      for (std::size_t k = 2; k < header.size(); ++k)
        if (!is_remedy_kind(header[k]))
          error(105, n, header[k], "unknown remedy \"" + header[k] + "\"" + util::did_you_mean(header[k], remedy_kinds()));
      continue;
    }
    if (cells.size() != header.size()) {
      error(103, n, "", "expected " + std::to_string(header.size()) + " columns, found " + std::to_string(cells.size()));
      continue;
    }
    Bill b;
    b.household = cells[0];
    b.line = n;
    for (std::size_t k = 1; k < cells.size(); ++k) {
      double v = 0;
      try {
        std::size_t used = 0;
        v = cells[k].empty() ? 0 : std::stod(cells[k], &used);
        if (!cells[k].empty() && used != cells[k].size()) throw std::invalid_argument(cells[k]);
      } catch (const std::exception&) {
        error(103, n, header[k], "\"" + cells[k] + "\" is not a number");
        continue;
      }
      if (!std::isfinite(v) || v < 0) {
        error(107, n, header[k], "must be a non-negative number");
        continue;
      }
      if (k == 1) b.paid = v;
      else if (v > 0) b.quantities[header[k]] = v;
    }
    bills.push_back(std::move(b));
  }
  if (header.empty()) error(102, 0, "", "empty file: expected a header household,total,<remedy>,…");
  if (!errors.empty()) throw InputError(std::move(errors));
  return bills;
}

Calibration calibrate(const std::vector<Bill>& bills, const Catalog& reference, const RegionFactor* region) {
  std::vector<std::string> items;
  for (const Bill& b : bills)
    for (const auto& [remedy, q] : b.quantities)
      if (std::find(items.begin(), items.end(), remedy) == items.end()) items.push_back(remedy);
  std::sort(items.begin(), items.end());
  if (bills.empty() || items.empty()) throw std::invalid_argument("no bills with quantities to calibrate on");
  Eigen::MatrixXd A = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(bills.size()), static_cast<Eigen::Index>(items.size()));
  Eigen::VectorXd b(static_cast<Eigen::Index>(bills.size()));
  for (std::size_t i = 0; i < bills.size(); ++i) {
    b(static_cast<Eigen::Index>(i)) = bills[i].paid;
    for (std::size_t j = 0; j < items.size(); ++j)
      if (auto it = bills[i].quantities.find(items[j]); it != bills[i].quantities.end())
        A(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = it->second;
  }
  const Eigen::VectorXd x = nnls(A, b);
  Calibration out;
  for (std::size_t j = 0; j < items.size(); ++j) {
    double price = x(static_cast<Eigen::Index>(j));
    if (region) {
      // Back to the reference level: the bill's price is m·fm + l·fl with the reference's split of m and l.
      const CatalogItem* ref = reference.find(items[j]);
      const double share = ref && ref->material + ref->labour > 0 ? ref->material / (ref->material + ref->labour) : 0.5;
      price /= share * region->material + (1 - share) * region->labour;
    }
    out.unit_cost[items[j]] = price;
  }
  if (region) out.region = region->code;
  const Eigen::VectorXd fitted = A * x;
  const double mean = b.mean();
  double ss_res = 0, ss_tot = 0;
  for (std::size_t i = 0; i < bills.size(); ++i) {
    const double f = fitted(static_cast<Eigen::Index>(i));
    out.households.push_back({bills[i].household, bills[i].paid, f});
    ss_res += (bills[i].paid - f) * (bills[i].paid - f);
    ss_tot += (bills[i].paid - mean) * (bills[i].paid - mean);
  }
  out.rmse = std::sqrt(ss_res / static_cast<double>(bills.size()));
  out.r_squared = ss_tot > 0 ? 1 - ss_res / ss_tot : 1;
  return out;
}

nlohmann::ordered_json to_catalog_json(const Calibration& c, const Catalog& reference) {
  using nlohmann::ordered_json;
  using io::number;
  auto money = [](double v) { return number(planning::to_cents(v)); };
  ordered_json j;
  j["format"] = "barrierfree.catalog/1";
  j["id"] = reference.id + "-CALIBRATED";
  j["currency"] = reference.currency;
  j["description"] = "Unit costs fitted to past bills by non-negative least squares (barrierfree calibrate); "
                     "items not listed keep the reference catalogue's prices.";
  ordered_json items = ordered_json::array();
  for (const auto& [remedy, price] : c.unit_cost) {
    const CatalogItem* ref = reference.find(remedy);
    const double share = ref && ref->material + ref->labour > 0 ? ref->material / (ref->material + ref->labour) : 0.5;
    ordered_json item;
    item["remedy"] = remedy;
    item["name"] = ref ? ordered_json{{"en", ref->name.en}, {"zh", ref->name.zh}} : ordered_json{{"en", remedy}, {"zh", remedy}};
    item["unit"] = ref ? ref->unit : "item";
    item["quantity"] = ref ? ref->quantity : "element";
    item["material"] = money(price * share);
    item["labour"] = money(price * (1 - share));
    item["kind"] = ref ? std::string(to_string(ref->kind)) : "structural";
    item["group"] = ref ? ref->group : remedy;
    if (ref && !ref->params.empty()) {
      ordered_json params = ordered_json::object();
      for (const auto& [k, v] : ref->params) params[k] = number(v);
      item["params"] = params;
    }
    item["source"] = "fitted to " + std::to_string(c.households.size()) + " past bills" +
                     (c.region.empty() ? "" : " from " + c.region + ", brought to the reference level") +
                     (ref ? "; material/labour split as in " + reference.id : "");
    item["confidence"] = "calibrated";
    items.push_back(std::move(item));
  }
  j["items"] = std::move(items);
  ordered_json fit;
  fit["method"] = "non-negative least squares (Lawson-Hanson)";
  fit["households"] = c.households.size();
  fit["rmse"] = money(c.rmse);
  fit["r_squared"] = number(std::round(c.r_squared * 10000) / 10000);
  if (!c.region.empty()) fit["region"] = c.region;
  ordered_json residuals = ordered_json::array();
  for (const auto& h : c.households)
    residuals.push_back({{"household", h.household}, {"paid", money(h.paid)}, {"fitted", money(h.fitted)},
                         {"residual", money(h.paid - h.fitted)}});
  fit["residuals"] = std::move(residuals);
  j["calibration"] = std::move(fit);
  return j;
}

}  // namespace barrierfree
