#include "load/svg_check.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <set>

#include "util/diagnostic.h"
#include "util/text.h"

namespace sdm {
namespace {

constexpr const char* kSvgNamespace = "http://www.w3.org/2000/svg";
constexpr const char* kXlinkNamespace = "http://www.w3.org/1999/xlink";
constexpr const char* kXmlNamespace = "http://www.w3.org/XML/1998/namespace";
constexpr const char* kTip =
    "exporteer de afbeelding als 'gewone SVG' (Inkscape: Opslaan als, Gewone SVG; Illustrator: "
    "Exporteren als SVG) of als PNG";

// What drawing programs and chart exports (Inkscape plain SVG, Illustrator, Excel, Power BI)
// write. No script, foreignObject, a (links), image of another file, animation or iframe.
const std::set<std::string, std::less<>> kElements = {"svg",
                                                      "g",
                                                      "defs",
                                                      "symbol",
                                                      "use",
                                                      "title",
                                                      "desc",
                                                      "metadata",
                                                      "switch",
                                                      "path",
                                                      "rect",
                                                      "circle",
                                                      "ellipse",
                                                      "line",
                                                      "polyline",
                                                      "polygon",
                                                      "text",
                                                      "tspan",
                                                      "textPath",
                                                      "linearGradient",
                                                      "radialGradient",
                                                      "stop",
                                                      "clipPath",
                                                      "mask",
                                                      "pattern",
                                                      "marker",
                                                      "style",
                                                      "image",
                                                      "filter",
                                                      "feBlend",
                                                      "feColorMatrix",
                                                      "feComponentTransfer",
                                                      "feComposite",
                                                      "feFlood",
                                                      "feFuncA",
                                                      "feFuncB",
                                                      "feFuncG",
                                                      "feFuncR",
                                                      "feGaussianBlur",
                                                      "feMerge",
                                                      "feMergeNode",
                                                      "feMorphology",
                                                      "feOffset",
                                                      "feDropShadow",
                                                      "feTile",
                                                      "feTurbulence"};

// Geometry, presentation and text attributes. Not on*, not anything that loads or links.
const std::set<std::string, std::less<>> kAttributes = {"id",
                                                        "class",
                                                        "style",
                                                        "transform",
                                                        "x",
                                                        "y",
                                                        "x1",
                                                        "y1",
                                                        "x2",
                                                        "y2",
                                                        "cx",
                                                        "cy",
                                                        "r",
                                                        "rx",
                                                        "ry",
                                                        "width",
                                                        "height",
                                                        "d",
                                                        "points",
                                                        "viewBox",
                                                        "preserveAspectRatio",
                                                        "version",
                                                        "baseProfile",
                                                        "fill",
                                                        "fill-opacity",
                                                        "fill-rule",
                                                        "stroke",
                                                        "stroke-width",
                                                        "stroke-linecap",
                                                        "stroke-linejoin",
                                                        "stroke-miterlimit",
                                                        "stroke-dasharray",
                                                        "stroke-dashoffset",
                                                        "stroke-opacity",
                                                        "opacity",
                                                        "font-family",
                                                        "font-size",
                                                        "font-size-adjust",
                                                        "font-weight",
                                                        "font-style",
                                                        "font-variant",
                                                        "font-stretch",
                                                        "font",
                                                        "text-anchor",
                                                        "dominant-baseline",
                                                        "alignment-baseline",
                                                        "baseline-shift",
                                                        "letter-spacing",
                                                        "word-spacing",
                                                        "text-decoration",
                                                        "writing-mode",
                                                        "direction",
                                                        "unicode-bidi",
                                                        "dx",
                                                        "dy",
                                                        "rotate",
                                                        "textLength",
                                                        "lengthAdjust",
                                                        "startOffset",
                                                        "method",
                                                        "spacing",
                                                        "side",
                                                        "clip-path",
                                                        "clip-rule",
                                                        "clipPathUnits",
                                                        "mask",
                                                        "maskUnits",
                                                        "maskContentUnits",
                                                        "filter",
                                                        "filterUnits",
                                                        "primitiveUnits",
                                                        "gradientUnits",
                                                        "gradientTransform",
                                                        "spreadMethod",
                                                        "fx",
                                                        "fy",
                                                        "fr",
                                                        "offset",
                                                        "stop-color",
                                                        "stop-opacity",
                                                        "patternUnits",
                                                        "patternContentUnits",
                                                        "patternTransform",
                                                        "marker-start",
                                                        "marker-mid",
                                                        "marker-end",
                                                        "markerWidth",
                                                        "markerHeight",
                                                        "markerUnits",
                                                        "refX",
                                                        "refY",
                                                        "orient",
                                                        "display",
                                                        "visibility",
                                                        "overflow",
                                                        "color",
                                                        "color-interpolation",
                                                        "color-interpolation-filters",
                                                        "color-rendering",
                                                        "shape-rendering",
                                                        "text-rendering",
                                                        "image-rendering",
                                                        "vector-effect",
                                                        "paint-order",
                                                        "mix-blend-mode",
                                                        "isolation",
                                                        "enable-background",
                                                        "pathLength",
                                                        "lang",
                                                        "space",
                                                        "href",
                                                        "role",
                                                        "focusable",
                                                        "tabindex",
                                                        "type",
                                                        "media",
                                                        "in",
                                                        "in2",
                                                        "result",
                                                        "mode",
                                                        "operator",
                                                        "k1",
                                                        "k2",
                                                        "k3",
                                                        "k4",
                                                        "values",
                                                        "stdDeviation",
                                                        "flood-color",
                                                        "flood-opacity",
                                                        "lighting-color",
                                                        "radius",
                                                        "tableValues",
                                                        "slope",
                                                        "intercept",
                                                        "amplitude",
                                                        "exponent",
                                                        "edgeMode",
                                                        "baseFrequency",
                                                        "numOctaves",
                                                        "seed",
                                                        "stitchTiles",
                                                        "requiredFeatures",
                                                        "requiredExtensions",
                                                        "systemLanguage",
                                                        "data-name"};

// Namespaces of editor bookkeeping that browsers do not act on: Inkscape, Sodipodi, RDF and
// Dublin Core metadata, Creative Commons, Adobe Illustrator.
bool inert_namespace(std::string_view ns) {
  for (std::string_view known :
       {"http://www.inkscape.org/namespaces/inkscape",
        "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/",
        "http://purl.org/dc/terms/", "http://creativecommons.org/ns#",
        "http://web.resource.org/cc/", "http://ns.adobe.com/"})
    if (ns.starts_with(known)) return true;
  return false;
}

std::string_view text_of(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

struct Refusal {
  int line = 0;
  std::string message;
};

// A CSS text (a style attribute or a <style> element) that can only style: no @import, no url()
// but to a fragment, no escapes that could hide either.
std::string css_problem(std::string_view css) {
  std::string lower = to_lower_ascii(css);
  if (lower.find('\\') != std::string::npos) return "een backslash";
  if (lower.find("@import") != std::string::npos) return "@import";
  if (lower.find("javascript:") != std::string::npos) return "javascript:";
  if (lower.find("expression(") != std::string::npos) return "expression()";
  for (size_t at = lower.find("url("); at != std::string::npos; at = lower.find("url(", at + 4)) {
    size_t i = at + 4;
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '"' || lower[i] == '\'')) ++i;
    if (i >= lower.size() || lower[i] != '#') return "een url() naar iets anders dan #naam";
  }
  return {};
}

bool allowed_href(std::string_view element, std::string_view value) {
  if (value.starts_with('#')) return true;
  std::string lower = to_lower_ascii(value);
  return element == "image" && (lower.starts_with("data:image/png;base64,") ||
                                lower.starts_with("data:image/jpeg;base64,"));
}

std::string quoted_element(std::string_view name) {
  return "<" + std::string(name) + ">";
}

std::optional<Refusal> check_attribute(const xmlNode* element, const xmlAttr* attribute) {
  const std::string_view element_name = text_of(element->name);
  const std::string name(text_of(attribute->name));
  const std::string_view ns = attribute->ns ? text_of(attribute->ns->href) : std::string_view();
  xmlChar* raw = xmlNodeListGetString(element->doc, attribute->children, 1);
  const std::string value(text_of(raw));
  xmlFree(raw);
  const int line = static_cast<int>(xmlGetLineNo(element));
  const std::string where = "attribuut '" + name + "' van " + quoted_element(element_name);
  if (to_lower_ascii(name).starts_with("on"))
    return Refusal{line, where + " is een gebeurtenis die script start"};
  if (name == "href" && (ns.empty() || ns == kXlinkNamespace)) {
    if (!allowed_href(element_name, value))
      return Refusal{line, where + " verwijst naar '" + value.substr(0, 60) +
                               "'; alleen #naam binnen de afbeelding is toegestaan"};
    return std::nullopt;
  }
  if (!ns.empty() && ns != kXmlNamespace) {
    if (inert_namespace(ns)) return std::nullopt;
    return Refusal{line, where + " uit naamruimte " + std::string(ns) + " is niet toegestaan"};
  }
  if (!kAttributes.contains(name) && !name.starts_with("aria-"))
    return Refusal{line, where + " is niet toegestaan"};
  // Also fill="url(http://…)" or a style that imports: every value is read as CSS would be.
  if (std::string problem = css_problem(value); !problem.empty())
    return Refusal{line, where + " bevat " + problem};
  return std::nullopt;
}

std::optional<Refusal> check_element(const xmlNode* node) {
  for (; node; node = node->next) {
    const int line = static_cast<int>(xmlGetLineNo(node));
    if (node->type == XML_PI_NODE)
      return Refusal{line, "verwerkingsinstructie <?" + std::string(text_of(node->name)) +
                               "?> is niet toegestaan"};
    if (node->type == XML_ENTITY_REF_NODE)
      return Refusal{line,
                     "entiteit &" + std::string(text_of(node->name)) + "; is niet toegestaan"};
    if (node->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = text_of(node->name);
    const std::string_view ns = node->ns ? text_of(node->ns->href) : std::string_view();
    if (!ns.empty() && ns != kSvgNamespace) {
      if (!inert_namespace(ns))
        return Refusal{line, "element " + quoted_element(name) + " uit naamruimte " +
                                 std::string(ns) + " is niet toegestaan"};
    } else if (!kElements.contains(name)) {
      return Refusal{line, "element " + quoted_element(name) + " is niet toegestaan"};
    }
    for (const xmlAttr* a = node->properties; a; a = a->next)
      if (auto refusal = check_attribute(node, a)) return refusal;
    if (name == "style" && (ns.empty() || ns == kSvgNamespace)) {
      xmlChar* raw = xmlNodeGetContent(node);
      std::string problem = css_problem(text_of(raw));
      xmlFree(raw);
      if (!problem.empty()) return Refusal{line, "element <style> bevat " + problem};
    }
    if (auto refusal = check_element(node->children)) return refusal;
  }
  return std::nullopt;
}

// A DOCTYPE may name the SVG DTD (Illustrator writes one) but not declare entities: they are
// what billion-laughs and external-entity attacks are made of.
std::optional<Refusal> check_doctype(const xmlDoc* doc) {
  for (const xmlDtd* dtd : {doc->intSubset, doc->extSubset}) {
    if (!dtd) continue;
    for (const xmlNode* n = dtd->children; n; n = n->next)
      if (n->type == XML_ENTITY_DECL)
        return Refusal{static_cast<int>(xmlGetLineNo(n)), "de DOCTYPE declareert entiteit '" +
                                                              std::string(text_of(n->name)) +
                                                              "'; dat is niet toegestaan"};
  }
  return std::nullopt;
}

}  // namespace

bool check_svg(const std::string& path, std::string_view bytes, Diagnostics& diagnostics) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  xmlParserCtxtPtr context = xmlNewParserCtxt();
  if (!context) throw FatalError("geen geheugen om " + path + " te lezen");
  // NONET: nothing from the network. Without NOENT entities stay unexpanded and without
  // DTDLOAD/DTDATTR no external DTD is read.
  xmlDocPtr doc =
      xmlCtxtReadMemory(context, bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  std::optional<Refusal> refusal;
  if (!doc) {
    const xmlError* error = xmlCtxtGetLastError(context);
    refusal = Refusal{error ? error->line : 0, "de SVG-afbeelding is geen geldige XML"};
  } else if (!(refusal = check_doctype(doc))) {
    const xmlNode* root = xmlDocGetRootElement(doc);
    if (!root || text_of(root->name) != "svg")
      refusal = Refusal{root ? static_cast<int>(xmlGetLineNo(root)) : 0,
                        "de afbeelding begint niet met een <svg>-element"};
    else
      refusal = check_element(doc->children);
  }
  if (doc) xmlFreeDoc(doc);
  xmlFreeParserCtxt(context);
  if (!refusal) return true;
  diagnostics.error({path, std::max(refusal->line, 0), 0},
                    "SVG-afbeelding niet gepubliceerd: " + refusal->message, kTip);
  return false;
}

}  // namespace sdm
