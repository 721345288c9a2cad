// Copies a simulation's state to host buffers and back, for checkpoints and snapshots. The
// carried state is the CarriedGlobals struct (trivially copyable) followed by the base-year
// structure the passes read (occupation wage terciles, group mean task bundles).
#include <cstring>
#include <stdexcept>
#include <type_traits>

#include "model/passes/state.hpp"

namespace ts::model {
namespace {

template <class T>
const char* type_name() {
  if constexpr (std::is_same_v<T, float>) return "f32";
  else if constexpr (std::is_same_v<T, std::uint8_t>) return "u8";
  else if constexpr (std::is_same_v<T, std::uint16_t>) return "u16";
  else if constexpr (std::is_same_v<T, std::uint64_t>) return "u64";
  else static_assert(sizeof(T) == 0, "add the column type here");
}

template <class T>
void append(std::vector<unsigned char>& out, const T* data, std::size_t count) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(data);
  out.insert(out.end(), bytes, bytes + count * sizeof(T));
}

template <class T>
std::size_t read(const std::vector<unsigned char>& in, std::size_t offset, T* data, std::size_t count) {
  if (offset + count * sizeof(T) > in.size()) throw std::runtime_error("carried state is truncated");
  std::memcpy(data, in.data() + offset, count * sizeof(T));
  return offset + count * sizeof(T);
}

}  // namespace

std::vector<HostColumn> Simulation::columns() const {
  std::vector<HostColumn> result;
  state_->population.visit([&](const char* name, const char* unit, auto& column) {
    using T = typename std::decay_t<decltype(column)>::value_type;
    std::vector<T> host(column.size());
    thrust::copy(column.begin(), column.end(), host.begin());
    HostColumn c{name, unit, type_name<T>(), {}};
    append(c.bytes, host.data(), host.size());
    result.push_back(std::move(c));
  });
  return result;
}

std::vector<unsigned char> Simulation::carried_state() const {
  static_assert(std::is_trivially_copyable_v<CarriedGlobals>);
  std::vector<unsigned char> out;
  append(out, &state_->globals, 1);
  std::vector<std::uint8_t> terciles(state_->occupation_tercile.size());
  std::vector<double> tasks(state_->group_mean_tasks.size());
  thrust::copy(state_->occupation_tercile.begin(), state_->occupation_tercile.end(), terciles.begin());
  thrust::copy(state_->group_mean_tasks.begin(), state_->group_mean_tasks.end(), tasks.begin());
  append(out, terciles.data(), terciles.size());
  append(out, tasks.data(), tasks.size());
  return out;
}

void Simulation::restore(const std::vector<HostColumn>& columns, const std::vector<unsigned char>& carried) {
  State& s = *state_;
  std::size_t offset = read(carried, 0, &s.globals, 1);
  std::vector<std::uint8_t> terciles(s.occupation_tercile.size());
  std::vector<double> tasks(s.group_mean_tasks.size());
  offset = read(carried, offset, terciles.data(), terciles.size());
  offset = read(carried, offset, tasks.data(), tasks.size());
  if (offset != carried.size()) throw std::runtime_error("carried state has the wrong size for this calibration");
  s.occupation_tercile = thrust::device_vector<std::uint8_t>(terciles.begin(), terciles.end());
  s.group_mean_tasks = thrust::device_vector<double>(tasks.begin(), tasks.end());

  if (columns.size() != static_cast<std::size_t>(Population::attribute_count))
    throw std::runtime_error("checkpoint has " + std::to_string(columns.size()) + " columns, the person record " +
                             std::to_string(Population::attribute_count));
  std::size_t index = 0;
  std::size_t persons = 0;
  s.population.visit([&](const char* name, const char*, auto& column) {
    using T = typename std::decay_t<decltype(column)>::value_type;
    const HostColumn& c = columns[index++];
    if (c.name != name || c.type != type_name<T>())
      throw std::runtime_error("checkpoint column '" + c.name + "' does not match attribute '" + name + "'");
    if (index == 1) persons = c.bytes.size() / sizeof(T);
    if (c.bytes.size() != persons * sizeof(T)) throw std::runtime_error("checkpoint column '" + c.name + "' has the wrong length");
  });
  s.population.resize(persons);
  index = 0;
  s.population.visit([&](const char*, const char*, auto& column) {
    using T = typename std::decay_t<decltype(column)>::value_type;
    const HostColumn& c = columns[index++];
    std::vector<T> host(persons);
    if (persons > 0) std::memcpy(host.data(), c.bytes.data(), c.bytes.size());
    thrust::copy(host.begin(), host.end(), column.begin());
  });
}

}  // namespace ts::model
