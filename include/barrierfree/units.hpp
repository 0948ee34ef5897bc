// Strong types for the quantities barrierfree works with.
//
// Chinese standards are written in millimetres, the ADA Standards in inches;
// a bare double crossing the API would sooner or later be read in the wrong
// unit. Every length therefore carries its unit in its type and is built by a
// named factory. The internal representation is millimetres (as a double), so
// millimetre values round-trip exactly; inches convert by the exact factor
// 25.4 mm/in.
#pragma once

#include <compare>
#include <cmath>

namespace barrierfree {

/// A length. Internally millimetres; build with Length::mm / ::m / ::inches.
class Length {
 public:
  constexpr Length() = default;

  static constexpr Length mm(double v) { return Length(v); }
  static constexpr Length m(double v) { return Length(v * 1000.0); }
  static constexpr Length inches(double v) { return Length(v * mm_per_inch); }

  [[nodiscard]] constexpr double mm() const { return mm_; }
  [[nodiscard]] constexpr double m() const { return mm_ / 1000.0; }
  [[nodiscard]] constexpr double inches() const { return mm_ / mm_per_inch; }

  constexpr Length& operator+=(Length o) { mm_ += o.mm_; return *this; }
  constexpr Length& operator-=(Length o) { mm_ -= o.mm_; return *this; }
  friend constexpr Length operator+(Length a, Length b) { return Length(a.mm_ + b.mm_); }
  friend constexpr Length operator-(Length a, Length b) { return Length(a.mm_ - b.mm_); }
  friend constexpr Length operator-(Length a) { return Length(-a.mm_); }
  friend constexpr Length operator*(Length a, double k) { return Length(a.mm_ * k); }
  friend constexpr Length operator*(double k, Length a) { return Length(a.mm_ * k); }
  friend constexpr Length operator/(Length a, double k) { return Length(a.mm_ / k); }
  friend constexpr double operator/(Length a, Length b) { return a.mm_ / b.mm_; }
  friend constexpr auto operator<=>(Length, Length) = default;

  static constexpr double mm_per_inch = 25.4;

 private:
  explicit constexpr Length(double mm) : mm_(mm) {}
  double mm_ = 0.0;
};

/// An area. Internally square millimetres; build with Area::mm2 / ::m2.
class Area {
 public:
  constexpr Area() = default;
  static constexpr Area mm2(double v) { return Area(v); }
  static constexpr Area m2(double v) { return Area(v * 1.0e6); }
  [[nodiscard]] constexpr double mm2() const { return mm2_; }
  [[nodiscard]] constexpr double m2() const { return mm2_ / 1.0e6; }

  friend constexpr Area operator+(Area a, Area b) { return Area(a.mm2_ + b.mm2_); }
  friend constexpr Area operator-(Area a, Area b) { return Area(a.mm2_ - b.mm2_); }
  friend constexpr auto operator<=>(Area, Area) = default;

 private:
  explicit constexpr Area(double mm2) : mm2_(mm2) {}
  double mm2_ = 0.0;
};

constexpr Area operator*(Length a, Length b) { return Area::mm2(a.mm() * b.mm()); }

/// An angle. Internally degrees counter-clockwise from +x, as in the case format.
class Angle {
 public:
  constexpr Angle() = default;
  static constexpr Angle degrees(double v) { return Angle(v); }
  static constexpr Angle radians(double v) { return Angle(v * 180.0 / pi); }
  [[nodiscard]] constexpr double degrees() const { return deg_; }
  [[nodiscard]] constexpr double radians() const { return deg_ * pi / 180.0; }
  friend constexpr auto operator<=>(Angle, Angle) = default;

  static constexpr double pi = 3.14159265358979323846;

 private:
  explicit constexpr Angle(double deg) : deg_(deg) {}
  double deg_ = 0.0;
};

namespace literals {
constexpr Length operator""_mm(long double v) { return Length::mm(static_cast<double>(v)); }
constexpr Length operator""_mm(unsigned long long v) { return Length::mm(static_cast<double>(v)); }
constexpr Length operator""_in(long double v) { return Length::inches(static_cast<double>(v)); }
constexpr Length operator""_in(unsigned long long v) { return Length::inches(static_cast<double>(v)); }
}  // namespace literals

}  // namespace barrierfree
