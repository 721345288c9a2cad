// Which device the engine runs on, for run summaries, output attributes and benchmarks. On the
// CUDA backend it also checks that a usable GPU is there, with a clear error if not.
#pragma once
#include <string>

namespace ts {

std::string describe_device();

// On the CUDA backend, with several GPUs visible, the `rank_on_node`-th GPU (modulo their
// number), so that ranks started by a plain mpiexec do not all share the first one; under Slurm's
// --gpus-per-task each rank sees one GPU and keeps it. Call before any device work. Elsewhere a
// no-op.
void use_device_of_rank_on_node(int rank_on_node);

}  // namespace ts
