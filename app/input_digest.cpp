#include "app/input_digest.hpp"

#include <algorithm>
#include <fstream>

#include "app/fnv1a.hpp"
#include "app/input_error.hpp"

namespace ts::app {
namespace {

std::uint64_t hash_file(const std::filesystem::path& file, std::uint64_t hash) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(file.string() + ": cannot read the file");
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
    hash = fnv1a(buffer, static_cast<std::size_t>(in.gcount()), hash);
  if (in.bad()) throw InputError(file.string() + ": cannot read the file");
  return hash;
}

}  // namespace

std::string input_digest(const std::filesystem::path& calibration_dir, const std::vector<std::string>& other_files) {
  std::vector<std::filesystem::path> tables;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(calibration_dir, error))
    if (entry.is_regular_file() && entry.path().extension() == ".csv") tables.push_back(entry.path());
  if (error) throw InputError(calibration_dir.string() + ": cannot list the calibration tables (" + error.message() + ")");
  std::sort(tables.begin(), tables.end());
  std::uint64_t hash = fnv1a_start;
  for (const auto& table : tables) {
    const std::string name = table.filename().string();
    hash = hash_file(table, fnv1a(name.data(), name.size() + 1, hash));  // with its terminating NUL
  }
  for (const std::string& file : other_files)
    if (!file.empty()) hash = hash_file(file, hash);
  return hex16(hash);
}

}  // namespace ts::app
