#pragma once
// Prints a page of a written site to PDF with headless Chromium (Debian's chromium package).

#include <string>

namespace sdm {

// Runs `chromium` on `html_file` and writes `pdf_file`. Throws FatalError when Chromium is
// missing, fails, or writes nothing.
void print_pdf(const std::string& chromium, const std::string& html_file,
               const std::string& pdf_file);

}  // namespace sdm
