// The one exception type for mistakes a user can make in the files and options they give
// (scenarios, calibration tables, --set overrides). Its message is meant to be printed as is:
// it names where (file and line, or the option), the key or column, what was expected and
// what was found, e.g.
//   configs/scenarios/x.toml:12: key 'technology.midpoint_year.routine_cognitive':
//   expected a year between 2024 and 2050, found 2075
// Programming errors (a column the code never asked for, a row past the end) are not
// InputErrors: they throw std::logic_error and its kin.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ts::app {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// "where:line: message", or "where: message" when the line is unknown (line 0).
inline std::string located(std::string_view where, std::size_t line, std::string_view message) {
  std::string text(where);
  if (line > 0) text += ":" + std::to_string(line);
  text += ": ";
  text += message;
  return text;
}

[[noreturn]] inline void throw_input_error(std::string_view where, std::size_t line,
                                           std::string_view message) {
  throw InputError(located(where, line, message));
}

}  // namespace ts::app
