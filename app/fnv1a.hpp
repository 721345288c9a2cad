// FNV-1a, 64 bits: the one hash of the program's files (scenario identity, checkpoint checksum,
// the digest of a run's input files). Fast and stable across machines; not cryptographic.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace ts::app {

inline constexpr std::uint64_t fnv1a_start = 0xcbf29ce484222325ull;

// Continues `hash` over the bytes, so that several pieces hash as their concatenation.
inline std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t hash = fnv1a_start) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) hash = (hash ^ bytes[i]) * 0x100000001b3ull;
  return hash;
}

inline std::string hex16(std::uint64_t hash) {
  char digits[17];
  std::snprintf(digits, sizeof digits, "%016llx", static_cast<unsigned long long>(hash));
  return digits;
}

inline std::string fnv1a_hex(std::string_view text) { return hex16(fnv1a(text.data(), text.size())); }

}  // namespace ts::app
