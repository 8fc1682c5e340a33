#pragma once
// A chart's numbers as the JSON that sdmonitor.js reads: written straight from the typed numbers,
// without building a JSON tree first.

#include <string>

#include "pagemodel/page_model.h"

namespace sdm {

// {"type":…,"stacked":…,"percent":…,"unit":…,"labels":[…],"series":[{"label":…,"role":…,
// "data":[…],"display":[…]}],"xTitle":…}, as nlohmann::json would dump it. Not yet safe inside a
// <script> element: see script_safe (escape.h).
std::string chart_json(const ChartNumbers& numbers);

}  // namespace sdm
