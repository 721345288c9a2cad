// The purpose word of every random stream. Each decision of the model draws from its own
// stream so that adding a draw to one process never shifts the numbers of another. Append only.
#pragma once
#include <cstdint>

namespace ts::model {

enum RandomPurpose : std::uint32_t {
  purpose_synth_person = 1,     // region, type, hours, occupation, tasks, skills, wage effect
  purpose_death = 2,
  purpose_retirement = 3,
  purpose_participation = 4,
  purpose_training = 5,
  purpose_separation = 6,
  purpose_application = 7,
  purpose_hiring = 8,
  purpose_new_job = 9,          // occupation, type and task bundle of a new job
  purpose_entrant = 10,         // education and attributes of a new 15-year-old
  purpose_contract = 11,        // temporary to permanent
  purpose_scenario_draw = 12,   // replica's parameter draws (keyed by parameter index)
  purpose_synth_cell = 13,      // offsets of a synthesis cell's low-discrepancy sequence (keyed by cell)
  purpose_emigration = 14,      // emigration key of population alignment
  purpose_immigrant = 15,       // cell, job type and hours of an immigrant
};

}  // namespace ts::model
