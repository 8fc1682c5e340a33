#pragma once
// Reads what editors placed in a page: the ```grafiek / ```tabel / ```kerncijfers blocks and the
// figure references, and reports unsafe Markdown (raw HTML, links to other schemes, remote images).

#include "model/directive.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

PageSpec read_page_spec(const Page& page, Diagnostics& diagnostics);

}  // namespace sdm
