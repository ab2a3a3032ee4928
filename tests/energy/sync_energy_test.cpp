#include "paradox/energy/sync_energy.hpp"

#include <catch2/catch.hpp>

#include "energy/energy_test_support.hpp"
#include "paradox/catalog/radio_links.hpp"

using namespace paradox;
using namespace paradox::energy;
using namespace energy_test;
using Catch::Matchers::WithinRel;

TEST_CASE("a sync is one promotion, the upload, the download and one tail") {
  // LTE (catalog, Huang et al. 2012 as quoted): 1 MB up at 6 Mb/s = 5.2245 J, 1 MB down at
  // 13 Mb/s = 1.96365 W x 8/13 s = 1.2084 J, promotion 0.3149 J, tail 12.2706 J: 19.018 J.
  const RadioSyncEnergy e = evaluate(
      RadioSync{.radio = catalog::lte, .upload = 1.0 * megabytes, .download = 1.0 * megabytes});
  CHECK_THAT(j(e.upload), WithinRel(3.91838 * 8.0 / 6.0, 1e-12));
  CHECK_THAT(j(e.download), WithinRel(1.96365 * 8.0 / 13.0, 1e-12));
  CHECK_THAT(j(e.promotion), WithinRel(1.2107 * 0.2601, 1e-12));
  CHECK_THAT(j(e.tail), WithinRel(1.06 * 11.576, 1e-12));
  CHECK_THAT(j(e.total), WithinRel(19.01837, 1e-6));
  CHECK_THAT(s(e.time), WithinRel(0.2601 + 2 * 0.035 + 8.0 / 6.0 + 8.0 / 13.0, 1e-12));
  CHECK_THAT(e.tail / e.total, WithinRel(0.6452, 1e-3));
}

TEST_CASE("an upload-only sync costs what one transfer costs") {
  const RadioSyncEnergy sync =
      evaluate(RadioSync{.radio = catalog::lte, .upload = 3.0 * megabytes});
  const RadioTransferEnergy one =
      evaluate(RadioTransfer{.radio = catalog::lte, .size = 3.0 * megabytes});
  CHECK_THAT(j(sync.total), WithinRel(j(one.total), 1e-12));
  CHECK_THAT(s(sync.time), WithinRel(s(one.time), 1e-12));
}

TEST_CASE("ten small LTE syncs cost far more than one large one: ten tails") {
  const Joules one =
      evaluate(RadioSync{.radio = catalog::lte, .upload = 1.0 * megabytes}).total;
  const Joules ten =
      10.0 * evaluate(RadioSync{.radio = catalog::lte, .upload = 100.0 * kilobytes}).total;
  CHECK(ten / one > 7.0);
  // Without a tail (BLE) batching changes nothing but the per-message latency.
  const Joules ble_one = evaluate(RadioSync{.radio = catalog::ble_1m, .upload = 1.0 * megabytes}).total;
  const Joules ble_ten =
      10.0 * evaluate(RadioSync{.radio = catalog::ble_1m, .upload = 100.0 * kilobytes}).total;
  CHECK_THAT(j(ble_ten), WithinRel(j(ble_one), 1e-12));
}

TEST_CASE("a sync of nothing costs nothing; throughputs can be given") {
  const RadioSyncEnergy none = evaluate(RadioSync{.radio = catalog::lte});
  CHECK(j(none.total) == 0.0);
  CHECK(s(none.time) == 0.0);
  const RadioSyncEnergy toy = evaluate(RadioSync{.radio = toy_radio,
                                                 .upload = 1.0 * megabytes,
                                                 .download = 1.0 * megabytes,
                                                 .uplink_throughput = 0.5 * megabytes_per_second});
  CHECK_THAT(j(toy.upload), WithinRel(2.0, 1e-12));
  CHECK_THAT(j(toy.download), WithinRel(0.5, 1e-12));
  CHECK_THAT(j(toy.total), WithinRel(2.5, 1e-12));
}

TEST_CASE("radio sync: invalid input is named") {
  CHECK_THROWS_WITH(evaluate(RadioSync{.radio = catalog::lte, .upload = -1.0 * bytes}),
                    "radio sync: upload must be >= 0 and finite (got -1 B)");
  CHECK_THROWS_WITH(evaluate(RadioSync{.radio = catalog::lte, .download = -1.0 * bytes}),
                    "radio sync: download must be >= 0 and finite (got -1 B)");
  CHECK_THROWS_WITH(evaluate(RadioSync{.radio = catalog::lte,
                                       .upload = 1.0 * bytes,
                                       .uplink_throughput = Bandwidth{}}),
                    "radio sync: uplink_throughput must be > 0 and finite (got 0 B/s)");
}
