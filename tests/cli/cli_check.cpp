// Runs the `paradox` calculator once and checks what it did: the exit status, the number of
// lines on stderr, text in stdout or stderr, and (with --json) that stdout is exactly one JSON
// object with the expected keys and values and no null or non-finite number except where allowed.
//
//   cli_check --exe PATH [checks...] -- [paradox arguments...]
//
// Checks:
//   --exit N                 exit status N (default 0)
//   --stderr-lines N         exactly N lines on stderr (default: 0 when --exit is 0)
//   --stdout-has TEXT        stdout contains TEXT (repeatable)
//   --stderr-has TEXT        stderr contains TEXT (repeatable)
//   --json                   stdout parses as one JSON object without null values
//   --key PTR                the JSON pointer PTR exists ("/points/0/speedup")
//   --null PTR               PTR exists and is null (allowed null)
//   --near PTR=VALUE         the number at PTR is VALUE within a relative 1e-9
//   --near-rel PTR=VALUE@TOL the number at PTR is VALUE within relative TOL
//   --equal PTR=TEXT         the string at PTR is TEXT, or the integer at PTR is TEXT
//   --ratio PA:PB=VALUE      number(PA) / number(PB) is VALUE within a relative 1e-9
//   --array-size PTR=N       the array at PTR has N elements
//   --min-size PTR=N         the array at PTR has at least N elements
//   --each-has PTR=KEY       every element of the array at PTR is an object with key KEY
//
// A pointer segment "@NAME" selects the element of an array whose "name" is NAME, so that a
// check does not depend on the order of entries: /entries/@ib-ndr/bandwidth_bytes_per_s.
// A JSON check without --json, or an unknown check, is a usage error (status 1), never a check
// silently skipped.
//
// Exit status 0 when every check passes; otherwise each failure is printed and the status is 1.

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// fork + execv with stdout and stderr in temporary files: no shell, so arguments such as
// "50GB/s" or "--size=-1GB" reach the calculator exactly as written.
Run run(const std::vector<std::string>& argv) {
  char out_path[] = "/tmp/paradox_cli_out_XXXXXX";
  char err_path[] = "/tmp/paradox_cli_err_XXXXXX";
  const int out_fd = mkstemp(out_path);
  const int err_fd = mkstemp(err_path);
  if (out_fd < 0 || err_fd < 0) {
    std::perror("cli_check: mkstemp");
    std::exit(1);
  }
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("cli_check: fork");
    std::exit(1);
  }
  if (pid == 0) {
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    std::perror("cli_check: execv");
    _exit(127);
  }
  int wait_status = 0;
  waitpid(pid, &wait_status, 0);
  close(out_fd);
  close(err_fd);
  Run result;
  result.status = WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  unlink(out_path);
  unlink(err_path);
  return result;
}

int count_lines(const std::string& text) {
  int lines = 0;
  for (const char c : text) lines += c == '\n' ? 1 : 0;
  if (!text.empty() && text.back() != '\n') ++lines;
  return lines;
}

// "PTR=VALUE" -> {PTR, VALUE}, splitting at the last '=' (pointers never contain one).
std::pair<std::string, std::string> split(const std::string& spec, char at) {
  const auto position = spec.rfind(at);
  if (position == std::string::npos) {
    std::cerr << "cli_check: bad spec '" << spec << "'\n";
    std::exit(1);
  }
  return {spec.substr(0, position), spec.substr(position + 1)};
}

std::string first_null(const nlohmann::json& json, const std::string& path,
                       const std::vector<std::string>& allowed) {
  if (json.is_null()) {
    for (const std::string& ok : allowed) {
      if (ok == path) return {};
    }
    return path.empty() ? "/" : path;
  }
  if (json.is_object()) {
    for (const auto& [key, value] : json.items()) {
      std::string found = first_null(value, path + "/" + key, allowed);
      if (!found.empty()) return found;
    }
  } else if (json.is_array()) {
    for (std::size_t i = 0; i < json.size(); ++i) {
      std::string found = first_null(json[i], path + "/" + std::to_string(i), allowed);
      if (!found.empty()) return found;
    }
  }
  return {};
}

class Checker {
 public:
  void fail(const std::string& what) {
    std::cerr << "FAILED: " << what << '\n';
    failed_ = true;
  }
  [[nodiscard]] bool failed() const { return failed_; }

  // Rewrites every "@NAME" segment of `pointer` into the index of the array element whose
  // "name" is NAME; empty (after reporting the failure) when there is no such element.
  std::string resolve_names(const nlohmann::json& json, const std::string& pointer) {
    if (pointer.find("/@") == std::string::npos) return pointer;
    std::string resolved;
    const nlohmann::json* node = &json;
    std::size_t start = 1;
    while (start <= pointer.size() && !pointer.empty()) {
      const std::size_t end = std::min(pointer.find('/', start), pointer.size());
      std::string segment = pointer.substr(start, end - start);
      if (segment.starts_with("@") && node != nullptr && node->is_array()) {
        const std::string name = segment.substr(1);
        std::optional<std::size_t> found;
        for (std::size_t k = 0; k < node->size() && !found; ++k) {
          const nlohmann::json& element = (*node)[k];
          if (element.is_object() && element.value("name", std::string()) == name) found = k;
        }
        if (!found) {
          fail("no element named '" + name + "' in " + (resolved.empty() ? "/" : resolved));
          return {};
        }
        segment = std::to_string(*found);
      }
      resolved += "/" + segment;
      if (node != nullptr) {
        const nlohmann::json::json_pointer step("/" + segment);
        node = node->contains(step) ? &node->at(step) : nullptr;
      }
      start = end + 1;
    }
    return resolved;
  }

  const nlohmann::json* at(const nlohmann::json& json, const std::string& named_pointer) {
    try {
      const std::string pointer = resolve_names(json, named_pointer);
      if (pointer.empty()) return nullptr;
      const nlohmann::json::json_pointer ptr(pointer);
      if (!json.contains(ptr)) {
        fail("missing JSON key " + named_pointer);
        return nullptr;
      }
      return &json.at(ptr);
    } catch (const nlohmann::json::exception& error) {
      fail("bad JSON pointer " + named_pointer + ": " + error.what());
      return nullptr;
    }
  }

  std::optional<double> number_at(const nlohmann::json& json, const std::string& pointer) {
    const nlohmann::json* value = at(json, pointer);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number()) {
      fail(pointer + " is not a number: " + value->dump());
      return std::nullopt;
    }
    return value->get<double>();
  }

  void near(double actual, double expected, double tolerance, const std::string& what) {
    if (!(std::fabs(actual - expected) <= tolerance * std::fabs(expected))) {
      std::ostringstream message;
      message.precision(17);
      message << what << " = " << actual << ", expected " << expected << " (relative tolerance "
              << tolerance << ")";
      fail(message.str());
    }
  }

 private:
  bool failed_ = false;
};

// One check on the JSON object of stdout; the text checks are done by the caller.
void check_json(Checker& check, const nlohmann::json& json, const std::string& flag,
                const std::string& value) {
  if (flag == "--key") {
    (void)check.at(json, value);
  } else if (flag == "--null") {
    const nlohmann::json* found = check.at(json, value);
    if (found != nullptr && !found->is_null()) check.fail(value + " is not null");
  } else if (flag == "--near" || flag == "--near-rel") {
    const auto [pointer, rest] = split(value, '=');
    double expected = 0.0;
    double tolerance = 1e-9;
    if (flag == "--near-rel") {
      const auto [number, tol] = split(rest, '@');
      expected = std::stod(number);
      tolerance = std::stod(tol);
    } else {
      expected = std::stod(rest);
    }
    if (const auto actual = check.number_at(json, pointer)) {
      check.near(*actual, expected, tolerance, pointer);
    }
  } else if (flag == "--equal") {
    const auto [pointer, expected] = split(value, '=');
    if (const nlohmann::json* found = check.at(json, pointer)) {
      const std::string actual = found->is_string() ? found->get<std::string>() : found->dump();
      if (actual != expected) check.fail(pointer + " = " + actual + ", expected " + expected);
    }
  } else if (flag == "--ratio") {
    const auto [pointers, expected] = split(value, '=');
    const auto [numerator, denominator] = split(pointers, ':');
    const auto a = check.number_at(json, numerator);
    const auto b = check.number_at(json, denominator);
    if (a && b) check.near(*a / *b, std::stod(expected), 1e-9, numerator + " / " + denominator);
  } else if (flag == "--each-has") {
    const auto [pointer, key] = split(value, '=');
    if (const nlohmann::json* found = check.at(json, pointer)) {
      if (!found->is_array() || found->empty()) check.fail(pointer + " is not a non-empty array");
      for (std::size_t k = 0; found->is_array() && k < found->size(); ++k) {
        if (!(*found)[k].is_object() || !(*found)[k].contains(key))
          check.fail(pointer + "/" + std::to_string(k) + " has no key " + key);
      }
    }
  } else if (flag == "--array-size" || flag == "--min-size") {
    const auto [pointer, expected] = split(value, '=');
    if (const nlohmann::json* found = check.at(json, pointer)) {
      const auto want = static_cast<std::size_t>(std::stoul(expected));
      if (!found->is_array()) {
        check.fail(pointer + " is not an array");
      } else if (flag == "--array-size" ? found->size() != want : found->size() < want) {
        check.fail(pointer + " has " + std::to_string(found->size()) + " elements, expected " +
                   (flag == "--array-size" ? "" : "at least ") + expected);
      }
    }
  }
}

// The checks on the JSON object of stdout: they need --json.
bool is_json_check(const std::string& flag) {
  for (const char* known : {"--key", "--null", "--near", "--near-rel", "--equal", "--ratio",
                            "--each-has", "--array-size", "--min-size"})
    if (flag == known) return true;
  return false;
}

bool is_known_check(const std::string& flag) {
  for (const char* known : {"--exit", "--stderr-lines", "--stdout-has", "--stderr-has"})
    if (flag == known) return true;
  return is_json_check(flag);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<std::string> command;
  std::vector<std::pair<std::string, std::string>> checks;
  std::string exe;
  std::size_t i = 0;
  for (; i < args.size() && args[i] != "--"; ++i) {
    const std::string& flag = args[i];
    if (flag == "--json") {
      checks.emplace_back(flag, "");
      continue;
    }
    if (i + 1 >= args.size()) {
      std::cerr << "cli_check: " << flag << " needs a value\n";
      return 1;
    }
    if (flag == "--exe") {
      exe = args[++i];
    } else if (is_known_check(flag)) {
      checks.emplace_back(flag, args[++i]);
    } else {
      std::cerr << "cli_check: unknown check " << flag << "\n";
      return 1;
    }
  }
  const bool json_requested =
      std::any_of(checks.begin(), checks.end(), [](const auto& c) { return c.first == "--json"; });
  for (const auto& [flag, value] : checks) {
    if (is_json_check(flag) && !json_requested) {
      std::cerr << "cli_check: " << flag << " " << value << " needs --json\n";
      return 1;
    }
  }
  if (exe.empty() || i >= args.size()) {
    std::cerr << "usage: cli_check --exe PATH [checks...] -- [arguments...]\n";
    return 1;
  }
  command.push_back(exe);
  command.insert(command.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());

  const Run result = run(command);
  std::cout << "command:";
  for (const std::string& arg : command) std::cout << ' ' << arg;
  std::cout << "\nexit status: " << result.status << "\n--- stdout ---\n"
            << result.out << "--- stderr ---\n"
            << result.err << "--------------\n";

  Checker check;
  int expected_status = 0;
  std::optional<int> expected_stderr_lines;
  bool want_json = false;
  std::vector<std::string> allowed_nulls;
  for (const auto& [flag, value] : checks) {
    if (flag == "--exit") expected_status = std::stoi(value);
    if (flag == "--stderr-lines") expected_stderr_lines = std::stoi(value);
    if (flag == "--json") want_json = true;
    if (flag == "--null") allowed_nulls.push_back(value);
  }
  if (!expected_stderr_lines && expected_status == 0) expected_stderr_lines = 0;

  if (result.status != expected_status) {
    check.fail("exit status " + std::to_string(result.status) + ", expected " +
               std::to_string(expected_status));
  }
  if (expected_stderr_lines && count_lines(result.err) != *expected_stderr_lines) {
    check.fail("stderr has " + std::to_string(count_lines(result.err)) + " lines, expected " +
               std::to_string(*expected_stderr_lines));
  }

  nlohmann::json json;
  if (want_json) {
    try {
      json = nlohmann::json::parse(result.out);
    } catch (const nlohmann::json::exception& error) {
      check.fail(std::string("stdout is not one JSON value: ") + error.what());
    }
    if (!json.is_object()) {
      check.fail("stdout is not a JSON object");
    } else {
      const std::string null_path = first_null(json, "", allowed_nulls);
      if (!null_path.empty()) check.fail("unexpected null (NaN?) at " + null_path);
    }
  }

  for (const auto& [flag, value] : checks) {
    if (flag == "--stdout-has" && result.out.find(value) == std::string::npos) {
      check.fail("stdout lacks '" + value + "'");
    } else if (flag == "--stderr-has" && result.err.find(value) == std::string::npos) {
      check.fail("stderr lacks '" + value + "'");
    }
    if (want_json && json.is_object()) check_json(check, json, flag, value);
  }
  std::cout << (check.failed() ? "cli_check: FAILED\n" : "cli_check: passed\n");
  return check.failed() ? 1 : 0;
}
