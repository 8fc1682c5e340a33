#pragma once
// Small string helpers that know nothing about monitors.

#include <string>
#include <string_view>
#include <vector>

namespace sdm {

std::string_view trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
// 'A'-'Z' to 'a'-'z', every other byte as it is. Inline and without a locale: std::tolower is a
// library call per character, and some callers see every character of every page.
constexpr char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
bool starts_with_ci(std::string_view text, std::string_view prefix);
std::string to_lower_ascii(std::string_view s);

// Levenshtein distance, for "bedoelde u …?" hints.
int edit_distance(std::string_view a, std::string_view b);
// The candidate closest to `word`, or "" when none is close enough to be a likely typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "%2e%2e/" -> "../": an address as the browser resolves it.
std::string percent_decoded(std::string_view url);

// The 1-based column of byte `offset` in a UTF-8 line, counted in characters as an editor shows it.
int text_column(std::string_view line, size_t offset);

// Input quoted in a message: between single quotes and cut after 80 characters with "…", so a
// 5 MB cell does not become a 5 MB message.
std::string quoted(std::string_view text);

// Replaces every occurrence of `from` by `to`.
std::string replace_all(std::string s, std::string_view from, std::string_view to);

// Well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view bytes);
// Where well-formed UTF-8 ends, and how many characters of two or more bytes it has: text with
// none of those but invalid bytes is another encoding, text with both is damaged UTF-8.
struct Utf8Scan {
  size_t first_invalid = std::string_view::npos;  // byte offset of the first invalid byte
  size_t multi_byte = 0;                          // well-formed sequences of 2 to 4 bytes
};
Utf8Scan scan_utf8(std::string_view bytes);

}  // namespace sdm
