#pragma once
// A problem found in the content, with its location and a hint on how to fix it.

#include <string>
#include <vector>

namespace sdm {

struct SourceLocation {
  std::string file;  // path as the user gave it, e.g. content/2024-q1/wmo.md
  int line = 0;      // 1-based; 0 when the whole file is meant
  int column = 0;    // 1-based; 0 when the whole line is meant
};

enum class Severity { Error, Warning };

struct Diagnostic {
  SourceLocation where;
  Severity severity = Severity::Error;
  std::string message;  // Dutch, for editors and analysts
  std::string hint;     // Dutch, may be empty
};

// Collects every problem of a run so that all of them are reported at once.
class Diagnostics {
 public:
  void error(SourceLocation where, std::string message, std::string hint = {});
  void warning(SourceLocation where, std::string message, std::string hint = {});
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  bool has_errors() const;
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

// "file:line:column: fout: message" plus an indented "tip:" line when there is a hint.
std::string format_diagnostic(const Diagnostic& d);
// Every diagnostic, one format_diagnostic() each, each ending in a newline.
std::string format_diagnostics(const Diagnostics& diagnostics);

// Thrown only to give up on something that is not the content's fault (I/O, internal error).
struct FatalError : std::exception {
  explicit FatalError(std::string m) : message(std::move(m)) {}
  const char* what() const noexcept override { return message.c_str(); }
  std::string message;
};

}  // namespace sdm
