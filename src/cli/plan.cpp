// barrierfree plan CASE.json: choose, prove and price a household's modifications.
#include "cli/cli.hpp"

#include <barrierfree/io/case_json.hpp>
#include <barrierfree/plan/plan.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>

namespace barrierfree::cli {

PlanSetup plan_setup(Args& args) {
  PlanSetup s;
  s.standard = args.option("--standard");
  s.rules = user_ruleset(args.option("--rules"));
  const std::string catalog = args.option("--catalog");
  if (!catalog.empty()) {
    if (!std::filesystem::is_regular_file(catalog)) throw UsageError{"no such catalogue file: " + catalog};
    // A catalogue may list only some remedies: the reference catalogue supplies the rest.
    s.catalog = load_option_file(catalog, [&] { return load_catalog(catalog, &builtin_catalog()); });
  }
  const std::string regions = args.option("--regions");
  if (!regions.empty()) {
    if (!std::filesystem::is_regular_file(regions)) throw UsageError{"no such regions file: " + regions};
    s.regions = load_option_file(regions, [&] { return load_regions(regions); });
  }
  const std::string region = args.option("--region");
  if (!region.empty()) {
    // Asked for by name, a region without price factors would be priced at the reference level in silence.
    const Regions& table = s.regions ? *s.regions : builtin_regions();
    if (!table.find(region)) {
      std::string known;
      for (const RegionFactor& r : table.regions) known += (known.empty() ? "" : ", ") + r.code;
      throw UsageError{"--region " + region + ": no price factors for it in " +
                       (s.regions ? "the --regions file" : "the built-in regions") + " (known: " + known + ")"};
    }
    s.options.region = region;
  }
  const std::string budget = args.option("--budget");
  if (budget == "none") {
    s.options.no_budget = true;
  } else if (!budget.empty()) {
    const std::optional<double> b = decimal_number(budget);
    // A billion yuan is no household's budget but a slip; beyond, sums lose their cents.
    if (!b || *b < 0 || *b > max_budget)
      throw UsageError{"--budget must be a number of yuan from 0 to 1e9, or none"};
    s.options.budget = *b;
  }
  const std::string max_items = args.option("--max-items");
  if (!max_items.empty()) {
    const std::optional<double> n = decimal_number(max_items);
    // The same bound as Python's max_items: no home needs more items than that.
    if (!n || *n != std::floor(*n) || *n < 0 || *n > 10000)
      throw UsageError{"--max-items must be a whole number from 0 to 10000"};
    s.options.max_items = static_cast<int>(*n);
  }
  s.options.structural_first = args.flag("--structural-first");
  return s;
}

PlanResult run_plan(const Case& c, const PlanSetup& s, std::ostream& err) {
  const Catalog& catalog = s.catalog ? *s.catalog : builtin_catalog();
  const Regions& regions = s.regions ? *s.regions : builtin_regions();
  for (const Error& w : plan_warnings(c, regions, s.options))
    err << (c.id.empty() ? std::string("barrierfree") : c.id) << ": warning: " << to_string(w) << '\n';
  return plan(c, choose_ruleset(c, s.standard, s.rules), catalog, regions, s.options);
}

namespace {

void print_text(const PlanResult& r, bool zh, std::ostream& out) {
  const Plan& p = r.plan;
  out << r.before.id << " (" << r.before.standard << "): score " << r.score_before() << " -> " << r.score_after()
      << ", " << p.items.size() << " item(s), total " << std::fixed << std::setprecision(2) << p.total << " "
      << p.currency;
  if (p.budget) out << " of a budget of " << *p.budget;
  out << (p.verified ? "" : "  [NOT VERIFIED]") << "\n";
  for (const PlanItem& i : p.items) {
    // What it does: the barriers it removes, and those it only makes less severe.
    const auto ids = [](const std::vector<std::string>& list) {
      std::string s;
      for (const auto& f : list) s += (s.empty() ? "" : ",") + f;
      return s;
    };
    std::string does;
    if (!i.resolves.empty()) does = "resolves " + ids(i.resolves);
    if (!i.reduces.empty()) does += (does.empty() ? "(reduces " : " (reduces ") + ids(i.reduces) + ")";
    out << "  " << std::left << std::setw(22) << i.remedy << std::setw(14) << i.element << std::right << std::setw(8)
        << std::setprecision(2) << i.quantity << " " << std::left << std::setw(5) << i.unit << std::right
        << std::setw(10) << i.cost << "  " << (zh ? i.name.zh : i.name.en) << "  " << does << '\n';
  }
  for (const Deferred& d : p.deferred)
    out << "  deferred: " << d.remedy << " " << d.element << " (" << d.cost << ", " << d.reason << ")\n";
  std::map<std::string, int> reasons;
  for (const Residual& res : p.residual) ++reasons[res.reason];
  out << "  left:";
  for (const auto& [reason, n] : reasons) out << " " << n << " " << reason;
  out << '\n';
}

}  // namespace

int plan(Args args, std::ostream& out, std::ostream& err) {
  if (args.flag("--help", "-h")) {
    out << "usage: barrierfree plan [--budget N|none] [--catalog FILE] [--regions FILE] [--region CN-xx]\n"
           "                        [--standard ID] [--rules FILE] [--structural-first] [--max-items N]\n"
           "                        [--format json|text] [--lang en|zh] CASE.json\n\n"
           "Choose the modifications that remove the most severe barriers within the budget,\n"
           "prove them by checking the changed home again, and price them (bill of quantities).\n\n"
           "  --budget N|none     spending cap (default: the case's budget)\n"
           "  --catalog FILE      remedy prices of your own (items not listed keep reference prices)\n"
           "  --regions FILE      regional cost factors of your own\n"
           "  --region CN-xx      region for cost factors (default: the case's region)\n"
           "  --structural-first  设施改造优先: structural work before devices\n"
           "  --max-items N       at most N items per household\n";
    return exit_ok;
  }
  PlanSetup setup = plan_setup(args);
  const std::string format = args.option("--format");
  const std::string lang = language_option(args, "en");
  if (!format.empty() && format != "json" && format != "text") throw UsageError{"--format must be json or text"};
  const auto files = args.positional();
  if (files.size() != 1) throw UsageError{"plan needs exactly one CASE file"};
  Case c;
  try {
    c = read_case_file(files[0], err);
  } catch (const CaseError&) {
    return exit_invalid;
  }
  const PlanResult r = run_plan(c, setup, err);
  if (format == "text") print_text(r, lang == "zh", out);
  else out << to_json(r).dump(2) << '\n';
  return exit_ok;
}

}  // namespace barrierfree::cli
