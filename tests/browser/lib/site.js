// Where the site under test is, and which pages it has.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..', '..');
// SITE_DIR may be relative to the current directory (ctest) or absolute.
const SITE_DIR = path.resolve(process.env.SITE_DIR || path.join(REPO, 'site'));
const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR || path.join(REPO, 'build', 'screenshots'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// Every .html file under dir, as sorted '/'-separated paths relative to it.
function htmlPages(dir = SITE_DIR) {
  const out = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith('.html')) out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  })(dir);
  return out.sort();
}

// The chapter pages with charts: the top-level pages of the newest edition that embed chart data,
// the printable document (afdrukken.html, the whole edition on one page) left out.
function chartPages(dir = SITE_DIR) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.html') && f !== 'afdrukken.html')
    .filter((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('class="grafiek-data"'))
    .sort();
}

// Fails early with a readable message when the site or the packages are missing.
function requireSite() {
  if (!fs.existsSync(path.join(SITE_DIR, 'index.html'))) {
    throw new Error(`no site at ${SITE_DIR} (build it with "make site", or set SITE_DIR)`);
  }
}

module.exports = { REPO, SITE_DIR, SCREENSHOT_DIR, CHROMIUM, htmlPages, chartPages, requireSite };
