#include "markdown/page_body.h"

#include <cmark-gfm.h>

#include <map>

#include "markdown/heading_ids.h"
#include "model/directive.h"
#include "util/text.h"

namespace sdm {
namespace {

std::vector<cmark_node*> nodes_of(cmark_node* root) {
  std::vector<cmark_node*> out;
  cmark_iter* iter = cmark_iter_new(root);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;)
    if (event == CMARK_EVENT_ENTER) out.push_back(cmark_iter_get_node(iter));
  cmark_iter_free(iter);
  return out;
}

cmark_node_type type_of(cmark_node* node) {
  return node ? cmark_node_get_type(node) : CMARK_NODE_NONE;
}

bool inside_image(cmark_node* node) {
  for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p))
    if (type_of(p) == CMARK_NODE_IMAGE) return true;
  return false;
}

std::string directive_info(cmark_node* code_block) {
  const char* info = cmark_node_get_fence_info(code_block);
  return std::string(trim(info ? info : ""));
}

// A reference as compared: runs of white space as one space. cmark drops the spaces around a
// line break inside a paragraph; the reference means the same.
std::string reference_key(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// cmark ends a text node at each character that may start markup ('&', '[', '!', a line break …)
// and does not join them again. A reference with one of them inside is one node again, so it is
// found in one literal; a line break renders as "\n" outside an image's description, where it
// is a space.
void join_texts(cmark_node* root) {
  auto joins = [](cmark_node* node, bool breaks) {
    return type_of(node) == CMARK_NODE_TEXT || (breaks && type_of(node) == CMARK_NODE_SOFTBREAK);
  };
  // The first node of each run, found before any run is joined (and its nodes freed).
  std::vector<std::pair<cmark_node*, bool>> starts;
  for (cmark_node* node : nodes_of(root)) {
    const bool breaks = !inside_image(node);
    if (joins(node, breaks) && !joins(cmark_node_previous(node), breaks))
      starts.emplace_back(node, breaks);
  }
  for (auto [start, breaks] : starts) {
    std::vector<cmark_node*> run;
    std::string text;
    for (cmark_node* n = start; joins(n, breaks); n = cmark_node_next(n)) {
      const char* literal = cmark_node_get_literal(n);
      text += type_of(n) == CMARK_NODE_SOFTBREAK ? "\n" : literal ? literal : "";
      run.push_back(n);
    }
    if (run.size() < 2 || text.find("{{") == std::string::npos) continue;
    cmark_node* joined = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(joined, text.c_str());
    cmark_node_insert_before(start, joined);
    for (cmark_node* n : run) cmark_node_free(n);
  }
}

}  // namespace

PageBody::PageBody(MarkdownDocument document, const std::vector<std::string>& references,
                   const std::function<void(cmark_node*)>& unknown)
    : document_(std::move(document)) {
  shape_figures(references, unknown);
  shape_nodes();
}

PageBody::~PageBody() {
  for (const Image& image : images_) cmark_node_free(image.original);
}

void PageBody::shape_figures(const std::vector<std::string>& references,
                             const std::function<void(cmark_node*)>& unknown) {
  join_texts(document_.root());
  // The same reference twice has the same text; each gets one of the indices, in order.
  std::map<std::string, std::vector<size_t>> by_key;
  for (size_t i = references.size(); i-- > 0;) by_key[reference_key(references[i])].push_back(i);
  for (cmark_node* node : nodes_of(document_.root())) {
    const auto type = type_of(node);
    if (type != CMARK_NODE_TEXT && type != CMARK_NODE_CODE && type != CMARK_NODE_CODE_BLOCK)
      continue;
    if (type == CMARK_NODE_CODE_BLOCK && is_directive_info(directive_info(node))) continue;
    const char* literal = cmark_node_get_literal(node);
    const std::string_view text = literal ? literal : "";
    size_t open = text.find("{{");
    if (open == std::string_view::npos) continue;
    FigureText figure{node, {}, {}};
    size_t done = 0;
    for (; open != std::string_view::npos; open = text.find("{{", done)) {
      const size_t close = text.find("}}", open + 2);
      auto found = close == std::string_view::npos
                       ? by_key.end()
                       : by_key.find(reference_key(text.substr(open, close + 2 - open)));
      if (found == by_key.end()) {
        unknown(node);
        break;
      }
      figure.pieces.emplace_back(text.substr(done, open - done));
      figure.figures.push_back(found->second.back());
      if (found->second.size() > 1) found->second.pop_back();
      done = close + 2;
    }
    figure.pieces.emplace_back(text.substr(done));
    if (!figure.figures.empty()) figure_texts_.push_back(std::move(figure));
  }
}

void PageBody::shape_nodes() {
  for (cmark_node* node : nodes_of(document_.root())) {
    switch (type_of(node)) {
      case CMARK_NODE_CODE_BLOCK:
        if (!is_directive_info(directive_info(node))) break;
        blocks_.push_back(cmark_node_new(CMARK_NODE_CUSTOM_BLOCK));
        cmark_node_replace(node, blocks_.back());
        cmark_node_free(node);
        break;
      case CMARK_NODE_HEADING: {
        const int level = cmark_node_get_heading_level(node);
        if (level < 2) break;  // the page's title: it has no id
        // A block holding an inline that holds the heading's inlines: the renderer puts the
        // block on lines of its own, as it does a heading, and the inline's tags tight around
        // the text.
        cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
        cmark_node* tag = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
        cmark_node_append_child(block, tag);
        while (cmark_node* child = cmark_node_first_child(node))
          cmark_node_append_child(tag, child);
        cmark_node_replace(node, block);
        cmark_node_free(node);
        headings_.push_back({tag, level});
        break;
      }
      case CMARK_NODE_IMAGE: {
        if (inside_image(node)) break;  // part of another image's description
        cmark_node* tag = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
        cmark_node_replace(node, tag);
        images_.push_back({tag, node});
        break;
      }
      case CMARK_NODE_FOOTNOTE_DEFINITION:
        footnotes_ = true;
        break;
      default:
        break;
    }
  }
}

std::string PageBody::html(const BodyParts& parts) {
  for (const FigureText& figure : figure_texts_) {
    std::string text = figure.pieces.front();
    for (size_t i = 0; i < figure.figures.size(); ++i) {
      if (figure.figures[i] < parts.figures.size()) text += parts.figures[figure.figures[i]];
      text += figure.pieces[i + 1];
    }
    cmark_node_set_literal(figure.node, text.c_str());
  }
  for (size_t i = 0; i < blocks_.size(); ++i)
    cmark_node_set_on_enter(blocks_[i],
                            i < parts.blocks.size() ? (parts.blocks[i] + "\n").c_str() : "");
  HeadingIds ids(parts.taken_ids);
  for (const Heading& heading : headings_) {
    const std::string level = std::to_string(heading.level);
    const std::string id = escape_html(ids.next(heading_text(heading.tag)));
    cmark_node_set_on_enter(heading.tag, ("<h" + level + " id=\"" + id + "\">").c_str());
    cmark_node_set_on_exit(heading.tag, ("</h" + level + ">").c_str());
  }
  for (const Image& image : images_) {
    const char* url = cmark_node_get_url(image.original);
    const char* title = cmark_node_get_title(image.original);
    // The description as cmark writes it: the text of the image's inlines, a space per break.
    std::string alt;
    for (cmark_node* node : nodes_of(image.original)) {
      const auto type = type_of(node);
      if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) alt += ' ';
      if (node == image.original) continue;
      if (const char* literal = cmark_node_get_literal(node)) alt += escape_html(literal);
    }
    std::string tag = "<img src=\"" + escape_href(url ? url : "") + "\" alt=\"" + alt + "\"";
    if (title && *title) tag += " title=\"" + escape_html(title) + "\"";
    if (parts.image_attributes)
      tag += " " + parts.image_attributes(percent_decoded(url ? url : ""));
    tag += " />";
    cmark_node_set_on_enter(image.tag, tag.c_str());
  }
  std::string out = document_.to_html();
  // cmark-gfm labels footnote back-links in English, with no way to give another label; the
  // page is Dutch. Only a page with footnotes has one.
  if (footnotes_)
    out = replace_all(std::move(out), "aria-label=\"Back to content\"",
                      "aria-label=\"Terug naar de tekst\"");
  return out;
}

std::string heading_text(cmark_node* heading) {
  std::string out;
  int in_image = 0;
  cmark_iter* iter = cmark_iter_new(heading);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (node == heading) continue;
    const auto type = type_of(node);
    if (type == CMARK_NODE_IMAGE) in_image += event == CMARK_EVENT_ENTER ? 1 : -1;
    if (event != CMARK_EVENT_ENTER || in_image) continue;
    if (const char* literal = cmark_node_get_literal(node)) out += literal;
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) out += ' ';
  }
  cmark_iter_free(iter);
  return out;
}

std::string escape_href(std::string_view url) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(url.size());
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    const bool alphanumeric = (byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z') ||
                              (byte >= 'a' && byte <= 'z');
    if (alphanumeric || std::string_view("-_.+!*(),%#@?=;:/$~").find(c) != std::string_view::npos)
      out += c;
    else if (c == '&')
      out += "&amp;";
    else if (c == '\'')
      out += "&#x27;";
    else
      out += {'%', kHex[byte >> 4], kHex[byte & 0xF]};
  }
  return out;
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace sdm
