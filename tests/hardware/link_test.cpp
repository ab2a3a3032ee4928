#include "paradox/hardware/link.hpp"

#include <rapidcheck.h>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace paradox;
using Catch::Matchers::WithinRel;

namespace {
constexpr Link fabric{.key = "fabric",
                      .name = "test fabric",
                      .bandwidth = 50.0 * gigabytes_per_second,
                      .latency = 2.0 * microseconds,
                      .energy_per_bit = 10.0 * picojoules_per_bit,
                      .provenance = {"unit test"}};
}  // namespace

TEST_CASE("bidirectional bandwidth is twice the per-direction bandwidth", "[hardware][link]") {
  // NVLink 4 on H100: 450 GB/s per direction is marketed as 900 GB/s (H100 datasheet).
  constexpr Link nvlink{.name = "nvlink",
                        .bandwidth = 450.0 * gigabytes_per_second,
                        .provenance = {"H100 datasheet"}};
  STATIC_REQUIRE(value_in<gigabytes_per_second_unit>(bidirectional_bandwidth(nvlink)) > 899.9);
  REQUIRE_THAT(value_in<gigabytes_per_second_unit>(bidirectional_bandwidth(nvlink)),
               WithinRel(900.0, 1e-12));
}

TEST_CASE("transfer time is latency plus size over bandwidth", "[hardware][link]") {
  REQUIRE_THAT(value_in<second_unit>(transfer_time(fabric, 100.0 * gigabytes)),
               WithinRel(2.0 + 2e-6, 1e-12));
  REQUIRE_THAT(value_in<microsecond_unit>(transfer_time(fabric, Bytes{})), WithinRel(2.0, 1e-12));
  REQUIRE_THROWS_AS(transfer_time(fabric, -1.0 * bytes), invalid_input);
}

TEST_CASE("validate rejects a link without bandwidth or with negative latency",
          "[hardware][link]") {
  REQUIRE_NOTHROW(validate(fabric));
  Link broken = fabric;
  broken.bandwidth = Bandwidth{};
  REQUIRE_THROWS_WITH(validate(broken), "link: bandwidth must be > 0 and finite (got 0 B/s)");
  broken = fabric;
  broken.latency = -1.0 * seconds;
  REQUIRE_THROWS_AS(validate(broken), invalid_input);
  broken = fabric;
  broken.energy_per_bit = -1.0 * picojoules_per_bit;
  REQUIRE_THROWS_AS(validate(broken), invalid_input);
  broken = fabric;
  broken.provenance = {};
  REQUIRE_THROWS_AS(validate(broken), invalid_input);
}

TEST_CASE("more bandwidth never makes a transfer slower", "[hardware][link][property]") {
  REQUIRE(rc::check("transfer_time is non-increasing in bandwidth",
                    [](unsigned size_kb, unsigned bw_a, unsigned bw_b) {
                      Link slow = fabric;
                      Link fast = fabric;
                      slow.bandwidth = (1.0 + std::min(bw_a, bw_b)) * megabytes_per_second;
                      fast.bandwidth = (1.0 + std::max(bw_a, bw_b)) * megabytes_per_second;
                      const Bytes m = static_cast<double>(size_kb) * kilobytes;
                      RC_ASSERT(transfer_time(fast, m) <= transfer_time(slow, m));
                    }));
}
