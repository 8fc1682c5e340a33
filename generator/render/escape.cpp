#include "render/escape.h"

#include <algorithm>
#include <iterator>

#include "util/text.h"

namespace sdm {

std::string json_for_script(const json& value) {
  return script_safe(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string script_safe(const std::string& text) {
  // Copy the runs between characters that need escaping in one append each; memchr finds the
  // next of each character much faster than a loop over the bytes.
  static constexpr char kSpecial[] = {'<', '>', '&', '\xE2'};
  size_t next[std::size(kSpecial)];
  for (size_t k = 0; k < std::size(kSpecial); ++k) next[k] = text.find(kSpecial[k]);
  std::string out;
  out.reserve(text.size());
  size_t start = 0;
  while (true) {
    const size_t k = static_cast<size_t>(std::min_element(std::begin(next), std::end(next)) - next);
    const size_t at = next[k];
    if (at == std::string::npos) break;
    next[k] = text.find(kSpecial[k], at + 1);
    std::string_view escaped;
    size_t length = 1;
    if (kSpecial[k] == '<')
      escaped = "\\u003c";
    else if (kSpecial[k] == '>')
      escaped = "\\u003e";
    else if (kSpecial[k] == '&')
      escaped = "\\u0026";
    else if (text.compare(at, 3, "\xE2\x80\xA8") == 0)
      escaped = "\\u2028", length = 3;
    else if (text.compare(at, 3, "\xE2\x80\xA9") == 0)
      escaped = "\\u2029", length = 3;
    else
      continue;  // another character from U+2000 to U+2FFF
    out.append(text, start, at - start);
    out += escaped;
    start = at + length;
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
