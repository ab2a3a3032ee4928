/// @file
/// @brief Bytes of a compressed update: quantisation to b bits and top-k sparsification (values
/// plus indices), never more than the dense update.
#pragma once

#include <algorithm>
#include <string_view>

#include "paradox/error.hpp"
#include "paradox/units.hpp"

namespace paradox::energy {

/// @addtogroup energy
/// @{

/// @brief How an update is compressed before upload. The default compresses nothing.
struct Compression {
  int value_bits = 32;          ///< \f$b_0\f$, bits of one value before compression, in [1, 64]
  int quantization_bits = 32;   ///< b, bits per value sent, in [1, value_bits]
  double topk_fraction = 1.0;   ///< \f$f\f$, share of the values sent, in (0, 1]
  int index_bits = 32;          ///< bits of one index of a sparse value, in [1, 64]
};

/// @brief Bytes of an update after compression:
/// \f$ S' = \min\!\left(S\,\frac{b}{b_0},\; f\,\frac{8S}{b_0}\,\frac{b + b_{idx}}{8}\right) \f$
/// (the second term only when f < 1).
///
/// Quantisation sends b of every \f$b_0\f$ bits (QSGD: Alistarh et al. 2017, NeurIPS;
/// Konečný et al. 2016, "Federated Learning: Strategies for Improving Communication
/// Efficiency", sec. 3: probabilistic quantisation); top-k sends the largest f of the
/// \f$8S/b_0\f$ values with their indices (Aji & Heafield 2017, "Sparse Communication for
/// Distributed Gradient Descent"; Lin et al. 2018, "Deep Gradient Compression"). A sender
/// falls back to the dense quantised encoding when the sparse one with its indices is larger,
/// so compression never increases the bytes.
/// @param update S, the uncompressed update in bytes, >= 0
/// @param c the compression
/// @return S' in bytes, with S' <= S; 10 MB of fp32, 8 bits, top 1 %: 10 MB x 0.01 x 40/32 =
///   125 kB
/// @pre update >= 0 and finite; 1 <= value_bits <= 64; 1 <= quantization_bits <= value_bits;
///   0 < topk_fraction <= 1; 1 <= index_bits <= 64
/// @throws invalid_input "compression: quantization_bits must be in [1, 32] (got 0)",
///   "compression: topk_fraction must be in (0, 1] (got 0)"
[[nodiscard]] inline Bytes compressed_size(Bytes update, const Compression& c) {
  constexpr std::string_view fn = "compression";
  require_non_negative(fn, "update", update);
  require_in_range(fn, "value_bits", c.value_bits, 1, 64);
  require_in_range(fn, "quantization_bits", c.quantization_bits, 1, c.value_bits);
  require_positive_fraction(fn, "topk_fraction", c.topk_fraction);
  require_in_range(fn, "index_bits", c.index_bits, 1, 64);
  const double b0 = c.value_bits;
  const double b = c.quantization_bits;
  const Bytes dense = update * (b / b0);
  if (c.topk_fraction == 1.0) return dense;
  const Bytes sparse = update * (c.topk_fraction * (b + c.index_bits) / b0);
  return std::min(dense, sparse);
}

/// @}

}  // namespace paradox::energy
