// barrierfree calibrate PAST.csv: unit costs fitted to what past projects paid.
#include "cli/cli.hpp"

#include <barrierfree/plan/calibrate.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace barrierfree::cli {

int calibrate(Args args, std::ostream& out, std::ostream& err) {
  if (args.flag("--help", "-h")) {
    out << "usage: barrierfree calibrate [--region CN-xx] [--catalog FILE] [-o OUT.json] PAST.csv\n\n"
           "Fit unit costs to past bills by non-negative least squares and write a catalogue\n"
           "override (barrierfree.catalog/1) with the fitted prices and the fit's residuals.\n"
           "PAST.csv: a header household,total,<remedy>,<remedy>,… and one row per household\n"
           "with the total paid and the quantity of each item.\n\n"
           "  --region CN-xx  the bills' region: prices are brought back to the reference level\n"
           "  --catalog FILE  the catalogue whose units and material/labour split to use\n"
           "  -o FILE         write the override there (default: standard output)\n";
    return exit_ok;
  }
  const std::string region = args.option("--region");
  const std::string catalog_file = args.option("--catalog");
  const std::string output = args.option("-o", "-o");
  const auto files = args.positional();
  if (files.size() != 1) throw UsageError{"calibrate needs exactly one PAST.csv"};
  if (!std::filesystem::is_regular_file(files[0])) throw UsageError{"no such file: " + files[0]};
  const Catalog catalog = catalog_file.empty() ? builtin_catalog()
                                               : load_option_file(catalog_file, [&] {
                                                   return load_catalog(catalog_file, &builtin_catalog());
                                                 });
  const RegionFactor* factors = nullptr;
  if (!region.empty()) {
    factors = builtin_regions().find(region);
    if (!factors) throw UsageError{"unknown region " + region};
  }
  std::ifstream in(files[0], std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<Bill> bills;
  try {
    bills = read_bills_csv(text.str());
  } catch (const InputError& e) {
    for (const Error& x : e.errors())
      err << files[0] << ":" << x.line << ": error: [" << x.code << "] " << (x.path.empty() ? "" : x.path + ": ")
          << x.message << '\n';
    return exit_invalid;
  }
  Calibration c;
  try {
    c = barrierfree::calibrate(bills, catalog, factors);
  } catch (const std::invalid_argument& e) {
    err << "barrierfree: " << e.what() << '\n';
    return exit_invalid;
  }
  const std::string json = to_catalog_json(c, catalog).dump(2) + "\n";
  if (output.empty() || output == "-") {
    out << json;
  } else {
    std::ofstream o(output, std::ios::binary);
    o << json;
  }
  err << "calibrated " << c.unit_cost.size() << " unit costs on " << c.households.size()
      << " households: RMSE " << c.rmse << ", R² " << c.r_squared << '\n';
  return exit_ok;
}

}  // namespace barrierfree::cli
