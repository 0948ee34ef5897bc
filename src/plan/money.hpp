// Internal: amounts of money are kept and written to the cent.
#pragma once

#include <cmath>

namespace barrierfree::planning {

/// An amount rounded to the cent (fen), half away from zero.
inline double to_cents(double v) { return std::round(v * 100) / 100; }

}  // namespace barrierfree::planning
