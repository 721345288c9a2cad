// The MPI layer, without economics: start and stop, this process's rank, exact sums of int64
// across ranks, and the error layer that names the failing call and aborts the whole job.
// In a build without MPI the same interface describes a single process.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "kernels/global_sum.hpp"

namespace ts::mpi {

class Context {
 public:
  Context(int* argc, char*** argv);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }
  // Ends every rank of the job with this exit code (after the caller printed its message).
  [[noreturn]] void abort(int code) const;
  // True when every rank passes true: lets all ranks agree that a step succeeded.
  bool all_true(bool local) const;
  void barrier() const;
  // Concatenation of every rank's bytes in rank order, on rank 0 (empty elsewhere).
  std::vector<unsigned char> gather_to_root(const std::vector<unsigned char>& mine) const;

 private:
  int rank_ = 0;
  int size_ = 1;
  bool initialised_here_ = false;
};

// Sums int64 values over all ranks with MPI_Allreduce: exact, the same bits on every rank.
class AllReduceSum final : public GlobalSum {
 public:
  using GlobalSum::sum_in_place;
  void sum_in_place(std::int64_t* values, std::size_t count) const override;
};

bool built_with_mpi();

}  // namespace ts::mpi
