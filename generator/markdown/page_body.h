#pragma once
// A page's Markdown, parsed once (in load) and shaped so that render writes the whole page in one
// pass of cmark-gfm's HTML renderer: what the generator adds is in custom nodes, which the
// renderer writes as they are, and a figure is text in a text node, which it escapes.
//   - a ```grafiek / ```tabel / ```kerncijfers block is a custom block: the rendered block;
//   - a heading h2–h6 is a custom block around its own inlines: <h2 id="…"> … </h2>;
//   - an image is a custom inline: the <img> with its size and loading attributes;
//   - a `{{ … }}` figure reference is its disclosed text, inside the text around it.

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "markdown/markdown.h"

namespace sdm {

// What render gives a page's body.
struct BodyParts {
  std::vector<std::string> blocks;   // the HTML of each block, in the order of the page
  std::vector<std::string> figures;  // the text of each figure reference, as given to PageBody
  std::set<std::string> taken_ids;   // ids the layout and the blocks have: no heading takes one
  // The attributes an image gets after src, alt and title, from its path in the edition folder
  // (percent-decoded), e.g. `width="640" height="480" loading="lazy" decoding="async"`.
  std::function<std::string(const std::string& path)> image_attributes;
};

class PageBody {
 public:
  // Shapes `document`. `references` are the page's figure references as written ("{{ laatste
  // wmo/clienten.csv }}"), in the order BodyParts::figures gives their texts. `unknown` is called
  // with the node of each "{{ … }}" in the text that is none of them (a reference with
  // formatting, escapes or entities inside it): it would show as written.
  PageBody(MarkdownDocument document, const std::vector<std::string>& references,
           const std::function<void(cmark_node*)>& unknown);
  ~PageBody();
  PageBody(const PageBody&) = delete;
  PageBody& operator=(const PageBody&) = delete;

  size_t blocks() const { return blocks_.size(); }

  // The page's HTML. It fills the custom nodes and the figures' text nodes in place, so one
  // thread at a time renders a body; every call fills all of them, so it may be called again.
  std::string html(const BodyParts& parts);

 private:
  struct Heading {
    cmark_node* tag;  // the custom inline around the heading's inlines
    int level;
  };
  struct Image {
    cmark_node* tag;       // the custom inline in the tree
    cmark_node* original;  // the image node, out of the tree: its address, title and text
  };
  // A text, code or code block node whose literal holds figure references.
  struct FigureText {
    cmark_node* node;
    std::vector<std::string> pieces;  // text before each figure, then the text after the last
    std::vector<size_t> figures;      // index into BodyParts::figures
  };

  void shape_figures(const std::vector<std::string>& references,
                     const std::function<void(cmark_node*)>& unknown);
  void shape_nodes();

  MarkdownDocument document_;
  std::vector<cmark_node*> blocks_;
  std::vector<Heading> headings_;
  std::vector<Image> images_;
  std::vector<FigureText> figure_texts_;
  bool footnotes_ = false;
};

// The text of a heading as a reader sees it, which its id is made from: its text and code, a
// space for a line break, and no image's description (an image is not read as the heading).
std::string heading_text(cmark_node* heading);

// An address in an attribute as cmark-gfm writes it: safe characters as they are, '&' and '\''
// as entities, every other byte as %XX.
std::string escape_href(std::string_view url);
// Text in HTML as cmark-gfm writes it: '&', '<', '>' and '"' as entities.
std::string escape_html(std::string_view text);

}  // namespace sdm
