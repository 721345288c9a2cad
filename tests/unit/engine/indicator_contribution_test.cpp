// The indicator pass's contribution: its exact histogram through the engine (on the CPU, range()
// per chunk, persons counted by cells; on the GPU, operator() per group) equals a plain loop of
// operator() over the groups, on persons that reach every count, both income-bin edges and the
// fallbacks for amounts too large for the vectorised conversions.
#include <gtest/gtest.h>

#include <thrust/copy.h>
#include <thrust/device_vector.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "kernels/exact_histogram.hpp"
#include "model/passes/indicator_contribution.hpp"

namespace {

using namespace ts::model;

template <class T>
thrust::device_vector<T> on_device(const std::vector<T>& host) {
  thrust::device_vector<T> device(host.size());
  thrust::copy(host.begin(), host.end(), device.begin());
  return device;
}

struct Columns {
  std::vector<std::uint8_t> age, sex, education, status, digital_skill, trained, status_at_start;
  std::vector<std::uint16_t> occupation;
  std::vector<float> task[task_category_count], gross_wage, disposable_income;
};

float amount_of(std::mt19937& random, const ts::LogBinEdges& edges) {
  std::uniform_int_distribution<int> kind(0, 19), bin(2, edges.bins().bin_count() - 1), step(-2, 2);
  std::lognormal_distribution<double> income(10.3, 0.8);
  switch (kind(random)) {
    case 0: return 0.0f;
    case 1: return -250.0f;
    case 2: return 42.5f;
    case 3: return 100.0f;
    case 4: return std::bit_cast<float>(edges.edge(bin(random)) + step(random));  // at and beside an edge
    case 5: return 2e10f;   // above the last edge
    case 6: return 1e15f;   // cents beyond the vectorised conversion
    default: return static_cast<float>(income(random));
  }
}

Columns persons(std::size_t n, int occupations, const ts::LogBinEdges& edges) {
  std::mt19937 random(20240611u);
  std::uniform_int_distribution<int> age(0, 110), status(0, status_count - 1), two(0, 1), education(0, education_count - 1),
      digital(0, digital_level_count - 1), trained(0, 3), start(0, broad_status_count + 1), occupation(0, occupations - 1),
      rare(0, 996);
  std::uniform_real_distribution<float> share(0.0f, 1.0f);
  Columns c;
  for (std::size_t i = 0; i < n; ++i) {
    c.age.push_back(static_cast<std::uint8_t>(rare(random) == 0 ? 255 : age(random)));
    c.sex.push_back(static_cast<std::uint8_t>(two(random)));
    c.education.push_back(static_cast<std::uint8_t>(education(random)));
    c.status.push_back(static_cast<std::uint8_t>(two(random) == 0 ? status_employee_permanent : status(random)));
    c.digital_skill.push_back(static_cast<std::uint8_t>(digital(random)));
    c.trained.push_back(static_cast<std::uint8_t>(trained(random) == 3 ? 3 : trained(random) % 2));
    const int s = start(random);
    c.status_at_start.push_back(s < broad_status_count ? static_cast<std::uint8_t>(s)
                                                       : (s == broad_status_count ? immigrant_status : entrant_status));
    c.occupation.push_back(static_cast<std::uint16_t>(occupation(random)));
    float shares[task_category_count], total = 0.0f;
    for (float& x : shares) total += x = share(random);
    for (int k = 0; k < task_category_count; ++k) c.task[k].push_back(shares[k] / total);
    if (rare(random) == 0) c.task[0].back() = 3e6f;  // fixed point beyond the vectorised conversion
    c.gross_wage.push_back(amount_of(random, edges));
    c.disposable_income.push_back(amount_of(random, edges));
  }
  return c;
}

struct Tables {
  std::vector<std::uint8_t> isco1, tercile;
  std::vector<float> frey_osborne;
  explicit Tables(int occupations) {
    for (int o = 0; o < occupations; ++o) {
      isco1.push_back(static_cast<std::uint8_t>(1 + o % isco_group_count));
      tercile.push_back(static_cast<std::uint8_t>(o % 3));
      frey_osborne.push_back(o % 3 == 0 ? 0.7f : (o % 3 == 1 ? 0.71f : 0.2f));
    }
  }
};

// Points a contribution at one copy of the columns and tables (host or device).
template <class Vector8, class Vector16, class VectorF>
indicator::Contribution contribution_over(Vector8 (&bytes)[7], Vector16& occupation, VectorF (&floats)[7],
                                          Vector8& isco1, Vector8& tercile, VectorF& frey_osborne,
                                          const ts::LogBinEdges& edges, std::size_t n) {
  indicator::Contribution c{};
  auto raw = [](auto& v) { return thrust::raw_pointer_cast(v.data()); };
  using ByteColumn = std::uint8_t* PersonView::*;
  using FloatColumn = float* PersonView::*;
  const ByteColumn byte_columns[] = {&PersonView::age,    &PersonView::sex,           &PersonView::education,
                                     &PersonView::status, &PersonView::digital_skill, &PersonView::trained};
  const FloatColumn float_columns[] = {&PersonView::task_analytic,          &PersonView::task_interpersonal,
                                       &PersonView::task_routine_cognitive, &PersonView::task_routine_manual,
                                       &PersonView::task_manual,            &PersonView::gross_wage,
                                       &PersonView::disposable_income};
  for (int k = 0; k < 6; ++k) c.p.*byte_columns[k] = raw(bytes[k]);
  for (int k = 0; k < 7; ++k) c.p.*float_columns[k] = raw(floats[k]);
  c.status_at_start = raw(bytes[6]);
  c.p.occupation = raw(occupation);
  c.t.occupation_isco1 = raw(isco1);
  c.t.occupation_tercile = raw(tercile);
  c.t.occupation_frey_osborne = raw(frey_osborne);
  const double capability[task_category_count] = {0.9, 0.8, 0.6, 0.3, 0.1};
  for (int k = 0; k < task_category_count; ++k) c.capability[k] = capability[k];
  c.bins = edges.bins();
  c.edges = &edges;
  c.layout = indicator::Layout{edges.bins().bin_count()};
  c.count = n;
  c.occupation_count = static_cast<int>(isco1.size());
  return c;
}

TEST(IndicatorContribution, EngineHistogramEqualsALoopOfTheGroupFunction) {
  const ts::LogBinEdges& edges = ts::log_bin_edges(ts::LogBins{});
  const int occupations = 40;
  const std::size_t n = 20011;  // not a multiple of the groups or of the CPU path's tiles
  Columns c = persons(n, occupations, edges);
  Tables tables(occupations);
  std::vector<std::uint8_t> bytes[7] = {c.age, c.sex, c.education, c.status, c.digital_skill, c.trained, c.status_at_start};
  std::vector<float> floats[7] = {c.task[0], c.task[1], c.task[2], c.task[3], c.task[4], c.gross_wage, c.disposable_income};
  const indicator::Contribution host =
      contribution_over(bytes, c.occupation, floats, tables.isco1, tables.tercile, tables.frey_osborne, edges, n);
  const int bins = host.layout.total();
  const std::size_t groups = (n + indicator::Contribution::lanes - 1) / indicator::Contribution::lanes;
  std::vector<std::int64_t> expected(static_cast<std::size_t>(bins), 0);
  ts::RowAdder add{expected.data()};
  for (std::size_t g = 0; g < groups; ++g) host(g, add);

  thrust::device_vector<std::uint8_t> device_bytes[7];
  thrust::device_vector<float> device_floats[7];
  for (int k = 0; k < 7; ++k) {
    device_bytes[k] = on_device(bytes[k]);
    device_floats[k] = on_device(floats[k]);
  }
  thrust::device_vector<std::uint16_t> device_occupation = on_device(c.occupation);
  thrust::device_vector<std::uint8_t> isco1 = on_device(tables.isco1), tercile = on_device(tables.tercile);
  thrust::device_vector<float> frey_osborne = on_device(tables.frey_osborne);
  const indicator::Contribution device =
      contribution_over(device_bytes, device_occupation, device_floats, isco1, tercile, frey_osborne, edges, n);
  EXPECT_EQ(ts::exact_histogram(groups, bins, device), expected);
  // Every kind of count was reached: transitions, entrants, the top age band, the automatable shares.
  EXPECT_GT(expected[indicator::Layout::transitions + 1 * 5 + 1], 0);
  EXPECT_GT(expected[indicator::Layout::entrants], 0);
  EXPECT_GT(expected[indicator::Layout::age_band_persons + 11], 0);
  EXPECT_GT(expected[indicator::Layout::automatable_over_70], 0);
  EXPECT_GT(expected[indicator::Layout::automatable_50_70], 0);
  EXPECT_GT(expected[indicator::Layout::frey_osborne_over_70], 0);
}

}  // namespace
