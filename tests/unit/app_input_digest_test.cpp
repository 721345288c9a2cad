// The digest of a run's input files (app/input_digest.*): equal for equal inputs, different
// when any table, table name or extra file differs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/input_digest.hpp"
#include "app/input_error.hpp"

namespace {

namespace fs = std::filesystem;

struct Folder {
  fs::path path;
  explicit Folder(const std::string& name)
      : path(fs::temp_directory_path() / ("ts_digest_test_" + std::to_string(::getpid())) / name) {
    fs::create_directories(path);
  }
  ~Folder() {
    std::error_code ignored;
    fs::remove_all(path.parent_path(), ignored);
  }
  void write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
};

TEST(InputDigest, FollowsTheTablesAndTheExtraFiles) {
  const Folder a("a"), b("b");
  for (const Folder* f : {&a, &b}) {
    f->write("life_table.csv", "age,qx,source\n0,0.1,s\n");
    f->write("wages.csv", "p,v,source\nP10,1,s\n");
  }
  b.write("notes.txt", "not a table");  // only .csv files are inputs
  const std::string digest = ts::app::input_digest(a.path, {});
  EXPECT_EQ(digest.size(), 16u);
  EXPECT_EQ(ts::app::input_digest(b.path, {}), digest);
  EXPECT_EQ(ts::app::input_digest(a.path, {""}), digest);  // an option not given

  b.write("wages.csv", "p,v,source\nP10,2,s\n");
  EXPECT_NE(ts::app::input_digest(b.path, {}), digest);
  b.write("wages.csv", "p,v,source\nP10,1,s\n");
  fs::rename(b.path / "wages.csv", b.path / "wage.csv");
  EXPECT_NE(ts::app::input_digest(b.path, {}), digest);

  a.write("persons.txt", "age,sex\n40,male\n");
  const std::string with_persons = ts::app::input_digest(a.path, {(a.path / "persons.txt").string()});
  EXPECT_NE(with_persons, digest);
  EXPECT_THROW(ts::app::input_digest(a.path, {(a.path / "missing.csv").string()}), ts::app::InputError);
}

}  // namespace
