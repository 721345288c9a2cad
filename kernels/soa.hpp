// Structure-of-arrays storage declared from one attribute list. A list is an X-macro
//     #define MY_ATTRIBUTES(X) X(std::uint8_t, age, "years") X(float, wage, "EUR per year")
// and TS_DECLARE_SOA(Store, View, MY_ATTRIBUTES) declares
//   - View: a trivially copyable struct of raw pointers and a size, handed to kernels;
//   - Store: one Thrust device vector per attribute, with resize, compaction, a view and a
//     visitor over (name, unit, column) that I/O and checkpoints loop over.
// Adding an attribute is one line in the list; nothing else needs to change.
#pragma once
#include <thrust/copy.h>
#include <thrust/count.h>
#include <thrust/device_vector.h>
#include <thrust/execution_policy.h>

#include <cstddef>
#include <cstdint>

#include "kernels/ts_hd.hpp"

namespace ts {

struct IsNonZero {
  TS_HD bool operator()(std::uint8_t flag) const { return flag != 0; }
};

// Keeps the elements whose flag is non-zero, in their order.
template <class T>
void compact_column(thrust::device_vector<T>& column, const thrust::device_vector<std::uint8_t>& keep,
                    std::size_t kept) {
  thrust::device_vector<T> compacted(kept);
  thrust::copy_if(thrust::device, column.begin(), column.end(), keep.begin(), compacted.begin(),
                  IsNonZero{});
  column.swap(compacted);
}

inline std::size_t count_kept(const thrust::device_vector<std::uint8_t>& keep) {
  return static_cast<std::size_t>(thrust::count_if(thrust::device, keep.begin(), keep.end(), IsNonZero{}));
}

}  // namespace ts

#define TS_SOA_POINTER_(type, name, unit) type* name;
#define TS_SOA_VECTOR_(type, name, unit) thrust::device_vector<type> name;
#define TS_SOA_RESIZE_(type, name, unit) name.resize(new_size);
#define TS_SOA_VIEW_(type, name, unit) view.name = thrust::raw_pointer_cast(name.data());
#define TS_SOA_VISIT_(type, name, unit) visitor(#name, unit, name);
#define TS_SOA_COMPACT_(type, name, unit) ::ts::compact_column(name, keep, kept);
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
    /* Keeps the records whose flag is non-zero, in order; returns the new size. */    \
    std::size_t compact(const thrust::device_vector<std::uint8_t>& keep) {              \
      const std::size_t kept = ::ts::count_kept(keep);                                  \
      ATTRIBUTES(TS_SOA_COMPACT_)                                                       \
      size_ = kept;                                                                     \
      return kept;                                                                      \
    }                                                                                   \
    /* visitor(const char* name, const char* unit, thrust::device_vector<T>& column) */ \
    template <class Visitor>                                                            \
    void visit(Visitor&& visitor) {                                                     \
      ATTRIBUTES(TS_SOA_VISIT_)                                                         \
    }                                                                                   \
                                                                                        \
   private:                                                                             \
    std::size_t size_ = 0;                                                              \
  };
