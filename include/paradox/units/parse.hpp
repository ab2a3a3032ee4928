/// @file
/// @brief Unit-string parser for the calculator and scenario files: "50GB/s", "400Gb/s",
/// "400Gbps", "500ns", "80GiB", "989TFLOP/s", "50000h", "30mW", "$2.5/h", "1e9".
///
/// Grammar (spaces allowed only around the whole text and between number and unit):
///
///     text     := sign? number unit?          |  sign? "$" sign? number magnitude? ("/" term)?
///     unit     := term ("/" term)?            |  term "ps"          ("ps" = per second)
///     term     := atom | si-prefix atom | binary-prefix atom
///
/// - number: decimal or scientific (`2`, `2.5`, `.5`, `1e9`), read with std::from_chars.
/// - si-prefix: `k M G T P E Z Y` (10^3 ... 10^24) and `m u µ n p` (10^-3 ... 10^-12);
///   binary-prefix: `Ki Mi Gi Ti Pi Ei` (2^10 ... 2^60). Prefixes are case-sensitive: `m` is
///   milli, `M` mega; `KB` is rejected as ambiguous (write `kB` or `KiB`).
/// - atoms: `B` byte, `b` and `bit` bit (large and binary prefixes only), `s`, `min`, `h`, `d`
///   (minute, hour, day; no prefix), `W`, `J`, `Wh` (3600 J), `FLOP` and `FLOPs` (a count),
///   `FLOPS` (a rate, FLOP/s), `Hz`, `$` and `USD` (no prefix).
/// - `$` in front reads as money: `$1.2M`, `$3.5k`, `$2.5/h`, `$0.12/kWh`; there the magnitude
///   is `k`, `M`, `B` (billion) or `T`, as prices are written.
/// - A plain number is in the paradox system's base unit of the expected quantity (bytes,
///   seconds, bytes/s, FLOP, FLOP/s, W, J, J/B, USD, USD/s, Hz): see units::base_symbol.
///
/// Examples: `parse_quantity<Bandwidth>("400Gb/s", "--bandwidth")` is 50 GB/s;
/// `parse_quantity<Seconds>("5 us", "--latency")` is 5e-6 s.
/// @ingroup units
#pragma once

#include <algorithm>
#include <array>
#include <boost/units/dimensionless_type.hpp>
#include <boost/units/physical_dimensions/length.hpp>
#include <boost/units/physical_dimensions/mass.hpp>
#include <boost/units/static_rational.hpp>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

#include "paradox/error.hpp"
#include "paradox/units/prefixes.hpp"
#include "paradox/units/system.hpp"
#include "paradox/units/value_in.hpp"

namespace paradox {

/// @addtogroup units
/// @{

/// What sign a parsed quantity may have.
enum class sign_rule {
  any,           ///< negative, zero and positive values are accepted
  non_negative,  ///< the value must be >= 0
  positive,      ///< the value must be > 0
};

/// Options of parse_quantity (use designated initializers: `{.sign = sign_rule::positive}`).
struct parse_options {
  /// Sign the value must have.
  sign_rule sign = sign_rule::any;
  /// The `<function>` part of the invalid_input message: "paradox: --size must ...".
  std::string_view function = "paradox";
};

namespace units::detail {

/// Exponents of the six base dimensions of the paradox system, at run time.
struct dims {
  int length = 0;
  int mass = 0;
  int time = 0;
  int information = 0;
  int flop = 0;
  int currency = 0;

  friend constexpr bool operator==(const dims&, const dims&) = default;
  friend constexpr dims operator-(const dims& a, const dims& b) {
    return {a.length - b.length,           a.mass - b.mass, a.time - b.time,
            a.information - b.information, a.flop - b.flop, a.currency - b.currency};
  }
};

template <class T>
inline constexpr bool always_false = false;

/// Run-time exponents of a Boost.Units dimension list (compile-time walk of the list).
template <class List>
struct dims_of_list;

template <>
struct dims_of_list<boost::units::dimensionless_type> {
  static constexpr dims value{};
};

template <class Tag, long N, long D, class Next>
struct dims_of_list<
    boost::units::list<boost::units::dim<Tag, boost::units::static_rational<N, D>>, Next>> {
  static_assert(D == 1, "paradox units have integer exponents");
  static constexpr dims value = [] {
    dims d = dims_of_list<Next>::value;
    constexpr int n = static_cast<int>(N);
    if constexpr (std::is_same_v<Tag, boost::units::length_base_dimension>)
      d.length = n;
    else if constexpr (std::is_same_v<Tag, boost::units::mass_base_dimension>)
      d.mass = n;
    else if constexpr (std::is_same_v<Tag, boost::units::time_base_dimension>)
      d.time = n;
    else if constexpr (std::is_same_v<Tag, boost::units::information_base_dimension>)
      d.information = n;
    else if constexpr (std::is_same_v<Tag, flop_base_dimension>)
      d.flop = n;
    else if constexpr (std::is_same_v<Tag, currency_base_dimension>)
      d.currency = n;
    else
      static_assert(always_false<Tag>, "dimension outside the paradox system");
    return d;
  }();
};

/// Run-time exponents of a compile-time dimension.
template <class Dimension>
inline constexpr dims dims_of = dims_of_list<Dimension>::value;

/// How a dimension is named in error messages, with examples of accepted strings.
struct dimension_name {
  dims dimension;
  std::string_view article;   ///< "a" or "an"
  std::string_view noun;      ///< "bandwidth"
  std::string_view examples;  ///< "50GB/s, 400Gb/s or 6Mbps"
};

inline constexpr std::array<dimension_name, 13> dimension_names{{
    {dims_of<time_dimension>, "a", "time", "500ns, 2ms or 50000h"},
    {dims_of<information_dimension>, "a", "size", "1GB, 80GiB or 400Gb"},
    {dims_of<bandwidth_dimension>, "a", "bandwidth", "50GB/s, 400Gb/s or 6Mbps"},
    {dims_of<flop_dimension>, "a", "FLOP count", "6PFLOP or 3.1e23"},
    {dims_of<flop_rate_dimension>, "a", "FLOP rate", "989TFLOP/s"},
    {dims_of<power_dimension>, "a", "power", "30mW or 700W"},
    {dims_of<energy_dimension>, "an", "energy", "2.4kJ or 10Wh"},
    {dims_of<energy_per_information_dimension>, "an", "energy per bit", "5pJ/bit"},
    {dims_of<currency_dimension>, "an", "amount of money", "$1.2M or 1000USD"},
    {dims_of<currency_rate_dimension>, "a", "price per hour", "$2.5/h"},
    {dims_of<currency_per_energy_dimension>, "a", "price of energy", "$0.12/kWh"},
    {dims_of<frequency_dimension>, "a", "frequency", "1.4GHz"},
    {dims{}, "a", "pure number", "0.5"},
}};

/// The name of a dimension, or a generic one for a dimension paradox does not name.
[[nodiscard]] constexpr dimension_name name_of(const dims& d) {
  for (const auto& entry : dimension_names)
    if (entry.dimension == d) return entry;
  return {d, "a", "quantity of another dimension", ""};
}

/// Which prefixes an atom takes.
enum class prefix_class { none, large, all };

/// One unit symbol the parser knows: its dimension and its size in base units.
struct atom {
  std::string_view symbol;
  dims dimension;
  double scale;
  prefix_class prefixes;
  bool binary;  ///< accepts Ki, Mi, ...
};

inline constexpr dims time_dims = dims_of<time_dimension>;
inline constexpr dims power_dims = dims_of<power_dimension>;
inline constexpr dims energy_dims = dims_of<energy_dimension>;

inline constexpr std::array<atom, 16> atoms{{
    {"B", dims_of<information_dimension>, 1.0, prefix_class::large, true},
    {"b", dims_of<information_dimension>, 0.125, prefix_class::large, true},
    {"bit", dims_of<information_dimension>, 0.125, prefix_class::large, true},
    {"s", time_dims, 1.0, prefix_class::all, false},
    {"min", time_dims, 60.0, prefix_class::none, false},
    {"h", time_dims, 3600.0, prefix_class::none, false},
    {"d", time_dims, 86400.0, prefix_class::none, false},
    {"W", power_dims, 1.0, prefix_class::all, false},
    {"J", energy_dims, 1.0, prefix_class::all, false},
    {"Wh", energy_dims, 3600.0, prefix_class::all, false},
    {"FLOP", dims_of<flop_dimension>, 1.0, prefix_class::large, false},
    {"FLOPs", dims_of<flop_dimension>, 1.0, prefix_class::large, false},
    {"FLOPS", dims_of<flop_rate_dimension>, 1.0, prefix_class::large, false},
    {"Hz", dims_of<frequency_dimension>, 1.0, prefix_class::all, false},
    {"$", dims_of<currency_dimension>, 1.0, prefix_class::none, false},
    {"USD", dims_of<currency_dimension>, 1.0, prefix_class::none, false},
}};

// Micro is also spelled with the micro sign or the Greek mu, whichever a keyboard offers.
inline constexpr std::array<prefix, 2> micro_aliases{{{"\u00b5", 1e-6}, {"\u03bc", 1e-6}}};

/// A unit term's dimension and size in base units.
struct term_value {
  dims dimension;
  double scale;
};

[[nodiscard]] constexpr const atom* find_atom(std::string_view symbol) {
  for (const auto& a : atoms)
    if (a.symbol == symbol) return &a;
  return nullptr;
}

/// Whether atom `a` takes prefix `p`: binary prefixes only where the atom allows them; SI
/// prefixes above one on `large` and `all` atoms, below one on `all` atoms only.
[[nodiscard]] constexpr bool takes(const atom& a, const prefix& p, bool binary) {
  if (binary) return a.binary;
  return p.factor > 1.0 ? a.prefixes != prefix_class::none : a.prefixes == prefix_class::all;
}

/// Parses `s` as one of `prefixes` followed by an atom that takes it.
[[nodiscard]] constexpr std::optional<term_value> parse_prefixed(std::string_view s,
                                                                 std::span<const prefix> prefixes,
                                                                 bool binary) {
  for (const auto& p : prefixes) {
    if (p.symbol.empty() || !s.starts_with(p.symbol)) continue;
    const atom* a = find_atom(s.substr(p.symbol.size()));
    if (a != nullptr && takes(*a, p, binary)) return term_value{a->dimension, a->scale * p.factor};
  }
  return std::nullopt;
}

/// Parses one term: an atom with at most one prefix ("GiB", "ms", "kWh").
[[nodiscard]] constexpr std::optional<term_value> parse_term(std::string_view s) {
  if (const atom* a = find_atom(s)) return term_value{a->dimension, a->scale};
  if (const auto t = parse_prefixed(s, binary_prefixes, true)) return t;
  if (const auto t = parse_prefixed(s, si_prefixes, false)) return t;
  return parse_prefixed(s, micro_aliases, false);
}

/// Parses a unit: "GB/s", "Gbps", "pJ/bit", "h".
[[nodiscard]] constexpr std::optional<term_value> parse_unit(std::string_view s) {
  if (const auto slash = s.find('/'); slash != std::string_view::npos) {
    const auto numerator = parse_term(s.substr(0, slash));
    const auto denominator = parse_term(s.substr(slash + 1));
    if (!numerator || !denominator) return std::nullopt;
    return term_value{numerator->dimension - denominator->dimension,
                      numerator->scale / denominator->scale};
  }
  if (const auto whole = parse_term(s)) return whole;
  // "ps" is per second only after a unit ("Gbps"); on its own it is the picosecond.
  if (s.size() > 2 && s.ends_with("ps")) {
    if (const auto per = parse_term(s.substr(0, s.size() - 2)))
      return term_value{per->dimension - time_dims, per->scale};
  }
  return std::nullopt;
}

/// Why a string did not parse.
enum class parse_error {
  none,        ///< parsed
  malformed,   ///< no number, or an unknown unit
  not_finite,  ///< NaN, infinity, or out of double's range once scaled
};

/// A parsed string, dimension not yet checked.
struct parsed_quantity {
  parse_error error = parse_error::none;
  double value = 0.0;  ///< in base units of `dimension`, or as written if `unitless`
  dims dimension{};
  bool unitless = false;  ///< a plain number: in base units of whatever quantity is expected
};

[[nodiscard]] constexpr bool is_space(char c) { return c == ' ' || c == '\t'; }

[[nodiscard]] constexpr std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

/// Reads a leading '+' or '-'; returns true for '-'.
[[nodiscard]] constexpr bool read_sign(std::string_view& s, bool& seen) {
  if (seen || s.empty() || (s.front() != '-' && s.front() != '+')) return false;
  seen = true;
  const bool negative = s.front() == '-';
  s.remove_prefix(1);
  return negative;
}

/// Parses any unit string; never throws.
[[nodiscard]] inline parsed_quantity parse_any(std::string_view text) noexcept {
  constexpr parsed_quantity malformed{parse_error::malformed};
  std::string_view s = trim(text);
  bool signed_already = false;
  bool negative = read_sign(s, signed_already);
  const bool money = !s.empty() && s.front() == '$';
  if (money) {
    s.remove_prefix(1);
    negative = read_sign(s, signed_already) || negative;
  }
  // from_chars would take a second sign, and "+-5" is not a number a person writes.
  if (s.empty() || s.front() == '-' || s.front() == '+') return malformed;

  double number = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), number);
  if (ec == std::errc::invalid_argument) return malformed;
  const bool out_of_range = ec == std::errc::result_out_of_range;
  std::string_view rest = s.substr(static_cast<std::size_t>(end - s.data()));

  parsed_quantity result;
  double scale = 1.0;
  if (money) {
    // "$1.2M", "$2.5/h": a magnitude as prices are written, then an optional denominator.
    result.dimension = dims_of<currency_dimension>;
    if (!rest.empty() && rest.front() != '/') {
      const auto magnitude =
          std::find_if(money_magnitudes.begin() + 1, money_magnitudes.end(),
                       [rest](const prefix& m) { return rest.starts_with(m.symbol); });
      if (magnitude == money_magnitudes.end()) return malformed;
      scale = magnitude->factor;
      rest.remove_prefix(magnitude->symbol.size());
    }
    if (!rest.empty()) {
      if (rest.front() != '/') return malformed;
      const auto denominator = parse_term(rest.substr(1));
      if (!denominator) return malformed;
      result.dimension = result.dimension - denominator->dimension;
      scale /= denominator->scale;
    }
  } else {
    rest = trim(rest);
    if (rest.empty()) {
      result.unitless = true;
    } else {
      const auto unit = parse_unit(rest);
      if (!unit) return malformed;
      result.dimension = unit->dimension;
      scale = unit->scale;
    }
  }
  if (out_of_range || !std::isfinite(number)) return {parse_error::not_finite};
  result.value = number * scale;
  if (!std::isfinite(result.value)) return {parse_error::not_finite};
  if (negative) result.value = -result.value;
  return result;
}

/// Quotes a user's text for an error message, cut to a readable length.
[[nodiscard]] inline std::string quote(std::string_view text) {
  constexpr std::size_t limit = 64;
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size() && i < limit; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    out += (c < 0x20 || c == 0x7f) ? '?' : text[i];
  }
  if (text.size() > limit) out += "...";
  out += '"';
  return out;
}

template <class Q>
struct quantity_dimension;
template <class Dimension>
struct quantity_dimension<quantity_of<Dimension>> {
  using type = Dimension;
};

}  // namespace units::detail

/// @brief Parses a unit string into a quantity, or returns nullopt (never throws).
///
/// Same grammar and checks as parse_quantity, without the sign rule.
/// @tparam Q a paradox quantity alias (Seconds, Bytes, Bandwidth, ...)
/// @param text the string, e.g. "400Gb/s"
/// @return the quantity, or std::nullopt on garbage, a wrong dimension or a non-finite value
template <class Q>
[[nodiscard]] std::optional<Q> try_parse_quantity(std::string_view text) noexcept {
  using Dimension = typename units::detail::quantity_dimension<Q>::type;
  const auto parsed = units::detail::parse_any(text);
  if (parsed.error != units::detail::parse_error::none) return std::nullopt;
  if (!parsed.unitless && parsed.dimension != units::detail::dims_of<Dimension>)
    return std::nullopt;
  // "-0" parses as +0, so that it never comes back printed as "-0".
  return Q::from_value(parsed.value + 0.0);
}

/// @brief Parses a unit string ("50GB/s", "400Gbps", "500ns", "80GiB", "$2.5/h", "1e9") into
/// the quantity `Q`, checking its dimension, finiteness and sign.
///
/// A plain number is taken in Q's base unit (units::base_symbol). See units/parse.hpp for the
/// grammar. Used by the calculator for every dimensioned flag and by scenario files.
/// @tparam Q a paradox quantity alias (Seconds, Bytes, Bandwidth, FlopRate, Watts, ...)
/// @param text the string to parse; spaces are allowed around it and before the unit
/// @param what what is being parsed, as the user knows it: the flag ("--bandwidth") or key
/// @param options the sign the value must have, and the function named in the message
/// @return the quantity, in the paradox system
/// @throws invalid_input "paradox: --bandwidth must be a bandwidth such as 50GB/s, 400Gb/s or
///   6Mbps (got "5x")" on garbage or an unknown unit; the same rule followed by ", not a time"
///   on a wrong dimension; "must be a finite bandwidth ..." on NaN, infinity or overflow;
///   "must be > 0" or "must be >= 0" when the sign rule is broken. Nothing else escapes.
template <class Q>
[[nodiscard]] Q parse_quantity(std::string_view text, std::string_view what,
                               const parse_options& options = {}) {
  using Dimension = typename units::detail::quantity_dimension<Q>::type;
  namespace ud = units::detail;
  const auto parsed = ud::parse_any(text);
  const auto fail = [&](std::string_view adjective, std::string_view got) {
    constexpr auto name = ud::name_of(ud::dims_of<Dimension>);
    std::string rule;
    if (adjective == "> 0" || adjective == ">= 0") {
      rule = "be " + std::string(adjective);
    } else {
      const std::string_view article = adjective.empty() ? name.article : "a";
      rule = "be " + std::string(article) + " " + std::string(adjective) +
             (adjective.empty() ? "" : " ") + std::string(name.noun) + " such as " +
             std::string(name.examples);
      if (!got.empty()) rule += ", not " + std::string(got);
    }
    throw invalid_input(options.function, what, rule, ud::quote(text));
  };
  if (parsed.error == ud::parse_error::malformed) fail("", "");
  if (parsed.error == ud::parse_error::not_finite) fail("finite", "");
  if (!parsed.unitless && parsed.dimension != ud::dims_of<Dimension>) {
    const auto got = ud::name_of(parsed.dimension);
    fail("", std::string(got.article) + " " + std::string(got.noun));
  }
  if (options.sign == sign_rule::positive && !(parsed.value > 0.0)) fail("> 0", "");
  if (options.sign == sign_rule::non_negative && !(parsed.value >= 0.0)) fail(">= 0", "");
  // "-0" parses as +0, so that it never comes back printed as "-0".
  return Q::from_value(parsed.value + 0.0);
}

/// @}

}  // namespace paradox
