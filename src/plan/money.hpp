// Internal: amounts of money are kept and written to the cent.
#pragma once

#include <cmath>

namespace barrierfree::planning {

/// An amount rounded to the cent (fen), half away from zero as its decimal value would be:
/// 5.85 × 31.50 is 184.275 but 184.27499999999998 in binary, so the product is nudged
/// outward by a relative 1e-12 first, far more than rounding errs and far less than the
/// smallest step of the prices' decimals (amounts of a household are below 1e7 yuan).
inline double to_cents(double v) { return std::round(v * 100 * (1 + 1e-12)) / 100; }

}  // namespace barrierfree::planning
