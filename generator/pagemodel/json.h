#pragma once
// The page model's JSON, as templates and the chart script read it.
//
// Objects keep their keys in one vector, in the order they were added: a page model is
// thousands of small objects that are built once, read a few times and thrown away, and a
// vector is one allocation where a sorted map is one per key.

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <utility>

namespace sdm {

// nlohmann's ordered_map with room for eight keys from the start: an object built from an
// initializer list gets its keys one by one, and would otherwise grow its vector three times.
template <class Key, class T, class IgnoredLess = std::less<Key>,
          class Allocator = std::allocator<std::pair<const Key, T>>>
struct ModelMap : nlohmann::ordered_map<Key, T, IgnoredLess, Allocator> {
  using nlohmann::ordered_map<Key, T, IgnoredLess, Allocator>::ordered_map;
  ModelMap() { this->reserve(8); }
};

using json = nlohmann::basic_json<ModelMap>;

}  // namespace sdm
