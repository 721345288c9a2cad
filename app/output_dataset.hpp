// Turns the yearly indicators of every replica into the CF dataset written to NetCDF: one
// variable per entry of TS_INDICATORS, dimensions year x replica x its group dimension.
#pragma once
#include <vector>

#include "app/dataset.hpp"
#include "model/indicators.hpp"

namespace ts::app {

// indicators[replica][year index]; replica_ids are the replica numbers of this run.
Dataset indicators_dataset(const std::vector<std::vector<model::Indicators>>& indicators,
                           const std::vector<int>& replica_ids);

// Markdown table of every output variable, for docs/outputs.md.
std::string outputs_markdown();

}  // namespace ts::app
