// The MPI layer, without economics: start and stop, communicators (the world and groups of
// consecutive ranks split from it), exact sums of int64 across a communicator's ranks, and the
// error layer that names the failing call and aborts the whole job. In a build without MPI the
// same interface describes a single process.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "kernels/global_sum.hpp"

namespace ts::mpi {

// A set of ranks that talk among themselves: the world, or a group split from it.
class Communicator {
 public:
  Communicator(Communicator&& other) noexcept;
  Communicator& operator=(Communicator&& other) noexcept;
  Communicator(const Communicator&) = delete;
  Communicator& operator=(const Communicator&) = delete;
  ~Communicator();
  int rank() const { return rank_; }
  int size() const { return size_; }
  // This rank's place among the communicator's ranks on the same node (0 in a build without MPI).
  int rank_on_node() const;
  // True when every rank passes true: lets all ranks agree that a step succeeded.
  bool all_true(bool local) const;
  void barrier() const;
  // Concatenation of every rank's bytes in rank order, on rank 0 (empty elsewhere).
  std::vector<unsigned char> gather_to_root(const std::vector<unsigned char>& mine) const;
  // Rank 0's bytes, on every rank.
  std::vector<unsigned char> broadcast_from_root(const std::vector<unsigned char>& bytes) const;
  // Splits into `groups` groups of size() / groups consecutive ranks each (group g holds ranks
  // g * size / groups and up), so that a group stays on few nodes. `groups` must divide size().
  Communicator split_into(int groups) const;
  // The MPI handle in its Fortran form (MPI_Comm_f2c turns it back into an MPI_Comm), for
  // MPI-aware libraries such as parallel NetCDF; 0 in a build without MPI.
  int fortran_handle() const { return handle_; }

 protected:
  Communicator() = default;  // filled in by Context (the world) or split_into
  int handle_ = 0;
  int rank_ = 0;
  int size_ = 1;
  bool owned_ = false;  // freed on destruction (groups; the world belongs to MPI)

 private:
  void free_if_owned();
};

// The job: initialises MPI and is its world communicator.
class Context : public Communicator {
 public:
  Context(int* argc, char*** argv);
  ~Context();
  // Ends every rank of the job with this exit code (after the caller printed its message).
  [[noreturn]] void abort(int code) const;

 private:
  bool initialised_here_ = false;
};

// Sums int64 values over a communicator's ranks (the world by default) with MPI_Allreduce:
// exact, the same bits on every rank.
class AllReduceSum final : public GlobalSum {
 public:
  AllReduceSum();
  explicit AllReduceSum(const Communicator& over) : handle_(over.fortran_handle()) {}
  using GlobalSum::sum_in_place;
  void sum_in_place(std::int64_t* values, std::size_t count) const override;

 private:
  int handle_ = 0;
};

bool built_with_mpi();

}  // namespace ts::mpi
