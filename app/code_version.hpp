// The version that outputs, snapshots, benchmarks and `taskshift --version` record:
// `git describe --always --dirty --tags` of the source tree at the last build ("unknown" outside
// a git checkout). Generated at every build by cmake/TaskShiftVersion.cmake.
#pragma once

namespace ts::app {
const char* code_version();
}  // namespace ts::app
