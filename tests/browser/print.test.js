// Printing a chapter page (or saving it as PDF) shows every chart, also those the reader never
// scrolled to: sdmonitor.js draws a chart only when it comes near the screen, and must draw the
// rest before the page is printed. Run: node --test tests/browser/print.test.js
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { siteAndBrowser } = require('./lib/fixture');
const { chartPages } = require('./lib/site');

const env = siteAndBrowser();

for (const name of chartPages()) {
  test(`${name} printed from the top shows every chart with its legend`, async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${env.server.origin}/${name}`, { waitUntil: 'load' });
    const drawn = () => page.evaluate(() => Array.from(document.querySelectorAll('figure.grafiek')).map((fig) => {
      const canvas = fig.querySelector('canvas');
      const chart = window.Chart.getChart(canvas);
      return { id: fig.id, chart: !!chart && canvas.width > 0, legend: fig.querySelectorAll('.grafiek-legenda li').length };
    }));
    const before = await drawn();
    // Without this the test would prove nothing: most charts wait for the reader to scroll.
    assert.ok(before.some((c) => !c.chart), `${name}: every chart was drawn before printing`);
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sdm-print-')), 'page.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    const after = await drawn();
    assert.deepEqual(after.filter((c) => !c.chart || !c.legend).map((c) => c.id), [], `${name}: charts missing on paper`);
    fs.rmSync(path.dirname(pdf), { recursive: true, force: true });
    await page.close();
  });
}
