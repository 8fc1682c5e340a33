#pragma once
// Reads what editors placed in a page: the ```grafiek / ```tabel / ```kerncijfers blocks and the
// figure references, and reports unsafe Markdown (raw HTML, links to other schemes, remote images).

#include <memory>

#include "model/directive.h"
#include "model/edition.h"
#include "util/diagnostic.h"

namespace sdm {

// Parses the page's Markdown once. With `body`, also keeps the parsed page there, shaped for
// render (markdown/page_body.h).
PageSpec read_page_spec(const Page& page, Diagnostics& diagnostics,
                        std::shared_ptr<PageBody>* body = nullptr);

}  // namespace sdm
