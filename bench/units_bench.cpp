// Cost of the calculator's unit handling: parsing a flag value and printing a result. Both run
// once per flag or per printed cell, so microseconds would be fine; this keeps them honest.
#include <benchmark/benchmark.h>

#include <string>

#include "paradox/io.hpp"
#include "paradox/units.hpp"
#include "paradox/units/parse.hpp"

namespace {

using namespace paradox;

void parse_bandwidth(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(parse_quantity<Bandwidth>("400Gb/s", "--bandwidth"));
  }
}
BENCHMARK(parse_bandwidth);

void parse_plain_number(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(parse_quantity<Bytes>("1e9", "--size"));
  }
}
BENCHMARK(parse_plain_number);

void parse_money_rate(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(parse_quantity<DollarsPerHour>("$98.32/h", "--price"));
  }
}
BENCHMARK(parse_money_rate);

void parse_rejects_garbage(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(try_parse_quantity<Seconds>("5GB/s"));
  }
}
BENCHMARK(parse_rejects_garbage);

void format_seconds(benchmark::State& state) {
  const Seconds t = 3.2109 * milliseconds;
  for (auto _ : state) {
    benchmark::DoNotOptimize(format(t));
  }
}
BENCHMARK(format_seconds);

void format_bandwidth_in_bits(benchmark::State& state) {
  const Bandwidth b = 400.0 * gigabits_per_second;
  for (auto _ : state) {
    benchmark::DoNotOptimize(format_bits(b));
  }
}
BENCHMARK(format_bandwidth_in_bits);

}  // namespace
