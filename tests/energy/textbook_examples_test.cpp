// The MLSys textbook's worked numbers for update compression and radio transfers, reproduced
// with the energy family's models where the text states its inputs. Source: harvard-edge/
// cs249r_book, book/quarto/contents/vol2/edge_intelligence/edge_intelligence.qmd, section
// "Bandwidth-aware update compression" (#sec-edge-intelligence-bandwidthaware-update-
// compression-7730): figure #fig-gradient-compression and footnotes
// fn-gradient-quantization-compression, fn-gradient-sparsification-topk and
// fn-wireless-bandwidth-edge. Where the model and the text differ, the test pins the model's
// number and docs/fleet_tracks.md ("Where the textbook disagrees") says why.
#include <catch2/catch.hpp>

#include "energy/energy_test_support.hpp"
#include "paradox/catalog/radio_links.hpp"
#include "paradox/energy/compression.hpp"
#include "paradox/energy/radio_energy.hpp"

using namespace paradox;
using namespace paradox::energy;
using namespace energy_test;
using Catch::Matchers::WithinRel;

namespace {
double b(Bytes x) { return value_in<byte_unit>(x); }
}  // namespace

TEST_CASE("textbook fig-gradient-compression: FP32 128 bits, INT8 32 bits (4x), top-k <= 2x") {
  // Four FP32 values: 128 bits = 16 B. (b) INT8: 32 bits, 4x.
  const Bytes four_values = 16.0 * bytes;
  CHECK(b(compressed_size(four_values, {.quantization_bits = 8})) == 4.0);
  // (c) the top 2 of 4 in FP32 "+ idx": at most 2x. With 32-bit indices the sparse encoding is
  // as large as the dense one (2 x (32 + 32) bits), so the sender keeps the dense 16 B (1x);
  // with 2-bit indices (4 positions) it is 2 x 34 bits = 8.5 B, 1.88x: both within "<= 2x".
  CHECK(b(compressed_size(four_values, {.topk_fraction = 0.5})) == 16.0);
  CHECK_THAT(b(compressed_size(four_values, {.topk_fraction = 0.5, .index_bits = 2})),
             WithinRel(8.5, 1e-15));
}

TEST_CASE("textbook fn-gradient-quantization-compression: signSGD's 1 bit is 32x") {
  // "signSGD transmit[s] only gradient signs, achieving 32x compression": 1 of 32 bits.
  const Bytes update = 100.0 * megabytes;
  CHECK_THAT(b(update) / b(compressed_size(update, {.quantization_bits = 1})),
             WithinRel(32.0, 1e-15));
}

TEST_CASE("textbook fn-gradient-sparsification-topk: top 1-10 %, '10-100x' (5-50x with indices)") {
  // The text: "the top 1--10 percent of gradients by magnitude ... achieving 10--100x
  // compression". Sending f of the values costs f of the bytes only if the indices are free;
  // with a 32-bit index per FP32 value (Aji & Heafield 2017) each sent value costs 64 bits, and
  // the ratio is 1/(2f): 50x at 1 %, 5x at 10 %. Disagreement recorded in docs/fleet_tracks.md.
  const Bytes update = 100.0 * megabytes;
  CHECK_THAT(b(update) / b(compressed_size(update, {.topk_fraction = 0.01})),
             WithinRel(50.0, 1e-12));
  CHECK_THAT(b(update) / b(compressed_size(update, {.topk_fraction = 0.10})),
             WithinRel(5.0, 1e-12));
  // The text's 10-100x is the ratio without indices; even 1-bit indices (the least the model
  // takes) leave 1 % at 32/33 of it, 97x.
  CHECK_THAT(b(update) / b(compressed_size(update, {.topk_fraction = 0.01, .index_bits = 1})),
             WithinRel(100.0 * 32.0 / 33.0, 1e-12));
}

TEST_CASE("textbook fn-wireless-bandwidth-edge: a 50 MB update over LTE takes 40-80 s") {
  // "LTE uploads average 5--10 Mbps ... Transmitting a 50 MB model update ... takes 40--80
  // seconds over LTE": S / t = 400 Mb / 10 Mb/s = 40 s, / 5 Mb/s = 80 s.
  const Bytes update = 50.0 * megabytes;
  const RadioTransferEnergy fast =
      evaluate(RadioTransfer{.radio = catalog::lte,
                             .size = update,
                             .direction = Direction::up,
                             .throughput = 10.0 * megabits_per_second});
  const RadioTransferEnergy slow = evaluate(RadioTransfer{.radio = catalog::lte,
                                                          .size = update,
                                                          .direction = Direction::up,
                                                          .throughput = 5.0 * megabits_per_second});
  CHECK_THAT(s(fast.airtime), WithinRel(40.0, 1e-12));
  CHECK_THAT(s(slow.airtime), WithinRel(80.0, 1e-12));
  // "... consumes approximately 100 mAh (2--3 percent of battery)": the text gives a charge,
  // not joules, and no cell voltage. Huang et al.'s LTE model (the catalog's coefficients, as
  // quoted: alpha_u 438.39 mW/Mbps, beta 1288.04 mW, promotion 260.1 ms at 1210.7 mW, tail
  // 11.576 s at 1060 mW) gives 239.5 J at 10 Mb/s and 291.0 J at 5 Mb/s. 100 mAh = 360 C
  // matches that only at an average 0.67-0.81 V; at a cell voltage V the text's figure is
  // 360 V joules. Disagreement recorded in docs/fleet_tracks.md.
  CHECK_THAT(j(fast.total), WithinRel(239.46306307, 1e-9));
  CHECK_THAT(j(slow.total), WithinRel(290.98466307, 1e-9));
  CHECK_THAT(j(fast.total) / 360.0, WithinRel(0.66517517519, 1e-9));
}
