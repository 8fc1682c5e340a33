#include "util/diagnostic.h"

#include <algorithm>

namespace sdm {

void Diagnostics::error(SourceLocation where, std::string message, std::string hint) {
  items_.push_back({std::move(where), Severity::Error, std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLocation where, std::string message, std::string hint) {
  items_.push_back({std::move(where), Severity::Warning, std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.file;
  if (d.where.line > 0) {
    out += ":" + std::to_string(d.where.line);
    if (d.where.column > 0) out += ":" + std::to_string(d.where.column);
  }
  out += d.severity == Severity::Error ? ": fout: " : ": waarschuwing: ";
  out += d.message;
  if (!d.hint.empty()) out += "\n  tip: " + d.hint;
  return out;
}

std::string format_diagnostics(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += format_diagnostic(d) + "\n";
  return out;
}

}  // namespace sdm
