// The person record: every attribute of a Flemish resident aged 15+ that the model carries
// from year to year (model/person_attributes.hpp), stored as structure of arrays. Storage,
// compaction, snapshots and checkpoints loop over the list.
#pragma once
#include "kernels/soa.hpp"
#include "model/person_attributes.hpp"

namespace ts::model {

TS_DECLARE_SOA(Population, PersonView, TS_PERSON_ATTRIBUTES)

inline constexpr int task_count = 5;

}  // namespace ts::model
