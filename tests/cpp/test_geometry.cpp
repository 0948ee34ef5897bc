#include <barrierfree/geometry/operations.hpp>
#include <barrierfree/units.hpp>

#include "geometry/passage.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>

using namespace barrierfree;
namespace g = barrierfree::geometry;

namespace {
Ring transformed(const Ring& r, double degrees, Point2 shift, bool mirror) {
  Ring out;
  const double c = std::cos(degrees * Angle::pi / 180), s = std::sin(degrees * Angle::pi / 180);
  for (Point2 p : r) {
    if (mirror) p.x = -p.x;
    out.push_back({c * p.x - s * p.y + shift.x, s * p.x + c * p.y + shift.y});
  }
  return out;
}
}  // namespace

TEST_CASE("signed area and orientation") {
  const Ring ccw = g::rectangle(0, 0, 2000, 1000);
  CHECK(g::signed_area(ccw) == Approx(2e6));
  Ring cw(ccw.rbegin(), ccw.rend());
  CHECK(g::signed_area(cw) == Approx(-2e6));
  const Ring n = g::normalised(cw);
  CHECK(g::signed_area(n) == Approx(2e6));
  SECTION("a repeated closing vertex and repeated vertices are dropped") {
    Ring closed = {{0, 0}, {0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};
    CHECK(g::normalised(closed).size() == 4);
  }
  SECTION("far from the origin the area stays exact") {
    CHECK(g::signed_area(g::rectangle(1e7, 1e7, 3, 7)) == 21);
  }
}

TEST_CASE("ring validation codes") {
  CHECK(g::validate_ring(g::rectangle(0, 0, 10, 10)) == g::RingProblem::none);
  CHECK(g::validate_ring({{0, 0}, {10, 0}}) == g::RingProblem::too_few_points);
  CHECK(g::validate_ring({{0, 0}, {10, 0}, {10, 0}, {0, 0}}) == g::RingProblem::too_few_points);
  CHECK(g::validate_ring({}) == g::RingProblem::too_few_points);
  CHECK(g::validate_ring({{0, 0}, {5, 0}, {10, 0}}) == g::RingProblem::zero_area);
  CHECK(g::validate_ring({{0, 0}, {10, 10}, {10, 0}, {0, 10}}) == g::RingProblem::self_intersecting);
  SECTION("a spike is a self-intersection") {
    CHECK(g::validate_ring({{0, 0}, {10, 0}, {10, 10}, {10, 20}, {10, 10}, {0, 10}}) ==
          g::RingProblem::self_intersecting);
  }
  SECTION("either orientation is valid") {
    const Ring r = g::rectangle(0, 0, 10, 10);
    CHECK(g::validate_ring(Ring(r.rbegin(), r.rend())) == g::RingProblem::none);
  }
  SECTION("an L-shaped room is valid") {
    CHECK(g::validate_ring({{0, 0}, {3000, 0}, {3000, 1000}, {1000, 1000}, {1000, 3000}, {0, 3000}}) ==
          g::RingProblem::none);
  }
}

TEST_CASE("fixture footprints") {
  for (double facing : {0.0, 90.0, 180.0, 270.0, -90.0, 450.0, 30.0}) {
    CAPTURE(facing);
    const Ring f = g::footprint({1000, 2000}, 400, 700, facing);
    CHECK(g::signed_area(f) == Approx(400 * 700));
    const Box b = g::bounds(f);
    CHECK((b.min.x + b.max.x) / 2 == Approx(1000));
    CHECK((b.min.y + b.max.y) / 2 == Approx(2000));
  }
  // A toilet facing down (270°): 700 deep along y, 400 wide along x.
  const Box b = g::bounds(g::footprint({3200, 5050}, 400, 700, 270));
  CHECK(b.min.x == 3000);
  CHECK(b.max.x == 3400);
  CHECK(b.min.y == 4700);
  CHECK(b.max.y == 5400);
}

TEST_CASE("points and rings") {
  const Ring r = g::rectangle(0, 0, 1000, 1000);
  CHECK(g::covers(r, {500, 500}));
  CHECK(g::covers(r, {1000, 500}));                 // on the boundary
  CHECK(g::covers(r, {1000.005, 500}));             // within tolerance
  CHECK_FALSE(g::covers(r, {1001, 500}));
  CHECK(g::covers(r, {1040, 500}, 50));
  CHECK(g::signed_distance(r, {500, 400}) == Approx(-400));
  CHECK(g::signed_distance(r, {1300, 500}) == Approx(300));
  CHECK(g::distance(Point2{0, 5}, Segment{{0, 0}, {0, 10}}) == 0);
  CHECK(g::distance(Point2{3, 20}, Segment{{0, 0}, {0, 10}}) == Approx(std::hypot(3, 10)));
  CHECK(g::distance(Segment{{0, 0}, {10, 10}}, Segment{{0, 10}, {10, 0}}) == 0);
  CHECK(g::distance(Segment{{0, 0}, {10, 0}}, Segment{{0, 5}, {10, 5}}) == 5);
  const Point2 c = g::closest_point_on_boundary(r, {500, 900});
  CHECK(c.y == 1000);
}

TEST_CASE("shared walls") {
  const Ring hall = g::rectangle(0, 0, 1200, 3600);
  const Ring living = g::rectangle(1200, 0, 4200, 3600);
  const auto walls = g::shared_walls(hall, living, 1.0);
  REQUIRE(walls.size() == 1);
  CHECK(walls[0].length() == Approx(3600));
  SECTION("partly shared") {
    const Ring kitchen = g::rectangle(0, 3600, 2100, 2700);
    const auto w = g::shared_walls(hall, kitchen, 1.0);
    REQUIRE(w.size() == 1);
    CHECK(w[0].length() == Approx(1200));
  }
  SECTION("rooms touching at a corner share no wall") {
    CHECK(g::shared_walls(hall, g::rectangle(1200, 3600, 100, 100), 1.0).empty());
  }
  SECTION("walls within the tolerance count as shared") {
    CHECK(g::shared_walls(hall, g::rectangle(1230, 0, 1000, 1000), 50.0).size() == 1);
    CHECK(g::shared_walls(hall, g::rectangle(1260, 0, 1000, 1000), 50.0).empty());
  }
}

TEST_CASE("overlap and free floor") {
  const Ring room = g::rectangle(0, 0, 3000, 3000);
  CHECK(g::overlap_area(room, g::rectangle(3000, 0, 1000, 1000)) == Approx(0).margin(1e-6));
  CHECK(g::overlap_area(room, g::rectangle(2900, 0, 1000, 1000)) == Approx(1e5));
  const MultiPolygon free = g::difference(room, {g::rectangle(0, 0, 1000, 1000), g::rectangle(1000, 2000, 500, 500)});
  CHECK(g::area(free) == Approx(9e6 - 1e6 - 0.25e6));
  SECTION("a fixture that splits the room leaves two pieces") {
    CHECK(g::difference(room, {g::rectangle(1400, 0, 200, 3000)}).size() == 2);
  }
  SECTION("no obstacles: the room itself") {
    CHECK(g::area(g::difference(room, {})) == Approx(9e6));
  }
}

TEST_CASE("overlap of rooms at any angle: a shared wall is no overlap") {
  // Boost.Geometry's intersection once took the bedroom for inside the living room when both
  // were turned by 30°, and HM-012 and ten other households were refused as overlapping.
  const Ring living = g::rectangle(1500, 0, 3300, 3900), bed = g::rectangle(2700, 3900, 3300, 2400);
  // An L (not convex) and a rectangle overlapping it by 500 x 1000 mm in its notch's arm.
  const Ring ell = {{0, 0}, {4000, 0}, {4000, 1500}, {1500, 1500}, {1500, 4000}, {0, 4000}};
  const Ring across = g::rectangle(1000, 2000, 1000, 1000);
  // Two Ls, neither convex, with 500 x 1000 mm in common.
  const Ring ell2 = {{1000, 3000}, {2500, 3000}, {2500, 5000}, {-1000, 5000}, {-1000, 4000}, {1000, 4000}};
  for (int degrees = 0; degrees < 360; degrees += 1) {
    for (bool mirror : {false, true}) {
      CAPTURE(degrees, mirror);
      const Point2 shift{12345.6, -789.1};
      auto t = [&](const Ring& r) { return transformed(r, degrees, shift, mirror); };
      CHECK(g::overlap_area(t(living), t(bed)) < 1.0);
      CHECK(g::overlap_area(t(bed), t(living)) < 1.0);
      CHECK(g::overlap_area(t(ell), t(across)) == Approx(0.5e6).epsilon(1e-9));
      CHECK(g::overlap_area(t(across), t(ell)) == Approx(0.5e6).epsilon(1e-9));
      CHECK(g::overlap_area(t(ell), t(ell2)) == Approx(0.5e6).epsilon(1e-9));
      CHECK(g::overlap_area(t(ell2), t(ell)) == Approx(0.5e6).epsilon(1e-9));
      CHECK(g::overlap_area(t(living), t(living)) == Approx(3300.0 * 3900).epsilon(1e-9));
    }
  }
  SECTION("degenerate rings overlap nothing") {
    CHECK(g::overlap_area({}, living) == 0);
    CHECK(g::overlap_area({{0, 0}, {1000, 0}}, living) == 0);
    CHECK(g::overlap_area({{2000, 100}, {3000, 100}, {4000, 100}}, living) == 0);  // collinear
  }
  SECTION("a ring with a straight corner (a collinear vertex)") {
    const Ring with_midpoint = {{0, 0}, {2000, 0}, {4000, 0}, {4000, 1500}, {1500, 1500}, {1500, 4000}, {0, 4000}};
    CHECK(g::overlap_area(with_midpoint, across) == Approx(0.5e6));
    CHECK(g::overlap_area(with_midpoint, ell2) == Approx(0.5e6));
  }
}

TEST_CASE("largest inscribed circle") {
  SECTION("a rectangle: the short side, to within the precision") {
    const Circle c = g::largest_inscribed_circle(g::rectangle(0, 0, 1500, 2000), {});
    CHECK(c.diameter() == Approx(1500).margin(0.5));
    CHECK(c.diameter() <= 1500 + 1e-9);
  }
  SECTION("exactly at a limit and 1 mm below it") {
    CHECK(std::round(g::largest_inscribed_circle(g::rectangle(0, 0, 1500, 1500), {}).diameter()) == 1500);
    CHECK(std::round(g::largest_inscribed_circle(g::rectangle(0, 0, 1499, 3000), {}).diameter()) == 1499);
  }
  SECTION("obstacles take their footprint") {
    // A 2000 x 2000 bathroom with a 600-deep basin along one wall: 1400 left.
    const Ring room = g::rectangle(0, 0, 2000, 2000);
    const Circle c = g::largest_inscribed_circle(room, {g::rectangle(0, 1400, 2000, 600)});
    CHECK(c.diameter() == Approx(1400).margin(0.5));
    CHECK(c.centre.y < 1400);
  }
  SECTION("an L-shaped room with a fixture agrees with a brute-force search") {
    const Ring l = {{0, 0}, {3000, 0}, {3000, 1000}, {1600, 1000}, {1600, 3000}, {0, 3000}};
    const std::vector<Ring> obstacles = {g::rectangle(0, 2400, 900, 600)};
    double brute = 0;
    const double step = 5;
    for (double x = 0; x <= 3000; x += step)
      for (double y = 0; y <= 3000; y += step) brute = std::max(brute, g::clearance(l, obstacles, {x, y}));
    const double found = g::largest_inscribed_circle(l, obstacles).radius;
    CHECK(found >= brute - 0.25);
    CHECK(found <= brute + step);  // the grid can miss the optimum by at most a cell
  }
  SECTION("the same circle after rotating, mirroring and moving the plan") {
    const Ring room = {{0, 0}, {2400, 0}, {2400, 1800}, {900, 1800}, {900, 2600}, {0, 2600}};
    const std::vector<Ring> obstacles = {g::rectangle(1700, 0, 700, 700), g::footprint({450, 2200}, 400, 700, 90)};
    const double reference = g::largest_inscribed_circle(room, obstacles).diameter();
    for (double angle : {90.0, 180.0, 270.0, 33.0})
      for (bool mirror : {false, true}) {
        CAPTURE(angle, mirror);
        std::vector<Ring> obs;
        for (const Ring& o : obstacles) obs.push_back(transformed(o, angle, {12345, -678}, mirror));
        const double d = g::largest_inscribed_circle(transformed(room, angle, {12345, -678}, mirror), obs).diameter();
        CHECK(d == Approx(reference).margin(0.5));
      }
  }
  SECTION("degenerate input gives no circle") {
    CHECK(g::largest_inscribed_circle({}, {}).radius == 0);
    CHECK(g::largest_inscribed_circle({{0, 0}, {10, 0}, {20, 0}}, {}).radius == 0);
    // An obstacle covering the whole room.
    CHECK(g::largest_inscribed_circle(g::rectangle(0, 0, 100, 100), {g::rectangle(-1, -1, 102, 102)}).radius == 0);
  }
}

TEST_CASE("largest circle near an opening agrees with a brute-force search within the reach") {
  // The turning space in front of a door: centres within `reach` of the opening. The
  // search prunes cells by bounds; a cell whose centre is out of reach may still hold
  // the best centre (near the reach's edge), which a brute-force grid would find.
  const Ring room = {{0, 0}, {2600, 0}, {2600, 1700}, {1200, 1700}, {1200, 2900}, {0, 2900}};
  const std::vector<Ring> obstacles = {g::rectangle(1900, 0, 700, 650), g::footprint({400, 2500}, 450, 700, 270),
                                       {{1200, 900}, {1200, 1700}, {900, 1660}, {800, 1560}, {780, 1400}}};
  const std::vector<Segment> openings = {{{300, 0}, {1100, 0}}, {{2600, 800}, {2600, 1500}}, {{0, 1200}, {0, 2000}}};
  for (const Segment& door : openings)
    for (double reach : {350.0, 700.0, 1100.0, 1550.0}) {
      CAPTURE(door.a.x, door.a.y, reach);
      double brute = 0;
      const double step = 4;
      for (double x = 0; x <= 2600; x += step)
        for (double y = 0; y <= 2900; y += step)
          if (g::distance(Point2{x, y}, door) <= reach) brute = std::max(brute, g::clearance(room, obstacles, {x, y}));
      const Circle found = g::largest_circle_near(room, obstacles, door, reach);
      // Within the precision of the best (the grid's best is no better than the true one) ...
      CHECK(found.radius >= brute - 0.25);
      // ... and a circle that is really there, centred within the reach.
      CHECK(g::clearance(room, obstacles, found.centre) >= found.radius - 1e-6);
      CHECK(g::distance(found.centre, door) <= reach + 1e-9);
    }
}

namespace {

/// The best clearance a fine search finds in `room` within `reach` of `anchor`: a grid, then
/// a pattern search from its best points, a reference independent of the cell search.
double reference_clearance(const Ring& room, const std::vector<Ring>& obstacles, const Segment* anchor, double reach) {
  const Box b = g::bounds(room);
  const auto f = [&](Point2 p) {
    if (anchor && g::distance(p, *anchor) > reach) return -1e300;
    return g::clearance(room, obstacles, p);
  };
  std::vector<std::pair<double, Point2>> grid;
  const double step = 20;
  for (double x = b.min.x; x <= b.max.x; x += step)
    for (double y = b.min.y; y <= b.max.y; y += step) grid.push_back({f({x, y}), {x, y}});
  std::sort(grid.begin(), grid.end(), [](const auto& u, const auto& v) { return u.first > v.first; });
  double best = grid.empty() ? 0 : grid[0].first;
  for (std::size_t i = 0; i < std::min<std::size_t>(grid.size(), 12); ++i) {
    auto [v, p] = grid[i];
    for (double s = step; s > 0.002; s /= 2)
      for (bool moved = true; moved;) {
        moved = false;
        for (Point2 d : {Point2{s, 0}, Point2{-s, 0}, Point2{0, s}, Point2{0, -s}, Point2{s, s}, Point2{-s, -s},
                         Point2{s, -s}, Point2{-s, s}})
          if (const double w = f(p + d); w > v) v = w, p = p + d, moved = true;
      }
    best = std::max(best, v);
  }
  return best;
}

}  // namespace

TEST_CASE("largest circles in random rooms with turned fixtures and door swings agree with a fine search") {
  // Fixture corners and the faceted arc of a door's swing are where the clearance is a distance to a
  // point, not to a line: the search's exact bound over a cell must hold there too, or it would let
  // a cell go that holds a larger circle.
  std::uint64_t seed = 0x9e3779b97f4a7c15ull;
  const auto uniform = [&](double lo, double hi) {
    seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
    return lo + (hi - lo) * static_cast<double>(seed % 1000003) / 1000003.0;
  };
  for (int trial = 0; trial < 60; ++trial) {
    CAPTURE(trial);
    const double w = uniform(1200, 3200), d = uniform(1200, 3200);
    Ring room = g::rectangle(0, 0, w, d);
    if (trial % 3 == 0) room = {{0, 0}, {w, 0}, {w, d * 0.5}, {w * 0.6, d * 0.5}, {w * 0.6, d}, {0, d}};
    std::vector<Ring> obstacles;
    for (int k = 0, n = 1 + trial % 4; k < n; ++k)
      obstacles.push_back(g::footprint({uniform(0, w), uniform(0, d)}, uniform(300, 900), uniform(300, 800),
                                       trial % 2 ? uniform(0, 360) : 90.0 * (k % 4)));
    // A door's swing: a quarter disc of eight facets about a hinge on the bottom wall.
    const double leaf = uniform(600, 900), hinge = uniform(0, w - leaf);
    Ring swing{{hinge, 0}};
    for (int k = 0; k <= 8; ++k) {
      const double a = Angle::pi / 2 * k / 8;
      swing.push_back({hinge + leaf * std::cos(a), leaf * std::sin(a)});
    }
    obstacles.push_back(swing);
    const double room_best = reference_clearance(room, obstacles, nullptr, 0);
    const Circle c = g::largest_inscribed_circle(room, obstacles);
    CHECK(c.radius >= room_best - 0.25);
    CHECK(g::clearance(room, obstacles, c.centre) >= c.radius - 1e-6);
    const Segment door{{hinge, 0}, {hinge + leaf, 0}};
    const double reach = uniform(500, 1600);
    const double near_best = reference_clearance(room, obstacles, &door, reach);
    const Circle n = g::largest_circle_near(room, obstacles, door, reach);
    CHECK(n.radius >= near_best - 0.25);
    CHECK(g::clearance(room, obstacles, n.centre) >= n.radius - 1e-6);
    CHECK(g::distance(n.centre, door) <= reach + 1e-9);
  }
}

TEST_CASE("the nearest edge of a ring, the first of equally near ones, never one of no length") {
  const Ring square = geometry::rectangle(0, 0, 1000, 1000);
  const auto east = geometry::nearest_edge(square, {990, 500});
  REQUIRE(east);
  CHECK(east->a.x == 1000);
  CHECK(east->b.x == 1000);
  // At a corner two edges are as near: the first in the ring's order.
  const auto corner = geometry::nearest_edge(square, {1000, 1000});
  REQUIRE(corner);
  const auto all = geometry::edges(square);
  const auto first = std::find_if(all.begin(), all.end(), [](const Segment& e) {
    return geometry::distance(Point2{1000, 1000}, e) == 0;
  });
  CHECK((corner->a == first->a && corner->b == first->b));
  // A repeated point makes an edge of no length, which is skipped; no edge at all: nothing.
  const Ring repeated = {{0, 0}, {0, 0}, {1000, 0}, {1000, 1000}};
  const auto e = geometry::nearest_edge(repeated, {0, 0});
  REQUIRE(e);
  CHECK(e->length() > 0);
  CHECK_FALSE(geometry::nearest_edge(Ring{}, {0, 0}));
  CHECK_FALSE(geometry::nearest_edge(Ring{{5, 5}}, {0, 0}));
}

namespace {
/// The ring with each edge cut into `pieces` collinear pieces.
Ring subdivided(const Ring& r, int pieces) {
  Ring out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    const Point2 a = r[i], b = r[(i + 1) % r.size()];
    for (int k = 0; k < pieces; ++k) out.push_back(a + (b - a) * (static_cast<double>(k) / pieces));
  }
  return out;
}
}  // namespace

TEST_CASE("a ring's corners: points on a straight wall between two others are not corners") {
  const Ring l{{0, 0}, {3000, 0}, {3000, 1500}, {1500, 1500}, {1500, 3000}, {0, 3000}};
  CHECK(g::without_collinear(l) == l);
  CHECK(g::without_collinear(subdivided(l, 7)) == l);
  // A corner is kept however shallow, if it is more than a micrometre off the straight line.
  Ring bent = l;
  bent.insert(bent.begin() + 1, Point2{1500, 0.002});
  CHECK(g::without_collinear(bent).size() == l.size() + 1);
  bent[1].y = 0.0005;
  CHECK(g::without_collinear(bent) == l);
  // The first point in the middle of the closing wall, and points repeated.
  const Ring from_middle{{0, 1500}, {0, 0}, {0, 0}, {3000, 0}, {3000, 3000}, {0, 3000}, {0, 2000}};
  CHECK(g::without_collinear(from_middle) == Ring{{0, 0}, {3000, 0}, {3000, 3000}, {0, 3000}});
  // A spike turns back: its tip is a corner (and the ring invalid, which validation reports).
  CHECK(g::without_collinear(Ring{{0, 0}, {2000, 0}, {3000, 0}, {2500, 0}, {2500, 1000}}).size() == 4);
  // Turned, mirrored or moved: the same corners.
  for (double degrees : {0.0, 30.0, 90.0, 211.0})
    for (bool mirror : {false, true}) {
      CAPTURE(degrees, mirror);
      const Ring corners = g::without_collinear(transformed(subdivided(l, 5), degrees, {12345.6, -789}, mirror));
      CHECK(corners.size() == l.size());
    }
}

TEST_CASE("a wall drawn in many collinear pieces measures as one wall") {
  // A survey's output: each wall cut into 500 pieces. The widths and circles are those of the
  // plain room; they once took the square of the pieces to compute.
  const Ring room = g::rectangle(0, 0, 3000, 2400);
  const std::vector<Ring> obstacles{g::rectangle(1200, 0, 600, 900), g::rectangle(1000, 1700, 800, 700)};
  const Segment a{{0, 900}, {0, 1700}}, b{{3000, 800}, {3000, 1600}};
  const Ring pieces = subdivided(room, 500);
  const g::Pinch plain = g::passage_width(room, obstacles, a, b, 50);
  const g::Pinch cut = g::passage_width(pieces, obstacles, a, b, 50);
  CHECK(cut.width == Approx(plain.width).margin(1e-6));
  CHECK(plain.width == Approx(800));  // between the two obstacles
  CHECK(cut.first == plain.first);
  CHECK(cut.second == plain.second);
  const Circle c = g::largest_inscribed_circle(room, obstacles), d = g::largest_inscribed_circle(pieces, obstacles);
  CHECK(d.radius == Approx(c.radius).margin(0.25));
  const Circle near_a = g::largest_circle_near(room, obstacles, a, 1500), near_cut = g::largest_circle_near(pieces, obstacles, a, 1500);
  CHECK(near_cut.radius == Approx(near_a.radius).margin(0.25));
}

TEST_CASE("what a ring's corners drop lies within a micrometre of them, from any first point") {
  // Dropped greedily, points once drifted along a gentle curve: an arc sampled finely lost its
  // bulge, and a sliver collapsed to two points.
  const auto farthest_dropped = [](const Ring& ring, const Ring& corners) {
    double worst = 0;
    for (Point2 p : ring) {
      double nearest = std::numeric_limits<double>::infinity();
      for (const Segment& e : g::edges(corners)) nearest = std::min(nearest, g::distance(p, e));
      worst = std::max(worst, nearest);
    }
    return worst;
  };
  Ring arc;  // a quarter circle of 3 m, a point every 0.05 mm, closed through the centre
  for (int k = 0; k <= 94248; k += 10) {
    const double t = k / 60000.0;
    arc.push_back({3000 * std::cos(t), 3000 * std::sin(t)});
  }
  arc.push_back({0, 0});
  const Ring arc_corners = g::without_collinear(arc);
  CHECK(farthest_dropped(arc, arc_corners) <= 1e-3 + 1e-9);
  CHECK(arc_corners.size() > 50);  // the curve is kept as a curve

  Ring sliver;  // 100 mm long, bulging 0.1 mm: valid, and must stay a ring
  for (int k = 0; k <= 400; ++k) {
    const double x = k * 0.25;
    sliver.push_back({x, 0.1 * std::sin(x / 100 * Angle::pi)});
  }
  REQUIRE(g::validate_ring(sliver) == g::RingProblem::none);
  const Ring sliver_corners = g::without_collinear(sliver);
  CHECK(sliver_corners.size() >= 3);
  CHECK(farthest_dropped(sliver, sliver_corners) <= 1e-3 + 1e-9);

  // A hall drawn with 1,200 points, straight walls noisy by 0.4 µm: the same corners from every start.
  const Ring hall = g::rectangle(0, 0, 1200, 3900);
  Ring noisy;
  std::uint32_t state = 12345;
  for (std::size_t i = 0; i < hall.size(); ++i)
    for (int k = 0; k < 300; ++k) {
      state = state * 1664525u + 1013904223u;
      const double wobble = (static_cast<double>(state >> 8) / (1 << 24) - 0.5) * 0.8e-3;
      const Point2 a = hall[i], b = hall[(i + 1) % hall.size()];
      const Point2 along = a + (b - a) * (k / 300.0);
      noisy.push_back(k == 0 ? along : along + left_normal((b - a) * (1.0 / distance(a, b))) * wobble);
    }
  for (std::size_t start : {std::size_t{0}, std::size_t{1}, std::size_t{150}, std::size_t{299}, std::size_t{777}}) {
    CAPTURE(start);
    Ring turned(noisy.begin() + static_cast<std::ptrdiff_t>(start), noisy.end());
    turned.insert(turned.end(), noisy.begin(), noisy.begin() + static_cast<std::ptrdiff_t>(start));
    const Ring corners = g::without_collinear(turned);
    CHECK(corners.size() == 4);
    CHECK(farthest_dropped(turned, corners) <= 1e-3 + 1e-9);
  }
}
