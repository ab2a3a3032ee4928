// Unit tests of examples/common/paradox_lab, the skeleton every walk-through shares: tracks,
// scenario files, the prediction lock and the files a run writes.
// Named *_checks.cpp, not *_test.cpp: it links the lab library, so tests.cmake builds it.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "paradox_lab/outputs.hpp"
#include "paradox_lab/prediction.hpp"
#include "paradox_lab/scenario.hpp"
#include "paradox_lab/track.hpp"
#include "paradox_text/errors.hpp"

using namespace paradox;
using namespace paradox::lab;
using text::usage_error;
namespace fs = std::filesystem;

namespace {
// Files written by the tests, below one folder removed when the test program exits.
const fs::path scratch = fs::temp_directory_path() / "paradox_lab_checks";
struct Scratch {
  Scratch() { fs::create_directories(scratch); }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(scratch, ec);
  }
};
const Scratch scratch_folder;

fs::path write_file(const std::string& name, const std::string& text) {
  const fs::path p = scratch / name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

const text::Field flag{"part1", "--track"};
LabTrack track(std::string_view key) { return track_from_catalog(key, flag); }

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

TEST_CASE("worker nouns take the plural on their head noun; names normalise") {
  CHECK(plural_of("GPU") == "GPUs");
  CHECK(plural_of("hearable") == "hearables");
  CHECK(plural_of("pair of AR glasses") == "pairs of AR glasses");
  CHECK(normalise("InfiniBand NDR") == "infinibandndr");
  CHECK(normalise("BLE-1M") == "ble1m");
  CHECK(count_of(1, track("mobile")) == "1 pair of AR glasses");
  CHECK(count_of(8, track("cloud")) == "8 GPUs");
}

TEST_CASE("every built-in track loads with its two clusters, the slow network no faster") {
  REQUIRE(track_keys() == std::vector<std::string>{"cloud", "edge", "mobile", "tiny"});
  for (const auto& key : track_keys()) {
    const LabTrack t = track(key);
    CHECK(t.track.key == key);
    CHECK(catalog::fleet_size(t.track) >= 64);
    CHECK(effective_inter_node_bandwidth_per_accelerator(t.track.slow) <=
          effective_inter_node_bandwidth_per_accelerator(t.track.fast));
  }
  REQUIRE_THROWS_WITH(track("moon"),
                      "part1: --track must be one of cloud|edge|mobile|tiny (got moon)");
}

TEST_CASE("the cloud's slow network is one 10 GbE NIC shared by a node of 8 GPUs") {
  const LabTrack cloud = track("cloud");
  CHECK(describe_network(cloud, NetworkChoice::slow) ==
        "10 Gigabit Ethernet (TCP) (10 Gb/s, 20 us; one NIC per node of 8 GPUs: 1.25 Gb/s per "
        "GPU)");
  CHECK_THAT(describe_network(cloud, NetworkChoice::fast), Catch::EndsWith("one NIC per GPU)"));
  CHECK(fleet(cloud, NetworkChoice::slow, 1030).nodes == 129);  // room for 1030 GPUs
  CHECK(fleet(cloud, NetworkChoice::slow, 64).nodes == 128);    // never fewer than the track's
}

TEST_CASE("networks are picked by slow|fast or by the track's own names") {
  const LabTrack cloud = track("cloud");
  const text::Field f{"part1", "--network"};
  CHECK(parse_network(cloud, "slow", f) == NetworkChoice::slow);
  CHECK(parse_network(cloud, "FAST", f) == NetworkChoice::fast);
  CHECK(parse_network(cloud, "ethernet", f) == NetworkChoice::slow);
  CHECK(parse_network(cloud, "InfiniBand", f) == NetworkChoice::fast);
  CHECK(parse_network(track("edge"), "5G", f) == NetworkChoice::slow);
  CHECK(parse_network(track("mobile"), "Wi-Fi", f) == NetworkChoice::fast);
  CHECK(parse_network(track("tiny"), "BLE 2M", f) == NetworkChoice::fast);
  REQUIRE_THROWS_AS(parse_network(cloud, "wifi", f), usage_error);
  REQUIRE_THROWS_AS(parse_network(cloud, "", f), usage_error);
  REQUIRE_THROWS_WITH(parse_network(cloud, "pigeon", f),
                      Catch::StartsWith("part1: --network must be one of slow|fast|ethernet|"));
}

TEST_CASE("the textbook's algorithm names are accepted, unknown ones list every spelling") {
  const text::Field f{"part1", "--algo"};
  CHECK(parse_algorithm("butterfly", f) == comm::Algorithm::rabenseifner);
  CHECK(parse_algorithm("halving-doubling", f) == comm::Algorithm::rabenseifner);
  REQUIRE_THROWS_WITH(parse_algorithm("bogus", f),
                      Catch::Contains("--algo must be one of ring|") &&
                          Catch::Contains("|halving-doubling|butterfly (got bogus)"));
}

TEST_CASE("file names made from scenario text never leave the output folder") {
  CHECK(file_name_part("cloud") == "cloud");
  CHECK(file_name_part("../../etc/passwd") == "etc-passwd");
  CHECK(file_name_part("My Pod #2") == "my-pod-2");
  CHECK(file_name_part("") == "custom");
  CHECK(file_name_part("/") == "custom");
  CHECK(file_name_part("..") == "custom");
  CHECK(file_name_part(std::string(100, 'a')).size() == 40);
  for (const char* text : {"../x", "a/b", "a\\b", "~/.ssh", "\n", "\xc3\xa9t\xc3\xa9"}) {
    const std::string part = file_name_part(text);
    CAPTURE(text, part);
    CHECK(part.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_-") == std::string::npos);
  }
}

namespace {
PredictionPrompt prompt() {
  return {.question = "8 -> 64?",
          .choices = {{"exact", "exactly", {"yes"}}, {"less", "less", {"no"}}},
          .number_hint = "or a number"};
}
}  // namespace

TEST_CASE("answers are letters, keys, words or positive numbers") {
  CHECK(accept(prompt(), "a") == "exact");
  CHECK(accept(prompt(), " B ") == "less");
  CHECK(accept(prompt(), "no") == "less");
  CHECK(accept(prompt(), "5.5x") == "5.5");
  CHECK_FALSE(accept(prompt(), ""));
  CHECK_FALSE(accept(prompt(), "c"));
  CHECK_FALSE(accept(prompt(), "-3"));
  CHECK_FALSE(accept(prompt(), "nan"));
  CHECK_FALSE(accept(prompt(), "0x10"));
  REQUIRE_THROWS_WITH(check_prediction(prompt(), std::string("maybe"), {"part1", "--predict"}),
                      "part1: --predict must be one of a|b, exact|less or a number such as 5.5 "
                      "(got maybe)");
}

TEST_CASE("--predict locks the prediction without reading stdin") {
  std::istringstream in("b\n");
  std::ostringstream out;
  const Prediction p =
      lock_prediction(prompt(), std::string("a"), {"p", "--predict"}, true, in, out);
  CHECK(p.answer == "exact");
  CHECK(p.source == PredictionSource::flag);
  CHECK_THAT(out.str(), Catch::Contains("8 -> 64?") && Catch::Contains("Locked"));
}

TEST_CASE("without a terminal and without --predict the question is skipped, saying so") {
  std::istringstream in("a\n");
  std::ostringstream out;
  const Prediction p = lock_prediction(prompt(), std::nullopt, {"p", "--predict"}, false, in, out);
  CHECK_FALSE(p.answer);
  CHECK_THAT(out.str(), Catch::Contains("prediction skipped"));
}

TEST_CASE("in a terminal a bad answer is asked again, end of input skips") {
  std::istringstream in("maybe\nb\n");
  std::ostringstream out;
  const Prediction p = lock_prediction(prompt(), std::nullopt, {"p", "--predict"}, true, in, out);
  CHECK(p.answer == "less");
  CHECK(p.source == PredictionSource::terminal);
  std::istringstream empty("");
  CHECK_FALSE(lock_prediction(prompt(), std::nullopt, {"p", "--predict"}, true, empty, out).answer);
}

TEST_CASE("the verdict compares choices by key and numbers within 10%") {
  const auto with = [](std::optional<std::string> a) {
    return Prediction{std::move(a), PredictionSource::flag};
  };
  CHECK(verdict(with("less"), "less", 7.3) == "correct");
  CHECK(verdict(with("exact"), "less", 7.3) == "not quite");
  CHECK(verdict(with("7"), "less", 7.3) == "correct (within 10%)");
  CHECK(verdict(with("5.5"), "less", 7.34) == "off by 25.1%");
  CHECK(verdict(with(std::nullopt), "less", 7.3) == "no prediction locked");
  CHECK(compare(7.9999999999, 8.0) == Comparison::exact);
  CHECK(compare(7.9996, 8.0) == Comparison::less);
  CHECK(relative_to(Comparison::more, "8x") == "more than 8x");
  CHECK(predicted_text(with("less"), "8x", "x") == "less than 8x");
  CHECK(predicted_text(with("5.5"), "8x", "x") == "5.5x");
}

TEST_CASE("the ledger appends one JSON object per line, never joining two records") {
  const fs::path ledger = scratch / "ledger" / "l.jsonl";
  CHECK(append_ledger(ledger, {{"run", 1}}) == 0);
  append_ledger(ledger, {{"run", 2}, {"text", "a\nb"}});
  // A file whose last record lost its newline (cut short, edited by hand).
  const fs::path cut = write_file("cut.jsonl", R"({"run":0})");
  append_ledger(cut, {{"run", 1}});
  std::istringstream lines(read(ledger) + read(cut));
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(lines, line);) records.push_back(nlohmann::json::parse(line));
  REQUIRE(records.size() == 4);
  CHECK(records[1]["text"] == "a\nb");
  CHECK(records[2]["run"] == 0);
  CHECK(records[3]["run"] == 1);
  REQUIRE_THROWS_AS(append_ledger("/proc/nonexistent/x.jsonl", {{"run", 3}}), usage_error);
}

TEST_CASE("--out and --ledger are checked before anything is written") {
  const fs::path file = write_file("a_file", "x");
  REQUIRE_THROWS_WITH(Outputs(file, std::nullopt), Catch::Contains("is not a directory"));
  REQUIRE_THROWS_WITH(Outputs(file / "sub", std::nullopt), Catch::Contains("not a directory"));
  REQUIRE_THROWS_WITH(Outputs(std::nullopt, scratch), Catch::Contains("is a directory"));
  REQUIRE_THROWS_WITH(Outputs(fs::path(""), std::nullopt), Catch::Contains("--out must name"));
  REQUIRE_THROWS_WITH(Outputs(std::nullopt, file / "l.jsonl"), Catch::Contains("not a directory"));
  REQUIRE_NOTHROW(Outputs(scratch / "new" / "dir", scratch / "new2" / "l.jsonl"));
  CHECK_FALSE(fs::exists(scratch / "new"));
  CHECK_FALSE(fs::exists(scratch / "new2"));
}

TEST_CASE("staged figures appear only on commit, and a failed run leaves nothing behind") {
  figures::Figure figure;
  figure.title = "t";
  figure.x.label = "x";
  figure.y.label = "y";
  figure.series.push_back(figures::Series{"s", {{1, 1}, {2, 4}}, figures::Style::line, ""});
  const fs::path out = scratch / "figures" / "deeper";
  {
    Outputs outputs(out, std::nullopt);
    const FigureFiles files = outputs.stage(figure, "f", "part1_x_f");
    CHECK(files.csv == out / "part1_x_f.csv");
    CHECK_FALSE(fs::exists(out / "part1_x_f.csv"));
  }  // not committed: discarded, and the folders this run created with it
  CHECK_FALSE(fs::exists(scratch / "figures"));
  {
    Outputs outputs(out, scratch / "l2.jsonl");
    (void)outputs.stage(figure, "f", "part1_x_f");
    outputs.commit({{"run", 1}});
  }
  CHECK(fs::exists(out / "part1_x_f.csv"));
  CHECK(fs::exists(scratch / "l2.jsonl"));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++entries;
  CHECK(entries >= 1);
  for (const auto& e : fs::directory_iterator(out))
    CHECK(e.path().filename().string().rfind(".staging", 0) == std::string::npos);
}

TEST_CASE("a scenario overrides a track's fleet, networks and story") {
  const fs::path p = write_file("ok.toml", R"(description = "d"
[track]
base = "cloud"
name = "Pod"
fleet_size = 256
sync_payload = "10MB"
[network.slow]
name = "LTE"
bandwidth = "5Gb/s"
latency = 0.04
nics_per_node = 2
[network.intra_node]
bandwidth = "900GB/s"
[controls]
nodes = 32
)");
  const Scenario s = Scenario::load(p);
  CHECK(s.base_track() == "cloud");
  CHECK(s.description() == "d");
  LabTrack t = s.apply(track("cloud"));
  const LabTrack copy = t;  // the copy's views stay valid: the store is shared
  t = track("edge");
  CHECK(copy.track.name == "Pod");
  CHECK(catalog::fleet_size(copy.track) == 256);
  CHECK(copy.track.slow.nodes == 32);
  CHECK(copy.track.sync_payload == 10.0 * megabytes);
  CHECK(copy.track.slow.node.nic.name == "LTE");
  CHECK(copy.track.slow.node.nic.bandwidth == 625.0 * megabytes_per_second);
  CHECK(copy.track.slow.node.nic.latency == 0.04 * seconds);
  CHECK(copy.track.slow.node.nics_per_node == 2);
  CHECK(copy.track.slow.node.nic.provenance.source == "scenario ok.toml");
  CHECK(copy.track.fast.node.intra_node.bandwidth == 900.0 * gigabytes_per_second);
  CHECK(parse_network(copy, "lte", {"p", "--network"}) == NetworkChoice::slow);
  const auto nodes = s.control("nodes");
  REQUIRE(nodes);
  CHECK(nodes->text == "32");
  CHECK_THAT(nodes->field.who, Catch::EndsWith("ok.toml:15"));
  CHECK(nodes->field.name == "controls.nodes");
  CHECK_FALSE(s.control("max_nodes"));
  REQUIRE_NOTHROW(s.check_controls({"nodes"}));
  REQUIRE_THROWS_WITH(s.check_controls({"overlap"}),
                      Catch::Contains(":15: controls.nodes must be a known key (overlap)"));
}

TEST_CASE("control values reach the flag's reader as the flag would see them") {
  const Scenario s = Scenario::load(
      write_file("controls.toml",
                 "[controls]\nhex = 0x10\noct = 0o10\nfloat = 64.0\nflag = true\ns = \"8\"\n"));
  CHECK(s.control("hex")->text == "0x10");
  CHECK(s.control("oct")->text == "0o10");
  CHECK(s.control("float")->text == "64.0");
  CHECK(s.control("flag")->text == "true");
  CHECK(s.control("s")->text == "8");
  REQUIRE_THROWS_AS(text::parse_count(s.control("hex")->text, s.control("hex")->field, 2, 100),
                    usage_error);
  REQUIRE_THROWS_AS(text::parse_count(s.control("float")->text, s.control("float")->field, 2, 100),
                    usage_error);
}

TEST_CASE("bad scenarios are reported with file, line and key, never a crash") {
  REQUIRE_THROWS_AS(Scenario::load(scratch / "none.toml"), usage_error);
  REQUIRE_THROWS_WITH(Scenario::load(scratch), Catch::Contains("not a regular file"));
  const auto fails = [&](const std::string& name, const std::string& toml,
                         const std::string& message) {
    CAPTURE(name, toml);
    const fs::path p = write_file(name, toml);
    const auto run = [&] {
      const Scenario scenario = Scenario::load(p);
      return scenario.apply(track(scenario.base_track().value_or("cloud")));
    };
    REQUIRE_THROWS_WITH(run(), Catch::Contains(message));
  };
  fails("syntax.toml", "[track]\nname = \"unterminated\n", "syntax.toml:2:");
  fails("unknown.toml", "[track]\n\nfleet = 3\n",
        "unknown.toml:3: track.fleet must be a known key");
  fails("base.toml", "[track]\nbase = \"mars\"\n",
        "base.toml:2: track.base must be one of cloud|edge|mobile|tiny");
  fails("table.toml", "network = 3\n", "table.toml:1: network must be a table (got 3)");
  fails("wrong.toml", "[network.fast]\nlatency = \"5GB\"\n",
        "wrong.toml:2: network.fast.latency must be a time");
  fails("negative.toml", "[track]\ncompute_time_one_worker = -1\n",
        "negative.toml:2: track.compute_time_one_worker must be > 0");
  fails("aliases.toml", "[network.slow]\naliases = [1]\n",
        "aliases.toml:2: network.slow.aliases must be an array of non-empty strings");
  fails("empty.toml", "[track]\nkey = \"\"\n",
        "empty.toml:2: track.key must be a non-empty string");
  fails("empty_name.toml", "[track]\nworker_noun = \"\"\n", "worker_noun must be a non-empty");
  fails("hex.toml", "[track]\nfleet_size = 0x400\n", "fleet_size must be a whole number");
  fails("float.toml", "[track]\nfleet_size = 1024.0\n", "(got 1024.0)");
  fails("nan.toml", "[track]\nglobal_batch = nan\n", "global_batch must be a number in");
  fails("inf.toml", "[network.slow]\nbandwidth = inf\n", "network.slow.bandwidth must be");
  fails("huge.toml", "[network.slow]\nlatency = \"1e400s\"\n", "network.slow.latency must be");
  fails("whole.toml", "[track]\nfleet_size = 100\n", "track.fleet_size must make whole nodes");
  fails("intra.toml", "[network.intra_node]\naliases = [\"x\"]\n",
        "network.intra_node.aliases must be a known key");
  fails("nics.toml", "[network.fast]\nnics_per_node = 0\n", "nics_per_node must be a whole");
  fails("device.toml", "[track]\nbase = \"edge\"\nworkers_per_node = 4\nfleet_size = 400\n",
        "track.workers_per_node must be 1 unless [network.intra_node]");
  fails("description.toml", "description = 3\n", "description must be a non-empty string");
}
