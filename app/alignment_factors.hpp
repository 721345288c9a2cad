// Reads the hiring alignment factors a previous run wrote (variable
// unemployment_alignment_factor), so that a policy variant can reuse its baseline's alignment:
// with common random numbers, the difference between the two runs is then the policy's effect.
#pragma once
#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace ts::app {

// One replica's factors by year, for the education levels low, middle, high.
using AlignmentFactors = std::map<int, std::array<double, 3>>;

struct AlignmentReference {
  std::map<int, AlignmentFactors> factors;  // by replica
  // Empty, or why the run and the reference do not share random numbers (another seed or scale):
  // the alignment still applies, but differences between the two then include sampling noise.
  std::string note;
};

// The factors of each of `replicas`, read once before any work. The file must hold every replica
// and every simulated year (first_year + 1 to last_year): a year without factors would fall back
// to the run's own calibration and mix two alignments unseen. Errors (InputError) name the file
// and what is missing.
AlignmentReference read_alignment_factors(const std::filesystem::path& file, const std::vector<int>& replicas,
                                          int first_year, int last_year, unsigned seed, double scale);

}  // namespace ts::app
