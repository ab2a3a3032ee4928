#include "paradox/energy/collective_energy.hpp"

#include <catch2/catch.hpp>

#include "energy/energy_test_support.hpp"

using namespace paradox;
using namespace paradox::energy;
using namespace energy_test;
using Catch::Matchers::WithinRel;

namespace {
const Link fabric{.bandwidth = 50.0 * gigabytes_per_second,
                  .latency = 500.0 * nanoseconds,
                  .energy_per_bit = 10.0 * picojoules_per_bit};
}  // namespace

TEST_CASE("all-reduce energy: p 2(p-1)/p n bytes at pJ/bit, plus p P T") {
  // Ring all-reduce of 1 GB over 8 ranks (Patarasuk & Yuan 2009): each rank sends 2 x 7/8 GB,
  // 14 GB in all = 112 Gbit x 10 pJ = 1.12 J; T = 35.007 ms, 8 x 700 W x T = 196.04 J.
  const CollectiveEnergy e = evaluate(CollectiveEnergyInput{
      .collective = {.op = comm::Collective::allreduce, .message = 1.0 * gigabytes, .ranks = 8,
                     .link = fabric},
      .accelerator_power = 700.0 * watts});
  CHECK_THAT(value_in<gigabyte_unit>(e.bytes_on_links), WithinRel(14.0, 1e-12));
  CHECK_THAT(j(e.links), WithinRel(1.12, 1e-12));
  CHECK_THAT(s(e.time), WithinRel(0.035007, 1e-12));
  CHECK_THAT(j(e.accelerators), WithinRel(8.0 * 700.0 * 0.035007, 1e-12));
  CHECK_THAT(j(e.total), WithinRel(1.12 + 8.0 * 700.0 * 0.035007, 1e-12));
}

TEST_CASE("reduce-scatter and all-gather move half the bytes; one rank moves none") {
  const auto bytes_of = [](comm::Collective op, int ranks) {
    return value_in<gigabyte_unit>(
        evaluate(CollectiveEnergyInput{.collective = {.op = op, .message = 1.0 * gigabytes,
                                                      .ranks = ranks, .link = fabric}})
            .bytes_on_links);
  };
  CHECK_THAT(bytes_of(comm::Collective::reducescatter, 8), WithinRel(7.0, 1e-12));
  CHECK_THAT(bytes_of(comm::Collective::allgather, 8), WithinRel(7.0, 1e-12));
  CHECK(bytes_of(comm::Collective::allreduce, 1) == 0.0);
}

TEST_CASE("collective energy: invalid input is named") {
  CHECK_THROWS_WITH(
      evaluate(CollectiveEnergyInput{.collective = {.op = comm::Collective::broadcast,
                                                    .message = 1.0 * bytes, .ranks = 2,
                                                    .link = fabric}}),
      "collective energy: op must be allreduce, reducescatter or allgather (got broadcast)");
  CHECK_THROWS_WITH(
      evaluate(CollectiveEnergyInput{.collective = {.message = 1.0 * bytes, .ranks = 2,
                                                    .link = fabric},
                                     .accelerator_power = -1.0 * watts}),
      "collective energy: accelerator_power must be >= 0 and finite (got -1 W)");
}
