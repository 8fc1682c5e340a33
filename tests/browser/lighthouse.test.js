// Lighthouse on every page of the newest edition a reader opens (its top-level pages: the overview,
// the chapters with and without charts, "Wat is er veranderd" and the accessibility statement; the
// printable document left out), served over http with the production CSP:
// accessibility and best practices must score 100 and performance at least 95, with Lighthouse's
// default mobile settings (simulated slow 4G and a 4x slower CPU). A page gets up to three runs and
// stops at the first that meets every bar; otherwise the best run counts. The scores are written to
// the test's output, the JSON and HTML reports of the counted run to LIGHTHOUSE_DIR (default
// build/lighthouse/). Run: node --test tests/browser/lighthouse.test.js
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { serve } = require('./lib/server');
const { SITE_DIR, REPO, CHROMIUM, htmlPages, chartPages, requireSite } = require('./lib/site');

const REPORT_DIR = path.resolve(process.env.LIGHTHOUSE_DIR || path.join(REPO, 'build', 'lighthouse'));
// The pages are found in the site, so a new chapter is measured without editing this list.
const PAGES = htmlPages().filter((p) => !p.includes('/') && p !== 'afdrukken.html');
const BARS = { accessibility: 100, 'best-practices': 100, performance: 95 };
const RUNS = 3;
// The same Debian Chromium and flags as the other browser tests; Lighthouse
// never downloads a browser of its own.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

let server;
let chrome;
let lighthouse;

// A Chromium that does not come up must fail the test, not hang it.
before(async () => {
  requireSite();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  // Lighthouse and chrome-launcher are ES modules.
  lighthouse = (await import('lighthouse')).default;
  const launcher = await import('chrome-launcher');
  server = await serve(SITE_DIR);
  chrome = await launcher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS, logLevel: 'silent' });
  fs.mkdirSync(REPORT_DIR, { recursive: true });
}, { timeout: 60_000 });

after(async () => {
  if (chrome) await chrome.kill();
  if (server) await server.close();
});

test('Lighthouse covers the overview and at least one chapter page with charts', () => {
  requireSite();
  assert.ok(PAGES.includes('index.html'), `no overview in ${SITE_DIR}`);
  assert.ok(chartPages().length > 0, `no page with charts in ${SITE_DIR}`);
});

const score = (r, id) => (r.lhr.categories[id] ? Math.round(r.lhr.categories[id].score * 100) : 0);
const passes = (r) => Object.entries(BARS).every(([id, bar]) => score(r, id) >= bar);

for (const name of PAGES) {
  test(`Lighthouse ${name}: accessibility ${BARS.accessibility}, best practices ${BARS['best-practices']}, performance >= ${BARS.performance}`, { timeout: 300_000 }, async (t) => {
    // Lighthouse simulates a slow phone from the CPU time the page took here, so anything else
    // running on this machine only ever lowers the performance score, never raises it. A run that
    // meets the bars is therefore enough; of several that do not, the best is the closest to the
    // page's own score. The other categories do not depend on timing.
    const runs = [];
    while (runs.length < RUNS && !(runs.length && passes(runs[runs.length - 1]))) {
      runs.push(await lighthouse(`${server.origin}/${name}`, {
        port: chrome.port,
        output: ['json', 'html'],
        logLevel: 'error',
        onlyCategories: Object.keys(BARS),
      }));
    }
    const result = runs.reduce((best, r) => (score(r, 'performance') > score(best, 'performance') ? r : best));
    const base = path.join(REPORT_DIR, name.replace(/\.html$/, ''));
    fs.writeFileSync(`${base}.report.json`, result.report[0]);
    fs.writeFileSync(`${base}.report.html`, result.report[1]);
    const { lhr } = result;
    if (lhr.runtimeError) assert.fail(`${name}: Lighthouse could not run: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);

    const problems = [];
    const scores = [];
    for (const [id, bar] of Object.entries(BARS)) {
      const category = lhr.categories[id];
      scores.push(`${id} ${score(result, id)}`);
      if (score(result, id) >= bar) continue;
      // Name the audits that cost points, so a failure says what to fix.
      const lost = category.auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => `${ref.id} (${lhr.audits[ref.id].displayValue || Math.round(lhr.audits[ref.id].score * 100)})`);
      problems.push(`${id} ${score(result, id)} < ${bar}: ${lost.join(', ') || 'no weighted audit failed'}`);
    }
    const tbt = lhr.audits['total-blocking-time'];
    const line = `Lighthouse ${name}: ${scores.join(', ')}; total blocking time ${tbt ? tbt.displayValue : '?'}; ` +
      `performance in ${runs.length} run(s): ${runs.map((r) => score(r, 'performance')).join(', ')} ` +
      `(CPU benchmark ${runs.map((r) => Math.round(r.lhr.environment.benchmarkIndex)).join(', ')}); report: ${base}.report.html`;
    t.diagnostic(line);
    if (problems.length) assert.fail(`${name}:\n  ${problems.join('\n  ')}`);
  });
}
