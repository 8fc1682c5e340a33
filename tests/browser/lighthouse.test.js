// Lighthouse on the overview and one chapter page, served over http with the
// production CSP: accessibility and best practices must score 100 and
// performance at least 95, with Lighthouse's default mobile settings
// (simulated slow 4G and a 4x slower CPU), the best of three runs. The JSON and
// HTML reports of that run are kept in LIGHTHOUSE_DIR (default
// build/lighthouse/). Run: node --test tests/browser/
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { serve } = require('./lib/server');
const { SITE_DIR, REPO, CHROMIUM, requireSite } = require('./lib/site');

const REPORT_DIR = path.resolve(process.env.LIGHTHOUSE_DIR || path.join(REPO, 'build', 'lighthouse'));
const PAGES = ['index.html', 'wmo.html'];
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

for (const name of PAGES) {
  test(`Lighthouse ${name}: accessibility ${BARS.accessibility}, best practices ${BARS['best-practices']}, performance >= ${BARS.performance}`, { timeout: 300_000 }, async (t) => {
    // Lighthouse simulates a slow phone from the CPU time the page took here, so anything else
    // running on this machine only ever lowers the performance score, never raises it. Of
    // several runs the best is therefore the closest to the page's own score; the other
    // categories do not depend on timing.
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await lighthouse(`${server.origin}/${name}`, {
        port: chrome.port,
        output: ['json', 'html'],
        logLevel: 'error',
        onlyCategories: Object.keys(BARS),
      }));
    }
    const performance = (r) => (r.lhr.categories.performance ? r.lhr.categories.performance.score : 0);
    const result = runs.reduce((best, r) => (performance(r) > performance(best) ? r : best));
    const base = path.join(REPORT_DIR, name.replace(/\.html$/, ''));
    fs.writeFileSync(`${base}.report.json`, result.report[0]);
    fs.writeFileSync(`${base}.report.html`, result.report[1]);
    const { lhr } = result;
    if (lhr.runtimeError) assert.fail(`${name}: Lighthouse could not run: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);

    const problems = [];
    const scores = [];
    for (const [id, bar] of Object.entries(BARS)) {
      const category = lhr.categories[id];
      const score = Math.round(category.score * 100);
      scores.push(`${id} ${score}`);
      if (score >= bar) continue;
      // Name the audits that cost points, so a failure says what to fix.
      const lost = category.auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => `${ref.id} (${lhr.audits[ref.id].displayValue || Math.round(lhr.audits[ref.id].score * 100)})`);
      problems.push(`${id} ${score} < ${bar}: ${lost.join(', ') || 'no weighted audit failed'}`);
    }
    t.diagnostic(`Lighthouse ${name}: ${scores.join(', ')}; performance in ${RUNS} runs: ${runs.map((r) => Math.round(performance(r) * 100)).join(', ')} (CPU benchmark ${runs.map((r) => Math.round(r.lhr.environment.benchmarkIndex)).join(', ')}); report: ${base}.report.html`);
    if (problems.length) assert.fail(`${name}:\n  ${problems.join('\n  ')}`);
  });
}
