// One hash of the files a run reads besides its scenario: the calibration tables and the
// optional person and alignment files. A checkpoint carries it, so that a run restarted after a
// table was edited is refused instead of mixing years of two inputs, and the output carries it
// (`inputs_hash`), so that a result names the tables that made it.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace ts::app {

// FNV-1a (hex) over the name and bytes of every .csv file directly in `calibration_dir`, in
// name order, then over the bytes of each of `other_files` that is not empty, in the given
// order. Throws InputError naming a file that cannot be read.
std::string input_digest(const std::filesystem::path& calibration_dir, const std::vector<std::string>& other_files);

}  // namespace ts::app
