#include "render/chart_json.h"

#include <charconv>
#include <cmath>

#include "util/text.h"

namespace sdm {
namespace {

// A JSON string as nlohmann::json dumps it (UTF-8 kept, control characters escaped); text that
// is not valid UTF-8 goes through nlohmann, which replaces what is invalid.
void append_string(std::string& out, const std::string& text) {
  if (!is_valid_utf8(text)) {
    out += json(text).dump(-1, ' ', false, json::error_handler_t::replace);
    return;
  }
  static const char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

template <typename T, typename Append>
void append_list(std::string& out, const std::vector<T>& items, Append append) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    append(items[i]);
  }
  out += ']';
}

}  // namespace

std::string chart_json(const ChartNumbers& numbers) {
  std::string out;
  out.reserve(256 + 48 * numbers.labels.size() * (numbers.series.size() + 1));
  auto string = [&](const std::string& text) { append_string(out, text); };
  out += "{\"type\":";
  string(numbers.type);
  out += numbers.stacked ? ",\"stacked\":true" : ",\"stacked\":false";
  out += numbers.percent ? ",\"percent\":true" : ",\"percent\":false";
  out += ",\"unit\":";
  string(numbers.unit);
  out += ",\"labels\":";
  append_list(out, numbers.labels, string);
  out += ",\"spoken\":";
  append_list(out, numbers.spoken, string);
  out += ",\"series\":";
  append_list(out, numbers.series, [&](const ChartNumbers::Series& s) {
    out += "{\"label\":";
    string(s.label);
    out += ",\"role\":";
    string(s.role);
    out += ",\"data\":";
    // The shortest text that reads back as the same double, without making a json for each.
    append_list(out, s.data, [&](const std::optional<double>& v) {
      if (!v || !std::isfinite(*v)) {
        out += "null";
        return;
      }
      char buffer[64];
      out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, *v).ptr);
    });
    out += ",\"display\":";
    append_list(out, s.display, string);
    if (!s.marks.empty()) {
      out += ",\"marks\":";
      append_list(out, s.marks, string);
    }
    out += '}';
  });
  out += ",\"xTitle\":";
  string(numbers.x_title);
  out += '}';
  return out;
}

}  // namespace sdm
