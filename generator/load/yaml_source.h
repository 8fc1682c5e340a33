#pragma once
// YAML documents with locations that point into the file the YAML came from.

#include <yaml-cpp/mark.h>

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "util/diagnostic.h"

namespace sdm {

// A parsed YAML value, with where it starts. The method names are yaml-cpp's, whose nodes this
// replaces: most of our YAML is a few 'key: value' lines, which yaml_simple.h reads (a fifth
// of the instructions of building the demo go to yaml-cpp otherwise); anything else yaml-cpp reads
// and this node holds the result. ParseYaml tests hold both readers to the same result.
class YamlNode {
 public:
  enum class Kind : unsigned char { undefined, null, scalar, sequence, map };
  using Entry = std::pair<YamlNode, YamlNode>;

  YamlNode() = default;  // undefined: what a key that is not there gives

  explicit operator bool() const { return kind_ != Kind::undefined; }
  bool IsNull() const { return kind_ == Kind::null; }
  bool IsScalar() const { return kind_ == Kind::scalar; }
  bool IsSequence() const { return kind_ == Kind::sequence; }
  bool IsMap() const { return kind_ == Kind::map; }
  const std::string& Scalar() const { return scalar_; }  // empty unless a scalar
  // The scalar's text, or `fallback` for anything else.
  template <class T>
  T as(const T& fallback) const {
    static_assert(std::is_same_v<T, std::string>, "YAML values are read as text");
    return IsScalar() ? scalar_ : fallback;
  }
  const YAML::Mark& Mark() const { return mark_; }

  // A map's value for `key` (the first, if the key is there twice); undefined when there is none.
  const YamlNode& operator[](const std::string& key) const;
  // A map's entries, key and value, in file order; duplicate keys included.
  std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const { return entries_.end(); }
  // A sequence's items.
  const std::vector<YamlNode>& items() const { return items_; }

 private:
  friend struct YamlBuilder;       // from yaml-cpp's nodes
  friend struct SimpleYamlReader;  // yaml_simple.h
  Kind kind_ = Kind::undefined;
  std::string scalar_;
  std::vector<YamlNode> items_;
  std::vector<Entry> entries_;
  YAML::Mark mark_ = YAML::Mark::null_mark();
};

struct YamlSource {
  std::string file;
  int first_line = 1;  // line in `file` of the YAML text's first line
  int column_offset = 0;

  SourceLocation at(const YamlNode& node) const;
  SourceLocation at(const YAML::Mark& mark) const;
};

// Which parser read a document: our own for 'key: value' lines, else yaml-cpp.
enum class YamlReader { simple, yaml_cpp };

// Parses `text`; on a syntax error, or an alias ('*naam': a few lines of them can expand to
// gigabytes), reports it and returns nothing. `reader`, when given, says which parser ran.
std::optional<YamlNode> parse_yaml(const std::string& text, const YamlSource& source,
                                   Diagnostics& diagnostics, YamlReader* reader = nullptr);

// Reports keys of `map` not in `known` (with a "bedoelde u" hint) and keys given twice.
void check_keys(const YamlNode& map, const std::vector<std::string>& known,
                const YamlSource& source, Diagnostics& diagnostics);

// The scalar at `key` as text; reports an error when it is not a scalar, or when it is required
// and missing or blank.
std::optional<std::string> scalar_at(const YamlNode& map, const std::string& key, bool required,
                                     const YamlSource& source, Diagnostics& diagnostics);

// ja/nee (also true/false): reports an error for anything else.
std::optional<bool> yes_no_at(const YamlNode& map, const std::string& key, const YamlSource& source,
                              Diagnostics& diagnostics);

}  // namespace sdm
