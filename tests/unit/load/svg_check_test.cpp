// SVG images against the allow-list: what drawing programs and chart exports write is accepted,
// anything that can run script or load something else is refused with the element or attribute
// and its line.

#include "load/svg_check.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "util/diagnostic.h"

namespace sdm {
namespace {

// The one message of a refused SVG, formatted; empty when accepted.
std::string check(const std::string& svg) {
  Diagnostics diagnostics;
  bool ok = check_svg("kaart.svg", svg, diagnostics);
  EXPECT_EQ(ok, diagnostics.items().empty());
  return ok ? "" : format_diagnostic(diagnostics.items().front());
}

const char kInkscapePlain[] = R"svg(<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg width="210mm" height="100mm" viewBox="0 0 210 100" version="1.1" id="svg5"
   xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <title id="title1">Wijken</title>
  <desc>Kaart van de wijken</desc>
  <metadata id="metadata1"><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format>
    <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage" /></cc:Work></rdf:RDF></metadata>
  <defs id="defs2">
    <linearGradient id="g1"><stop style="stop-color:#1f5c99;stop-opacity:1" offset="0" /></linearGradient>
    <radialGradient xlink:href="#g1" id="g2" cx="50" cy="50" r="40" gradientUnits="userSpaceOnUse" />
    <clipPath clipPathUnits="userSpaceOnUse" id="c1"><rect x="0" y="0" width="100" height="50" /></clipPath>
    <filter id="f1"><feGaussianBlur stdDeviation="2" /></filter>
  </defs>
  <g id="layer1" transform="translate(-10,-20)" clip-path="url(#c1)">
    <path style="fill:url(#g2);stroke:#000000;stroke-width:0.26" d="M 10,10 H 90 V 50 Z" id="p1" />
    <text xml:space="preserve" style="font-size:4px;font-family:sans-serif" x="20" y="30"><tspan x="20" y="30">Noord</tspan></text>
    <use xlink:href="#p1" x="5" />
    <image width="10" height="10" href="data:image/png;base64,iVBORw0KGgo=" />
  </g>
</svg>
)svg";

const char kIllustrator[] = R"svg(<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" id="Laag_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
	 viewBox="0 0 200 100" style="enable-background:new 0 0 200 100;" xml:space="preserve">
<style type="text/css">
	.st0{fill:#E30613;}
	.st1{font-family:'Arial-BoldMT';font-size:12px;}
</style>
<g><rect x="10" y="10" class="st0" width="50" height="80"/><text transform="matrix(1 0 0 1 10 95)" class="st1">2024</text></g>
<polyline points="0,0 10,10 20,0" fill="none" stroke="#000"/>
</svg>
)svg";

// Excel and Power BI chart exports: plain shapes, text, aria and data attributes.
const char kChartExport[] =
    R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" role="img" aria-label="Cliënten">
<g data-name="Reeks 1"><rect x="10" y="50" width="30" height="150" fill="#4472C4"/></g>
<line x1="0" y1="200" x2="400" y2="200" stroke="#D9D9D9"/>
<text x="25" y="45" text-anchor="middle" font-size="11" font-family="Calibri">150</text>
</svg>)svg";

TEST(SvgCheck, AcceptsWhatDrawingProgramsExport) {
  EXPECT_EQ(check(kInkscapePlain), "");
  EXPECT_EQ(check(kIllustrator), "");
  EXPECT_EQ(check(kChartExport), "");
}

std::string svg(const std::string& body) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\"\n"
         "     xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n" +
         body + "\n</svg>\n";
}

TEST(SvgCheck, RefusesScriptAndEventHandlersWithTheirLine) {
  EXPECT_EQ(check(svg("<script>alert(1)</script>")),
            "kaart.svg:3: fout: SVG-afbeelding niet gepubliceerd: element <script> is niet "
            "toegestaan\n  tip: exporteer de afbeelding als 'gewone SVG' (Inkscape: Opslaan als, "
            "Gewone SVG; Illustrator: Exporteren als SVG) of als PNG");
  EXPECT_NE(check(svg("<g/>\n<rect onload=\"alert(1)\"/>"))
                .find("kaart.svg:4: fout: SVG-afbeelding niet gepubliceerd: attribuut 'onload' van "
                      "<rect> is een gebeurtenis die script start"),
            std::string::npos);
  EXPECT_NE(check("<svg xmlns=\"http://www.w3.org/2000/svg\" onLoad=\"x()\"/>").find("onLoad"),
            std::string::npos);
}

TEST(SvgCheck, RefusesForeignObjectLinksAndOtherFiles) {
  // Each SVG and a part of the message that refuses it.
  const std::pair<std::string, std::string> refused[] = {
      {svg("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\"/>"
           "</foreignObject>"),
       "element <foreignObject> is niet toegestaan"},
      {svg("<a href=\"javascript:alert(1)\"><rect/></a>"), "element <a>"},
      {svg("<use xlink:href=\"javascript:alert(1)\"/>"),
       "attribuut 'href' van <use> verwijst naar 'javascript:alert(1)'"},
      {svg("<use href=\"andere.svg#x\"/>"), "'href' van <use>"},
      {svg("<image href=\"https://example.org/a.png\"/>"), "'href' van <image>"},
      {svg("<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>"), "'href'"},
      {svg("<rect style=\"fill:url(https://example.org/x)\"/>"),
       "attribuut 'style' van <rect> bevat een url()"},
      {svg("<rect fill=\"url('http://example.org/#x')\"/>"), "'fill'"},
      {svg("<style>@import url(#x);</style>"), "<style> bevat @import"},
      {svg("<set attributeName=\"href\" to=\"javascript:alert(1)\"/>"), "element <set>"},
      {svg("<iframe xmlns=\"http://www.w3.org/1999/xhtml\" src=\"x\"/>"),
       "<iframe> uit naamruimte http://www.w3.org/1999/xhtml"},
  };
  for (const auto& [image, part] : refused)
    EXPECT_NE(check(image).find(part), std::string::npos) << image;
}

TEST(SvgCheck, RefusesEntitiesAndBrokenXml) {
  // Not expanded and not fetched: the declaration alone is refused.
  EXPECT_NE(check("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY x SYSTEM "
                  "\"file:///etc/passwd\">\n]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"
                  "<text>&x;</text></svg>")
                .find("entiteit 'x'"),
            std::string::npos);
  EXPECT_NE(check("<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                  "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&b;</text></svg>")
                .find("entiteit"),
            std::string::npos);
  EXPECT_NE(check(svg("<?xml-stylesheet href=\"https://example.org/a.css\"?>"))
                .find("verwerkingsinstructie"),
            std::string::npos);
  EXPECT_NE(check("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n</svg>")
                .find("kaart.svg:3: fout: SVG-afbeelding niet gepubliceerd: de SVG-afbeelding is "
                      "geen geldige XML"),
            std::string::npos);
  EXPECT_NE(check("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>").find("<svg>"),
            std::string::npos);
}

}  // namespace
}  // namespace sdm
