// Headless Debian Chromium through playwright-core, and the per-page checks
// that run inside it. Never downloads a browser.
'use strict';
const fs = require('node:fs');
const { chromium } = require('playwright-core');
const { CHROMIUM } = require('./site');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync'];

function launch() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

// Records everything a page must not do: console errors, uncaught errors,
// CSP violations, failed or foreign requests. allowed(url) says which URLs
// may be requested; anything else is aborted and reported.
async function watch(context, page, allowed) {
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    problems.push(`request to a foreign address: ${url}`);
    return route.abort('blockedbyclient');
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber})`);
    });
  });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium asks for /favicon.ico by itself; the site cannot prevent that
    // 404 under a sub-path unless the template links an icon.
    if (/\/favicon\.ico$/.test(m.location().url || '')) return;
    problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !/\/favicon\.ico$/.test(r.url())) problems.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  // A navigation (a click, the embed test loading another page into its frame) cancels the
  // requests of the page it leaves; Chromium reports those as net::ERR_ABORTED. Not the site's
  // fault: such a failure is ignored when its frame navigated (or went away) after it started.
  const navigations = new Map();
  const startedAt = new Map();
  page.on('framenavigated', (f) => navigations.set(f, (navigations.get(f) || 0) + 1));
  page.on('request', (r) => startedAt.set(r, navigations.get(r.frame()) || 0));
  const causedByNavigation = (r) => {
    if (r.isNavigationRequest()) return true;
    const frame = r.frame();
    return frame.isDetached() || (navigations.get(frame) || 0) > (startedAt.get(r) || 0);
  };
  page.on('requestfailed', (r) => {
    const error = r.failure() && r.failure().errorText;
    if (error === 'net::ERR_ABORTED' && causedByNavigation(r)) return;
    if (allowed(r.url())) problems.push(`request failed: ${r.url()} (${error})`);
  });
  return problems;
}

async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}

// Lets Chart.js and ResizeObserver settle: two animation frames.
function settle(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

// Scrolls every chart into view, as a reader would (sdmonitor.js draws a
// chart when it comes near the screen), then back to the top.
async function showCharts(page) {
  const count = await page.evaluate(() => document.querySelectorAll('figure.grafiek').length);
  for (let i = 0; i < count; i++) {
    await page.evaluate((i) => document.querySelectorAll('figure.grafiek')[i].scrollIntoView({ block: 'center' }), i);
    await settle(page);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await settle(page);
}

// For every figure.grafiek (after scrolling each into view): whether its
// canvas holds pixels, and what the Chart.js instance made of the JSON (for
// the contract checks).
async function inspectCharts(page) {
  await showCharts(page);
  return page.evaluate(() => Array.from(document.querySelectorAll('figure.grafiek')).map((fig) => {
    const canvas = fig.querySelector('canvas');
    const out = { id: fig.id || '(zonder id)', canvas: !!canvas, drawn: false };
    if (!canvas) return out;
    out.size = [canvas.width, canvas.height];
    if (canvas.width && canvas.height) {
      const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) { out.drawn = true; break; }
    }
    let spec = null;
    try { spec = JSON.parse(fig.querySelector('script.grafiek-data').textContent); } catch (e) { out.jsonError = String(e); }
    const chart = window.Chart && window.Chart.getChart(canvas);
    if (!spec || !chart) return out;
    out.spec = { type: spec.type, unit: spec.unit, percent: !!spec.percent, stacked: !!spec.stacked, series: spec.series.length };
    out.datasets = chart.data.datasets.length;
    // The value axis as y, also where bars lie down; the category axis shows every label or not.
    const lying = chart.options.indexAxis === 'y';
    const y = lying ? chart.scales.x : chart.scales.y;
    out.y = { min: y.min, max: y.max, stacked: !!y.options.stacked, ticks: y.ticks.map((t) => t.label) };
    // A time axis may skip labels (every other month); names of categories may not.
    const period = /^((jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) \d{4}|K[1-4] \d{4}|\d{4}|\d{2}-\d{2}-\d{4})$/;
    out.categories = {
      labels: chart.data.labels.length,
      shown: (lying ? chart.scales.y : chart.scales.x).ticks.length,
      periods: chart.data.labels.every((l) => period.test(String(l)))
    };
    out.references = chart.data.datasets
      .filter((d, i) => (spec.series[i].role || 'data') !== 'data')
      .map((d) => ({ label: d.label, dashed: Array.isArray(d.borderDash) && d.borderDash.length > 0, points: d.pointRadius }));
    // What the tooltip says for each point, against the precomputed display text.
    const cb = chart.options.plugins.tooltip.callbacks;
    out.tooltipMismatches = [];
    spec.series.forEach((s, di) => (s.display || []).forEach((text, j) => {
      if (!text) return;
      const got = cb.label.call(chart.tooltip, { dataset: chart.data.datasets[di], datasetIndex: di, dataIndex: j, chart });
      const want = `${s.label}: ${text}`;
      if (got !== want) out.tooltipMismatches.push(`${want} ≠ ${got}`);
    }));
    // The first suppressed point (null with a display text such as "<10").
    for (let di = 0; di < spec.series.length && !out.suppressed; di++) {
      const s = spec.series[di];
      const j = s.data.findIndex((v, k) => v === null && (s.display || [])[k]);
      if (j >= 0) out.suppressed = { series: di, index: j, text: `${s.label}: ${s.display[j]}` };
    }
    return out;
  }));
}

// Hovers the chart at data index j and returns the tooltip's text lines.
async function hoverTooltip(page, id, j) {
  const pos = await page.evaluate(({ id, j }) => {
    const canvas = document.getElementById(id).querySelector('canvas');
    canvas.scrollIntoView({ block: 'center' });
    const chart = window.Chart.getChart(canvas);
    const r = canvas.getBoundingClientRect();
    const point = chart.getDatasetMeta(0).data[j];
    const middle = { x: (chart.chartArea.left + chart.chartArea.right) / 2, y: (chart.chartArea.top + chart.chartArea.bottom) / 2 };
    if (chart.options.indexAxis === 'y') return { x: r.left + middle.x, y: r.top + (point ? point.y : chart.scales.y.getPixelForValue(j)) };
    return { x: r.left + (point ? point.x : chart.scales.x.getPixelForValue(j)), y: r.top + middle.y };
  }, { id, j });
  await page.mouse.move(pos.x, pos.y);
  await settle(page);
  return page.evaluate((id) => {
    const t = window.Chart.getChart(document.getElementById(id).querySelector('canvas')).tooltip;
    if (!t || !t.opacity) return [];
    return [].concat(...t.body.map((b) => b.lines), t.afterBody || []);
  }, id);
}

// Clicks the first legend entry (the list under the canvas); returns whether every dataset is
// still shown, and false when the chart has no legend.
async function clickLegend(page, id) {
  const item = page.locator(`#${id} .grafiek-legenda li`).first();
  if (!(await item.count())) return false;
  await item.scrollIntoViewIfNeeded();
  await item.click();
  await settle(page);
  return page.evaluate((id) => {
    const chart = window.Chart.getChart(document.getElementById(id).querySelector('canvas'));
    return chart.data.datasets.every((d, i) => chart.isDatasetVisible(i));
  }, id);
}

const AXE_SOURCE = () => fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Runs axe-core on the page (all <details> opened so the tables are checked
// too) and returns the violations as readable lines.
async function axeViolations(page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  // page.addScriptTag({path}) would insert an inline <script>, which the
  // page's own CSP (default-src 'self') rightly blocks; evaluating the
  // source through the DevTools protocol is not subject to the page's CSP.
  await page.evaluate(AXE_SOURCE());
  const violations = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
  }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ')}`),
  }))), AXE_TAGS);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = false; }));
  return violations.map((v) => `axe ${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `      - ${n}`).join('\n')}` +
    (v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : ''));
}

module.exports = { launch, watch, cspViolations, settle, showCharts, inspectCharts, hoverTooltip, clickLegend, axeViolations, AXE_TAGS };
