// Calibration recovers known unit prices from synthetic bills with noise.
#include <barrierfree/plan/calibrate.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <sstream>

using namespace barrierfree;

// The noise is on each line of each bill (what one contractor charged for one
// item in one home varies by 5%), which is how real bills differ.
TEST_CASE("calibration recovers known unit prices within 2% from bills with 5% noise") {
  const std::map<std::string, double> truth = {
      {"door.widen", 1400}, {"threshold.remove", 230}, {"grab_bar.install", 300}, {"toilet.seated", 1600},
      {"floor.anti_slip", 85}, {"shower.seat", 360},   {"call.install", 200},     {"doorbell.visual", 180}};
  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0.0, 0.05);
  std::uniform_int_distribution<int> count(0, 3);
  std::uniform_real_distribution<double> area(2.0, 12.0);
  std::ostringstream csv;
  csv << "household,total";
  for (const auto& [remedy, p] : truth) csv << ',' << remedy;
  csv << '\n';
  for (int h = 0; h < 1000; ++h) {
    std::map<std::string, double> q;
    double total = 0;
    for (const auto& [remedy, price] : truth) {
      double x = remedy == "floor.anti_slip" ? (count(rng) ? std::round(area(rng) * 10) / 10 : 0) : count(rng);
      if (remedy == "door.widen" || remedy == "toilet.seated") x = std::min(x, 1.0);
      q[remedy] = x;
      total += x * price * (1 + noise(rng));
    }
    csv << "HM-" << h << ',' << total;
    for (const auto& [remedy, p] : truth) csv << ',' << q[remedy];
    csv << '\n';
  }
  const auto bills = read_bills_csv(csv.str());
  REQUIRE(bills.size() == 1000);
  const Calibration c = calibrate(bills, builtin_catalog());
  for (const auto& [remedy, price] : truth) {
    CAPTURE(remedy);
    CHECK(c.unit_cost.at(remedy) == Approx(price).epsilon(0.02));
  }
  CHECK(c.r_squared > 0.8);
  const auto override_json = to_catalog_json(c, builtin_catalog());
  // The override is a catalogue the planner reads on top of the reference.
  const Catalog merged = parse_catalog(override_json.dump(), &builtin_catalog());
  CHECK(merged.find("door.widen")->material + merged.find("door.widen")->labour ==
        Approx(c.unit_cost.at("door.widen")).margin(0.02));
  CHECK(merged.items.size() == builtin_catalog().items.size());
  CHECK(override_json["calibration"]["residuals"].size() == 1000);
}

TEST_CASE("a region brings fitted prices back to the reference level") {
  const std::string csv = "household,total,threshold.remove\na,460,2\nb,230,1\n";
  RegionFactor twice{"CN-99", "", {}, 2.0, 2.0};
  const Calibration c = calibrate(read_bills_csv(csv), builtin_catalog(), &twice);
  CHECK(c.unit_cost.at("threshold.remove") == Approx(115));
}

TEST_CASE("prices cannot come out negative") {
  // A household that paid less with more items: least squares would go negative.
  const std::string csv = "household,total,grab_bar.install,call.install\na,300,1,0\nb,200,1,1\nc,310,1,0\n";
  const Calibration c = calibrate(read_bills_csv(csv), builtin_catalog());
  CHECK(c.unit_cost.at("call.install") >= 0);
}

TEST_CASE("bad bills are reported with their line") {
  auto codes = [](const std::string& text) {
    try {
      read_bills_csv(text);
    } catch (const InputError& e) {
      std::vector<std::pair<std::string, int>> out;
      for (const Error& x : e.errors()) out.emplace_back(x.code, x.line);
      return out;
    }
    return std::vector<std::pair<std::string, int>>{};
  };
  CHECK(codes("") == std::vector<std::pair<std::string, int>>{{"bills.102", 0}});
  CHECK(codes("household,total,door.widden\n") == std::vector<std::pair<std::string, int>>{{"bills.105", 1}});
  CHECK(codes("household,total,door.widen\na,100\n") == std::vector<std::pair<std::string, int>>{{"bills.103", 2}});
  CHECK(codes("household,total,door.widen\na,100,x\n") == std::vector<std::pair<std::string, int>>{{"bills.103", 2}});
  CHECK(codes("household,total,door.widen\na,-5,1\n") == std::vector<std::pair<std::string, int>>{{"bills.107", 2}});
  CHECK_THROWS_AS(calibrate({}, builtin_catalog()), std::invalid_argument);
}
