// Refuses an output path that cannot be written, before any work: a full run or a long
// ensemble should not end, after its last year, in an error about a mistyped folder.
#pragma once
#include <filesystem>

namespace ts::app {

// Throws InputError naming `output` when its folder does not exist, is not a folder or is not
// writable, or when `output` itself is a folder.
void check_output_folder(const std::filesystem::path& output);

}  // namespace ts::app
