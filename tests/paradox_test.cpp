// The umbrella header: one include reaches every model family. paradox's own headers never
// include <iostream> (only the opt-in io.hpp prints). Boost.Math does: its root finders and
// quadrature (boost/math/tools/roots.hpp) include <iostream>, so the families built on it
// (sync/: order statistics by quadrature) bring it in. The families that do not are checked
// here, before the umbrella and before Catch2, which includes <iostream> itself.
#include "paradox/catalog/catalog.hpp"
#include "paradox/comm/comm.hpp"
#include "paradox/compute/compute.hpp"
#include "paradox/error.hpp"
#include "paradox/hardware/hardware.hpp"
#include "paradox/memory/memory.hpp"
#include "paradox/parallel/parallel.hpp"
#include "paradox/pipeline/pipeline.hpp"
#include "paradox/reliability/reliability.hpp"
#include "paradox/scaling/scaling.hpp"
#include "paradox/units.hpp"
#include "paradox/units/parse.hpp"

#ifdef _GLIBCXX_IOSTREAM
#define PARADOX_UMBRELLA_INCLUDES_IOSTREAM 1
#else
#define PARADOX_UMBRELLA_INCLUDES_IOSTREAM 0
#endif

#include "paradox/paradox.hpp"

#include <catch2/catch.hpp>
#include <type_traits>

namespace {

using namespace paradox;

TEST_CASE("the families not built on Boost.Math do not include <iostream>", "[paradox]") {
  STATIC_REQUIRE(PARADOX_UMBRELLA_INCLUDES_IOSTREAM == 0);
}

TEST_CASE("the umbrella header brings units, errors and value_in", "[paradox]") {
  const Bytes message = 2.0 * gigabytes;
  REQUIRE_THAT(value_in<gigabyte_unit>(message), Catch::Matchers::WithinRel(2.0));
  STATIC_REQUIRE(std::is_base_of_v<std::invalid_argument, invalid_input>);
}

TEST_CASE("the umbrella header brings the collectives", "[paradox]") {
  // Ring all-reduce (Patarasuk & Yuan 2009, "Bandwidth optimal all-reduce algorithms for
  // clusters of workstations"): 2(p-1) alpha + 2 (p-1)/p n / beta; 1 GB over 8 ranks at
  // 50 GB/s and 500 ns = 14 * 500 ns + 2 * 7/8 * 1 GB / (50 GB/s) = 35.007 ms.
  const Seconds t = comm::time(comm::CollectiveInput{
      .op = comm::Collective::allreduce,
      .algorithm = comm::Algorithm::ring,
      .message = 1.0 * gigabytes,
      .ranks = 8,
      .link = {.bandwidth = 50.0 * gigabytes_per_second, .latency = 500.0 * nanoseconds}});
  REQUIRE_THAT(value_in<millisecond_unit>(t), Catch::Matchers::WithinRel(35.007, 1e-12));
}

TEST_CASE("the umbrella header brings the catalog and its tracks", "[paradox]") {
  REQUIRE(catalog::track("cloud").key == "cloud");
  REQUIRE(catalog::tracks.size() == 4);
}

TEST_CASE("the umbrella header brings point-to-point", "[paradox]") {
  // Hockney: alpha + n / beta = 1 us + 1 MB / (1 GB/s) = 1.001 ms.
  const Seconds t = comm::time(comm::PointToPoint{
      .message = 1.0 * megabytes,
      .link = {.bandwidth = 1.0 * gigabytes_per_second, .latency = 1.0 * microseconds}});
  REQUIRE_THAT(value_in<millisecond_unit>(t), Catch::Matchers::WithinRel(1.001, 1e-12));
}

TEST_CASE("the umbrella header brings the scaling family", "[paradox]") {
  REQUIRE_THAT(scaling::amdahl_speedup(1.0, 8.0), Catch::Matchers::WithinRel(8.0));
}

}  // namespace
