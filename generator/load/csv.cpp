#include "load/csv.h"

#include <algorithm>
#include <optional>

namespace sdm {
namespace {

char detect_separator(std::string_view text) {
  bool in_quotes = false;
  int semicolons = 0, commas = 0;
  for (char c : text) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '\n') break;
    if (c == ';') ++semicolons;
    if (c == ',') ++commas;
  }
  return (semicolons > 0 || commas == 0) ? ';' : ',';
}

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The quote that a file leaves open: where it is, by byte and as line and column.
struct OpenQuote {
  size_t pos = 0;
  int line = 0, column = 0;
};

CsvDocument parse(std::string_view text, std::optional<OpenQuote>& open) {
  CsvDocument doc;
  doc.separator = detect_separator(text);
  std::vector<CsvField> row;
  CsvField field;
  int line = 1, column = 1;
  bool in_quotes = false, field_started = false, row_has_content = false;
  OpenQuote quote;

  auto end_field = [&] {
    if (!field_started) {  // empty, and nothing follows it: it is where we are now
      field.line = line;
      field.column = column;
    }
    row.push_back(std::move(field));
    field = CsvField{};
    field_started = false;
  };
  auto end_row = [&] {
    end_field();
    const size_t width = row.size();
    if (row_has_content) doc.rows.push_back(std::move(row));
    row.clear();
    row.reserve(width);  // the next row most likely has as many fields
    row_has_content = false;
  };
  // Appends the run of ordinary bytes from `i` to the field at once (in quotes only '"' and a line
  // break end it); leaves `i` on the run's last byte and counts its columns. Returns whether the
  // run holds more than spaces and tabs.
  const char separator = doc.separator;
  auto take_run = [&](size_t& i, bool quoted) {
    size_t end = i + 1;
    while (end < text.size()) {
      const char c = text[end];
      if (c == '"' || c == '\n' || (!quoted && (c == separator || c == '\r'))) break;
      ++end;
    }
    bool content = false;
    for (size_t k = i; k < end; ++k) {
      if (!is_continuation_byte(text[k])) ++column;
      if (text[k] != ' ' && text[k] != '\t') content = true;
    }
    field.text.append(text, i, end - i);
    i = end - 1;
    return content;
  };

  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (!field_started) {
      field.line = line;
      field.column = column;
      field_started = true;
    }
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.text += '"';
          ++i;
          ++column;
        } else {
          in_quotes = false;
        }
      } else if (c == '\n') {
        field.text += c;
        ++line;
        column = 0;
      } else {
        take_run(i, true);
        continue;  // take_run counted the columns
      }
    } else if (c == '"') {
      in_quotes = true;
      quote = {i, line, column};
      row_has_content = true;
    } else if (c == doc.separator) {
      end_field();
      row_has_content = true;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // CRLF: the '\n' ends the row.
    } else if (c == '\n' || c == '\r') {
      end_row();
      ++line;
      column = 0;
    } else {
      if (take_run(i, false)) row_has_content = true;
      continue;  // take_run counted the columns
    }
    if (!is_continuation_byte(c)) ++column;
  }
  if (in_quotes) open = quote;
  end_row();
  return doc;
}

}  // namespace

CsvDocument parse_csv(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
  std::optional<OpenQuote> open;
  CsvDocument doc = parse(text, open);
  if (!open) return doc;
  diagnostics.error({file, open->line, open->column}, "aanhalingsteken wordt niet gesloten",
                    "sluit het veld af met een \" of verwijder het aanhalingsteken");
  // Read on as if the field ended with its line: the rest of the file would otherwise be that
  // one field, and every check after it would report something the quote caused.
  const size_t end = std::min(text.find_first_of("\r\n", open->pos), text.size());
  std::string closed;
  closed.reserve(text.size() + 1);
  closed.append(text.substr(0, end)).append(1, '"').append(text.substr(end));
  std::optional<OpenQuote> again;
  return parse(closed, again);
}

}  // namespace sdm
