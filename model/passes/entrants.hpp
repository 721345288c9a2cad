#pragma once
#include <cstdint>

#include "model/passes/state.hpp"

namespace ts::model {

// Marks persons who were not in the population at the start of the year.
inline constexpr std::uint8_t entrant_status = 255;

void add_entrants(Simulation::State& s);

}  // namespace ts::model
