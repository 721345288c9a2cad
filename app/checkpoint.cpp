#include "app/checkpoint.hpp"

#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "app/fnv1a.hpp"
#include "app/input_error.hpp"

namespace ts::app {
namespace {

// The last two characters are the format's version: 02 added the inputs' hash.
constexpr char magic[8] = {'T', 'S', 'C', 'K', 'P', 'T', '0', '2'};

class Writer {
 public:
  template <class T>
  void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const unsigned char*>(&value);
    bytes.insert(bytes.end(), p, p + sizeof(T));
  }
  void put_bytes(const std::vector<unsigned char>& data) {
    put<std::uint64_t>(data.size());
    bytes.insert(bytes.end(), data.begin(), data.end());
  }
  void put_string(const std::string& text) { put_bytes(std::vector<unsigned char>(text.begin(), text.end())); }
  std::vector<unsigned char> bytes;
};

class Reader {
 public:
  Reader(const std::vector<unsigned char>& bytes, std::string file) : bytes_(bytes), file_(std::move(file)) {}
  template <class T>
  T get() {
    T value;
    need(sizeof(T));
    std::memcpy(&value, bytes_.data() + offset_, sizeof(T));
    offset_ += sizeof(T);
    return value;
  }
  std::vector<unsigned char> get_bytes() {
    const auto size = get<std::uint64_t>();
    need(size);
    std::vector<unsigned char> out(bytes_.begin() + static_cast<std::ptrdiff_t>(offset_),
                                   bytes_.begin() + static_cast<std::ptrdiff_t>(offset_ + size));
    offset_ += size;
    return out;
  }
  std::string get_string() {
    const auto b = get_bytes();
    return std::string(b.begin(), b.end());
  }

 private:
  void need(std::size_t size) const {
    if (offset_ + size > bytes_.size()) throw InputError(file_ + ": checkpoint is truncated");
  }
  const std::vector<unsigned char>& bytes_;
  std::string file_;
  std::size_t offset_ = 0;
};

void put_identity(Writer& w, const RunIdentity& id) {
  w.put_string(id.scenario_hash);
  w.put_string(id.inputs_hash);
  w.put(id.seed);
  w.put(id.scale);
  w.put(id.first_year);
  w.put(id.last_year);
  w.put(id.replica_offset);
  w.put(id.replicas);
  w.put(id.ranks);
}

RunIdentity get_identity(Reader& r) {
  RunIdentity id;
  id.scenario_hash = r.get_string();
  id.inputs_hash = r.get_string();
  id.seed = r.get<std::uint32_t>();
  id.scale = r.get<double>();
  id.first_year = r.get<int>();
  id.last_year = r.get<int>();
  id.replica_offset = r.get<int>();
  id.replicas = r.get<int>();
  id.ranks = r.get<int>();
  return id;
}

// Names the first field in which two identities differ.
std::string difference(const RunIdentity& found, const RunIdentity& expected) {
  auto both = [](auto a, auto b) { return "checkpoint has " + std::to_string(a) + ", this run " + std::to_string(b); };
  if (found.ranks != expected.ranks)
    return "it was written by " + std::to_string(found.ranks) + " ranks, this run has " + std::to_string(expected.ranks) +
           " (restart on the same number of ranks)";
  if (found.scenario_hash != expected.scenario_hash)
    return "scenario hash differs (checkpoint " + found.scenario_hash + ", this run " + expected.scenario_hash + ")";
  if (found.inputs_hash != expected.inputs_hash)
    return "the calibration tables or the --population or --alignment-from file differ (inputs hash: checkpoint " +
           found.inputs_hash + ", this run " + expected.inputs_hash + ")";
  if (found.seed != expected.seed) return "seed differs: " + both(found.seed, expected.seed);
  if (found.scale != expected.scale) return "scale differs: " + both(found.scale, expected.scale);
  if (found.first_year != expected.first_year || found.last_year != expected.last_year) return "years differ";
  return "replica range differs";
}

}  // namespace

std::filesystem::path checkpoint_file(const std::filesystem::path& directory, int rank, int ranks) {
  return directory / ("rank-" + std::to_string(rank) + "-of-" + std::to_string(ranks) + ".tsckpt");
}

void write_checkpoint(const std::filesystem::path& directory, const Checkpoint& c) {
  std::filesystem::create_directories(directory);
  Writer w;
  for (char ch : magic) w.put(ch);
  put_identity(w, c.identity);
  w.put(c.rank);
  w.put(c.replica_index);
  w.put<std::uint64_t>(c.indicators.size());
  for (const auto& replica : c.indicators) {
    w.put<std::uint64_t>(replica.size());
    for (const auto& year : replica) w.put(year);
  }
  w.put_bytes(c.carried_state);
  w.put<std::uint64_t>(c.columns.size());
  for (const auto& column : c.columns) {
    w.put_string(column.name);
    w.put_string(column.unit);
    w.put_string(column.type);
    w.put_bytes(column.bytes);
  }
  w.put(fnv1a(w.bytes.data(), w.bytes.size()));
  const auto final_path = checkpoint_file(directory, c.rank, c.identity.ranks);
  const auto partial = final_path.string() + ".partial-" + std::to_string(::getpid());
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(w.bytes.data()), static_cast<std::streamsize>(w.bytes.size()));
    out.flush();
    if (!out) {
      std::filesystem::remove(partial);
      throw std::runtime_error(partial + ": cannot write the checkpoint");
    }
  }
  std::filesystem::rename(partial, final_path);
}

Checkpoint read_checkpoint(const std::filesystem::path& directory, const RunIdentity& expected, int rank) {
  const auto path = checkpoint_file(directory, rank, expected.ranks);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    // Tell a checkpoint of another rank count apart from a missing one.
    if (std::filesystem::is_directory(directory))
      for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        const std::string name = entry.path().filename().string();
        const auto of = name.find("-of-");
        if (name.rfind("rank-", 0) == 0 && of != std::string::npos)
          throw InputError(path.string() + ": checkpoint does not match this run: it was written by " +
                           name.substr(of + 4, name.find('.') - of - 4) + " ranks, this run has " +
                           std::to_string(expected.ranks) + " (restart on the same number of ranks)");
      }
    throw InputError(path.string() + ": no checkpoint for rank " + std::to_string(rank) + " of " +
                     std::to_string(expected.ranks));
  }
  const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string file = path.string();
  if (bytes.size() < sizeof magic + sizeof(std::uint64_t) || std::memcmp(bytes.data(), magic, sizeof magic - 2) != 0)
    throw InputError(file + ": not a TaskShift checkpoint");
  if (std::memcmp(bytes.data(), magic, sizeof magic) != 0)
    throw InputError(file + ": a checkpoint of format " + std::string(bytes.begin() + 6, bytes.begin() + 8) +
                     ", written by another version of TaskShift (this one reads format " + std::string(magic + 6, 2) +
                     "); delete it to start afresh");
  std::uint64_t stored;
  std::memcpy(&stored, bytes.data() + bytes.size() - sizeof stored, sizeof stored);
  if (stored != fnv1a(bytes.data(), bytes.size() - sizeof stored))
    throw InputError(file + ": checksum mismatch, the checkpoint is corrupt");
  Reader r(bytes, file);
  for (std::size_t i = 0; i < sizeof magic; ++i) r.get<char>();
  Checkpoint c;
  c.identity = get_identity(r);
  if (!(c.identity == expected)) throw InputError(file + ": checkpoint does not match this run: " + difference(c.identity, expected));
  c.rank = r.get<int>();
  c.replica_index = r.get<int>();
  const auto replicas = r.get<std::uint64_t>();
  for (std::uint64_t k = 0; k < replicas; ++k) {
    c.indicators.emplace_back(r.get<std::uint64_t>());
    for (auto& year : c.indicators.back()) year = r.get<model::Indicators>();
  }
  c.carried_state = r.get_bytes();
  const auto columns = r.get<std::uint64_t>();
  for (std::uint64_t k = 0; k < columns; ++k) {
    model::HostColumn column;
    column.name = r.get_string();
    column.unit = r.get_string();
    column.type = r.get_string();
    column.bytes = r.get_bytes();
    c.columns.push_back(std::move(column));
  }
  return c;
}

}  // namespace ts::app
