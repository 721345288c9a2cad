// Writing an output file so that it is either complete or absent: its folder is checked before
// any work (a full run or a long ensemble should not end, after its last year, in an error
// about a mistyped folder), and its bytes go through a temporary name that is renamed onto the
// final one only when the writing returned (ARCHITECTURE.md, principle 7).
#pragma once
#include <filesystem>
#include <functional>

namespace ts::app {

// Throws InputError naming `output` when its folder does not exist, is not a folder or is not
// writable, or when `output` itself is a folder.
void check_output_folder(const std::filesystem::path& output);

// Checks the folder, calls `write` with a temporary name in the same folder, and renames that
// file onto `output` when `write` returns; on any exception the temporary is removed and the
// exception goes on, and an earlier file under `output` stays as it was.
void write_atomically(const std::filesystem::path& output,
                      const std::function<void(const std::filesystem::path&)>& write);

}  // namespace ts::app
