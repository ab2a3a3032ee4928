/// @file
/// @brief `paradox::invalid_input` and the small checks that raise it.
///
/// Every model validates its input and throws invalid_input naming the function, the parameter,
/// the rule and the offending value: "ring allreduce: ranks must be >= 1 (got 0)". Checks are
/// written so that NaN fails them (`!(x > 0)` rather than `x <= 0`), which is how no NaN or
/// infinity ever reaches a model's arithmetic.
///
/// Example: `require_at_least("ring allreduce", "ranks", in.ranks, 1);`
/// @ingroup errors
#pragma once

#include <cmath>
#include <concepts>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

#include "paradox/units/system.hpp"
#include "paradox/units/value_in.hpp"

namespace paradox {

/// @defgroup errors Errors
/// @brief The exception every model throws on bad input, and the checks that raise it.
/// @{

/// @brief Bad input to a model: which function, which parameter, which rule, which value.
///
/// Derived from std::invalid_argument so generic handlers still catch it. Infeasible but valid
/// outcomes (a layout that does not fit in memory) are result fields, never this exception.
class invalid_input : public std::invalid_argument {
 public:
  /// @param function the model or function that rejected the input ("ring allreduce")
  /// @param parameter the offending parameter ("ranks")
  /// @param rule what the parameter must satisfy, phrased to follow "must" ("be >= 1")
  /// @param value the value received, already formatted with its unit
  invalid_input(std::string_view function, std::string_view parameter, std::string_view rule,
                std::string_view value)
      : std::invalid_argument(std::string(function) + ": " + std::string(parameter) + " must " +
                              std::string(rule) + " (got " + std::string(value) + ")"),
        function_(function),
        parameter_(parameter),
        rule_(rule),
        value_(value) {}

  /// @return the function that rejected the input ("ring allreduce")
  [[nodiscard]] const std::string& function() const noexcept { return function_; }
  /// @return the offending parameter ("ranks")
  [[nodiscard]] const std::string& parameter() const noexcept { return parameter_; }
  /// @return the rule, phrased to follow "must" ("be >= 1")
  [[nodiscard]] const std::string& rule() const noexcept { return rule_; }
  /// @return the value received, as formatted in the message ("0")
  [[nodiscard]] const std::string& value() const noexcept { return value_; }

 private:
  std::string function_;
  std::string parameter_;
  std::string rule_;
  std::string value_;
};

namespace detail {

/// Formats a number for an error message: integers exactly, reals with 6 significant digits.
template <class T>
requires std::integral<T> || std::floating_point<T>
[[nodiscard]] inline std::string describe(T value) {
  if constexpr (std::integral<T>) {
    return std::to_string(value);
  } else {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", static_cast<double>(value));
    return buffer;
  }
}

/// Formats a quantity in its base unit ("-5e-07 s"); printing in chosen units is io.hpp's job.
template <class Dimension>
[[nodiscard]] inline std::string describe(const units::quantity_of<Dimension>& q) {
  const char* symbol = units::base_symbol<Dimension>();
  std::string text = describe(value_in<units::unit_of<Dimension>>(q));
  if (*symbol != '\0') text += std::string(" ") + symbol;
  return text;
}

/// A number or quantity as a double in base units, for the comparisons of the checks.
template <class T>
[[nodiscard]] constexpr double raw(const T& x) {
  if constexpr (std::integral<T> || std::floating_point<T>) {
    return static_cast<double>(x);
  } else {
    return value_in<units::unit_of<typename T::unit_type::dimension_type>>(x);
  }
}

/// Raises invalid_input for a failed check. Out of line and marked cold, so that a check
/// inlines to one comparison and the message is built only on failure: the layout search
/// runs hundreds of checks per microsecond.
template <class T>
[[noreturn]] [[gnu::cold]] [[gnu::noinline]] inline void fail(std::string_view function,
                                                              std::string_view parameter,
                                                              std::string_view rule,
                                                              const T& value) {
  throw invalid_input(function, parameter, rule, describe(value));
}

/// As fail(), for a rule with a bound: "be >= 1", "be <= 256", "be in [0, 3]".
template <class T>
[[noreturn]] [[gnu::cold]] [[gnu::noinline]] inline void fail_bound(
    std::string_view function, std::string_view parameter, std::string_view prefix, T low,
    std::string_view middle, T high, std::string_view suffix, T value) {
  std::string rule = std::string(prefix) + std::to_string(low);
  if (!middle.empty()) rule += std::string(middle) + std::to_string(high);
  rule += suffix;
  throw invalid_input(function, parameter, rule, describe(value));
}

/// As fail(), for divisibility: "be divisible by name = d".
template <class T>
[[noreturn]] [[gnu::cold]] [[gnu::noinline]] inline void fail_divisible(
    std::string_view function, std::string_view parameter, std::string_view divisor_name,
    T divisor, T value) {
  throw invalid_input(function, parameter,
                      "be divisible by " + std::string(divisor_name) + " = " +
                          std::to_string(divisor),
                      describe(value));
}

}  // namespace detail

/// @brief Throws unless `x` is finite and > 0. Works for numbers and quantities.
/// @param function the calling model, for the message
/// @param parameter the checked parameter, for the message
/// @param x the value (a number or a paradox quantity)
/// @throws invalid_input "function: parameter must be > 0 and finite (got x)", also for NaN
///   and infinities
template <class T>
constexpr void require_positive(std::string_view function, std::string_view parameter, const T& x) {
  const double v = detail::raw(x);
  if (!(v > 0.0) || !std::isfinite(v))
    detail::fail(function, parameter, "be > 0 and finite", x);
}

/// @brief Throws unless `x` is finite and >= 0. Works for numbers and quantities.
/// @param function the calling model, for the message
/// @param parameter the checked parameter, for the message
/// @param x the value (a number or a paradox quantity)
/// @throws invalid_input "function: parameter must be >= 0 and finite (got x)", also for NaN
template <class T>
constexpr void require_non_negative(std::string_view function, std::string_view parameter,
                                    const T& x) {
  const double v = detail::raw(x);
  if (!(v >= 0.0) || !std::isfinite(v))
    detail::fail(function, parameter, "be >= 0 and finite", x);
}

/// @brief Throws unless `text` is non-empty (names and sources of hardware and catalog entries).
/// @param function the calling function, for the message
/// @param parameter the checked parameter, for the message
/// @param text the text
/// @throws invalid_input "function: parameter must be non-empty (got "")"
constexpr void require_non_empty(std::string_view function, std::string_view parameter,
                                 std::string_view text) {
  if (text.empty()) throw invalid_input(function, parameter, "be non-empty", "\"\"");
}

/// @brief Throws unless `x` is finite (NaN and infinities rejected).
/// @param function the calling model, for the message
/// @param parameter the checked parameter, for the message
/// @param x the value (a number or a paradox quantity)
/// @throws invalid_input "function: parameter must be finite (got nan)"
template <class T>
constexpr void require_finite(std::string_view function, std::string_view parameter, const T& x) {
  if (!std::isfinite(detail::raw(x)))
    detail::fail(function, parameter, "be finite", x);
}

/// @brief Throws unless the fraction `x` lies in [0, 1] (an overlap, a failure probability).
/// @param function the calling model, for the message
/// @param parameter the checked parameter, for the message
/// @param x the fraction
/// @throws invalid_input "function: parameter must be in [0, 1] (got 1.5)", also for NaN
constexpr void require_fraction(std::string_view function, std::string_view parameter, double x) {
  if (!(x >= 0.0 && x <= 1.0))
    detail::fail(function, parameter, "be in [0, 1]", x);
}

/// @brief Throws unless the fraction `x` lies in (0, 1] (an efficiency, a share that divides).
/// @param function the calling model, for the message
/// @param parameter the checked parameter, for the message
/// @param x the fraction
/// @throws invalid_input "function: parameter must be in (0, 1] (got 0)", also for NaN
constexpr void require_positive_fraction(std::string_view function, std::string_view parameter,
                                         double x) {
  if (!(x > 0.0 && x <= 1.0))
    detail::fail(function, parameter, "be in (0, 1]", x);
}

/// @brief Throws unless the count `n` is at least `minimum`.
/// @param function the calling model, for the message
/// @param parameter the checked parameter, for the message
/// @param n the count
/// @param minimum the smallest accepted count
/// @throws invalid_input "function: parameter must be >= minimum (got n)"
template <std::integral T>
constexpr void require_at_least(std::string_view function, std::string_view parameter, T n,
                                T minimum) {
  if (n < minimum)
    detail::fail_bound(function, parameter, "be >= ", minimum, "", minimum, "", n);
}

/// @brief Throws unless the count `n` is at most `maximum`.
/// @param function the calling model, for the message
/// @param parameter the checked parameter, for the message
/// @param n the count
/// @param maximum the largest accepted count
/// @throws invalid_input "function: parameter must be <= maximum (got n)"
template <std::integral T>
constexpr void require_at_most(std::string_view function, std::string_view parameter, T n,
                               T maximum) {
  if (n > maximum)
    detail::fail_bound(function, parameter, "be <= ", maximum, "", maximum, "", n);
}

/// @brief Throws unless the count `n` lies in [lo, hi].
/// @param function the calling model, for the message
/// @param parameter the checked parameter, for the message
/// @param n the count
/// @param lo the smallest accepted count
/// @param hi the largest accepted count
/// @throws invalid_input "function: parameter must be in [lo, hi] (got n)"
template <std::integral T>
constexpr void require_in_range(std::string_view function, std::string_view parameter, T n, T lo,
                                T hi) {
  if (n < lo || n > hi)
    detail::fail_bound(function, parameter, "be in [", lo, ", ", hi, "]", n);
}

/// @brief Throws unless `divisor` divides `n` (layouts: heads by tensor-parallel degree, ...).
/// @param function the calling model, for the message
/// @param parameter the checked parameter, for the message
/// @param n the count to divide
/// @param divisor_name what the divisor is ("tensor-parallel degree")
/// @param divisor the divisor; a divisor <= 0 never divides
/// @throws invalid_input "function: parameter must be divisible by name = d (got n)"
template <std::integral T>
constexpr void require_divisible(std::string_view function, std::string_view parameter, T n,
                                 std::string_view divisor_name, T divisor) {
  if (divisor <= 0 || n % divisor != 0)
    detail::fail_divisible(function, parameter, divisor_name, divisor, n);
}

/// @}

}  // namespace paradox
