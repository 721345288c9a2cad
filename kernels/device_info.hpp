// Which device the engine runs on, for run summaries, output attributes and benchmarks. On the
// CUDA backend it also checks that a usable GPU is there, with a clear error if not.
#pragma once
#include <string>

namespace ts {

std::string describe_device();

}  // namespace ts
