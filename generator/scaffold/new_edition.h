#pragma once
// `sdmonitor new`: the next edition as a copy of the previous one, with its dates moved on and a
// list of what the editors must now replace.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/output.h"
#include "model/period.h"

namespace sdm {

struct NewEditionPlan {
  std::vector<OutputFile> files;  // paths relative to the new edition folder
  std::vector<std::string> todo;  // Dutch, one line per thing to check
};

// The peildatum and label an edition id implies: 2024-q2 -> 2024-06-30 "2e kwartaal 2024",
// 2024-h1 -> 2024-06-30 "1e helft 2024", 2024 -> 2024-12-31 "2024". Nothing for other ids.
struct EditionDates {
  Period reference_date;
  std::string label;
};
std::optional<EditionDates> dates_for_edition_id(const std::string& id);

// `previous_files` maps paths relative to the previous edition folder to their bytes.
NewEditionPlan plan_new_edition(const std::string& new_id, const std::string& previous_id,
                                const std::map<std::string, std::string>& previous_files);

}  // namespace sdm
