// Internal: maximising a Lipschitz function over a box by cell subdivision
// (the "pole of inaccessibility" search), in a form whose result does not
// depend on the plan's orientation: the grid is symmetric about the box's
// centre and cells are refined in whole rounds, so turning or mirroring a
// plan by quarter turns maps the cells evaluated onto each other exactly.
#pragma once

#include <barrierfree/geometry/types.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace barrierfree::geometry::detail {

struct Best {
  Point2 at;
  double value;
};

/// The maximum of `f` over `box` to within `precision`; `bound(c, h, f(c))` gives
/// an upper bound of f over the square of half-size h at c (for f with
/// Lipschitz constant L, f(c) + L·h·√2 will do) and, when the bound is exact,
/// the point where it is attained (`.exact`, `.at`), which is taken as a
/// candidate for the maximum at once.
/// f is 1-Lipschitz where it is finite (a distance is; -inf marks points outside the
/// domain): cells that f(c) + h·√2 lets go are not bounded more closely.
/// The search stops as soon as a value of at least `enough` is found.
template <class F, class B>
Best maximise(F&& f, B&& bound, Box box, double precision,
              double enough = std::numeric_limits<double>::infinity()) {
  const double w = box.max.x - box.min.x, h = box.max.y - box.min.y;
  const Point2 centre{(box.min.x + box.max.x) / 2, (box.min.y + box.max.y) / 2};
  Best best{centre, f(centre)};
  // Square cells of the shorter side, but never more than a thousand or so to start with (a
  // long thin box would otherwise start with one cell per width along its whole length).
  const double size = std::max(std::min(w, h), std::sqrt(w * h / 1024));
  if (!(size > 0)) return best;
  struct Cell {
    Point2 c;
    double value;
  };
  const int nx = static_cast<int>(std::ceil(w / size - 1e-9)), ny = static_cast<int>(std::ceil(h / size - 1e-9));
  std::vector<Cell> cells;
  for (int i = 0; i < nx; ++i)
    for (int j = 0; j < ny; ++j) {
      const Point2 c{centre.x + (i - (nx - 1) / 2.0) * size, centre.y + (j - (ny - 1) / 2.0) * size};
      cells.push_back({c, f(c)});
    }
  double half = size / 2;
  std::vector<Cell> next;
  while (!cells.empty()) {
    for (const Cell& c : cells)
      if (c.value > best.value || (c.value == best.value && (c.c.x < best.at.x || (c.c.x == best.at.x && c.c.y < best.at.y))))
        best = {c.c, c.value};
    if (best.value >= enough) return best;
    // Keep the cells that could still beat the best by more than the precision.
    next.clear();
    const double q = half / 2;
    for (const Cell& c : cells) {
      // A cell the generic bound already lets go needs no closer one (f = -inf marks
      // points outside the domain, where only `bound` knows the cell's best).
      if (c.value > -std::numeric_limits<double>::infinity() &&
          c.value + half * std::sqrt(2.0) <= best.value + precision)
        continue;
      const auto b = bound(c.c, half, c.value);
      if (b.exact) {
        // The cell's maximum is known: no need to look inside it.
        const double v = f(b.at);
        if (v > best.value) best = {b.at, v};
        if (best.value >= enough) return best;
        continue;
      }
      if (b.value <= best.value + precision) continue;
      for (Point2 off : {Point2{-q, -q}, Point2{q, -q}, Point2{-q, q}, Point2{q, q}}) {
        const Point2 p = c.c + off;
        next.push_back({p, f(p)});
      }
    }
    cells.swap(next);
    half = q;
  }
  return best;
}

}  // namespace barrierfree::geometry::detail
