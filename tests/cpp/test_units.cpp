#include <barrierfree/units.hpp>

#include <catch2/catch.hpp>

#include "report/svg.hpp"
#include "rules/format.hpp"

#include <cstdio>
#include <random>

using namespace barrierfree;
using namespace barrierfree::literals;

TEST_CASE("lengths carry their unit") {
  CHECK(Length::mm(815).mm() == 815);
  CHECK(Length::m(1.2).mm() == Approx(1200));
  // ADA's 32 in is 812.8 mm exactly (the standard's "815" is a rounded conversion).
  CHECK(Length::inches(32).mm() == Approx(812.8).margin(1e-9));
  CHECK(Length::inches(60).mm() == Approx(1524.0).margin(1e-9));
  CHECK(Length::mm(25.4).inches() == Approx(1.0).margin(1e-12));
  CHECK(36_in > 900_mm);
  CHECK(800_mm < 32_in);
}

TEST_CASE("length arithmetic and areas") {
  CHECK((1_mm + 2_mm).mm() == 3);
  CHECK((5_mm - 2_mm).mm() == 3);
  CHECK((2.0 * 3_mm).mm() == 6);
  CHECK(6_mm / 2_mm == 3);
  CHECK((2000_mm * 2000_mm).m2() == Approx(4.0));
  CHECK(Area::m2(4) == Area::mm2(4e6));
}

TEST_CASE("angles") {
  CHECK(Angle::degrees(180).radians() == Approx(Angle::pi));
  CHECK(Angle::radians(Angle::pi / 2).degrees() == Approx(90));
}

TEST_CASE("numbers in messages are written as printf's %.*f writes them, trailing zeros dropped") {
  using barrierfree::rules::number_text;
  const auto printf_text = [](double v, int decimals) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    return s == "-0" ? std::string("0") : s;
  };
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> length(-2e6, 2e6);
  std::vector<double> values{0.0, -0.0, 0.125, 2.675, 0.05, 1.005, 799.95, 1e15, -0.04, 12.5, 13.5};
  for (int i = 0; i < 20000; ++i) values.push_back(i % 2 ? length(random) : std::round(length(random)) / 20);
  for (double v : values)
    for (int decimals : {0, 1, 2, 3}) {
      CAPTURE(v, decimals);
      CHECK(number_text(v, decimals) == printf_text(v, decimals));
    }
  CHECK(number_text(0.125, 2) == "0.12");  // ties of the binary value go to even, as printf's do
  CHECK(number_text(-0.04, 1) == "0");
}

TEST_CASE("a wrapped Chinese line never starts with closing punctuation") {
  using barrierfree::report::wrap;
  // Nine characters a line: the full stop after the ninth stays with it, not alone on the next.
  const auto lines = wrap("门厅的回转空间不足。卫生间门窄。", 9.0);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "门厅的回转空间不足。");
  CHECK(lines[1] == "卫生间门窄。");
  // Words of Latin text still break at spaces only.
  for (const std::string& l : wrap("clear width 700 mm, at least 800 mm", 12.0)) CHECK(l.front() != ' ');
}
