#pragma once
// Stable anchors for headings, so a council member can link to a section.

#include <set>
#include <string>
#include <utility>

namespace sdm {

// "Cliëntaantallen (In zorg)" -> "clientaantallen-in-zorg"
std::string slugify(const std::string& text);

// The ids of a page's headings, in order. A heading gets its text's slug, or with "-2", "-3", …
// when the page has that id already: from an earlier heading, or among `taken` (the ids the
// page's templates and blocks give). "Tabel 1" beside the block tabel-1 becomes tabel-1-2.
class HeadingIds {
 public:
  explicit HeadingIds(std::set<std::string> taken = {}) : used_(std::move(taken)) {}
  std::string next(const std::string& text);

 private:
  std::set<std::string> used_;
};

}  // namespace sdm
