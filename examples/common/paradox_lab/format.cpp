#include "paradox_lab/format.hpp"

#include <cmath>
#include <cstdio>
#include <string>

namespace paradox::lab {

namespace {

std::string with_unit(double value, const char* unit) {
  return format_number(value, 3) + " " + unit;
}

}  // namespace

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

std::string format_percent(double fraction) {
  if (!std::isfinite(fraction)) return "n/a";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", 100.0 * fraction);
  return buffer;
}

std::string format_time(Seconds t) {
  const double s = value_in<second_unit>(t);
  const double a = std::fabs(s);
  if (a == 0.0) return "0 s";
  if (a < 1e-6) return with_unit(value_in<nanosecond_unit>(t), "ns");
  if (a < 1e-3) return with_unit(value_in<microsecond_unit>(t), "us");
  if (a < 1.0) return with_unit(value_in<millisecond_unit>(t), "ms");
  if (a < 120.0) return with_unit(s, "s");
  if (a < 7200.0) return with_unit(value_in<minute_unit>(t), "min");
  if (a < 3.0 * 86400.0) return with_unit(value_in<hour_unit>(t), "h");
  return with_unit(value_in<day_unit>(t), "days");
}

std::string format_bytes(Bytes b) {
  const double v = value_in<byte_unit>(b);
  const double a = std::fabs(v);
  if (a >= 1e15) return with_unit(value_in<petabyte_unit>(b), "PB");
  if (a >= 1e12) return with_unit(value_in<terabyte_unit>(b), "TB");
  if (a >= 1e9) return with_unit(value_in<gigabyte_unit>(b), "GB");
  if (a >= 1e6) return with_unit(value_in<megabyte_unit>(b), "MB");
  if (a >= 1e3) return with_unit(value_in<kilobyte_unit>(b), "kB");
  return with_unit(v, "B");
}

std::string format_bandwidth(Bandwidth bw) {
  const double bits = value_in<bits_per_second_unit>(bw);
  const double a = std::fabs(bits);
  if (a >= 1e12) return with_unit(bits / 1e12, "Tb/s");
  if (a >= 1e9) return with_unit(value_in<gigabits_per_second_unit>(bw), "Gb/s");
  if (a >= 1e6) return with_unit(value_in<megabits_per_second_unit>(bw), "Mb/s");
  if (a >= 1e3) return with_unit(value_in<kilobits_per_second_unit>(bw), "kb/s");
  return with_unit(bits, "b/s");
}

}  // namespace paradox::lab
