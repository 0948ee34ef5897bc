// Internal: maximising a Lipschitz function over a box by cell subdivision
// (the "pole of inaccessibility" search), in a form whose result does not
// depend on the plan's orientation: the grid is symmetric about the box's
// centre and cells are refined in whole rounds, so turning or mirroring a
// plan by quarter turns maps the cells evaluated onto each other exactly.
#pragma once

#include <barrierfree/geometry/types.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace barrierfree::geometry::detail {

struct Best {
  Point2 at;
  double value;
};

/// The maximum of `f` over `box` to within `precision`, for `f` with Lipschitz constant `lipschitz`.
template <class F>
Best maximise(F&& f, Box box, double lipschitz, double precision) {
  const double w = box.max.x - box.min.x, h = box.max.y - box.min.y;
  const Point2 centre{(box.min.x + box.max.x) / 2, (box.min.y + box.max.y) / 2};
  Best best{centre, f(centre)};
  const double size = std::min(w, h);
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
    // Keep the cells that could still beat the best by more than the precision.
    const double reach = lipschitz * half * std::sqrt(2.0);
    next.clear();
    const double q = half / 2;
    for (const Cell& c : cells) {
      if (c.value + reach <= best.value + precision) continue;
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
