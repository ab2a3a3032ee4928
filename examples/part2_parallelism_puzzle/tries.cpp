// Part 2's try syntax: "tp=8,pp=4,mb=1" and its strict reader. Every key at most once, values in
// decimal, nothing else: a typo is an error naming the key, never a silent default.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "paradox_text/errors.hpp"
#include "paradox_text/flags.hpp"
#include "part2.hpp"

namespace paradox::part2 {

namespace {

constexpr int max_degree = 1 << 20;

const std::vector<std::string>& keys() {
  static const std::vector<std::string> k = {"tp", "pp",   "dp",        "mb", "m",
                                             "v",  "zero", "recompute", "sp", "schedule"};
  return k;
}

}  // namespace

std::string try_syntax() {
  return "KEY=VALUE pairs separated by commas: tp=T (tensor-parallel degree), pp=P (pipeline "
         "stages), mb=B (sequences per micro-batch, default 1), m=M (micro-batches per step, "
         "default global batch / (dp x mb)), v=V (virtual stages, interleaved schedule when > 1), "
         "zero=0..3, recompute=none|selective|full, sp=on|off (sequence parallelism), "
         "schedule=gpipe|1f1b|interleaved, dp=D (optional check: dp = devices / (tp x pp)); "
         "e.g. tp=8,pp=4,mb=1";
}

TrySpec parse_try(std::string_view raw, const text::Field& field) {
  TrySpec spec;
  spec.field = field;
  for (char c : raw)
    if (std::isspace(static_cast<unsigned char>(c)) == 0) spec.text += c;
  const std::string rule = "be " + text::join(keys(), "|") + "=VALUE pairs separated by commas " +
                           "(e.g. tp=8,pp=4,mb=1)";
  if (spec.text.empty()) text::reject(field, rule, "");
  std::vector<std::string> seen;
  std::size_t start = 0;
  while (start <= spec.text.size()) {
    const std::size_t comma = std::min(spec.text.find(',', start), spec.text.size());
    const std::string pair = spec.text.substr(start, comma - start);
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) text::reject(field, rule, std::string(raw));
    const std::string key = pair.substr(0, eq);
    const std::string value = pair.substr(eq + 1);
    if (std::find(keys().begin(), keys().end(), key) == keys().end())
      text::reject(field, "use only the keys " + text::join(keys(), "|"),
                   std::string(raw) + ": unknown key " + key);
    if (std::find(seen.begin(), seen.end(), key) != seen.end())
      text::reject(field, "give each key once", std::string(raw) + ": " + key + " twice");
    seen.push_back(key);
    const text::Field f{field.who, field.name + " " + key};
    if (key == "tp") spec.tensor = text::parse_count(value, f, 1, max_degree);
    if (key == "pp") spec.pipeline = text::parse_count(value, f, 1, max_degree);
    if (key == "dp") spec.data = text::parse_count(value, f, 1, max_degree);
    if (key == "mb") spec.micro_batch = text::parse_count(value, f, 1, max_degree);
    if (key == "m") spec.microbatches = text::parse_count(value, f, 1, max_degree);
    if (key == "v") spec.virtual_stages = text::parse_count(value, f, 1, 1024);
    if (key == "zero") spec.zero = text::parse_count(value, f, 0, 3);
    if (key == "recompute")
      spec.recompute = *compute::parse_recomputation(
          text::parse_choice(value, f, {"none", "selective", "full"}));
    if (key == "sp") spec.sequence_parallel = text::parse_choice(value, f, {"on", "off"}) == "on";
    if (key == "schedule")
      spec.schedule =
          *pipeline::parse_schedule(text::parse_choice(value, f, {"gpipe", "1f1b", "interleaved"}));
    if (comma == spec.text.size()) break;
    start = comma + 1;
  }
  return spec;
}

}  // namespace paradox::part2
