#include "scaffold/new_edition.h"

#include <regex>

#include "format/dutch.h"
#include "util/text.h"

namespace sdm {
namespace {

// Sets `key: value` in YAML text, keeping every other line (and comments) as it was.
std::string set_yaml_key(const std::string& yaml, const std::string& key, const std::string& value,
                         const std::string& after_key) {
  std::vector<std::string> lines = split(yaml, '\n');
  for (auto& line : lines)
    if (line.rfind(key + ":", 0) == 0) {
      auto comment = line.find(" #");
      while (comment != std::string::npos && comment > 0 && line[comment - 1] == ' ') --comment;
      line = key + ": " + value + (comment == std::string::npos ? "" : line.substr(comment));
      std::string out;
      for (size_t i = 0; i < lines.size(); ++i)
        out += lines[i] + (i + 1 < lines.size() ? "\n" : "");
      return out;
    }
  std::string out;
  bool inserted = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    out += lines[i] + (i + 1 < lines.size() ? "\n" : "");
    if (!inserted && lines[i].rfind(after_key + ":", 0) == 0) {
      out += key + ": " + value + "\n";
      inserted = true;
    }
  }
  if (!inserted) out = key + ": " + value + "\n" + out;
  return out;
}

// Lines of a page that name a period; after copying they are the likeliest to be out of date.
void list_period_lines(const std::string& file, const std::string& text,
                       std::vector<std::string>& todo) {
  static const std::regex period(
      R"((\b20\d\d\b|kwarta(a)?l|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|tot en met))",
      std::regex::icase);
  std::vector<std::string> lines = split(text, '\n');
  bool in_block = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind("```", 0) == 0) in_block = !in_block;
    if (in_block || line.find("{{") != std::string::npos) continue;
    if (std::regex_search(line, period)) {
      std::string shown(trim(line));
      if (shown.size() > 90) shown = shown.substr(0, 87) + "...";
      todo.push_back(file + ":" + std::to_string(i + 1) + ": noemt een periode: \"" + shown + "\"");
    }
  }
}

}  // namespace

std::optional<EditionDates> dates_for_edition_id(const std::string& id) {
  static const std::regex pattern(R"((\d{4})(?:-([qh])([1-4]))?)", std::regex::icase);
  std::smatch m;
  if (!std::regex_match(id, m, pattern)) return std::nullopt;
  int year = std::stoi(m[1]);
  if (!m[2].matched)
    return EditionDates{*Period::parse(std::to_string(year) + "-12-31"), std::to_string(year)};
  int n = std::stoi(m[3]);
  bool half = to_lower_ascii(m[2].str()) == "h";
  if (half && n > 2) return std::nullopt;
  int month = half ? n * 6 : n * 3;
  Period date{Period::Kind::Date, year, month, (month - 1) / 3 + 1, days_in_month(year, month)};
  std::string label =
      std::to_string(n) + (half ? "e helft " : "e kwartaal ") + std::to_string(year);
  return EditionDates{date, label};
}

NewEditionPlan plan_new_edition(const std::string& new_id, const std::string& previous_id,
                                const std::map<std::string, std::string>& previous_files) {
  NewEditionPlan plan;
  auto dates = dates_for_edition_id(new_id);
  std::vector<std::string> datasets;
  for (const auto& [path, bytes] : previous_files) {
    std::string content = bytes;
    if (path == "editie.yaml") {
      content = set_yaml_key(content, "vorige", previous_id, "peildatum");
      if (dates) {
        content = set_yaml_key(content, "peildatum", dates->reference_date.iso(), "editie");
        content = set_yaml_key(content, "editie", dates->label, "titel");
      }
    } else if (path.ends_with(".md")) {
      list_period_lines(path, content, plan.todo);
    } else if (path.ends_with(".csv")) {
      datasets.push_back(path);
    }
    plan.files.push_back({path, content});
  }
  std::vector<std::string> head;
  if (dates)
    head.push_back("editie.yaml: peildatum is nu " +
                   format_period(dates->reference_date, PeriodStyle::Long) +
                   " en de editie heet '" + dates->label + "'; controleer dit");
  else
    head.push_back("editie.yaml: pas 'peildatum' en 'editie' aan (de mapnaam '" + new_id +
                   "' zegt niet welke periode dit is; gebruik bijvoorbeeld 2024-q2 of 2024-h1)");
  for (const auto& d : datasets)
    head.push_back(d + ": vervang door de nieuwe export (nog de cijfers van " + previous_id + ")");
  plan.todo.insert(plan.todo.begin(), head.begin(), head.end());
  return plan;
}

}  // namespace sdm
