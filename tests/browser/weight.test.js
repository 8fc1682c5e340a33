// Page weight: what a reader downloads for one page (the HTML plus the stylesheets and scripts it
// links: site.css, sdmonitor.js, Chart.js), gzip-compressed as a web server sends it, stays under
// 110 KB. Chart.js alone is about 71 KB of that. The printable document (afdrukken.html, the
// whole edition on one page) is left out. Run: node --test tests/browser/
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { SITE_DIR, htmlPages, requireSite } = require('./lib/site');

const BUDGET = 110_000;

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

test(`every page with its CSS and JS weighs under ${BUDGET / 1000} KB gzip`, () => {
  requireSite();
  const over = [];
  let heaviest = { page: '', bytes: 0 };
  for (const rel of htmlPages().filter((p) => !p.endsWith('afdrukken.html'))) {
    const file = path.join(SITE_DIR, rel);
    const html = fs.readFileSync(file, 'utf8');
    const linked = [...html.matchAll(/<(?:script|link rel="stylesheet")[^>]*(?:src|href)="([^"]+)"/g)]
      .map((m) => path.resolve(path.dirname(file), m[1]));
    const bytes = gzipSize(file) + linked.reduce((sum, f) => sum + gzipSize(f), 0);
    if (bytes > heaviest.bytes) heaviest = { page: rel, bytes };
    if (bytes > BUDGET) over.push(`${rel}: ${bytes} bytes`);
  }
  assert.ok(heaviest.bytes > 70_000, `the heaviest page (${heaviest.page}) should include Chart.js`);
  assert.deepEqual(over, [], `over the budget of ${BUDGET} bytes`);
});
