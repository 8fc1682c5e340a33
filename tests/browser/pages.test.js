// Loads every page of the generated site in headless Chromium over http (with
// the production CSP) and from file://, and checks what a reader gets:
// no errors, no foreign requests, drawn charts that follow the chart JSON,
// no axe-core WCAG 2.1 A/AA violations, no sideways scrolling at 360 px.
// Screenshots go to build/screenshots/. Run: node --test tests/browser/
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { serve } = require('./lib/server');
const { SITE_DIR, SCREENSHOT_DIR, htmlPages, requireSite } = require('./lib/site');
const b = require('./lib/browser');

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

let server;
let browser;

before(async () => {
  requireSite();
  server = await serve(SITE_DIR);
  browser = await b.launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

function pages() {
  try {
    return htmlPages();
  } catch {
    return []; // before() reports the missing site
  }
}

// Fails the test with every problem found on the page, one per line.
function report(where, problems) {
  if (problems.length) assert.fail(`${where}:\n  ${problems.join('\n  ')}`);
}

function local(url) {
  return url.startsWith(server.origin + '/');
}

async function newPage(allowed, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', locale: 'nl-NL' });
  const page = await context.newPage();
  const problems = await b.watch(context, page, allowed);
  return { context, page, problems };
}

// The checks on the charts of one loaded page; returns problems as text.
async function chartProblems(page) {
  const problems = [];
  for (const c of await b.inspectCharts(page)) {
    const at = `${c.id}:`;
    if (!c.canvas) { problems.push(`${at} no canvas`); continue; }
    if (c.jsonError) problems.push(`${at} chart JSON does not parse: ${c.jsonError}`);
    if (!c.drawn) problems.push(`${at} canvas ${c.size} is blank`);
    if (!c.spec) { if (!c.jsonError) problems.push(`${at} no Chart.js chart on the canvas`); continue; }
    if (c.datasets !== c.spec.series) problems.push(`${at} ${c.datasets} datasets for ${c.spec.series} series`);
    const ticks = c.y.ticks;
    const pattern = c.spec.percent || c.spec.unit === 'procent' ? /^-?\d{1,3}(,\d+)?%$/
      : c.spec.unit === 'euro' ? /^€ -?\d{1,3}(\.\d{3})*(,\d+)?( mln)?$/
        : c.spec.unit === 'cijfer' ? /^-?\d+(,\d+)?$/
          : /^-?\d{1,3}(\.\d{3})*$/;
    const bad = ticks.filter((t) => !pattern.test(t));
    if (bad.length) problems.push(`${at} y-axis labels not in Dutch ${c.spec.unit} format: ${bad.join(' | ')}`);
    if (c.spec.type === 'bar' && !c.categories.periods && c.categories.shown < c.categories.labels) problems.push(`${at} ${c.categories.shown} of ${c.categories.labels} category labels shown`);
    if (c.y.min > 0) problems.push(`${at} y-axis starts at ${c.y.min}, not 0: small changes look large`);
    if (c.spec.percent && (c.y.min !== 0 || c.y.max !== 100)) problems.push(`${at} percent axis runs ${c.y.min}–${c.y.max}, not 0–100`);
    if (c.spec.stacked !== c.y.stacked) problems.push(`${at} stacked is ${c.y.stacked}, JSON says ${c.spec.stacked}`);
    for (const r of c.references) {
      if (!r.dashed || r.points !== 0) problems.push(`${at} reference line "${r.label}" is not dashed without points`);
    }
    if (c.tooltipMismatches.length) problems.push(`${at} tooltip texts differ from "display": ${c.tooltipMismatches.slice(0, 3).join('; ')}`);
    if (c.suppressed) {
      const lines = await b.hoverTooltip(page, c.id, c.suppressed.index);
      if (!lines.includes(c.suppressed.text)) {
        problems.push(`${at} hovering point ${c.suppressed.index} does not show "${c.suppressed.text}" (tooltip: ${JSON.stringify(lines)})`);
      }
    }
    if (!(await b.clickLegend(page, c.id))) problems.push(`${at} has no legend, or clicking it hides a series (it must not be a control)`);
  }
  return problems;
}

for (const rel of pages()) {
  test(`page ${rel}`, { timeout: 60_000 }, async () => {
    const { context, page, problems } = await newPage(local);
    try {
      await page.goto(`${server.origin}/${rel}`, { waitUntil: 'load' });
      await b.settle(page);
      problems.push(...await chartProblems(page));
      problems.push(...await b.axeViolations(page));
      await page.setViewportSize(PHONE);
      await b.settle(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width) {
        const wide = await page.evaluate((w) => {
          // Elements that stick out (box or overflowing content), deepest
          // first; inside a scroll box only absolutely positioned ones escape.
          const out = Array.from(document.body.querySelectorAll('*')).filter((e) => {
            const r = e.getBoundingClientRect();
            const cs = getComputedStyle(e);
            if (e.closest('.tabel-schuif') && !/absolute|fixed/.test(cs.position)) return false;
            return r.right > w + 1 || (cs.overflowX === 'visible' && r.width > 0 && r.left + e.scrollWidth > w + 1);
          });
          return out.filter((e) => !out.some((o) => o !== e && e.contains(o))).slice(0, 5)
            .map((e) => `<${e.localName}${e.className ? ` class="${e.className}"` : ''}>`);
        }, PHONE.width);
        problems.push(`at ${PHONE.width} px the page scrolls sideways (scrollWidth ${width}); too wide: ${wide.join(', ')}`);
      }
      problems.push(...(await b.cspViolations(page)).map((v) => `CSP violation: ${v}`));
    } finally {
      await context.close();
    }
    report(rel, problems);
  });
}

// Pages to check from file:// and to photograph: the overview and the
// chapter page of the latest edition with the most charts (wmo.html on a tie).
function showcase() {
  const all = pages();
  const count = (p) => fs.readFileSync(path.join(SITE_DIR, p), 'utf8').split('class="grafiek"').length - 1;
  const chapters = all.filter((p) => p !== 'index.html' && p !== 'afdrukken.html' && !p.includes('/') && count(p) > 0)
    .sort((a, b) => count(b) - count(a) || (b === 'wmo.html') - (a === 'wmo.html'));
  return ['index.html', ...chapters.slice(0, 1)].filter((p) => all.includes(p));
}

// A keyboard user reaches every link, summary and scroll region with Tab, in document order,
// and sees where the focus is.
test('keyboard: Tab reaches every control with a visible focus', { timeout: 120_000 }, async () => {
  for (const rel of showcase()) {
    const { context, page, problems } = await newPage(local);
    try {
      await page.goto(`${server.origin}/${rel}`, { waitUntil: 'load' });
      await b.settle(page);
      const expected = await page.evaluate(() => {
        const all = document.querySelectorAll('a[href], summary, [tabindex="0"], button, input, select, textarea');
        // Content of a closed <details> is not reachable until its summary opens it.
        const hidden = (e) => e.localName !== 'summary' && e.closest('details:not([open])');
        return Array.from(all).filter((e) => !hidden(e) && (e.getClientRects().length > 0 || e.classList.contains('skiplink')))
          .map((e, i) => { e.dataset.kb = String(i); return i; }).length;
      });
      const reached = new Set();
      let invisible = 0;
      for (let n = 0; n < expected + 5; n++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(() => {
          const e = document.activeElement;
          if (!e || e === document.body) return null;
          const cs = getComputedStyle(e);
          const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
          return { kb: e.dataset.kb, visible };
        });
        if (!info) continue;
        if (info.kb !== undefined) reached.add(info.kb);
        if (!info.visible) invisible++;
      }
      if (reached.size < expected) problems.push(`Tab reached ${reached.size} of ${expected} controls`);
      if (invisible) problems.push(`${invisible} focused controls without a visible focus indicator`);
    } finally {
      await context.close();
    }
    report(`keyboard ${rel}`, problems);
  }
});

test('charts draw from file://', { timeout: 60_000 }, async () => {
  const siteUrl = pathToFileURL(SITE_DIR).href;
  for (const rel of showcase()) {
    const { context, page, problems } = await newPage((url) => url.startsWith(siteUrl + '/'));
    try {
      await page.goto(pathToFileURL(path.join(SITE_DIR, rel)).href, { waitUntil: 'load' });
      await b.settle(page);
      for (const c of await b.inspectCharts(page)) {
        if (!c.drawn) problems.push(`${c.id}: canvas is blank`);
      }
    } finally {
      await context.close();
    }
    report(`file://…/${rel}`, problems);
  }
});

test('screenshots: desktop, phone, print, PDF', { timeout: 120_000 }, async () => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const rel of showcase()) {
    const name = rel.replace(/\.html$/, '').replace(/\//g, '-');
    const { context, page, problems } = await newPage(local);
    try {
      await page.goto(`${server.origin}/${rel}`, { waitUntil: 'load' });
      await b.showCharts(page);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-desktop.png`), fullPage: true });
      await page.setViewportSize(PHONE);
      await b.settle(page);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-phone.png`), fullPage: true });
      // A4 portrait is about 794 CSS px wide.
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: 'print' });
      await b.settle(page);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-print.png`), fullPage: true });
      await page.pdf({ path: path.join(SCREENSHOT_DIR, `${name}.pdf`), format: 'A4', printBackground: true });
    } finally {
      await context.close();
    }
    report(rel, problems);
  }
});

// The iframe code under a chart, pasted into another site (the municipality's CMS): on a web
// server the code carries the full address, the frame shows the drawn chart with its table and
// CSV link, and "Bekijk de hele monitor" leads to the figure on its chapter page, outside the frame.
test('embedding: the iframe code shows the chart inside another site', { timeout: 60_000 }, async () => {
  // The CMS: a second server on this machine, so another origin.
  let host = '';
  const cms = http.createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(host));
  await new Promise((r) => cms.listen(0, '127.0.0.1', r));
  const CMS = `http://127.0.0.1:${cms.address().port}/`;
  const { context, page, problems } = await newPage((url) => local(url) || url.startsWith(CMS));
  try {
    await page.goto(`${server.origin}/wmo.html`, { waitUntil: 'networkidle' });
    const code = await page.evaluate(() => {
      const details = document.querySelector('figure.grafiek details.insluiten');
      return details && {
        text: details.querySelector('pre code').textContent,
        button: !!details.querySelector('button'),
        noteHidden: details.querySelector('.insluiten-relatief').hidden,
      };
    });
    assert.ok(code, 'wmo.html: no "insluiten" under the first chart');
    const src = (/src="([^"]+)"/.exec(code.text) || [])[1];
    if (src !== `${server.origin}/grafiek/grafiek-1.html`) problems.push(`iframe src is ${src}, not the full address`);
    if (!/title="Grafiek 1: [^"]+"/.test(code.text)) problems.push(`iframe code has no title: ${code.text}`);
    if (!code.button) problems.push('no copy button');
    if (!code.noteHidden) problems.push('the note about a relative address is still shown');

    host = `<!doctype html><html lang="nl"><title>Gemeente</title><h1>Zorg in cijfers</h1>${code.text}`;
    await page.goto(CMS, { waitUntil: 'load' });
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    // loading="lazy": the frame loads, and the chart draws, once it is on screen (it is).
    await frame.waitForFunction(() => {
      const canvas = document.querySelector('figure.grafiek canvas');
      return canvas && window.Chart && window.Chart.getChart(canvas);
    }, null, { timeout: 10_000 }).catch(() => {});
    const inside = await frame.evaluate(() => {
      const fig = document.querySelector('figure.grafiek');
      const canvas = fig && fig.querySelector('canvas');
      const chart = canvas && window.Chart && window.Chart.getChart(canvas);
      const back = Array.from(document.querySelectorAll('a')).find((a) => a.textContent === 'Bekijk de hele monitor');
      return {
        url: location.href,
        figures: document.querySelectorAll('figure').length,
        drawn: !!chart && canvas.width > 0,
        table: !!(fig && fig.querySelector('table caption')),
        csv: fig && fig.querySelector('a[download]').href,
        back: back && { href: back.href, target: back.target },
        insluiten: !!document.querySelector('details.insluiten'),
      };
    });
    if (inside.url !== src) problems.push(`the frame shows ${inside.url}`);
    if (inside.figures !== 1) problems.push(`the embedded page has ${inside.figures} figures`);
    if (!inside.drawn) problems.push('the chart is not drawn inside the frame');
    if (!inside.table) problems.push('no table in the embedded figure');
    if (inside.csv !== `${server.origin}/data/grafiek-1.csv`) problems.push(`CSV link is ${inside.csv}`);
    if (inside.insluiten) problems.push('the embedded page offers to embed itself');
    if (!inside.back || inside.back.href !== `${server.origin}/wmo.html#grafiek-1` || inside.back.target !== '_top') {
      problems.push(`"Bekijk de hele monitor" is ${JSON.stringify(inside.back)}`);
    }
    problems.push(...(await b.cspViolations(page)).map((v) => `CSP violation: ${v}`));
  } finally {
    await context.close();
    cms.closeAllConnections();
    await new Promise((r) => cms.close(r));
  }
  report('embedding grafiek-1', problems);
});
