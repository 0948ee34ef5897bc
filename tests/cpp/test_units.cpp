#include <barrierfree/units.hpp>

#include <catch2/catch.hpp>

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
