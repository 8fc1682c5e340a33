#pragma once
// An SVG image is a document that can run script: published as is, an `onload`, a <script> or a
// <foreignObject> with HTML runs when someone opens the image from file:// or from a server
// without the documented CSP. Every SVG is checked against an allow-list of what drawing
// programs export (paths, groups, text, gradients, clip paths, style, defs, use, metadata) and
// anything else is refused.

#include <string>
#include <string_view>

namespace sdm {

class Diagnostics;

// True when `bytes` (the SVG at `path`) holds only allowed elements and attributes; otherwise an
// error naming the element or attribute and its line, in Dutch, and false. Parsed without
// network access, without loading a DTD and without expanding entities.
bool check_svg(const std::string& path, std::string_view bytes, Diagnostics& diagnostics);

}  // namespace sdm
