// The main of the MPI tests: starts MPI, runs the tests on every rank, prints from rank 0.
#include <gtest/gtest.h>

#include "tests/mpi/mpi_test_context.hpp"

namespace ts::test {
mpi::Context* mpi_context = nullptr;
}

int main(int argc, char** argv) {
  ts::mpi::Context mpi(&argc, &argv);
  ts::test::mpi_context = &mpi;
  ::testing::InitGoogleTest(&argc, argv);
  auto& listeners = ::testing::UnitTest::GetInstance()->listeners();
  if (mpi.rank() != 0) delete listeners.Release(listeners.default_result_printer());
  const int failed = RUN_ALL_TESTS();
  // Every rank's verdict counts: one failing rank fails the test.
  return mpi.all_true(failed == 0) ? 0 : 1;
}
