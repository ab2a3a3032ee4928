#include "paradox_lab/outputs.hpp"

#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <system_error>

#include "paradox/figures/csv.hpp"
#include "paradox/figures/svg.hpp"
#include "paradox_text/errors.hpp"

namespace paradox::lab {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& flag, const std::string& what) {
  throw text::usage_error(flag + ": " + what);
}

// The first folder of `dir` (itself or an ancestor) that does not exist yet, if any: the folder
// a failed run must remove again.
std::optional<fs::path> first_missing(const fs::path& dir) {
  std::error_code ec;
  std::optional<fs::path> missing;
  for (fs::path p = fs::absolute(dir, ec); !p.empty(); p = p.parent_path()) {
    if (fs::exists(p, ec)) break;
    missing = p;
    if (p == p.parent_path()) break;
  }
  return missing;
}

// The folder that will hold `path`: it, or its nearest existing ancestor, must be a writable
// folder.
void check_folder(const std::string& flag, const fs::path& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(dir, ec);
  while (!p.empty() && !fs::exists(p, ec) && p != p.parent_path()) p = p.parent_path();
  if (!fs::is_directory(p, ec))
    fail(flag, "cannot create a folder under " + p.string() + " (not a directory)");
  if (access(p.c_str(), W_OK | X_OK) != 0)
    fail(flag, "cannot write in " + p.string() + " (permission denied)");
}

}  // namespace

std::string utc_timestamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::uintmax_t append_ledger(const fs::path& path, const nlohmann::json& entry) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  if (ec)
    fail("--ledger", "cannot create folder " + path.parent_path().string() + ": " + ec.message());
  const bool existed = fs::exists(path, ec);
  const std::uintmax_t size = existed ? fs::file_size(path, ec) : 0;
  if (ec) fail("--ledger", "cannot read " + path.string() + ": " + ec.message());
  // JSON Lines: one object per line. A file cut short or edited by hand may lack the final
  // newline; without one, this record would continue the last line.
  bool needs_newline = false;
  if (size > 0) {
    std::ifstream in(path, std::ios::binary);
    in.seekg(-1, std::ios::end);
    needs_newline = in.get() != '\n';
  }
  std::ofstream out(path, std::ios::app | std::ios::binary);
  if (!out) fail("--ledger", "cannot open " + path.string() + " for appending");
  if (needs_newline) out << '\n';
  out << entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  out.close();
  if (!out) {
    // A partial line would spoil the file for every later reader: cut it off again.
    if (existed)
      fs::resize_file(path, size, ec);
    else
      fs::remove(path, ec);
    fail("--ledger", "cannot write " + path.string());
  }
  return size;
}

Outputs::Outputs(std::optional<fs::path> out, std::optional<fs::path> ledger)
    : out_(std::move(out)), ledger_(std::move(ledger)) {
  std::error_code ec;
  if (out_) {
    if (out_->empty()) throw text::usage_error("--out must name a folder (got \"\")");
    if (fs::exists(*out_, ec) && !fs::is_directory(*out_, ec))
      fail("--out", out_->string() + " is not a directory");
    check_folder("--out", *out_);
  }
  if (ledger_) {
    if (ledger_->empty()) throw text::usage_error("--ledger must name a file (got \"\")");
    if (fs::is_directory(*ledger_, ec)) fail("--ledger", ledger_->string() + " is a directory");
    if (fs::exists(*ledger_, ec)) {
      if (!fs::is_regular_file(*ledger_, ec))
        fail("--ledger", ledger_->string() + " is not a regular file");
      if (access(ledger_->c_str(), W_OK) != 0)
        fail("--ledger", "cannot write " + ledger_->string() + " (permission denied)");
    } else {
      check_folder("--ledger", ledger_->has_parent_path() ? ledger_->parent_path() : ".");
    }
  }
}

Outputs::~Outputs() {
  if (!committed_) discard();
}

void Outputs::discard() noexcept {
  std::error_code ec;
  if (!staging_.empty()) fs::remove_all(staging_, ec);
  if (created_) fs::remove_all(*created_, ec);
  staging_.clear();
  created_.reset();
}

FigureFiles Outputs::stage(const figures::Figure& figure, const std::string& name,
                           const std::string& stem, const figures::SvgOptions& options) {
  std::error_code ec;
  if (staging_.empty()) {
    created_ = first_missing(*out_);
    fs::create_directories(*out_, ec);
    if (ec) fail("--out", "cannot create " + out_->string() + ": " + ec.message());
    staging_ = *out_ / (".staging-" + std::to_string(getpid()));
    fs::remove_all(staging_, ec);
    fs::create_directory(staging_, ec);
    if (ec) fail("--out", "cannot write in " + out_->string() + ": " + ec.message());
  }
  FigureFiles files{
      .name = name, .csv = *out_ / (stem + ".csv"), .svg = std::nullopt, .svg_problem = {}};
  const auto csv = figures::write_csv(figure, staging_ / (stem + ".csv"));
  if (!csv) fail("--out", csv.message);
  staged_.push_back(stem + ".csv");
  const auto svg = figures::render_svg(figure, staging_ / (stem + ".svg"), options);
  for (const auto& file : svg.files) staged_.push_back(file.filename());
  if (svg) {
    files.svg = *out_ / (stem + ".svg");
    // The script names the files it reads and writes: point it at their final places.
    const fs::path final_dir = fs::absolute(*out_, ec);
    const std::string script =
        figures::gnuplot_script(figure, final_dir / (stem + ".svg"), final_dir / (stem + ".dat"),
                                options);
    std::ofstream gp(staging_ / (stem + ".gp"), std::ios::binary | std::ios::trunc);
    gp << script;
    gp.close();
    if (!gp) fail("--out", "cannot write " + (staging_ / (stem + ".gp")).string());
  } else {
    files.svg_problem = svg.message;
  }
  return files;
}

void Outputs::commit(const nlohmann::json& ledger_entry) {
  std::optional<std::uintmax_t> ledger_size;
  const bool ledger_existed = ledger_ && fs::exists(*ledger_);
  if (ledger_) ledger_size = append_ledger(*ledger_, ledger_entry);
  std::error_code ec;
  for (const fs::path& file : staged_) {
    if (!fs::exists(staging_ / file, ec)) continue;
    fs::rename(staging_ / file, *out_ / file, ec);
    if (ec) {
      if (ledger_size) {
        std::error_code ignored;
        if (ledger_existed)
          fs::resize_file(*ledger_, *ledger_size, ignored);
        else
          fs::remove(*ledger_, ignored);
      }
      fail("--out",
           "cannot move " + file.string() + " into " + out_->string() + ": " + ec.message());
    }
  }
  if (!staging_.empty()) fs::remove_all(staging_, ec);
  committed_ = true;
}

}  // namespace paradox::lab
