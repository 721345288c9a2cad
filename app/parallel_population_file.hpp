// The person file of a population spread over the ranks of a communicator, written by all of
// them at once (parallel NetCDF-4 in MPI builds): each rank writes its own persons at their
// place in id order (app/person_order.hpp), so the file's content is the same on any number of
// ranks. Written as "<out>.partial-<pid of rank 0>" and renamed onto `out` by rank 0 once every
// rank has closed it; a failure leaves nothing under `out`.
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "model/calibration.hpp"
#include "model/simulation.hpp"
#include "mpi/mpi_context.hpp"

namespace ts::app {

// `columns`: this rank's persons (with a column person_id), in any order.
void write_population_file_parallel(std::vector<model::HostColumn> columns, const model::Calibration& calibration,
                                    const std::vector<std::pair<std::string, std::string>>& text_attributes,
                                    const std::vector<std::pair<std::string, double>>& number_attributes,
                                    const std::filesystem::path& out, const mpi::Communicator& ranks);

}  // namespace ts::app
