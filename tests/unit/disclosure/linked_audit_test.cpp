// The audit across blocks and editions: blocks that pass one by one but together reveal a "<10".

#include "disclosure/linked_audit.h"

#include <gtest/gtest.h>

#include "disclosure/disclose.h"
#include "disclosure/disclosure.h"
#include "indicators/chart_data.h"
#include "indicators/client_counts.h"
#include "indicators/compute.h"
#include "indicators/figures.h"
#include "indicators/table_data.h"
#include "load/file_system.h"
#include "load/load_edition.h"
#include "monthly_counts.h"

namespace sdm {
namespace {

Edition monthly_edition(std::vector<double> months) {
  return test::monthly_counts(months);
}

ChartData chart(const Edition& e, bool per_quarter) {
  return test::monthly_chart(e, per_quarter);
}

struct Built {
  Edition edition;
  std::vector<ComputedPage> computed;
  std::vector<PublishedPage> published;
  EditionFacts facts() { return {&edition, &computed, &published}; }
};

Built build(Edition e, std::vector<ComputedBlock> blocks, std::vector<FigureRef> refs = {}) {
  Built b{std::move(e), {}, {}};
  ComputedPage page;
  page.blocks = std::move(blocks);
  Diagnostics ignored;
  for (const auto& ref : refs)
    if (auto f = figure_data(ref, b.edition, ignored)) page.figures.push_back(*f);
  b.computed.push_back(std::move(page));
  Diagnostics diagnostics;
  b.published = Disclosure::edition(b.computed, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());  // every block passes on its own
  return b;
}

// The audit of `now` with `before` as the previous edition, online already.
LinkedAuditResult audit_after(Built& now, Built& before, Diagnostics& diagnostics) {
  EditionFacts previous = before.facts();
  return link_editions(now.facts(), &previous, diagnostics);
}

const PublishedCell& month(const Built& b, size_t block, size_t m) {
  return std::get<PublishedChart>(b.published[0].blocks[block]).series[0].points[m];
}

TEST(LinkedAudit, AQuarterBesideItsMonthsRevealsTheSmallMonth) {
  // Feb 4 is "<10" in the monthly chart; the quarter chart says 31, so Feb = 31 − 12 − 15.
  Edition e = monthly_edition({12, 4, 15});
  Built b = build(e, {chart(e, false), chart(e, true)});
  EXPECT_TRUE(month(b, 0, 1).suppressed);
  EXPECT_FALSE(month(b, 0, 0).suppressed);  // one block at a time sees no problem
  Diagnostics diagnostics;
  LinkedAuditResult result = link_editions(b.facts(), nullptr, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  EXPECT_TRUE(result.passed);
  EXPECT_EQ(result.added, 1);
  // The figure that shares February with it goes: the quarter, shown as "x".
  const PublishedCell& quarter = month(b, 1, 0);
  EXPECT_TRUE(quarter.suppressed);
  EXPECT_TRUE(quarter.secondary);
  EXPECT_FALSE(quarter.value);
  EXPECT_FALSE(month(b, 0, 0).suppressed);
  EXPECT_FALSE(month(b, 0, 2).suppressed);
}

TEST(LinkedAudit, AYearTotalInTheTextIsPartOfTheSystem) {
  Edition e = monthly_edition({12, 4, 15});
  FigureRef ref;
  ref.function = FigureFunction::YearTotal;
  ref.dataset = "instroom.csv";
  ref.year = 2024;
  Built b = build(e, {chart(e, false)}, {ref});
  Diagnostics diagnostics;
  LinkedAuditResult result = link_editions(b.facts(), nullptr, diagnostics);
  EXPECT_TRUE(result.passed);
  EXPECT_EQ(result.added, 1);
  // The year total in the text holds February with January and March beside it. The text asked
  // for it, so a month of the chart goes instead: January, the smaller.
  EXPECT_FALSE(b.published[0].figures[0].value.suppressed);
  EXPECT_TRUE(month(b, 0, 0).suppressed);
  EXPECT_TRUE(month(b, 0, 0).secondary);
  EXPECT_FALSE(month(b, 0, 2).suppressed);
}

TEST(LinkedAudit, TheBuildRefusesAFigureTheTextAsksForWhenNothingElseCanBeHidden) {
  // The previous edition, online already, showed January 12, February "<10" and March 15. This
  // edition's text asks for the year total so far, 31: February would be 31 − 12 − 15 = 4, and
  // nothing of this edition but the text itself could be hidden. The build refuses, at the
  // reference, naming the figures it would be combined with.
  Edition e = monthly_edition({12, 4, 15});
  FigureRef ref;
  ref.function = FigureFunction::YearTotal;
  ref.dataset = "instroom.csv";
  ref.year = 2024;
  ref.where = {"wmo.md", 14, 22};
  Built before = build(e, {chart(e, false)});
  Built now = build(e, {}, {ref});
  Diagnostics diagnostics;
  LinkedAuditResult result = audit_after(now, before, diagnostics);
  EXPECT_FALSE(result.passed);
  EXPECT_EQ(format_diagnostics(diagnostics),
            "wmo.md:14:22: fout: deze verwijzing in de tekst maakt Grafiek 0 'Instroom per maand': "
            "instroom, februari 2024 terug te rekenen, samen met Grafiek 0 'Instroom per maand': "
            "instroom, januari 2024; Grafiek 0 'Instroom per maand': instroom, maart 2024\n"
            "  tip: laat de verwijzing weg, of verwijs naar een cijfer dat geen klein aantal "
            "prijsgeeft; sdmonitor check --list-hidden toont wat er verborgen is\n");
}

TEST(LinkedAudit, ThePreviousEditionsQuarterCountsToo) {
  // The previous edition published the quarter; this one shows the months of the same data.
  Edition e = monthly_edition({12, 4, 15});
  Built before = build(e, {chart(e, true)});
  Built now = build(e, {chart(e, false)});
  Diagnostics diagnostics;
  LinkedAuditResult result = audit_after(now, before, diagnostics);
  EXPECT_TRUE(result.passed);
  EXPECT_EQ(result.added, 1);
  // The previous edition is online already: it is never changed, so a month goes here. Both
  // January and March share nothing with February directly, so the smallest linked one: January.
  EXPECT_TRUE(month(now, 0, 0).suppressed);
  EXPECT_FALSE(month(now, 0, 2).suppressed);
  EXPECT_FALSE(month(before, 0, 0).suppressed);
}

TEST(LinkedAudit, AnAmountHidesWithTheCountThisAuditHides) {
  // As above, January (12) is hidden by the audit across editions; the costs of January's
  // clients go with it, and the stage as a whole keeps what the audit hid.
  Edition e = monthly_edition({12, 4, 15});
  Table costs = e.tables.at("instroom.csv");
  costs.name = "kosten.csv";
  for (auto& u : costs.row_units) u = Unit::Euro;
  costs.cells = {{{12000, {}, 0, 0}}, {{4100, {}, 0, 0}}, {{15500, {}, 0, 0}}};
  TableSpec spec;
  spec.title = "Kosten";
  TableData amounts = table_data(spec, costs, {Unit::Euro, "Administratie", "", {}});
  attach_client_counts(amounts, e.tables.at("instroom.csv"));
  Built before = build(e, {chart(e, true)});
  Built now = build(e, {chart(e, false), amounts});
  const auto& shown = std::get<PublishedTable>(now.published[0].blocks[1]);
  EXPECT_FALSE(shown.rows[0].cells[0].suppressed);
  EXPECT_TRUE(shown.rows[1].cells[0].suppressed);  // February: 4 clients
  Diagnostics diagnostics;
  std::vector<EarlierEdition> earlier{{&before.edition, &before.computed, &before.published}};
  now.published = disclose(now.edition, now.computed, earlier, diagnostics).pages;
  EXPECT_FALSE(diagnostics.has_errors()) << format_diagnostics(diagnostics);
  EXPECT_TRUE(month(now, 0, 0).suppressed);
  const auto& after = std::get<PublishedTable>(now.published[0].blocks[1]);
  EXPECT_TRUE(after.rows[0].cells[0].suppressed);
  EXPECT_TRUE(after.rows[0].cells[0].secondary);
}

TEST(LinkedAudit, ARevisedMonthIsAnotherUnknownThatStaysProtected) {
  // The previous edition counted 5 in February and published only the quarter (32). Revised to
  // 4, the old quarter says nothing exact about the new month, but with January and March shown
  // unchanged it gives the old February: 32 − 12 − 15 = 5. That old count is guarded too.
  Edition old_data = monthly_edition({12, 5, 15});
  Edition e = monthly_edition({12, 4, 15});
  Built before = build(old_data, {chart(old_data, true)});
  Built now = build(e, {chart(e, false)});
  Diagnostics diagnostics;
  LinkedAuditResult result = audit_after(now, before, diagnostics);
  EXPECT_TRUE(result.passed);
  EXPECT_GE(result.added, 1);
  EXPECT_TRUE(month(now, 0, 0).suppressed || month(now, 0, 2).suppressed);
}

TEST(LinkedAudit, ASmallCountShownOnlyInsideASumIsProtectedToo) {
  // February (4) is never shown on its own: only inside the quarter (31). The text asks for
  // January (12) and March (15), so February = 31 − 12 − 15. The text's figures stay; the
  // quarter goes.
  Edition e = monthly_edition({12, 4, 15});
  auto value = [](std::string row) {
    FigureRef ref;
    ref.function = FigureFunction::Value;
    ref.dataset = "instroom.csv";
    ref.row = std::move(row);
    ref.series = "instroom";
    return ref;
  };
  Built b = build(e, {chart(e, true)}, {value("2024-01"), value("2024-03")});
  ASSERT_EQ(b.published[0].figures.size(), 2u);
  EXPECT_FALSE(month(b, 0, 0).suppressed);  // nothing under 10 is shown, so no block hides it
  Diagnostics diagnostics;
  LinkedAuditResult result = link_editions(b.facts(), nullptr, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors()) << format_diagnostics(diagnostics);
  EXPECT_TRUE(result.passed);
  EXPECT_EQ(result.added, 1);
  EXPECT_TRUE(month(b, 0, 0).suppressed);
  EXPECT_FALSE(b.published[0].figures[0].value.suppressed);
  EXPECT_FALSE(b.published[0].figures[1].value.suppressed);
}

TEST(LinkedAudit, ACategoryOnlyItsTotalHoldsIsProtectedToo) {
  // Begeleiding (6 in March) is drawn nowhere: the chart shows Hulp and Totaal. Totaal = Hulp +
  // Begeleiding holds in the figures, so March's Begeleiding = 27 − 21.
  Edition e = test::monthly_counts({30, 28, 21});
  Table& t = e.tables.at("instroom.csv");
  t.columns = {"Hulp", "Begeleiding", "Totaal"};
  t.cells = {{{18, {}, 0, 0}, {12, {}, 0, 0}, {30, {}, 0, 0}},
             {{17, {}, 0, 0}, {11, {}, 0, 0}, {28, {}, 0, 0}},
             {{21, {}, 0, 0}, {6, {}, 0, 0}, {27, {}, 0, 0}}};
  ChartSpec spec;
  spec.title = "Instroom";
  spec.dataset = "instroom.csv";
  spec.columns = {"Hulp", "Totaal"};
  Built b = build(e, {chart_data(spec, t, e.config.datasets.at("instroom.csv"), nullptr)});
  const auto& shown = std::get<PublishedChart>(b.published[0].blocks[0]);
  ASSERT_EQ(shown.series.size(), 2u);
  EXPECT_FALSE(shown.series[0].points[2].suppressed);
  Diagnostics diagnostics;
  LinkedAuditResult result = link_editions(b.facts(), nullptr, diagnostics);
  EXPECT_FALSE(diagnostics.has_errors()) << format_diagnostics(diagnostics);
  EXPECT_TRUE(result.passed);
  EXPECT_EQ(result.added, 1);
  // One of the two figures of March goes; the months before stay.
  EXPECT_TRUE(shown.series[0].points[2].suppressed || shown.series[1].points[2].suppressed);
  EXPECT_FALSE(shown.series[0].points[1].suppressed || shown.series[1].points[1].suppressed);
  ASSERT_EQ(result.hidden.size(), 1u);
  EXPECT_NE(result.hidden[0].find("instroom.csv: 2024-03, Begeleiding"), std::string::npos)
      << result.hidden[0];
}

TEST(LinkedAudit, NothingLeftToHideIsAnError) {
  // A previous edition that leaked on its own (months and their quarter, built without this
  // audit): the current edition has nothing to hide that would help, so the build must stop.
  Edition e = monthly_edition({12, 4, 15});
  ChartData quarter = chart(e, true);
  Built before = build(e, {chart(e, false), quarter});
  Built now = build(e, {});
  Diagnostics diagnostics;
  LinkedAuditResult result = audit_after(now, before, diagnostics);
  EXPECT_FALSE(result.passed);
  EXPECT_TRUE(diagnostics.has_errors());
}

TEST(LinkedAudit, TheDemoPasses) {
  DiskFileSystem fs;
  Diagnostics diagnostics;
  auto editions = load_editions(fs, std::string(SDM_SOURCE_DIR) + "/content", diagnostics);
  ASSERT_EQ(editions.size(), 2u);
  std::vector<std::vector<ComputedPage>> computed(2);
  std::vector<std::vector<PublishedPage>> published(2);
  int checked = 0, added = 0;
  for (size_t i = 0; i < 2; ++i) {
    computed[i] = compute_edition(editions[i], i ? &editions[0] : nullptr, diagnostics);
    published[i] = Disclosure::edition(computed[i], diagnostics);
    EditionFacts now{&editions[i], &computed[i], &published[i]};
    EditionFacts before{&editions[0], &computed[0], &published[0]};
    LinkedAuditResult result = link_editions(now, i ? &before : nullptr, diagnostics);
    EXPECT_TRUE(result.passed);
    checked += result.checked;
    added += result.added;
  }
  EXPECT_FALSE(diagnostics.has_errors()) << format_diagnostics(diagnostics);
  EXPECT_GT(checked, 0);
  RecordProperty("checked", checked);
  RecordProperty("added", added);
  std::cout << "linked audit over the demo: " << checked << " suppressed figures checked, " << added
            << " extra suppressed\n";
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

TEST(LinkedAudit, ProtectingAmountsAgainKeepsWhatWasHiddenBefore) {
  // A block of amounts tied to client counts is protected again once every count's pattern is
  // known. A cell hidden before that (by the audit across editions) stays hidden, with its mark.
  Edition e = monthly_edition({12, 40, 15});
  Table costs = e.tables.at("instroom.csv");
  costs.name = "kosten.csv";
  for (auto& u : costs.row_units) u = Unit::Euro;
  costs.cells = {{{12000, {}, 0, 0}}, {{41000, {}, 0, 0}}, {{15500, {}, 0, 0}}};
  TableSpec spec;
  spec.title = "Kosten";
  TableData amounts = table_data(spec, costs, {Unit::Euro, "Administratie", "", {}});
  attach_client_counts(amounts, e.tables.at("instroom.csv"));
  Built now = build(e, {amounts});
  auto& table = std::get<PublishedTable>(now.published[0].blocks[0]);
  ASSERT_FALSE(table.rows[2].cells[0].suppressed);
  table.rows[2].cells[0] = {std::nullopt, {}, true, true};  // as the audit hides a cell
  Diagnostics diagnostics;
  Disclosure::tie_amounts(now.computed, now.published, diagnostics);
  const auto& after = std::get<PublishedTable>(now.published[0].blocks[0]);
  EXPECT_TRUE(after.rows[2].cells[0].suppressed);
  EXPECT_FALSE(after.rows[2].cells[0].value.has_value());
  EXPECT_FALSE(after.rows[1].cells[0].suppressed);
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

// Youth protection per month over 2023 and the first quarter of 2024: OTS, Voogdij and Totaal.
Edition protection() {
  Table t;
  t.name = "bescherming.csv";
  t.key_header = "maand";
  t.columns = {"OTS", "Voogdij", "Totaal"};
  for (int m = 0; m < 15; ++m) {
    Period p = Period::of_month(2023 + m / 12, m % 12 + 1);
    double ots = m < 12 ? 42 + m % 3 : std::vector<double>{45, 47, 47}[m - 12];
    double voogdij = m == 13 ? 8 : 11 + m % 2;
    t.row_keys.push_back(p.iso());
    t.row_periods.push_back(p);
    t.row_units.push_back(Unit::Persons);
    t.cells.push_back({{ots, {}, 0, 0}, {voogdij, {}, 0, 0}, {ots + voogdij, {}, 0, 0}});
  }
  Edition e;
  e.config.datasets[t.name] = {Unit::Persons, "Registratie", "", {}};
  e.tables[t.name] = std::move(t);
  return e;
}

TEST(LinkedAudit, AChangeInTheTextLinksTheMonthsItIsComputedFrom) {
  // Voogdij in February 2024 (8) is "<10"; beside the Totaal line its OTS (47) is hidden too. The
  // text gives the change of OTS's monthly average against 2023, which pins the sum of OTS's
  // months of 2024, so OTS in February, and through the Totaal Voogdij.
  Edition e = protection();
  ChartSpec spec;
  spec.title = "Jeugdbescherming";
  spec.dataset = "bescherming.csv";
  ChartData months =
      chart_data(spec, e.tables.at(spec.dataset), e.config.datasets.at(spec.dataset), nullptr);
  FigureRef ref;
  ref.function = FigureFunction::ChangePercent;
  ref.dataset = spec.dataset;
  ref.series = "OTS";
  ref.year = 2024;
  Built b = build(e, {months}, {ref});
  const auto& shown = std::get<PublishedChart>(b.published[0].blocks[0]);
  ASSERT_TRUE(shown.series[1].points[13].suppressed);  // Voogdij, February 2024
  ASSERT_FALSE(b.published[0].figures[0].value.suppressed);
  Diagnostics diagnostics;
  LinkedAuditResult result = link_editions(b.facts(), nullptr, diagnostics);
  EXPECT_TRUE(result.passed) << format_diagnostics(diagnostics);
  EXPECT_GE(result.added, 1);
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

TEST(LinkedAudit, ACellHiddenInThePreviousEditionStaysHidden) {
  // The previous edition hid February (40) as "x"; this edition shows the same months with the
  // same figures. Once suppressed, February stays suppressed, whatever this edition's own audit
  // would need; a revised February would be another figure, free to show.
  Edition e = monthly_edition({12, 40, 15});
  Built before = build(e, {chart(e, false)});
  auto& shown_before = std::get<PublishedChart>(before.published[0].blocks[0]);
  shown_before.series[0].points[1] = {std::nullopt, {}, true, true};
  std::vector<EarlierEdition> earlier{{&before.edition, &before.computed, &before.published}};
  Built now = build(e, {chart(e, false)});
  Diagnostics diagnostics;
  now.published = disclose(now.edition, now.computed, earlier, diagnostics).pages;
  EXPECT_FALSE(diagnostics.has_errors()) << format_diagnostics(diagnostics);
  EXPECT_TRUE(month(now, 0, 1).suppressed);
  EXPECT_TRUE(month(now, 0, 1).secondary);
  EXPECT_FALSE(month(now, 0, 0).suppressed);

  Edition revised = monthly_edition({12, 41, 15});
  Built again = build(revised, {chart(revised, false)});
  again.published = disclose(again.edition, again.computed, earlier, diagnostics).pages;
  EXPECT_FALSE(month(again, 0, 1).suppressed);
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

TEST(LinkedAudit, TwoSmallCountsBesideTheirTotalAreASmallCountTogether) {
  // Bedum 3 and De Marne 4 are "<10" each, but beside Winsum 30 and the region BMWE 37 they are 7
  // together, exactly: a count of 7 people of two gemeenten. BMWE is a total by its figures alone.
  Table t;
  t.name = "regio.csv";
  t.key_header = "kwartaal";
  t.columns = {"Bedum", "De Marne", "Winsum", "BMWE"};
  t.row_keys = {"2024-K1"};
  t.row_periods = {*Period::parse("2024-K1")};
  t.row_units = {Unit::Persons};
  t.cells = {{{3, {}, 0, 0}, {4, {}, 0, 0}, {30, {}, 0, 0}, {37, {}, 0, 0}}};
  Edition e;
  e.config.datasets[t.name] = {Unit::Persons, "Registratie", "", {}};
  e.tables[t.name] = t;
  TableSpec spec;
  spec.title = "Cliënten per gemeente";
  spec.dataset = t.name;
  Built b = build(e, {table_data(spec, e.tables.at(t.name), e.config.datasets.at(t.name))});
  const auto& row = std::get<PublishedTable>(b.published[0].blocks[0]).rows[0].cells;
  ASSERT_FALSE(row[2].suppressed || row[3].suppressed);  // one block alone: BMWE is no "Totaal"
  Diagnostics diagnostics;
  LinkedAuditResult result = link_editions(b.facts(), nullptr, diagnostics);
  EXPECT_TRUE(result.passed) << format_diagnostics(diagnostics);
  EXPECT_TRUE(row[2].suppressed || row[3].suppressed);
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

TEST(LinkedAudit, EveryEarlierEditionCountsNotOnlyThePreviousOne) {
  // The oldest edition showed the quarter (31); the one after it nothing of these months; this
  // one the months 12, "<10", 15. February is 31 − 12 − 15 = 4 from the oldest and this one.
  Edition e = monthly_edition({12, 4, 15});
  Built oldest = build(e, {chart(e, true)});
  Built middle = build(e, {});
  Built now = build(e, {chart(e, false)});
  Diagnostics diagnostics;
  LinkedAuditResult result =
      link_editions(now.facts(), {middle.facts(), oldest.facts()}, diagnostics);
  EXPECT_TRUE(result.passed) << format_diagnostics(diagnostics);
  EXPECT_EQ(result.added, 1);
  EXPECT_TRUE(month(now, 0, 0).suppressed);  // January, the smaller neighbour
}

}  // namespace
}  // namespace sdm

namespace sdm {
namespace {

Table small_list(const std::string& name, const std::vector<std::string>& columns,
                 const std::vector<std::pair<std::string, std::vector<double>>>& rows) {
  Table t;
  t.name = name;
  t.key_header = "omschrijving";
  t.columns = columns;
  for (const auto& [key, values] : rows) {
    t.row_keys.push_back(key);
    t.row_units.push_back(Unit::Persons);
    t.cells.emplace_back();
    for (double v : values) t.cells.back().push_back({v, {}, 0, 0});
  }
  return t;
}

TEST(LinkedAudit, AVorigeMonitorColumnKeepsWhatThePreviousEditionHid) {
  // The previous edition hid Volwassen (181) beside 188 registered and 7 young carers; this
  // edition's list repeats it under "vorige monitor" (docs/data.md): 188 − 181 would give 7.
  Edition before_data;
  Table old = small_list("mantelzorg.csv", {"aantal"},
                         {{"Geregistreerd", {188}}, {"Volwassen", {181}}, {"Jong", {7}}});
  before_data.config.datasets[old.name] = {Unit::Persons, "Steunpunt", "", {}};
  before_data.tables[old.name] = old;
  TableSpec spec;
  spec.dataset = old.name;
  Built before =
      build(before_data, {table_data(spec, old, before_data.config.datasets.at(old.name))});
  std::get<PublishedTable>(before.published[0].blocks[0]).rows[1].cells[0] = {
      std::nullopt, {}, true, true};
  Edition now_data;
  Table list = small_list("mantelzorg.csv", {"vorige monitor", "deze monitor"},
                          {{"Geregistreerd", {188, 229}}, {"Volwassen", {181, 214}}});
  now_data.config.datasets[list.name] = {Unit::Persons, "Steunpunt", "", {}};
  now_data.tables[list.name] = list;
  Built now = build(now_data, {table_data(spec, list, now_data.config.datasets.at(list.name))});
  Diagnostics diagnostics;
  std::vector<EarlierEdition> earlier{{&before.edition, &before.computed, &before.published}};
  now.published = disclose(now.edition, now.computed, earlier, diagnostics).pages;
  const auto& rows = std::get<PublishedTable>(now.published[0].blocks[0]).rows;
  EXPECT_TRUE(rows[1].cells[0].suppressed);   // Volwassen, vorige monitor
  EXPECT_FALSE(rows[1].cells[1].suppressed);  // Volwassen, deze monitor
}

}  // namespace
}  // namespace sdm
