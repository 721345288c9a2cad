#pragma once
#include <cstdint>

#include "kernels/ts_hd.hpp"

#include "model/passes/state.hpp"

namespace ts::model {

// Marks persons who were not in the population at the start of the year.
inline constexpr std::uint8_t entrant_status = 255;
// Marks immigrants of population alignment (model/passes/population_alignment.cpp).
inline constexpr std::uint8_t immigrant_status = 254;
// Whether a person was in the population at the start of the year, with a status there.
TS_HD inline bool present_at_start(std::uint8_t status_at_start) { return status_at_start < immigrant_status; }

void add_entrants(Simulation::State& s);

}  // namespace ts::model
