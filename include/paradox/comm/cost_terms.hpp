/// @file
/// @brief The three parts of a collective's time in the alpha-beta-gamma model, and the integer
/// logarithms the formulas need.
#pragma once

#include <bit>
#include <concepts>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::comm {

/// @addtogroup comm
/// @{

/// @brief A collective's time split the way Thakur, Rabenseifner & Gropp (2005) write it:
/// \f$T = a\,\alpha + b\,n\beta^{-1} + c\,n\gamma\f$.
///
/// `latency_term` collects every per-message start-up cost (the \f$\alpha\f$ terms),
/// `bandwidth_term` every byte on the wire (the \f$n/\beta\f$ terms) and `reduction_term` the
/// local arithmetic of reductions (the \f$n\gamma\f$ terms; zero when reductions are free).
struct CostTerms {
  Seconds latency_term{};    ///< sum of the alpha terms, s
  Seconds bandwidth_term{};  ///< sum of the n/beta terms, s
  Seconds reduction_term{};  ///< sum of the n gamma terms, s

  /// @brief The total time \f$T\f$, the sum of the three terms.
  /// @return latency_term + bandwidth_term + reduction_term, s
  [[nodiscard]] constexpr Seconds total() const {
    return latency_term + bandwidth_term + reduction_term;
  }
};

/// @brief Adds two cost breakdowns term by term (phases that run one after the other).
/// @param a the first phase's terms
/// @param b the second phase's terms
/// @return the term-by-term sum
[[nodiscard]] constexpr CostTerms operator+(const CostTerms& a, const CostTerms& b) {
  return {a.latency_term + b.latency_term, a.bandwidth_term + b.bandwidth_term,
          a.reduction_term + b.reduction_term};
}

/// @brief The time of any communication model: \f$T\f$ = terms(input).total().
///
/// One function for every model that splits its cost into CostTerms (RingAllReduce,
/// TreeBroadcast, HierarchicalAllReduce, PointToPoint, CollectiveInput, ...): each model
/// documents its formula, source, preconditions and errors once, on its `terms()` overload.
/// @param input any model input with a `terms(const Input&)` overload in paradox::comm
/// @pre as that `terms()` overload
/// @throws invalid_input as that `terms()` overload
/// @return \f$T\f$, s
template <class Input>
  requires requires(const Input& in) {
    { terms(in) } -> std::same_as<CostTerms>;
  }
[[nodiscard]] Seconds time(const Input& input) {
  return terms(input).total();
}

/// @}

namespace detail {

/// \f$\lceil \log_2 p\rceil\f$ for p >= 1, exact for every int (no floating-point rounding).
[[nodiscard]] constexpr int ceil_log2(int p) {
  return p <= 1 ? 0 : static_cast<int>(std::bit_width(static_cast<unsigned>(p - 1)));
}

/// \f$\lfloor \log_2 p\rfloor\f$ for p >= 1.
[[nodiscard]] constexpr int floor_log2(int p) {
  return p <= 1 ? 0 : static_cast<int>(std::bit_width(static_cast<unsigned>(p))) - 1;
}

/// Whether p >= 1 is a power of two.
[[nodiscard]] constexpr bool is_power_of_two(int p) {
  return p >= 1 && std::has_single_bit(static_cast<unsigned>(p));
}

/// The largest power of two <= p (p >= 1): the p' of Thakur et al.'s non-power-of-two case.
[[nodiscard]] constexpr int floor_power_of_two(int p) {
  return p <= 1 ? 1 : static_cast<int>(std::bit_floor(static_cast<unsigned>(p)));
}

/// (p - 1) / p, the share of the buffer each rank sends in bandwidth-optimal collectives.
[[nodiscard]] constexpr double others_fraction(int p) {
  return static_cast<double>(p - 1) / static_cast<double>(p);
}

/// Validates the inputs every alpha-beta model shares. Messages name `function`.
inline void validate_alpha_beta(std::string_view function, Bytes message, int ranks,
                                Seconds latency, Bandwidth bandwidth) {
  require_at_least(function, "ranks", ranks, 1);
  require_non_negative(function, "message", message);
  require_non_negative(function, "latency", latency);
  require_positive(function, "bandwidth", bandwidth);
}

/// Validates the optional reduction rate (gamma = 1 / reduction_bandwidth).
inline void validate_reduction(std::string_view function,
                               const std::optional<Bandwidth>& reduction_bandwidth) {
  if (reduction_bandwidth) require_positive(function, "reduction_bandwidth", *reduction_bandwidth);
}

/// Validates a per-algorithm input struct (message, ranks, link and, when the
/// struct has one, reduction_bandwidth), so each model states its checks in one call.
template <class Input>
void validate(std::string_view function, const Input& input) {
  validate_alpha_beta(function, input.message, input.ranks, input.link.latency,
                      input.link.bandwidth);
  if constexpr (requires { input.reduction_bandwidth; })
    validate_reduction(function, input.reduction_bandwidth);
}

/// Time to reduce `bytes` locally: bytes * gamma, or zero when reductions are free.
[[nodiscard]] constexpr Seconds reduction_time(
    Bytes bytes, const std::optional<Bandwidth>& reduction_bandwidth) {
  return reduction_bandwidth ? Seconds(bytes / *reduction_bandwidth) : Seconds{};
}

/// Returns `terms` after checking that they and their total are finite: a huge latency times
/// many ranks, or a huge message over a tiny bandwidth, can overflow a double, and no infinity
/// may leave a model. The error names the input behind the term that overflowed.
[[nodiscard]] inline CostTerms finite(std::string_view function, const CostTerms& terms) {
  const auto overflow = [&](std::string_view parameter, std::string_view term, Seconds value) {
    if (!std::isfinite(value_in<second_unit>(value)))
      throw invalid_input(function, parameter,
                          "be small enough for a finite " + std::string(term) + " term",
                          "a " + std::string(term) + " term of " +
                              paradox::detail::describe(value));
  };
  overflow("latency", "latency", terms.latency_term);
  overflow("message", "bandwidth", terms.bandwidth_term);
  overflow("message", "reduction", terms.reduction_term);
  overflow("message", "total", terms.total());
  return terms;
}

}  // namespace detail

}  // namespace paradox::comm
