// The job's MPI context, for the MPI tests (set by tests/mpi/mpi_test_main.cpp).
#pragma once
#include "mpi/mpi_context.hpp"

namespace ts::test {
extern mpi::Context* mpi_context;
}
