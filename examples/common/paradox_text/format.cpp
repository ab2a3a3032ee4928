#include "paradox_text/format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace paradox::text {

namespace {

// "-0", "-0.00", "-0e+00" -> without the sign: a rounded zero has no sign worth printing.
std::string unsigned_zero(std::string text) {
  const std::string mantissa = text.substr(0, text.find_first_of("eE"));
  if (!text.empty() && text.front() == '-' &&
      mantissa.find_first_of("123456789") == std::string::npos) {
    text.erase(0, 1);
  }
  return text;
}

std::string printf_double(const char* format, int digits, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, digits, value);
  return buffer;
}

}  // namespace

std::string number(double value, int significant) {
  if (!std::isfinite(value)) return "n/a";
  significant = std::clamp(significant, 1, 17);
  const double magnitude = std::fabs(value);
  // What %g would print; it switches to an exponent as soon as the rounded value has more
  // integer digits than significant ones (9999.6 at 4 digits is "1e+04").
  const std::string g = printf_double("%.*g", significant, value);
  const bool exponent = g.find_first_of("eE") != std::string::npos;
  if (exponent && magnitude >= 1e-4 && magnitude < 1e15) {
    // Every integer digit instead: "1235", "10000".
    return unsigned_zero(printf_double("%.*f", 0, value));
  }
  return unsigned_zero(g);
}

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  return unsigned_zero(printf_double("%.*f", std::clamp(decimals, 0, 17), value));
}

std::string percent(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return "n/a";
  // Beyond a million percent fixed decimals only print noise digits: "6e+44%", not 45 digits.
  if (std::fabs(100.0 * fraction) >= 1e6) return number(100.0 * fraction, 3) + "%";
  return fixed(100.0 * fraction, decimals) + "%";
}

std::string times(double value) { return number(value, 3) + "x"; }

std::string count(double value, int significant) {
  struct Step {
    double scale;
    const char* suffix;
  };
  constexpr Step steps[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}};
  for (const Step& step : steps) {
    if (std::fabs(value) >= step.scale)
      return number(value / step.scale, significant) + step.suffix;
  }
  return number(value, significant);
}

std::string times_beside(double value, double reference) {
  std::string text = number(value, 3);
  if (value != reference) {
    for (int digits = 4; digits <= 10 && text == number(reference, digits - 1); ++digits)
      text = number(value, digits);
  }
  return text + "x";
}

std::string percent_beside(double fraction, double reference) {
  std::string text = percent(fraction, 1);
  if (fraction != reference) {
    for (int decimals = 2; decimals <= 8 && text == percent(reference, decimals - 1); ++decimals)
      text = percent(fraction, decimals);
  }
  return text;
}

}  // namespace paradox::text
