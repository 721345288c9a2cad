#include "mpi/mpi_context.hpp"

#include <cstdlib>
#include <stdexcept>

#if defined(TS_WITH_MPI)
#include <mpi.h>
// The second error layer: a failing MPI call throws with the call and MPI's own message.
#define TS_MPI_CHECK(call)                                                                       \
  do {                                                                                           \
    const int ts_mpi_status = (call);                                                            \
    if (ts_mpi_status != MPI_SUCCESS) {                                                          \
      char ts_mpi_text[MPI_MAX_ERROR_STRING];                                                    \
      int ts_mpi_length = 0;                                                                     \
      MPI_Error_string(ts_mpi_status, ts_mpi_text, &ts_mpi_length);                              \
      throw std::runtime_error(std::string("MPI call " #call " failed: ") + ts_mpi_text);        \
    }                                                                                            \
  } while (0)
#endif

namespace ts::mpi {

bool built_with_mpi() {
#if defined(TS_WITH_MPI)
  return true;
#else
  return false;
#endif
}

Context::Context(int* argc, char*** argv) {
#if defined(TS_WITH_MPI)
  int already = 0;
  MPI_Initialized(&already);
  if (!already) {
    TS_MPI_CHECK(MPI_Init(argc, argv));
    initialised_here_ = true;
  }
  MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
  TS_MPI_CHECK(MPI_Comm_rank(MPI_COMM_WORLD, &rank_));
  TS_MPI_CHECK(MPI_Comm_size(MPI_COMM_WORLD, &size_));
#else
  (void)argc;
  (void)argv;
#endif
}

Context::~Context() {
#if defined(TS_WITH_MPI)
  if (initialised_here_) MPI_Finalize();
#endif
}

void Context::abort(int code) const {
#if defined(TS_WITH_MPI)
  if (size_ > 1) MPI_Abort(MPI_COMM_WORLD, code);
  if (initialised_here_) MPI_Finalize();
#endif
  std::exit(code);
}

bool Context::all_true(bool local) const {
#if defined(TS_WITH_MPI)
  int mine = local ? 1 : 0, all = 0;
  TS_MPI_CHECK(MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD));
  return all == 1;
#else
  return local;
#endif
}

void Context::barrier() const {
#if defined(TS_WITH_MPI)
  TS_MPI_CHECK(MPI_Barrier(MPI_COMM_WORLD));
#endif
}

void AllReduceSum::sum_in_place(std::int64_t* values, std::size_t count) const {
#if defined(TS_WITH_MPI)
  TS_MPI_CHECK(MPI_Allreduce(MPI_IN_PLACE, values, static_cast<int>(count), MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD));
#else
  (void)values;
  (void)count;
#endif
}

}  // namespace ts::mpi
