#include "paradox/comm/collectives.hpp"

#include <rapidcheck.h>

#include <catch2/catch.hpp>

#include "comm/comm_test_support.hpp"

using namespace paradox;
using namespace paradox::comm;
using Catch::Matchers::WithinRel;

namespace {
const Link ib = ab(500.0 * nanoseconds, 50.0 * gigabytes_per_second);
const Link nvlink = ab(1.0 * microseconds, 450.0 * gigabytes_per_second);

CollectiveInput input(Collective op, Algorithm algorithm, Bytes n, int ranks) {
  return {.op = op, .algorithm = algorithm, .message = n, .ranks = ranks, .link = ib};
}
}  // namespace

TEST_CASE("collective and algorithm names round-trip through their CLI spellings") {
  for (Collective op : all_collectives) CHECK(parse_collective(to_string(op)) == op);
  for (Algorithm algorithm : all_algorithms)
    CHECK(parse_algorithm(to_string(algorithm)) == algorithm);
  CHECK(to_string(Collective::reducescatter) == "reducescatter");
  CHECK(to_string(Algorithm::double_binary_tree) == "double-binary-tree");
  CHECK(to_string(Algorithm::recursive_doubling) == "recursive-doubling");
  CHECK(to_string(Algorithm::in_network) == "in-network");
  CHECK(to_string(Algorithm::automatic) == "auto");
  CHECK_FALSE(parse_collective("all-reduce").has_value());
  CHECK_FALSE(parse_algorithm("automatic").has_value());
  CHECK_FALSE(parse_algorithm("").has_value());
}

TEST_CASE("the MLSys textbook's algorithm names are accepted as aliases") {
  // Its "recursive halving-doubling" (butterfly) all-reduce is Rabenseifner's algorithm.
  CHECK(parse_algorithm("halving-doubling") == Algorithm::rabenseifner);
  CHECK(parse_algorithm("butterfly") == Algorithm::rabenseifner);
  for (const AlgorithmAlias& alias : algorithm_aliases)
    CHECK_FALSE(parse_collective(alias.alias).has_value());
}

TEST_CASE("the facade reproduces the 35.007 ms ring allreduce") {
  // The MLSys textbook simulator's test: 1 GB, 8 ranks, 50 GB/s, 500 ns.
  const CollectiveCost c = cost(input(Collective::allreduce, Algorithm::ring, 1.0 * gigabytes, 8));
  CHECK_THAT(value_in<millisecond_unit>(c.time()), WithinRel(35.007, 1e-12));
  CHECK_THAT(value_in<microsecond_unit>(c.terms.latency_term), WithinRel(7.0, 1e-12));
  CHECK_THAT(value_in<millisecond_unit>(c.terms.bandwidth_term), WithinRel(35.0, 1e-12));
  CHECK(value_in<second_unit>(c.terms.reduction_term) == 0.0);
  CHECK(c.algorithm == Algorithm::ring);
  CHECK(time(input(Collective::allreduce, Algorithm::ring, 1.0 * gigabytes, 8)) == c.time());
}

TEST_CASE("the facade dispatches to the per-algorithm models") {
  const Bytes n = 3.0 * megabytes;
  const Bandwidth r = 200.0 * gigabytes_per_second;
  auto in = input(Collective::allreduce, Algorithm::rabenseifner, n, 12);
  in.reduction_bandwidth = r;
  CHECK(time(in) == time(RabenseifnerAllReduce{n, 12, ib, r}));
  in.algorithm = Algorithm::double_binary_tree;
  CHECK(time(in) == time(DoubleBinaryTreeAllReduce{n, 12, ib, r}));
  in.op = Collective::reducescatter;
  in.algorithm = Algorithm::recursive_doubling;
  CHECK(time(in) == time(RecursiveHalvingReduceScatter{n, 12, ib, r}));
  in.op = Collective::allgather;
  CHECK(time(in) == time(RecursiveDoublingAllGather{n, 12, ib}));
  in.op = Collective::broadcast;
  in.algorithm = Algorithm::tree;
  CHECK(time(in) == time(TreeBroadcast{n, 12, ib}));
  in.op = Collective::alltoall;
  in.algorithm = Algorithm::ring;
  CHECK(time(in) == time(PairwiseAllToAll{n, 12, ib}));
  in.op = Collective::sendrecv;
  CHECK(time(in) == time(RingSendRecv{n, 12, ib}));
  in.op = Collective::allreduce;
  in.algorithm = Algorithm::hierarchical;
  in.gpus_per_node = 4;
  in.intra_node = nvlink;
  CHECK(time(in) == time(HierarchicalAllReduce{n, 12, 4, nvlink, ib, std::nullopt, r}));
}

TEST_CASE("every collective and algorithm costs zero on one rank") {
  for (Collective op : all_collectives) {
    for (Algorithm algorithm : supported_algorithms(op)) {
      CAPTURE(to_string(op), to_string(algorithm));
      auto in = input(op, algorithm, 1.0 * gigabytes, 1);
      in.reduction_bandwidth = 1.0 * gigabytes_per_second;
      CHECK(value_in<second_unit>(time(in)) == 0.0);
    }
  }
}

TEST_CASE("every collective and algorithm is finite for a million ranks and for one byte") {
  for (Collective op : all_collectives) {
    for (Algorithm algorithm : supported_algorithms(op)) {
      CAPTURE(to_string(op), to_string(algorithm));
      auto in = input(op, algorithm, 1.0 * gigabytes, 1000000);
      in.gpus_per_node = 8;
      in.intra_node = nvlink;
      const double t = value_in<second_unit>(time(in));
      CHECK(std::isfinite(t));
      CHECK(t > 0.0);
      in.message = 1.0 * bytes;
      in.ranks = 8;
      const double tiny = value_in<second_unit>(time(in));
      CHECK(tiny > 0.0);
      CHECK(tiny < 1e-4);
    }
  }
}

TEST_CASE("unsupported collective and algorithm pairs are rejected naming both") {
  REQUIRE_THROWS_WITH(time(input(Collective::allgather, Algorithm::tree, 1.0 * bytes, 4)),
                      "collective: algorithm must be one of ring, recursive-doubling, auto for "
                      "allgather (got tree)");
  REQUIRE_THROWS_WITH(
      time(input(Collective::alltoall, Algorithm::hierarchical, 1.0 * bytes, 4)),
      "collective: algorithm must be one of ring, auto for alltoall (got hierarchical)");
  REQUIRE_THROWS_WITH(
      time(input(Collective::broadcast, Algorithm::in_network, 1.0 * bytes, 4)),
      "collective: algorithm must be one of ring, tree, double-binary-tree, auto for "
      "broadcast (got in-network)");
  for (Collective op : all_collectives)
    for (Algorithm algorithm : all_algorithms)
      if (!is_supported(op, algorithm)) {
        CAPTURE(to_string(op), to_string(algorithm));
        CHECK_THROWS_AS(time(input(op, algorithm, 1.0 * bytes, 4)), invalid_input);
      }
}

TEST_CASE("the facade passes on the models' validation messages") {
  REQUIRE_THROWS_WITH(time(input(Collective::allreduce, Algorithm::ring, 1.0 * bytes, 0)),
                      "ring allreduce: ranks must be >= 1 (got 0)");
  auto in = input(Collective::allreduce, Algorithm::ring, 1.0 * bytes, 4);
  in.link.bandwidth = 0.0 * bytes_per_second;
  REQUIRE_THROWS_WITH(time(in), "ring allreduce: bandwidth must be > 0 and finite (got 0 B/s)");
  in.algorithm = Algorithm::automatic;
  REQUIRE_THROWS_AS(time(in), invalid_input);
  in = input(Collective::allreduce, Algorithm::hierarchical, 1.0 * bytes, 12);
  in.gpus_per_node = 8;
  in.intra_node = nvlink;
  REQUIRE_THROWS_WITH(
      time(in), "hierarchical allreduce: ranks must be divisible by gpus_per_node = 8 (got 12)");
  in.gpus_per_node = 0;
  REQUIRE_THROWS_WITH(time(in), "collective: gpus_per_node must be >= 1 (got 0)");
  in = input(Collective::reduce, Algorithm::tree, 1.0 * bytes, 4);
  in.reduction_bandwidth = -1.0 * bytes_per_second;
  REQUIRE_THROWS_WITH(time(in),
                      "tree reduce: reduction_bandwidth must be > 0 and finite (got -1 B/s)");
}

TEST_CASE("auto picks a log-latency algorithm for small messages at scale") {
  const CollectiveCost c =
      cost(input(Collective::allreduce, Algorithm::automatic, 1.0 * kilobytes, 1024));
  CHECK(c.algorithm != Algorithm::ring);
  CHECK(c.time() < time(input(Collective::allreduce, Algorithm::ring, 1.0 * kilobytes, 1024)));
}

TEST_CASE("auto picks the ring for a large buffer on a non-power-of-two rank count") {
  // Rabenseifner pays an extra 2 n / beta to fold 6 ranks to 4; the ring's 2 n 5/6 / beta wins.
  const CollectiveCost c =
      cost(input(Collective::allreduce, Algorithm::automatic, 1.0 * gigabytes, 6));
  CHECK(c.algorithm == Algorithm::ring);
  CHECK(c.time() == time(input(Collective::allreduce, Algorithm::ring, 1.0 * gigabytes, 6)));
}

TEST_CASE("auto picks hierarchical when the intra-node link is much faster") {
  auto in = input(Collective::allreduce, Algorithm::automatic, 1.0 * gigabytes, 64);
  in.gpus_per_node = 8;
  in.intra_node = nvlink;
  CHECK(cost(in).algorithm == Algorithm::hierarchical);
  // and skips it, without throwing, when the layout does not divide.
  in.ranks = 60;
  CHECK(cost(in).algorithm != Algorithm::hierarchical);
}

TEST_CASE("auto never picks in-network reduction") {
  const CollectiveCost c =
      cost(input(Collective::allreduce, Algorithm::automatic, 1.0 * gigabytes, 8));
  CHECK(c.algorithm != Algorithm::in_network);
  CHECK(c.time() > time(input(Collective::allreduce, Algorithm::in_network, 1.0 * gigabytes, 8)));
}

namespace {
/// A random valid facade input: any collective, ranks = g * k so hierarchical is valid.
CollectiveInput random_input() {
  const auto s = *comm_test::scenarios(20000);
  const int g = *rc::gen::element(1, 2, 4, 8);
  const bool use_reduction = *rc::gen::arbitrary<bool>();
  CollectiveInput in{.op = *rc::gen::elementOf(all_collectives),
                     .algorithm = Algorithm::ring,
                     .message = s.message,
                     .ranks = s.ranks * g,
                     .link = ab(s.latency, s.bandwidth),
                     .gpus_per_node = g,
                     .intra_node = ab(s.latency / 2.0, s.bandwidth * 9.0)};
  if (use_reduction) in.reduction_bandwidth = s.bandwidth * 20.0;
  return in;
}
}  // namespace

TEST_CASE("auto is never slower than any supported algorithm") {
  REQUIRE(rc::check("auto <= every candidate", [] {
    auto in = random_input();
    in.algorithm = Algorithm::automatic;
    const CollectiveCost best = cost(in);
    RC_ASSERT(best.algorithm != Algorithm::automatic);
    RC_ASSERT(is_supported(in.op, best.algorithm));
    for (Algorithm algorithm : supported_algorithms(in.op)) {
      if (algorithm == Algorithm::automatic || algorithm == Algorithm::in_network) continue;
      auto other = in;
      other.algorithm = algorithm;
      RC_ASSERT(best.time() <= time(other));
    }
  }));
}

TEST_CASE("more bandwidth or less latency never makes any collective slower") {
  REQUIRE(rc::check("monotone for every (collective, algorithm)", [] {
    const auto in = random_input();
    const double k = *rc::gen::inRange(1, 1000);
    for (Algorithm algorithm : supported_algorithms(in.op)) {
      auto base = in;
      base.algorithm = algorithm;
      const Seconds t = time(base);
      auto wider = base;
      wider.link.bandwidth = base.link.bandwidth * k;
      wider.intra_node.bandwidth = base.intra_node.bandwidth * k;
      auto quicker = base;
      quicker.link.latency = base.link.latency / k;
      quicker.intra_node.latency = base.intra_node.latency / k;
      auto cheaper = base;
      if (base.reduction_bandwidth) cheaper.reduction_bandwidth = *base.reduction_bandwidth * k;
      RC_ASSERT(time(wider) <= t);
      RC_ASSERT(time(quicker) <= t);
      RC_ASSERT(time(cheaper) <= t);
    }
  }));
}

TEST_CASE("the terms of every cost add up to its time") {
  REQUIRE(rc::check("time = latency + bandwidth + reduction", [] {
    auto in = random_input();
    in.algorithm = *rc::gen::elementOf(supported_algorithms(in.op));
    const CollectiveCost c = cost(in);
    const double sum = value_in<second_unit>(c.terms.latency_term + c.terms.bandwidth_term + c.terms.reduction_term);
    RC_ASSERT(std::abs(value_in<second_unit>(c.time()) - sum) <= 1e-12 * sum);
  }));
}
