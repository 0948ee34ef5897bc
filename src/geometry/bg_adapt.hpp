// The one place where barrierfree's geometry types are adapted to
// Boost.Geometry. Include it only from .cpp files in src/: Boost.Geometry is
// heavy to compile and must not leak into the public headers.
//
// Point2 is a 2-D cartesian point; Ring (std::vector<Point2>) is an *open*,
// counter-clockwise ring; Polygon is an outer Ring with clockwise holes;
// MultiPolygon is a std::vector<Polygon>.
#pragma once

#include <barrierfree/geometry/types.hpp>

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/register/point.hpp>

BOOST_GEOMETRY_REGISTER_POINT_2D(barrierfree::Point2, double, boost::geometry::cs::cartesian, x, y)

namespace boost::geometry::traits {

template <>
struct tag<barrierfree::Ring> {
  using type = ring_tag;
};
template <>
struct point_order<barrierfree::Ring> {
  static const order_selector value = counterclockwise;
};
template <>
struct closure<barrierfree::Ring> {
  static const closure_selector value = open;
};

template <>
struct tag<barrierfree::Polygon> {
  using type = polygon_tag;
};
template <>
struct ring_const_type<barrierfree::Polygon> {
  using type = const barrierfree::Ring&;
};
template <>
struct ring_mutable_type<barrierfree::Polygon> {
  using type = barrierfree::Ring&;
};
template <>
struct interior_const_type<barrierfree::Polygon> {
  using type = const std::vector<barrierfree::Ring>&;
};
template <>
struct interior_mutable_type<barrierfree::Polygon> {
  using type = std::vector<barrierfree::Ring>&;
};
template <>
struct exterior_ring<barrierfree::Polygon> {
  static barrierfree::Ring& get(barrierfree::Polygon& p) { return p.outer; }
  static const barrierfree::Ring& get(const barrierfree::Polygon& p) { return p.outer; }
};
template <>
struct interior_rings<barrierfree::Polygon> {
  static std::vector<barrierfree::Ring>& get(barrierfree::Polygon& p) { return p.holes; }
  static const std::vector<barrierfree::Ring>& get(const barrierfree::Polygon& p) { return p.holes; }
};

template <>
struct tag<barrierfree::MultiPolygon> {
  using type = multi_polygon_tag;
};

}  // namespace boost::geometry::traits
