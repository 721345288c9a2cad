// Structure-of-arrays storage declared from one attribute list. A list is an X-macro
//     #define MY_ATTRIBUTES(X) X(std::uint8_t, age, "years") X(float, wage, "EUR per year")
// and TS_DECLARE_SOA(Store, View, MY_ATTRIBUTES) declares
//   - View: a trivially copyable struct of raw pointers and a size, handed to kernels;
//   - Store: one Thrust device vector per attribute, with resize, compaction, a view and a
//     visitor over (name, unit, column) that I/O and checkpoints loop over.
// Adding an attribute is one line in the list; nothing else needs to change.
// Storage is kept between years: columns grow with headroom (so a few entrants do not
// reallocate every column). Compaction moves each column's kept records down in place on the
// CPU (in_place_compaction.hpp); the GPU scatters every column in one pass into a spare set of
// columns that then swaps with the live one (no allocation, no zero fill once they are large
// enough).
#pragma once
#include <thrust/copy.h>
#include <thrust/count.h>
#include <thrust/device_vector.h>
#include <thrust/execution_policy.h>
#include <thrust/iterator/transform_iterator.h>
#include <thrust/scan.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>

#include "kernels/parallel.hpp"
#include "kernels/ts_hd.hpp"

#if THRUST_DEVICE_SYSTEM != THRUST_DEVICE_SYSTEM_CUDA
#include "kernels/in_place_compaction.hpp"
#endif

namespace ts {

struct IsNonZero {
  TS_HD bool operator()(std::uint8_t flag) const { return flag != 0; }
};

// Capacity for n records plus headroom, so that growing by a yearly cohort rarely reallocates.
template <class T>
void ensure_capacity(thrust::device_vector<T>& column, std::size_t n) {
  if (column.capacity() < n) column.reserve(n + n / 16);
}

// Keeps the elements whose flag is non-zero, in their order: copied into `spare`, which then
// swaps with `column` (kept between calls, so no allocation or zero fill once it is large enough).
template <class T>
void compact_column(thrust::device_vector<T>& column, thrust::device_vector<T>& spare,
                    const thrust::device_vector<std::uint8_t>& keep, std::size_t kept) {
  ensure_capacity(spare, column.size());
  spare.resize(kept);
  thrust::copy_if(thrust::device, column.begin(), column.end(), keep.begin(), spare.begin(), IsNonZero{});
  column.swap(spare);
}

// Whether `column` is one of `columns`.
inline bool listed(const void* column, std::initializer_list<const void*> columns) {
  for (const void* c : columns)
    if (c == column) return true;
  return false;
}

inline std::size_t count_kept(const thrust::device_vector<std::uint8_t>& keep) {
  return static_cast<std::size_t>(thrust::count_if(thrust::device, keep.begin(), keep.end(), IsNonZero{}));
}

struct KeepFlagToIndex {
  TS_HD std::size_t operator()(std::uint8_t flag) const { return flag != 0 ? 1 : 0; }
};

// position[i] = number of kept records before i (where record i goes if kept); returns the
// number kept among the first n.
inline std::size_t keep_positions(const thrust::device_vector<std::uint8_t>& keep, std::size_t n,
                                  thrust::device_vector<std::size_t>& position) {
  position.resize(n);
  if (n == 0) return 0;
  const auto flags = thrust::make_transform_iterator(keep.begin(), KeepFlagToIndex{});
  thrust::exclusive_scan(thrust::device, flags, flags + static_cast<std::ptrdiff_t>(n), position.begin());
  const std::uint8_t last_flag = keep[n - 1];
  return static_cast<std::size_t>(position[n - 1]) + (last_flag != 0 ? 1 : 0);
}

}  // namespace ts

#define TS_SOA_POINTER_(type, name, unit) type* name;
#define TS_SOA_VECTOR_(type, name, unit) thrust::device_vector<type> name;
#define TS_SOA_SPARE_VECTOR_(type, name, unit) thrust::device_vector<type> name##_spare_;
#define TS_SOA_RESIZE_(type, name, unit) \
  ::ts::ensure_capacity(name, new_size);  \
  name.resize(new_size);
#define TS_SOA_VIEW_(type, name, unit) view.name = thrust::raw_pointer_cast(name.data());
#define TS_SOA_SPARE_VIEW_(type, name, unit) to.name = thrust::raw_pointer_cast(name##_spare_.data());
#define TS_SOA_VISIT_(type, name, unit) visitor(#name, unit, name);
#define TS_SOA_SPARE_RESIZE_(type, name, unit) \
  ::ts::ensure_capacity(name##_spare_, size_); \
  name##_spare_.resize(kept);
#define TS_SOA_SWAP_SPARE_(type, name, unit) name.swap(name##_spare_);
#define TS_SOA_SCATTER_(type, name, unit) to.name[j] = from.name[i];
#define TS_SOA_LIST_MOVED_(type, name, unit)                          \
  if (!::ts::listed(thrust::raw_pointer_cast(name.data()), unmoved)) \
    moved[moved_count++] = {thrust::raw_pointer_cast(name.data()), sizeof(type)};
#define TS_SOA_SHRINK_(type, name, unit) name.resize(kept);
// Only the compaction the backend uses is declared: nvcc rejects an unused functor under -Werror.
#if THRUST_DEVICE_SYSTEM == THRUST_DEVICE_SYSTEM_CUDA
#define TS_SOA_COMPACTION_(View, ATTRIBUTES)                                                   \
  /* Moves every column of a kept record i to its position in the spare columns (public:  \
     nvcc's generated kernel stubs name the functor). */                                  \
  struct Scatter {                                                                         \
    View from, to;                                                                         \
    const std::uint8_t* keep;                                                              \
    const std::size_t* position;                                                           \
    TS_HD void operator()(std::size_t i) const {                                           \
      if (keep[i] == 0) return;                                                            \
      const std::size_t j = position[i];                                                   \
      ATTRIBUTES(TS_SOA_SCATTER_)                                                          \
    }                                                                                      \
  };                                                                                       \
  /* Keeps the records whose flag (first size() of keep) is non-zero, in order;           \
     returns the new size. Moves every column, `unmoved` included (see the CPU's). */      \
  std::size_t compact(const thrust::device_vector<std::uint8_t>& keep,                     \
                      std::initializer_list<const void*> unmoved = {}) {                   \
    (void)unmoved;                                                                         \
    const std::size_t kept = ::ts::keep_positions(keep, size_, positions_);                \
    ATTRIBUTES(TS_SOA_SPARE_RESIZE_)                                                       \
    View to;                                                                               \
    to.size = kept;                                                                        \
    ATTRIBUTES(TS_SOA_SPARE_VIEW_)                                                         \
    ::ts::parallel_for(size_, Scatter{view(), to, thrust::raw_pointer_cast(keep.data()),   \
                                      thrust::raw_pointer_cast(positions_.data())});       \
    ATTRIBUTES(TS_SOA_SWAP_SPARE_)                                                         \
    size_ = kept;                                                                          \
    return kept;                                                                           \
  }                                                                                        \
  /* The last compaction applied to another column of size() records before it (with      \
     the same flags, and a spare column to compact into). */                               \
  template <class T>                                                                       \
  void compact_alongside(thrust::device_vector<T>& column, thrust::device_vector<T>& spare, \
                         const thrust::device_vector<std::uint8_t>& keep) {                \
    ::ts::compact_column(column, spare, keep, size_);                                      \
  }                                                                                        \
                                                                                           \
 private:                                                                                  \
  ATTRIBUTES(TS_SOA_SPARE_VECTOR_)                                                         \
  thrust::device_vector<std::size_t> positions_;                                           \
                                                                                           \
 public:
#else
#define TS_SOA_COMPACTION_(View, ATTRIBUTES)                                                   \
  /* Keeps the records whose flag (first size() of keep) is non-zero, in order;           \
     returns the new size. The columns listed in `unmoved` (their data) are only resized:   \
     for columns that are rewritten for every record before anything reads them again. */ \
  std::size_t compact(const thrust::device_vector<std::uint8_t>& keep,                     \
                      std::initializer_list<const void*> unmoved = {}) {                   \
    const std::size_t kept = compaction_.plan(thrust::raw_pointer_cast(keep.data()), size_); \
    ::ts::InPlaceCompaction::Column moved[attribute_count];                                \
    std::size_t moved_count = 0;                                                           \
    ATTRIBUTES(TS_SOA_LIST_MOVED_)                                                         \
    compaction_.apply(moved, moved_count);                                                 \
    ATTRIBUTES(TS_SOA_SHRINK_)                                                             \
    size_ = kept;                                                                          \
    return kept;                                                                           \
  }                                                                                        \
  /* The last compaction applied to another column of size() records before it (the      \
     spare column and the flags serve the GPU's compaction). */                            \
  template <class T>                                                                       \
  void compact_alongside(thrust::device_vector<T>& column, thrust::device_vector<T>&,      \
                         const thrust::device_vector<std::uint8_t>&) {                     \
    compaction_.apply(thrust::raw_pointer_cast(column.data()), sizeof(T));                 \
    column.resize(size_);                                                                  \
  }                                                                                        \
                                                                                           \
 private:                                                                                  \
  ::ts::InPlaceCompaction compaction_;                                                     \
                                                                                           \
 public:
#endif
#define TS_SOA_COUNT_(type, name, unit) +1
#define TS_SOA_BYTES_(type, name, unit) +sizeof(type)

#define TS_DECLARE_SOA(Store, View, ATTRIBUTES)                                         \
  struct View {                                                                         \
    std::size_t size;                                                                   \
    ATTRIBUTES(TS_SOA_POINTER_)                                                         \
  };                                                                                    \
  class Store {                                                                         \
   public:                                                                              \
    ATTRIBUTES(TS_SOA_VECTOR_)                                                          \
    static constexpr int attribute_count = 0 ATTRIBUTES(TS_SOA_COUNT_);                 \
    static constexpr std::size_t bytes_per_record = 0 ATTRIBUTES(TS_SOA_BYTES_);        \
    std::size_t size() const { return size_; }                                          \
    void resize(std::size_t new_size) {                                                 \
      ATTRIBUTES(TS_SOA_RESIZE_)                                                        \
      size_ = new_size;                                                                 \
    }                                                                                   \
    View view() {                                                                       \
      View view;                                                                        \
      view.size = size_;                                                                \
      ATTRIBUTES(TS_SOA_VIEW_)                                                          \
      return view;                                                                      \
    }                                                                                   \
    TS_SOA_COMPACTION_(View, ATTRIBUTES)                                                \
    /* visitor(const char* name, const char* unit, thrust::device_vector<T>& column) */ \
    template <class Visitor>                                                            \
    void visit(Visitor&& visitor) {                                                     \
      ATTRIBUTES(TS_SOA_VISIT_)                                                         \
    }                                                                                   \
                                                                                        \
   private:                                                                             \
    std::size_t size_ = 0;                                                              \
  };
