#include "render/escape.h"

#include "util/text.h"

namespace sdm {

std::string json_for_script(const nlohmann::json& value) {
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  // Copy the runs between characters that need escaping in one append each.
  std::string out;
  out.reserve(text.size());
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view escaped;
    switch (text[i]) {
      case '<':
        escaped = "\\u003c";
        break;
      case '>':
        escaped = "\\u003e";
        break;
      case '&':
        escaped = "\\u0026";
        break;
      case '\xE2':
        if (text.compare(i, 3, "\xE2\x80\xA8") == 0) escaped = "\\u2028";
        if (text.compare(i, 3, "\xE2\x80\xA9") == 0) escaped = "\\u2029";
        break;
      default:
        continue;
    }
    if (escaped.empty()) continue;
    out.append(text, start, i - start);
    out += escaped;
    if (text[i] == '\xE2') i += 2;
    start = i + 1;
  }
  out.append(text, start);
  return out;
}

namespace {

// A number as cell_csv writes it: -944, 12,5.
bool plain_number(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  size_t comma = text.find(',');
  auto digits = [](std::string_view d) {
    return !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
  };
  return comma == std::string_view::npos
             ? digits(text)
             : digits(text.substr(0, comma)) && digits(text.substr(comma + 1));
}

}  // namespace

std::string csv_field(std::string_view text) {
  std::string field(text);
  // Excel runs a cell that starts with one of these as a formula (=HYPERLINK, DDE); a leading
  // apostrophe makes it text, as OWASP advises. Our own numbers stay numbers.
  if (!field.empty() && std::string_view("=+-@\t\r").find(field[0]) != std::string_view::npos &&
      !plain_number(field))
    field.insert(0, 1, '\'');
  if (field.find_first_of(";\"\r\n") == std::string::npos) return field;
  return "\"" + replace_all(field, "\"", "\"\"") + "\"";
}

}  // namespace sdm
