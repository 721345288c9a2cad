#include "mpi/mpi_context.hpp"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <string>

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

#if defined(TS_WITH_MPI)
namespace {
MPI_Comm comm_of(int handle) { return MPI_Comm_f2c(handle); }
}  // namespace
#endif

Communicator::Communicator(Communicator&& other) noexcept
    : handle_(other.handle_), rank_(other.rank_), size_(other.size_), owned_(other.owned_) {
  other.owned_ = false;
}

Communicator& Communicator::operator=(Communicator&& other) noexcept {
  if (this != &other) {
    free_if_owned();
    handle_ = other.handle_;
    rank_ = other.rank_;
    size_ = other.size_;
    owned_ = other.owned_;
    other.owned_ = false;
  }
  return *this;
}

Communicator::~Communicator() { free_if_owned(); }

void Communicator::free_if_owned() {
#if defined(TS_WITH_MPI)
  if (owned_) {
    MPI_Comm comm = comm_of(handle_);
    MPI_Comm_free(&comm);
    owned_ = false;
  }
#endif
}

bool Communicator::all_true(bool local) const {
#if defined(TS_WITH_MPI)
  int mine = local ? 1 : 0, all = 0;
  TS_MPI_CHECK(MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_MIN, comm_of(handle_)));
  return all == 1;
#else
  return local;
#endif
}

int Communicator::rank_on_node() const {
#if defined(TS_WITH_MPI)
  MPI_Comm node = MPI_COMM_NULL;
  TS_MPI_CHECK(MPI_Comm_split_type(comm_of(handle_), MPI_COMM_TYPE_SHARED, rank_, MPI_INFO_NULL, &node));
  int rank = 0;
  const int status = MPI_Comm_rank(node, &rank);
  MPI_Comm_free(&node);
  TS_MPI_CHECK(status);
  return rank;
#else
  return 0;
#endif
}

void Communicator::barrier() const {
#if defined(TS_WITH_MPI)
  TS_MPI_CHECK(MPI_Barrier(comm_of(handle_)));
#endif
}

std::vector<unsigned char> Communicator::gather_to_root(const std::vector<unsigned char>& mine) const {
#if defined(TS_WITH_MPI)
  const MPI_Comm comm = comm_of(handle_);
  const long long size = static_cast<long long>(mine.size());
  std::vector<long long> sizes(static_cast<std::size_t>(size_));
  TS_MPI_CHECK(MPI_Gather(&size, 1, MPI_LONG_LONG, sizes.data(), 1, MPI_LONG_LONG, 0, comm));
  std::vector<unsigned char> all;
  std::vector<long long> displacements(static_cast<std::size_t>(size_));
  if (rank_ == 0) {
    long long offset = 0;
    for (int r = 0; r < size_; ++r) {
      displacements[static_cast<std::size_t>(r)] = offset;
      offset += sizes[static_cast<std::size_t>(r)];
    }
    all.resize(static_cast<std::size_t>(offset));
  }
  // Point to point, so that shards larger than 2 GiB need no large-count collectives.
  if (rank_ == 0) {
    std::copy(mine.begin(), mine.end(), all.begin());
    for (int r = 1; r < size_; ++r)
      for (long long done = 0; done < sizes[static_cast<std::size_t>(r)];) {
        const int chunk = static_cast<int>(std::min<long long>(sizes[static_cast<std::size_t>(r)] - done, 1 << 30));
        TS_MPI_CHECK(MPI_Recv(all.data() + displacements[static_cast<std::size_t>(r)] + done, chunk, MPI_BYTE, r, 7,
                              comm, MPI_STATUS_IGNORE));
        done += chunk;
      }
  } else {
    for (long long done = 0; done < size;) {
      const int chunk = static_cast<int>(std::min<long long>(size - done, 1 << 30));
      TS_MPI_CHECK(MPI_Send(mine.data() + done, chunk, MPI_BYTE, 0, 7, comm));
      done += chunk;
    }
  }
  return all;
#else
  return mine;
#endif
}

std::vector<unsigned char> Communicator::broadcast_from_root(const std::vector<unsigned char>& bytes) const {
#if defined(TS_WITH_MPI)
  const MPI_Comm comm = comm_of(handle_);
  long long size = static_cast<long long>(bytes.size());
  TS_MPI_CHECK(MPI_Bcast(&size, 1, MPI_LONG_LONG, 0, comm));
  std::vector<unsigned char> result = rank_ == 0 ? bytes : std::vector<unsigned char>(static_cast<std::size_t>(size));
  for (long long done = 0; done < size;) {
    const int chunk = static_cast<int>(std::min<long long>(size - done, 1 << 30));
    TS_MPI_CHECK(MPI_Bcast(result.data() + done, chunk, MPI_BYTE, 0, comm));
    done += chunk;
  }
  return result;
#else
  return bytes;
#endif
}

Communicator Communicator::split_into(int groups) const {
  if (groups < 1 || size_ % groups != 0)
    throw std::invalid_argument("split_into: " + std::to_string(groups) + " groups do not divide " +
                                std::to_string(size_) + " ranks");
  Communicator group;
#if defined(TS_WITH_MPI)
  MPI_Comm comm = MPI_COMM_NULL;
  TS_MPI_CHECK(MPI_Comm_split(comm_of(handle_), rank_ / (size_ / groups), rank_, &comm));
  MPI_Comm_set_errhandler(comm, MPI_ERRORS_RETURN);
  group.handle_ = MPI_Comm_c2f(comm);
  group.owned_ = true;
  TS_MPI_CHECK(MPI_Comm_rank(comm, &group.rank_));
  TS_MPI_CHECK(MPI_Comm_size(comm, &group.size_));
#endif
  return group;
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
  handle_ = MPI_Comm_c2f(MPI_COMM_WORLD);
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

AllReduceSum::AllReduceSum() {
#if defined(TS_WITH_MPI)
  handle_ = MPI_Comm_c2f(MPI_COMM_WORLD);
#endif
}

void AllReduceSum::sum_in_place(std::int64_t* values, std::size_t count) const {
#if defined(TS_WITH_MPI)
  TS_MPI_CHECK(MPI_Allreduce(MPI_IN_PLACE, values, static_cast<int>(count), MPI_INT64_T, MPI_SUM, comm_of(handle_)));
#else
  (void)values;
  (void)count;
#endif
}

}  // namespace ts::mpi
