// Scenario loading in three steps: read the inheritance chain (most derived first), apply the
// files from the root base down and then the --set overrides onto one Setting per parameter
// (each remembers where it was set, for error messages), and check what only the resolved
// whole can show (sum groups). Every check throws InputError with "where:line: key 'k': ...".
#include "app/scenario.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "app/fnv1a.hpp"
#include "app/input_error.hpp"
#include "app/number_text.hpp"
#include "kernels/det_math.hpp"

namespace ts::app {
namespace {

namespace fs = std::filesystem;
using model::ParameterSpec;
using model::ParameterType;
using Kind = Distribution::Kind;

constexpr double sum_tolerance = 1e-6;

// ---------------------------------------------------------------- text helpers

std::string in_quotes(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    default:
      return "a date or time";
  }
}

// What the user wrote, for "found ..." (the value itself where it is short).
std::string found_text(const toml::node& node) {
  if (auto v = node.as_integer()) return std::to_string(v->get());
  if (auto v = node.as_floating_point()) return round_trip_text(v->get());
  if (auto v = node.as_boolean()) return v->get() ? "true" : "false";
  if (auto v = node.as_string()) return "\"" + v->get() + "\"";
  return type_name(node);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}


// ---------------------------------------------------------------- where a value came from

struct Origin {
  std::string where;  // a file path, or "--set 'key=value'"
  std::size_t line;   // 0 for --set
};

std::size_t line_of(const toml::node& node) { return node.source().begin.line; }

// ---------------------------------------------------------------- the resolver

struct Setting {
  Distribution value;
  std::optional<Origin> origin;  // empty: the spec default
  std::size_t order = 0;         // later settings have higher orders
};

class Resolver {
 public:
  Resolver(std::span<const ParameterSpec> specs, int base_year, int horizon_year)
      : specs_(specs), base_year_(base_year), horizon_year_(horizon_year), settings_(specs.size()) {
    for (std::size_t i = 0; i < specs.size(); ++i)
      settings_[i].value = Distribution{Kind::fixed, {specs[i].default_value}};
  }

  std::vector<toml::table> read_chain(const fs::path& file, std::vector<std::string>& files);
  void apply_file(const toml::table& table, const std::string& file);
  void apply_override(const std::string& assignment);
  void check_sum_groups() const;
  ResolvedScenario result(std::vector<std::string> files) const;

 private:
  [[noreturn]] void fail(const Origin& origin, std::string_view key,
                         std::string_view message) const {
    throw_input_error(origin.where, origin.line,
                      "key " + in_quotes(key) + ": " + std::string(message));
  }
  std::optional<std::size_t> spec_index(std::string_view key) const;
  bool is_table_prefix(std::string_view prefix) const;
  std::string suggestion(std::string_view key, bool top_level) const;
  void walk(const std::string& key, const toml::node& node, const Origin& origin);
  [[noreturn]] void unknown_key(const std::string& key, const toml::node& node,
                                const Origin& origin) const;
  std::pair<double, double> admissible_range(const ParameterSpec& spec) const;
  double point_value(const toml::node& node, const ParameterSpec& spec, const Origin& origin,
                     const std::string& label) const;
  Distribution parameter_value(const toml::node& node, const ParameterSpec& spec,
                               const Origin& origin) const;
  Distribution distribution_value(const toml::table& table, const ParameterSpec& spec,
                                  const Origin& origin) const;
  void set_text(const std::string& key, const toml::node& node, const Origin& origin);

  std::span<const ParameterSpec> specs_;
  int base_year_, horizon_year_;
  std::vector<Setting> settings_;
  std::size_t next_order_ = 1;
  std::string name_, description_;
};

std::optional<std::size_t> Resolver::spec_index(std::string_view key) const {
  for (std::size_t i = 0; i < specs_.size(); ++i)
    if (key == specs_[i].key) return i;
  return std::nullopt;
}

bool Resolver::is_table_prefix(std::string_view prefix) const {
  for (const ParameterSpec& spec : specs_) {
    const std::string_view key = spec.key;
    if (key.size() > prefix.size() && key.starts_with(prefix) && key[prefix.size()] == '.')
      return true;
  }
  return false;
}

// "; did you mean 'x'?" for the nearest known key, if it is near enough to be a misspelling.
std::string Resolver::suggestion(std::string_view key, bool top_level) const {
  std::vector<std::string_view> candidates;
  for (const ParameterSpec& spec : specs_) candidates.push_back(spec.key);
  if (top_level) candidates.insert(candidates.end(), {"name", "description", "base"});
  std::string_view best;
  std::size_t best_distance = SIZE_MAX;
  for (const std::string_view candidate : candidates) {
    const std::size_t distance = edit_distance(key, candidate);
    if (distance < best_distance) best = candidate, best_distance = distance;
  }
  if (best_distance > std::max<std::size_t>(2, key.size() / 3)) return "";
  return "; did you mean " + in_quotes(best) + "?";
}

bool is_distribution_table(const toml::node& node) {
  return node.is_table() && node.as_table()->contains("distribution");
}

// A key that matches no parameter. Under a misspelt table name the message names the first
// full parameter path below it, so that the suggestion can be a complete key.
void Resolver::unknown_key(const std::string& key, const toml::node& node,
                           const Origin& origin) const {
  if (node.is_table() && !is_distribution_table(node) && !node.as_table()->empty()) {
    const auto first = node.as_table()->begin();
    unknown_key(key + "." + std::string(first->first.str()), first->second,
                Origin{origin.where, line_of(first->second)});
  }
  const bool top_level = key.find('.') == std::string::npos;
  const std::string what =
      top_level && !node.is_table() ? "unknown top-level key " : "unknown key ";
  throw_input_error(origin.where, origin.line, what + in_quotes(key) + suggestion(key, top_level));
}

void Resolver::walk(const std::string& key, const toml::node& node, const Origin& origin) {
  if (const auto index = spec_index(key)) {
    settings_[*index] =
        Setting{parameter_value(node, specs_[*index], origin), origin, next_order_++};
    return;
  }
  if (!is_table_prefix(key)) unknown_key(key, node, origin);
  if (!node.is_table())
    fail(origin, key, "expected a table of parameters, found " + type_name(node));
  for (const auto& [child_key, child] : *node.as_table())
    walk(key + "." + std::string(child_key.str()), child, Origin{origin.where, line_of(child)});
}

std::pair<double, double> Resolver::admissible_range(const ParameterSpec& spec) const {
  if (spec.type != ParameterType::year) return {spec.min_value, spec.max_value};
  return {std::max(spec.min_value, double(base_year_)),
          std::min(spec.max_value, double(horizon_year_))};
}

// One number of the parameter's type within its admissible range. `label` prefixes the
// message when the number is a field of a distribution ("field 'min': ").
double Resolver::point_value(const toml::node& node, const ParameterSpec& spec,
                             const Origin& origin, const std::string& label) const {
  const auto expected = [&](const std::string& what) {
    fail(origin, spec.key, label + "expected " + what + ", found " + found_text(node));
  };
  double value = 0.0;
  switch (spec.type) {
    case ParameterType::boolean:
      if (!node.is_boolean()) expected("true or false");
      return node.as_boolean()->get() ? 1.0 : 0.0;
    case ParameterType::integer:
    case ParameterType::year:
      if (!node.is_integer())
        expected(spec.type == ParameterType::year ? "a year (an integer)" : "an integer");
      value = double(node.as_integer()->get());
      break;
    case ParameterType::real:
      if (node.is_integer())
        value = double(node.as_integer()->get());
      else if (node.is_floating_point())
        value = node.as_floating_point()->get();
      else
        expected("a number");
      break;
  }
  const auto [low, high] = admissible_range(spec);
  if (!(value >= low && value <= high)) {
    const char* what = spec.type == ParameterType::year      ? "a year"
                       : spec.type == ParameterType::integer ? "an integer"
                                                             : "a number";
    expected(std::string(what) + " between " + round_trip_text(low) + " and " + round_trip_text(high));
  }
  return value;
}

Distribution Resolver::parameter_value(const toml::node& node, const ParameterSpec& spec,
                                       const Origin& origin) const {
  if (const toml::table* table = node.as_table()) return distribution_value(*table, spec, origin);
  return Distribution{Kind::fixed, {point_value(node, spec, origin, "")}};
}

struct DistributionShape {
  std::string_view name;
  Kind kind;
  std::vector<std::string_view> fields;
};

const std::vector<DistributionShape>& distribution_shapes() {
  static const std::vector<DistributionShape> shapes = {
      {"uniform", Kind::uniform, {"min", "max"}},
      {"normal", Kind::normal, {"mean", "sd"}},
      {"triangular", Kind::triangular, {"min", "mode", "max"}},
      {"choice", Kind::choice, {"values"}},
  };
  return shapes;
}

std::string field_list(const DistributionShape& shape) {
  std::string list;
  for (const std::string_view field : shape.fields)
    list += (list.empty() ? "" : ", ") + std::string(field);
  return list;
}

Distribution Resolver::distribution_value(const toml::table& table, const ParameterSpec& spec,
                                          const Origin& origin) const {
  const toml::node* kind_node = table.get("distribution");
  if (!kind_node)
    fail(origin, spec.key,
         "expected a number or a distribution such as "
         "{ distribution = \"uniform\", min = .., max = .. }, found a table without 'distribution'");
  const auto kind_name = kind_node->value<std::string>();
  const auto shape =
      std::find_if(distribution_shapes().begin(), distribution_shapes().end(),
                   [&](const DistributionShape& s) { return kind_name && s.name == *kind_name; });
  if (shape == distribution_shapes().end())
    fail(origin, spec.key,
         "field 'distribution': expected \"uniform\", \"normal\", \"triangular\" or \"choice\", "
         "found " +
             found_text(*kind_node));
  const std::string kind_label = "distribution " + in_quotes(shape->name) + ": ";
  if (spec.type == ParameterType::boolean && shape->kind != Kind::choice)
    fail(origin, spec.key, kind_label + "expected true, false or a choice for a boolean parameter");

  for (const auto& [field, node] : table) {
    const std::string_view name = field.str();
    if (name != "distribution" &&
        std::find(shape->fields.begin(), shape->fields.end(), name) == shape->fields.end())
      fail(origin, spec.key,
           kind_label + "unexpected field " + in_quotes(name) + " (expected " + field_list(*shape) +
               ")");
  }
  for (const std::string_view name : shape->fields)
    if (!table.contains(name))
      fail(origin, spec.key,
           kind_label + "missing field " + in_quotes(name) + " (expected " + field_list(*shape) +
               ")");

  const auto field = [&](std::string_view name) {
    return point_value(*table.get(name), spec, origin,
                       kind_label + "field " + in_quotes(name) + ": ");
  };
  Distribution result{shape->kind, {}};
  switch (shape->kind) {
    case Kind::uniform:
    case Kind::triangular: {
      const double low = field("min"), high = field("max");
      if (low > high)
        fail(origin, spec.key,
             kind_label + "expected min <= max, found min " + round_trip_text(low) + " > max " +
                 round_trip_text(high));
      if (shape->kind == Kind::uniform) {
        result.args = {low, high};
      } else {
        const double mode = field("mode");
        if (mode < low || mode > high)
          fail(origin, spec.key,
               kind_label + "expected min <= mode <= max, found mode " + round_trip_text(mode));
        result.args = {low, mode, high};
      }
      break;
    }
    case Kind::normal: {
      const double mean = field("mean");
      const toml::node& sd_node = *table.get("sd");
      const std::optional<double> sd = sd_node.value<double>();  // integer or float
      if (!sd || sd_node.is_boolean() || !(*sd > 0.0) || !std::isfinite(*sd))
        fail(origin, spec.key,
             kind_label + "field 'sd': expected a positive number, found " + found_text(sd_node));
      const auto [low, high] = admissible_range(spec);
      result.args = {mean, *sd, low, high};
      break;
    }
    case Kind::choice: {
      const toml::array* values = table.get("values")->as_array();
      if (!values || values->empty())
        fail(origin, spec.key,
             kind_label + "field 'values': expected a non-empty array, found " +
                 (values ? "an empty array" : found_text(*table.get("values"))));
      for (const toml::node& value : *values)
        result.args.push_back(point_value(value, spec, origin, kind_label + "field 'values': "));
      break;
    }
    case Kind::fixed:
      break;
  }
  return result;
}

void Resolver::set_text(const std::string& key, const toml::node& node, const Origin& origin) {
  const auto text = node.value<std::string>();
  if (!text || !node.is_string()) fail(origin, key, "expected a string, found " + found_text(node));
  (key == "name" ? name_ : description_) = *text;
}

std::vector<toml::table> Resolver::read_chain(const fs::path& file,
                                              std::vector<std::string>& files) {
  std::vector<toml::table> chain;
  std::vector<fs::path> seen;  // canonical paths, for cycle detection
  fs::path current = file;
  std::optional<Origin> base_origin;  // where the current file was named as a base
  for (;;) {
    const std::string where = current.string();
    std::error_code error;
    if (!fs::is_regular_file(current, error)) {
      if (base_origin)
        fail(*base_origin, "base", "expected an existing scenario file, found " + in_quotes(where));
      throw_input_error(where, 0, "cannot open the scenario file (missing file?)");
    }
    const fs::path canonical = fs::weakly_canonical(current);
    if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) {
      std::string cycle;
      for (const std::string& f : files) cycle += f + " -> ";
      fail(*base_origin, "base", "inheritance cycle: " + cycle + where);
    }
    seen.push_back(canonical);
    files.push_back(where);
    try {
      chain.push_back(toml::parse_file(where));
    } catch (const toml::parse_error& e) {
      throw_input_error(where, e.source().begin.line,
                        "TOML syntax error: " + std::string(e.description()));
    }
    const toml::node* base = chain.back().get("base");
    if (!base) return chain;
    base_origin = Origin{where, line_of(*base)};
    if (!base->is_string())
      fail(*base_origin, "base", "expected a file name (a string), found " + found_text(*base));
    current = (current.parent_path() / base->as_string()->get()).lexically_normal();
  }
}

void Resolver::apply_file(const toml::table& table, const std::string& file) {
  for (const auto& [key_object, node] : table) {
    const std::string key(key_object.str());
    const Origin origin{file, line_of(node)};
    if (key == "name" || key == "description")
      set_text(key, node, origin);
    else if (key != "base")
      walk(key, node, origin);
  }
}

void Resolver::apply_override(const std::string& assignment) {
  const Origin origin{"--set " + in_quotes(assignment), 0};
  const std::size_t equals = assignment.find('=');
  if (equals == std::string::npos)
    throw_input_error(origin.where, 0, "expected key=value (the value in TOML syntax)");
  const auto trim = [](std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t");
    return first == std::string_view::npos
               ? std::string()
               : std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
  };
  const std::string key = trim(std::string_view(assignment).substr(0, equals));
  const std::string value_text = trim(std::string_view(assignment).substr(equals + 1));
  if (key == "base") fail(origin, key, "the base file cannot be changed with --set");
  const std::string document = "value = " + value_text;
  toml::table parsed;
  try {
    parsed = toml::parse(std::string_view(document), std::string_view("--set"));
  } catch (const toml::parse_error&) {
    fail(origin, key,
         "expected a TOML value (a number, true/false, a \"string\" or { distribution = ... }), "
         "found " +
             in_quotes(value_text));
  }
  const toml::node& node = *parsed.get("value");
  if (key == "name" || key == "description")
    set_text(key, node, origin);
  else
    walk(key, node, origin);
}

double mean_of(const Distribution& d) {
  switch (d.kind) {
    case Kind::fixed:
      return d.args[0];
    case Kind::uniform:
      return (d.args[0] + d.args[1]) / 2.0;
    case Kind::normal:
      return d.args[0];
    case Kind::triangular:
      return (d.args[0] + d.args[1] + d.args[2]) / 3.0;
    case Kind::choice: {
      double sum = 0.0;
      for (const double v : d.args) sum += v;
      return sum / double(d.args.size());
    }
  }
  return 0.0;
}

void Resolver::check_sum_groups() const {
  std::map<std::string_view, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < specs_.size(); ++i)
    if (specs_[i].sum_group && *specs_[i].sum_group) groups[specs_[i].sum_group].push_back(i);
  for (const auto& [group, members] : groups) {
    double sum = 0.0;
    std::string listing;
    const Setting* latest = nullptr;  // the error points at the last place that set a member
    for (const std::size_t i : members) {
      sum += mean_of(settings_[i].value);
      listing += (listing.empty() ? "" : ", ") + in_quotes(specs_[i].key) + " = " +
                 round_trip_text(mean_of(settings_[i].value));
      if (settings_[i].origin && (!latest || settings_[i].order > latest->order))
        latest = &settings_[i];
    }
    if (std::abs(sum - 1.0) <= sum_tolerance) continue;
    const Origin origin = latest ? *latest->origin : Origin{"parameter defaults", 0};
    throw_input_error(origin.where, origin.line,
                      "sum group " + in_quotes(group) + " (" + listing +
                          "): expected shares summing to 1 (within 1e-6), found " +
                          round_trip_text(sum));
  }
}

std::string value_text(double value, ParameterType type) {
  switch (type) {
    case ParameterType::boolean:
      return value != 0.0 ? "true" : "false";
    case ParameterType::integer:
    case ParameterType::year:
      return std::to_string(static_cast<long long>(value));
    case ParameterType::real: {
      std::string text = round_trip_text(value);
      // TOML reads "1" as an integer: keep reals visibly real.
      if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
      return text;
    }
  }
  return "";
}

std::string distribution_text(const Distribution& d, ParameterType type) {
  const auto v = [&](std::size_t i) { return value_text(d.args[i], type); };
  switch (d.kind) {
    case Kind::fixed:
      return v(0);
    case Kind::uniform:
      return "{ distribution = \"uniform\", min = " + v(0) + ", max = " + v(1) + " }";
    case Kind::normal:
      return "{ distribution = \"normal\", mean = " + v(0) +
             ", sd = " + value_text(d.args[1], ParameterType::real) + " }";
    case Kind::triangular:
      return "{ distribution = \"triangular\", min = " + v(0) + ", mode = " + v(1) +
             ", max = " + v(2) + " }";
    case Kind::choice: {
      std::string list;
      for (std::size_t i = 0; i < d.args.size(); ++i) list += (i ? ", " : "") + v(i);
      return "{ distribution = \"choice\", values = [" + list + "] }";
    }
  }
  return "";
}

ResolvedScenario Resolver::result(std::vector<std::string> files) const {
  ResolvedScenario scenario;
  scenario.name = name_.empty() ? fs::path(files.front()).stem().string() : name_;
  scenario.description = description_;
  scenario.files = std::move(files);
  for (const Setting& setting : settings_) scenario.parameters.push_back(setting.value);

  // Dotted keys, one a line, sorted: valid TOML that a scenario file could hold as is.
  std::vector<std::size_t> order(specs_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::string_view(specs_[a].key) < specs_[b].key;
  });
  std::string text = "name = " + toml_string(scenario.name) + "\n";
  text += "description = " + toml_string(scenario.description) + "\n";
  for (const std::size_t i : order)
    text += std::string(specs_[i].key) + " = " +
            distribution_text(settings_[i].value, specs_[i].type) + "\n";
  scenario.resolved_text = std::move(text);
  scenario.content_hash = fnv1a_hex(scenario.resolved_text);
  return scenario;
}

// ---------------------------------------------------------------- drawing

double draw_one(const Distribution& d, double u) {
  u = std::clamp(u, 0.0, std::nextafter(1.0, 0.0));
  switch (d.kind) {
    case Kind::fixed:
      return d.args[0];
    case Kind::uniform:
      return d.args[0] + u * (d.args[1] - d.args[0]);
    case Kind::normal: {
      // The quantile function needs p in (0, 1); u = 0 maps to the smallest step above 0.
      const double p = std::max(u, 0x1p-53);
      return std::clamp(d.args[0] + d.args[1] * det_normal_quantile(p), d.args[2], d.args[3]);
    }
    case Kind::triangular: {
      const double low = d.args[0], mode = d.args[1], high = d.args[2];
      if (high == low) return low;
      const double split = (mode - low) / (high - low);
      return u < split ? low + std::sqrt(u * (high - low) * (mode - low))
                       : high - std::sqrt((1.0 - u) * (high - low) * (high - mode));
    }
    case Kind::choice: {
      const auto index =
          std::min(d.args.size() - 1, static_cast<std::size_t>(u * double(d.args.size())));
      return d.args[index];
    }
  }
  return d.args[0];
}

}  // namespace

ResolvedScenario load_scenario(const std::filesystem::path& file,
                               std::span<const ParameterSpec> specs,
                               const std::vector<std::string>& set_overrides, int base_year,
                               int horizon_year) {
  Resolver resolver(specs, base_year, horizon_year);
  std::vector<std::string> files;
  const std::vector<toml::table> chain = resolver.read_chain(file, files);
  for (std::size_t i = chain.size(); i-- > 0;) resolver.apply_file(chain[i], files[i]);
  for (const std::string& assignment : set_overrides) resolver.apply_override(assignment);
  resolver.check_sum_groups();
  return resolver.result(std::move(files));
}

std::vector<double> draw_parameters(const ResolvedScenario& scenario,
                                    std::span<const ParameterSpec> specs,
                                    const std::function<double(std::size_t)>& uniform01) {
  std::vector<double> values(specs.size());
  std::map<std::string_view, std::vector<std::size_t>> drawn_groups;
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const Distribution& d = scenario.parameters.at(i);
    values[i] = d.kind == Kind::fixed ? d.args[0] : draw_one(d, uniform01(i));
    if (specs[i].type != ParameterType::real) values[i] = std::floor(values[i] + 0.5);
    if (d.kind != Kind::fixed && specs[i].sum_group && *specs[i].sum_group)
      drawn_groups[specs[i].sum_group];
  }
  // Draws of a sum group's members need not sum to one: rescale the group.
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (specs[i].sum_group && drawn_groups.count(specs[i].sum_group))
      drawn_groups[specs[i].sum_group].push_back(i);
  for (const auto& [group, members] : drawn_groups) {
    double sum = 0.0;
    for (const std::size_t i : members) sum += values[i];
    if (sum > 0.0)
      for (const std::size_t i : members) values[i] /= sum;
  }
  return values;
}

std::string parameters_markdown(std::span<const ParameterSpec> specs) {
  std::string text = "| key | meaning | unit | default | range |\n|---|---|---|---|---|\n";
  for (const ParameterSpec& spec : specs) {
    std::string meaning = spec.description;
    if (spec.sum_group && *spec.sum_group)
      meaning +=
          " (with the other keys of group `" + std::string(spec.sum_group) + "`, sums to one)";
    std::string escaped;
    for (const char c : meaning) escaped += c == '|' ? std::string("\\|") : std::string(1, c);
    std::string range = spec.type == ParameterType::boolean
                            ? "true, false"
                            : round_trip_text(spec.min_value) + " to " + round_trip_text(spec.max_value);
    if (spec.type == ParameterType::year) range += ", within the run's years";
    text += "| `" + std::string(spec.key) + "` | " + escaped + " | " + spec.unit + " | " +
            value_text(spec.default_value, spec.type) + " | " + range + " |\n";
  }
  return text;
}

}  // namespace ts::app
