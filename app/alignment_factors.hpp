// Reads the hiring alignment factors a previous run wrote (variable
// unemployment_alignment_factor), so that a policy variant can reuse its baseline's alignment:
// with common random numbers, the difference between the two runs is then the policy's effect.
#pragma once
#include <array>
#include <filesystem>
#include <map>

namespace ts::app {

// Factors by year for one replica of the file; errors (InputError) name the file and what is missing.
std::map<int, std::array<double, 3>> read_alignment_factors(const std::filesystem::path& file, int replica);

}  // namespace ts::app
