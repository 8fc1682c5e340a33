#include "render/escape.h"

#include "util/text.h"

namespace sdm {

std::string json_for_script(const nlohmann::json& value) {
  std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && text.compare(i, 3, "\xE2\x80\xA8") == 0) {
      out += "\\u2028";
      i += 2;
    } else if (c == '\xE2' && text.compare(i, 3, "\xE2\x80\xA9") == 0) {
      out += "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
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
