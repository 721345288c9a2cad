#include "app/output_file.hpp"

#include <unistd.h>

#include <string>
#include <system_error>

#include "app/input_error.hpp"

namespace ts::app {

void check_output_folder(const std::filesystem::path& output) {
  namespace fs = std::filesystem;
  const std::string where = output.string();
  std::error_code error;
  if (fs::is_directory(output, error)) throw InputError(where + ": is a folder; expected the name of a file to write");
  const fs::path folder = output.parent_path().empty() ? fs::path(".") : output.parent_path();
  const fs::file_status status = fs::status(folder, error);
  if (!fs::exists(status))
    throw InputError(where + ": the folder '" + folder.string() + "' does not exist (create it first)");
  if (!fs::is_directory(status)) throw InputError(where + ": '" + folder.string() + "' is not a folder");
  if (::access(folder.c_str(), W_OK | X_OK) != 0)
    throw InputError(where + ": the folder '" + folder.string() + "' is not writable");
}

void write_atomically(const std::filesystem::path& output,
                      const std::function<void(const std::filesystem::path&)>& write) {
  check_output_folder(output);
  const std::filesystem::path partial = output.string() + ".partial-" + std::to_string(::getpid());
  try {
    write(partial);
    std::filesystem::rename(partial, output);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
}

}  // namespace ts::app
