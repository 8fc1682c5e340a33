#!/usr/bin/env node
// Checks a built benchmark corpus for what must hold whatever the speed: no count of persons
// under 10 in any chart's data or any table cell of a persons row, on any page of any site
// (the same rule as the golden test DemoSite.NoPersonCountUnderTenInChartDataTablesOrDownloads,
// over every municipality, small ones included).
//
//   node tests/bench/check-output.mjs OUT_DIR
//
// Prints "checked_charts=… checked_cells=… suppressed=… violations=0" and exits 1 on a violation.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: check-output.mjs OUT_DIR\n');
  process.exit(2);
}

const DATA = /<script type="application\/json" class="grafiek-data">([\s\S]*?)<\/script>/g;
const PERSON_ROW = /<tr data-eenheid="personen"[^>]*>([\s\S]*?)<\/tr>/g;
const CELL = /<td[^>]*>([\s\S]*?)<\/td>/g;

let charts = 0;
let cells = 0;
let suppressed = 0;
const violations = [];

function checkPage(file) {
  const html = fs.readFileSync(file, 'utf8');
  for (const [, text] of html.matchAll(DATA)) {
    const chart = JSON.parse(text);
    if (chart.unit !== 'personen') continue;
    charts++;
    for (const series of chart.series) {
      for (const value of series.data) {
        if (value === null) suppressed++;
        else if (value < 10) violations.push(`${file}: grafiek '${series.label}' bevat ${value}`);
      }
    }
  }
  for (const [, row] of html.matchAll(PERSON_ROW)) {
    for (const [, inner] of row.matchAll(CELL)) {
      // A change against a year before (the quarters table) is a percentage, not a count.
      if (inner.includes('class="trend')) continue;
      cells++;
      if (inner.includes('class="klein"')) {  // "<10" or "x"
        suppressed++;
        continue;
      }
      // The number without its voorlopig/herzien mark and the words for screen readers.
      const text = inner.replace(/<sup[\s\S]*?<\/sup>|<span class="sr-only">[\s\S]*?<\/span>/g, '');
      const digits = text.replace(/[^0-9]/g, '');
      if (digits !== '' && Number(digits) < 10) violations.push(`${file}: tabelcel '${inner}'`);
    }
  }
}

(function walk(d) {
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, entry.name);
    if (entry.isDirectory()) walk(p);
    else if (entry.name.endsWith('.html')) checkPage(p);
  }
})(dir);

console.log(`checked_charts=${charts} checked_cells=${cells} suppressed=${suppressed} violations=${violations.length}`);
if (violations.length > 0) {
  for (const v of violations.slice(0, 20)) process.stderr.write(`${v}\n`);
  process.exit(1);
}
