#include "paradox/energy/federated.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "energy/energy_test_support.hpp"
#include "paradox/catalog/edge_devices.hpp"
#include "paradox/catalog/radio_links.hpp"
#include "paradox/catalog/tracks.hpp"

using namespace paradox;
using namespace paradox::energy;
using namespace energy_test;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {
// 10 of 100 clients, 1 MB model, the toy radio (1 W while on, 1 MB/s up, 2 MB/s down), 2 s
// of local training at 2 W.
FederatedRound toy_round() {
  return {.clients = 100,
          .sampled = 10,
          .model = 1.0 * megabytes,
          .radio = toy_radio,
          .local_compute = sync::StepTime{.mean = 2.0 * seconds},
          .compute_power = 2.0 * watts,
          .rounds = 4};
}
}  // namespace

TEST_CASE("a round is download + slowest local training + upload; energy sums the clients") {
  // Download 0.5 s (0.5 J), training 2 s (4 J), upload 1 s (1 J) per client: 3.5 s, 10 x 5.5 J.
  const FederatedRoundCost c = evaluate(toy_round());
  CHECK_THAT(s(c.download_time), WithinRel(0.5, 1e-12));
  CHECK_THAT(s(c.compute_time), WithinRel(2.0, 1e-12));
  CHECK_THAT(s(c.upload_time), WithinRel(1.0, 1e-12));
  CHECK_THAT(s(c.round_time), WithinRel(3.5, 1e-12));
  CHECK_THAT(j(c.download_energy), WithinRel(5.0, 1e-12));
  CHECK_THAT(j(c.compute_energy), WithinRel(40.0, 1e-12));
  CHECK_THAT(j(c.upload_energy), WithinRel(10.0, 1e-12));
  CHECK_THAT(j(c.round_energy), WithinRel(55.0, 1e-12));
  CHECK_THAT(s(c.total_time), WithinRel(14.0, 1e-12));
  CHECK_THAT(j(c.total_energy), WithinRel(220.0, 1e-12));
  CHECK(c.dropped_fraction == 0.0);
  CHECK_THAT(c.reporting_clients, WithinRel(10.0, 1e-15));
}

TEST_CASE("a shared cell divides its capacity among the round's clients") {
  // 10 uploads share 5 MB/s: 0.5 MB/s each, 2 s; the radio stays on twice as long (2 J each).
  FederatedRound r = toy_round();
  r.cell_uplink = 5.0 * megabytes_per_second;
  const FederatedRoundCost c = evaluate(r);
  CHECK_THAT(value_in<megabytes_per_second_unit>(c.upload_rate), WithinRel(0.5, 1e-12));
  CHECK_THAT(s(c.upload_time), WithinRel(2.0, 1e-12));
  CHECK_THAT(j(c.upload_energy), WithinRel(20.0, 1e-12));
  // The server's link, 4 MB/s for 10 downloads: 0.4 MB/s each, 2.5 s.
  r.server_bandwidth = 4.0 * megabytes_per_second;
  CHECK_THAT(s(evaluate(r).download_time), WithinRel(2.5, 1e-12));
}

TEST_CASE("stragglers: the round waits for the slowest of K (sync/ order statistics)") {
  // Exponential training of mean 1 s: E[max of 10] = H_10 = 2.928968 s.
  FederatedRound r = toy_round();
  r.local_compute = sync::StepTime{.shape = sync::Shape::exponential, .mean = 1.0 * seconds};
  CHECK_THAT(s(evaluate(r).compute_time), WithinRel(2.9289682539682538, 1e-9));
}

TEST_CASE("a deadline drops late clients: p = 1 - F(D), fewer uploads") {
  // Exponential of mean 1 s, deadline 2 s: p = e^-2 = 13.5 %; training phase min(2, 2.93) = 2 s;
  // 8.65 clients report.
  FederatedRound r = toy_round();
  r.local_compute = sync::StepTime{.shape = sync::Shape::exponential, .mean = 1.0 * seconds};
  r.deadline = 2.0 * seconds;
  const FederatedRoundCost c = evaluate(r);
  CHECK_THAT(c.dropped_fraction, WithinRel(std::exp(-2.0), 1e-12));
  CHECK_THAT(s(c.compute_time), WithinRel(2.0, 1e-12));
  CHECK_THAT(c.reporting_clients, WithinRel(10.0 * (1.0 - std::exp(-2.0)), 1e-12));
  CHECK_THAT(j(c.upload_energy), WithinRel(c.reporting_clients * 1.0, 1e-12));
  // A generous deadline drops nobody that a deterministic 2 s client would miss.
  FederatedRound d = toy_round();
  d.deadline = 5.0 * seconds;
  CHECK(evaluate(d).dropped_fraction == 0.0);
  d.deadline = 1.0 * seconds;
  CHECK(evaluate(d).dropped_fraction == 1.0);
  CHECK(s(evaluate(d).upload_time) == 0.0);
}

TEST_CASE("compression shrinks the upload, not the download") {
  FederatedRound r = toy_round();
  r.compression = {.quantization_bits = 8};
  const FederatedRoundCost c = evaluate(r);
  CHECK_THAT(value_in<megabyte_unit>(c.upload_per_client), WithinRel(0.25, 1e-12));
  CHECK_THAT(s(c.upload_time), WithinRel(0.25, 1e-12));
  CHECK_THAT(s(c.download_time), WithinRel(0.5, 1e-12));
}

TEST_CASE("Edge Guardian: 100 of 10,000 cars upload a ResNet-50 update over a 5G low-band cell") {
  // 102.4 MB down at 100 Mb/s (8.19 s) and up at 30 Mb/s (27.3 s); a cell of 100 Mb/s up shared
  // by the 100 cars gives each 1 Mb/s: 819 s of upload.
  const catalog::Track& t = catalog::edge_guardian;
  FederatedRound r{.clients = catalog::fleet_size(t),
                   .sampled = 100,
                   .model = t.sync_payload,
                   .radio = catalog::nr_lowband};
  const FederatedRoundCost alone = evaluate(r);
  CHECK_THAT(s(alone.upload_time), WithinRel(0.025 + 102.4e6 * 8 / 30e6, 1e-12));
  r.cell_uplink = 100.0 * megabits_per_second;
  const FederatedRoundCost shared = evaluate(r);
  CHECK_THAT(s(shared.upload_time), WithinRel(0.025 + 102.4e6 * 8 / 1e6, 1e-12));
  CHECK(shared.upload_energy > alone.upload_energy);
}

TEST_CASE("property: more sampled clients never shorten a deadline-free round") {
  REQUIRE(rc::check("round time non-decreasing in K", [] {
    const int n = *rc::gen::inRange(2, 2000);
    const int k = *rc::gen::inRange(1, n);
    FederatedRound r{.clients = n,
                     .sampled = k,
                     .model = static_cast<double>(*rc::gen::inRange(0, 10'000'000)) * bytes,
                     .radio = catalog::radio_links[*rc::gen::inRange<std::size_t>(0, 8)],
                     .local_compute = sync::StepTime{.shape = sync::Shape::exponential,
                                                     .mean = 1.0 * seconds}};
    if (*rc::gen::arbitrary<bool>()) r.cell_uplink = 50.0 * megabits_per_second;
    const Seconds fewer = evaluate(r).round_time;
    r.sampled = k + 1;
    RC_ASSERT(fewer <= evaluate(r).round_time);
  }));
}

TEST_CASE("federated round: invalid input is named") {
  FederatedRound r = toy_round();
  r.sampled = 101;
  CHECK_THROWS_WITH(evaluate(r), "federated round: sampled must be in [1, 100] (got 101)");
  r = toy_round();
  r.rounds = 0;
  CHECK_THROWS_WITH(evaluate(r), "federated round: rounds must be >= 1 (got 0)");
  r = toy_round();
  r.local_compute.reset();
  r.deadline = 5.0 * seconds;
  CHECK_THROWS_WITH(evaluate(r), "federated round: deadline must go with local_compute (got 5 s)");
  r = toy_round();
  r.cell_uplink = Bandwidth{};
  CHECK_THROWS_WITH(evaluate(r), "federated round: cell_uplink must be > 0 and finite (got 0 B/s)");
  r = toy_round();
  r.model = -1.0 * bytes;
  CHECK_THROWS_WITH(evaluate(r), "federated round: model must be >= 0 and finite (got -1 B)");
}
