// Unit tests of examples/common (paradox_lab_common), the helpers every walk-through shares.
// Named *_checks.cpp, not *_test.cpp: it links the lab library, so tests.cmake builds it.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "paradox/error.hpp"
#include "paradox_lab/error.hpp"
#include "paradox_lab/format.hpp"
#include "paradox_lab/ledger.hpp"
#include "paradox_lab/prediction.hpp"
#include "paradox_lab/scenario.hpp"
#include "paradox_lab/table.hpp"
#include "paradox_lab/track.hpp"

using namespace paradox;
using namespace paradox::lab;
namespace fs = std::filesystem;

namespace {
// Scenario files written by the tests; removed when the test program exits.
struct TempFiles {
  std::vector<fs::path> paths;
  ~TempFiles() {
    std::error_code ec;
    for (const auto& p : paths) fs::remove(p, ec);
  }
};
TempFiles temp_files;

fs::path write_file(const std::string& name, const std::string& text) {
  const fs::path p = fs::temp_directory_path() / ("paradox_lab_checks_" + name);
  std::ofstream(p) << text;
  temp_files.paths.push_back(p);
  return p;
}
}  // namespace

TEST_CASE("worker nouns take the plural on their head noun") {
  CHECK(plural_of("GPU") == "GPUs");
  CHECK(plural_of("car") == "cars");
  CHECK(plural_of("hearable") == "hearables");
  CHECK(plural_of("pair of AR glasses") == "pairs of AR glasses");
  CHECK(normalise("InfiniBand NDR") == "infinibandndr");
  CHECK(normalise("BLE-1M") == "ble1m");
}

TEST_CASE("every built-in track loads with two distinct networks") {
  REQUIRE(track_keys() == std::vector<std::string>{"cloud", "edge", "mobile", "tiny"});
  for (const auto& key : track_keys()) {
    const LabTrack t = track_from_catalog(key);
    CHECK(t.key == key);
    CHECK_FALSE(t.story.empty());
    CHECK(t.fleet_size >= 64);
    CHECK(t.slow_network.bandwidth <= t.fast_network.bandwidth);
  }
  REQUIRE_THROWS_WITH(track_from_catalog("moon"),
                      "lab: --track must be one of cloud|edge|mobile|tiny (got \"moon\")");
}

TEST_CASE("networks are picked by slow|fast or by the track's own names") {
  const LabTrack cloud = track_from_catalog("cloud");
  CHECK(parse_network(cloud, "slow") == NetworkChoice::slow);
  CHECK(parse_network(cloud, "FAST") == NetworkChoice::fast);
  CHECK(parse_network(cloud, "ethernet") == NetworkChoice::slow);
  CHECK(parse_network(cloud, "InfiniBand") == NetworkChoice::fast);
  CHECK(parse_network(cloud, "ib") == NetworkChoice::fast);
  CHECK(parse_network(track_from_catalog("edge"), "5G") == NetworkChoice::slow);
  CHECK(parse_network(track_from_catalog("edge"), "wifi") == NetworkChoice::fast);
  CHECK(parse_network(track_from_catalog("mobile"), "tether") == NetworkChoice::slow);
  CHECK(parse_network(track_from_catalog("mobile"), "Wi-Fi") == NetworkChoice::fast);
  CHECK(parse_network(track_from_catalog("tiny"), "ble1m") == NetworkChoice::slow);
  CHECK(parse_network(track_from_catalog("tiny"), "BLE 2M") == NetworkChoice::fast);
  REQUIRE_THROWS_AS(parse_network(cloud, "wifi"), invalid_input);
  REQUIRE_THROWS_WITH(parse_network(cloud, "pigeon"),
                      Catch::StartsWith("lab: --network must be one of slow|fast|ethernet|"));
}

TEST_CASE("plain numbers, speedups and percentages print as a student reads them") {
  CHECK(format_number(7.968) == "7.97");
  CHECK(format_number(956.4) == "956");
  CHECK(format_number(1.0) == "1");
  CHECK(format_number(std::nan("")) == "n/a");
  CHECK(format_percent(0.1234) == "12.3%");
  CHECK(format_percent(0.1234, 2) == "12.34%");
  CHECK(format_times(7.968) == "7.97x");
  CHECK(format_times(8.0) == "8x");
}

TEST_CASE("a number printed beside a reference never reads as the reference unless equal") {
  CHECK(format_times_beside(7.968, 8.0) == "7.97x");
  CHECK(format_times_beside(7.9996, 8.0) == "7.9996x");
  CHECK(format_times_beside(8.0004, 8.0) == "8.0004x");
  CHECK(format_times_beside(8.0, 8.0) == "8x");
  CHECK(format_times_beside(1.12482, 1.125) == "1.1248x");
  CHECK(format_times_beside(8.0 - 1e-7, 8.0) == "7.9999999x");
  CHECK(format_percent_beside(0.996, 1.0) == "99.6%");
  CHECK(format_percent_beside(0.99996, 1.0) == "99.996%");
  CHECK(format_percent_beside(1.0, 1.0) == "100.0%");
  CHECK(format_percent_beside(0.0004, 0.0) == "0.04%");
}

TEST_CASE("tables align columns and mark rows") {
  std::ostringstream out;
  print(out,
        Table{.headers = {"N", "speedup"},
              .rows = {{"8", "8x"}, {"64", "7.34x"}},
              .row_marks = {"", ">"}},
        0);
  CHECK(out.str() ==
        "  N   speedup\n"
        "  -----------\n"
        "  8        8x\n"
        "> 64    7.34x\n");
}

namespace {
PredictionPrompt prompt() {
  return {.question = "8 -> 64?",
          .choices = {{"a", "exactly"}, {"b", "less"}},
          .free_form_hint = "or a number",
          .accept = [](const std::string& s) -> std::optional<std::string> {
            if (s == "a" || s == "b") return s;
            return std::nullopt;
          }};
}
}  // namespace

TEST_CASE("--predict locks the prediction without reading stdin") {
  std::istringstream in("b\n");
  std::ostringstream out;
  const Prediction p = lock_prediction(prompt(), std::string("a"), true, in, out);
  CHECK(p.answer == "a");
  CHECK(p.source == PredictionSource::flag);
  CHECK_THAT(out.str(), Catch::Contains("8 -> 64?") && Catch::Contains("Locked"));
  REQUIRE_THROWS_WITH(lock_prediction(prompt(), std::string("z"), true, in, out),
                      "prediction: --predict must be one of a|b|<number> (got \"z\")");
}

TEST_CASE("without a terminal and without --predict the question is skipped, saying so") {
  std::istringstream in("a\n");
  std::ostringstream out;
  const Prediction p = lock_prediction(prompt(), std::nullopt, false, in, out);
  CHECK_FALSE(p.answer);
  CHECK(p.source == PredictionSource::skipped);
  CHECK_THAT(out.str(), Catch::Contains("prediction skipped"));
}

TEST_CASE("in a terminal a bad answer is asked again, end of input skips") {
  std::istringstream in("maybe\nb\n");
  std::ostringstream out;
  const Prediction p = lock_prediction(prompt(), std::nullopt, true, in, out);
  CHECK(p.answer == "b");
  CHECK(p.source == PredictionSource::terminal);
  std::istringstream empty("");
  CHECK_FALSE(lock_prediction(prompt(), std::nullopt, true, empty, out).answer);
}

TEST_CASE("the ledger appends one JSON object per line") {
  const fs::path dir = fs::temp_directory_path() / "paradox_lab_checks_ledger";
  fs::remove_all(dir);
  append_ledger(dir / "l.jsonl", {{"run", 1}});
  append_ledger(dir / "l.jsonl", {{"run", 2}, {"text", "a\nb"}});
  std::ifstream in(dir / "l.jsonl");
  std::string first;
  std::string second;
  std::getline(in, first);
  std::getline(in, second);
  CHECK(nlohmann::json::parse(first)["run"] == 1);
  CHECK(nlohmann::json::parse(second)["text"] == "a\nb");
  fs::remove_all(dir);
  REQUIRE_THROWS_AS(append_ledger("/proc/nonexistent/x.jsonl", {{"run", 3}}), usage_error);
}

TEST_CASE("a scenario overrides a track and presets controls") {
  const fs::path p = write_file("ok.toml", R"(description = "d"
[track]
base = "edge"
fleet_size = 500
sync_payload = "10MB"
[network.slow]
name = "LTE"
bandwidth = "5Mb/s"
latency = 0.04
[controls]
nodes = 32
overlap = 0.5
)");
  const Scenario s = Scenario::load(p);
  CHECK(s.base_track() == "edge");
  CHECK(s.description() == "d");
  const LabTrack t = s.apply(track_from_catalog("edge"));
  CHECK(t.fleet_size == 500);
  CHECK(t.sync_payload == 10.0 * megabytes);
  CHECK(t.slow_network.name == "LTE");
  CHECK(t.slow_network.bandwidth == 5.0 * megabits_per_second);
  CHECK(t.slow_network.latency == 0.04 * seconds);
  CHECK(parse_network(t, "lte") == NetworkChoice::slow);
  CHECK(s.integer("controls.nodes", 1, 100) == 32);
  CHECK(s.number("controls.overlap", 0.0, 1.0) == 0.5);
  CHECK_FALSE(s.integer("controls.max_nodes", 1, 100));
  REQUIRE_NOTHROW(s.check_table("controls", {"nodes", "overlap"}));
  REQUIRE_THROWS_WITH(s.check_table("controls", {"nodes"}),
                      Catch::Contains(":12: controls.overlap must be a known key (nodes)"));
  REQUIRE_THROWS_WITH(s.integer("controls.nodes", 1, 10),
                      Catch::Contains(":11: controls.nodes must be in [1, 10] (got 32)"));
  REQUIRE_THROWS_WITH(s.text("controls.nodes"),
                      Catch::Contains(":11: controls.nodes must be a string (got 32)"));
}

TEST_CASE("bad scenarios are reported with file, line and key, never a crash") {
  REQUIRE_THROWS_AS(Scenario::load("/nonexistent/x.toml"), usage_error);
  const fs::path syntax = write_file("syntax.toml", "[track]\nname = \"unterminated\n");
  REQUIRE_THROWS_WITH(Scenario::load(syntax), Catch::Contains("syntax.toml:2:"));
  const fs::path unknown = write_file("unknown.toml", "[track]\n\nfleet = 3\n");
  REQUIRE_THROWS_WITH(Scenario::load(unknown),
                      Catch::Contains("unknown.toml:3: track.fleet must be a known key"));
  const fs::path base = write_file("base.toml", "[track]\nbase = \"mars\"\n");
  REQUIRE_THROWS_WITH(
      Scenario::load(base),
      Catch::Contains("base.toml:2: track.base must be one of cloud|edge|mobile|tiny"));
  const fs::path table = write_file("table.toml", "network = 3\n");
  REQUIRE_THROWS_WITH(Scenario::load(table),
                      Catch::Contains("table.toml:1: network must be a table (got 3)"));
  const fs::path wrong = write_file("wrong.toml", "[network.fast]\nlatency = \"5GB\"\n");
  const Scenario s = Scenario::load(wrong);
  REQUIRE_THROWS_WITH(s.apply(track_from_catalog("cloud")),
                      Catch::Contains("wrong.toml:2: network.fast.latency must be a time"));
  const fs::path negative = write_file("negative.toml", "[track]\ncompute_time_one_worker = -1\n");
  REQUIRE_THROWS_WITH(
      Scenario::load(negative).apply(track_from_catalog("cloud")),
      Catch::Contains("negative.toml:2: track.compute_time_one_worker must be > 0"));
  const fs::path aliases = write_file("aliases.toml", "[network.slow]\naliases = [1]\n");
  REQUIRE_THROWS_WITH(Scenario::load(aliases).apply(track_from_catalog("cloud")),
                      Catch::Contains("aliases.toml:2: network.slow.aliases must be an array"));
}
