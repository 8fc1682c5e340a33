#include "load/csv.h"

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

}  // namespace

CsvDocument parse_csv(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
  CsvDocument doc;
  doc.separator = detect_separator(text);
  std::vector<CsvField> row;
  CsvField field;
  int line = 1, column = 1;
  bool in_quotes = false, field_started = false, row_has_content = false;
  int quote_line = 0, quote_column = 0;

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
    if (row_has_content) doc.rows.push_back(std::move(row));
    row.clear();
    row_has_content = false;
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
      } else {
        field.text += c;
        if (c == '\n') {
          ++line;
          column = 0;
        }
      }
    } else if (c == '"') {
      in_quotes = true;
      quote_line = line;
      quote_column = column;
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
      field.text += c;
      if (c != ' ' && c != '\t') row_has_content = true;
    }
    if (!is_continuation_byte(c)) ++column;
  }
  if (in_quotes) {
    diagnostics.error({file, quote_line, quote_column}, "aanhalingsteken wordt niet gesloten",
                      "sluit het veld af met een \" of verwijder het aanhalingsteken");
  }
  end_row();
  return doc;
}

}  // namespace sdm
