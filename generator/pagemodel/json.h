#pragma once
// The page model's JSON, as templates and the chart script read it.
//
// Objects keep their keys in one vector, in the order they were added: a page model is
// thousands of small objects that are built once, read a few times and thrown away, and a
// vector is one allocation where a sorted map is one per key.

#include <nlohmann/json.hpp>

namespace sdm {

using json = nlohmann::ordered_json;

}  // namespace sdm
