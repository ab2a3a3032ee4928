#include "paradox_lab/format.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace paradox::lab {

std::string format_number(double x, int digits) {
  if (!std::isfinite(x)) return "n/a";
  char buffer[64];
  const double magnitude = std::fabs(x);
  if (magnitude != 0.0 && (magnitude >= 1e6 || magnitude < 1e-3)) {
    std::snprintf(buffer, sizeof buffer, "%.*g", digits, x);
    return buffer;
  }
  // Fixed notation with `digits` significant digits, trailing zeros kept out.
  int decimals = digits - 1;
  if (magnitude >= 1.0) decimals = digits - 1 - static_cast<int>(std::floor(std::log10(magnitude)));
  if (decimals < 0) decimals = 0;
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, x);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

std::string format_percent(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return "n/a";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f%%", decimals, 100.0 * fraction);
  return buffer;
}

std::string format_times(double x) { return format_number(x, 3) + "x"; }

// Both "beside" helpers stop at 10 significant digits: the walk-throughs call a speedup exact
// within a relative 1e-9, so anything they call different still prints differently.
std::string format_times_beside(double x, double reference) {
  std::string text = format_number(x, 3);
  if (x != reference) {
    for (int digits = 4; digits <= 10 && text == format_number(reference, digits - 1); ++digits)
      text = format_number(x, digits);
  }
  return text + "x";
}

std::string format_percent_beside(double fraction, double reference) {
  std::string text = format_percent(fraction, 1);
  if (fraction != reference) {
    for (int decimals = 2; decimals <= 8 && text == format_percent(reference, decimals - 1);
         ++decimals)
      text = format_percent(fraction, decimals);
  }
  return text;
}

}  // namespace paradox::lab
