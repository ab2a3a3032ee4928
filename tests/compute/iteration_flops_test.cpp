#include "paradox/compute/iteration_flops.hpp"

#include <catch2/catch.hpp>
#include <rapidcheck.h>

#include "paradox/catalog/models.hpp"
#include "paradox/compute/parameters.hpp"

using namespace paradox;
using namespace paradox::compute;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

double flops(FlopCount f) { return value_in<flop_unit>(f); }

// GPT-3 175B as Megatron-LM trains it (Narayanan et al. 2021, sec. 5.1 and table 1): 96 layers
// of 12,288, sequence 2048, vocabulary 51,200, global batch 1536.
constexpr IterationShape gpt3{
    .batch_size = 1536, .seq_len = 2048, .layers = 96, .hidden = 12288, .vocab = 51200};

}  // namespace

TEST_CASE("Megatron eq. 3 by hand: 96 B s L h^2 (1 + s/(6h) + V/(16 L h)) with recomputation") {
  const double b = 1536, s = 2048, l = 96, h = 12288, v = 51200;
  CHECK_THAT(flops(iteration_flops(gpt3, Recomputation::full)),
             WithinRel(96 * b * s * l * h * h * (1 + s / (6 * h) + v / (16 * l * h)), 1e-14));
  CHECK_THAT(flops(iteration_flops(gpt3, Recomputation::none)),
             WithinRel(72 * b * s * l * h * h * (1 + s / (6 * h) + v / (12 * l * h)), 1e-14));
  CHECK_THAT(flops(iteration_flops(gpt3, Recomputation::selective)),
             WithinRel(72 * b * s * l * h * h * (1 + s / (3 * h) + v / (12 * l * h)), 1e-14));
  // Retyped totals: 4.5110e18 (full) and 3.3862e18 (none) FLOPs per iteration.
  CHECK_THAT(flops(iteration_flops(gpt3, Recomputation::full)), WithinRel(4.51097e18, 1e-5));
  CHECK_THAT(flops(iteration_flops(gpt3, Recomputation::none)), WithinRel(3.38620e18, 1e-5));
}

TEST_CASE("eq. 3 from its appendix derivation: 24Bsh^2 + 4Bs^2h per layer forward") {
  // Narayanan et al. 2021, appendix: forward per layer 24 B s h^2 + 4 B s^2 h, backward twice
  // the forward, recomputation one more forward; LM head 2 B s h V forward, not recomputed.
  const double b = 1536, s = 2048, l = 96, h = 12288, v = 51200;
  const double forward_layers = l * (24 * b * s * h * h + 4 * b * s * s * h);
  const double head = 2 * b * s * h * v;
  CHECK_THAT(flops(iteration_flops(gpt3, Recomputation::none)),
             WithinRel(3 * forward_layers + 3 * head, 1e-14));
  CHECK_THAT(flops(iteration_flops(gpt3, Recomputation::full)),
             WithinRel(4 * forward_layers + 3 * head, 1e-14));
}

TEST_CASE("selective recomputation is a small extra: 2.7% for GPT-3, 1.6% for MT-NLG 530B") {
  // Derived from the counts above: one more s/(6h) over 1 + s/(6h) + V/(12 L h).
  const double none = flops(iteration_flops(gpt3, Recomputation::none));
  CHECK_THAT(flops(iteration_flops(gpt3, Recomputation::selective)) / none - 1.0,
             WithinAbs(0.027, 0.0005));
  // MT-NLG 530B (Smith et al. 2022): 105 layers of 20,480.
  const IterationShape mtnlg{
      .batch_size = 1, .seq_len = 2048, .layers = 105, .hidden = 20480, .vocab = 51200};
  CHECK_THAT(flops(iteration_flops(mtnlg, Recomputation::selective)) /
                     flops(iteration_flops(mtnlg, Recomputation::none)) - 1.0,
             WithinAbs(0.016, 0.0005));
  // Full recomputation costs about a third more (96 / 72, less the LM head's share).
  CHECK_THAT(flops(iteration_flops(gpt3, Recomputation::full)) / none, WithinAbs(1.332, 0.0005));
}

TEST_CASE("per token, eq. 3 without recomputation is 6N + 12 L s h less the small terms") {
  // Megatron neglects biases, norms and positions: 72 L h^2 + 12 L s h + 6 V h per token
  // against 6N + 12 L s h with N from eq. 2.
  const TransformerSpec m = catalog::megatron_145_6b;
  const double per_token = flops(iteration_flops(iteration_shape(m, 1), Recomputation::none)) /
                           static_cast<double>(m.seq_len);
  const double by_parameters =
      flops(training_flops_per_token({.parameters = parameters(m),
                                      .attention = AttentionTerm::full,
                                      .shape = attention_shape(m)}));
  CHECK(per_token < by_parameters);
  CHECK_THAT(per_token, WithinRel(by_parameters, 1e-3));
}

TEST_CASE("the iteration shape of a catalog model") {
  const IterationShape s = iteration_shape(catalog::megatron_1t, 3072);
  CHECK(s.batch_size == 3072);
  CHECK(s.layers == 128);
  CHECK(s.hidden == 25600);
  CHECK(s.vocab == 51200);
  CHECK(s.seq_len == 2048);
}

TEST_CASE("iteration FLOPs reject invalid shapes") {
  IterationShape bad = gpt3;
  bad.batch_size = 0;
  REQUIRE_THROWS_WITH(iteration_flops(bad, Recomputation::full),
                      "iteration flops: batch_size must be >= 1 (got 0)");
  bad = gpt3;
  bad.seq_len = 0;
  REQUIRE_THROWS_WITH(iteration_flops(bad, Recomputation::none),
                      "iteration flops: seq_len must be >= 1 (got 0)");
  bad = gpt3;
  bad.layers = -2;
  REQUIRE_THROWS_WITH(iteration_flops(bad, Recomputation::none),
                      "iteration flops: layers must be >= 1 (got -2)");
  bad = gpt3;
  bad.hidden = 0;
  REQUIRE_THROWS_WITH(iteration_flops(bad, Recomputation::none),
                      "iteration flops: hidden must be >= 1 (got 0)");
  bad = gpt3;
  bad.vocab = 0;
  REQUIRE_THROWS_WITH(iteration_flops(bad, Recomputation::selective),
                      "iteration flops: vocab must be >= 1 (got 0)");
  REQUIRE_THROWS_WITH(iteration_flops(gpt3, static_cast<Recomputation>(5)),
                      "iteration flops: recomputation must be none, selective or full (got "
                      "unknown)");
}

TEST_CASE("properties: none <= selective <= full, linear in the batch") {
  REQUIRE(rc::check([] {
    const IterationShape s{.batch_size = *rc::gen::inRange(1, 4096),
                           .seq_len = *rc::gen::inRange(1, 1 << 17),
                           .layers = *rc::gen::inRange(1, 200),
                           .hidden = *rc::gen::inRange(1, 65536),
                           .vocab = *rc::gen::inRange(1, 300000)};
    const FlopCount none = iteration_flops(s, Recomputation::none);
    const FlopCount selective = iteration_flops(s, Recomputation::selective);
    const FlopCount full = iteration_flops(s, Recomputation::full);
    RC_ASSERT(none <= selective);
    RC_ASSERT(none <= full);
    IterationShape twice = s;
    twice.batch_size = 2 * s.batch_size;
    const double ratio = flops(iteration_flops(twice, Recomputation::none)) / flops(none);
    RC_ASSERT(std::abs(ratio - 2.0) < 1e-12);
  }));
}
