// Charts say their message without colour: printed in greyscale, or read by someone who does not
// see the difference between blue and green, no two series of a chart look the same, in the plot
// or in the legend. In a chart of one line per year, the newest year is the thickest line and is
// drawn on top. Everything is read from the Chart.js instances and the legend as drawn.
// Run: node --test tests/browser/greyscale.test.js
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { siteAndBrowser } = require('./lib/fixture');
const { showCharts } = require('./lib/browser');
const { chartPages } = require('./lib/site');

const env = siteAndBrowser();
const PAGES = chartPages();

// Runs in the page: for every chart, how each dataset looks without colour.
function looks() {
  const grey = (r, g, b) => 0.299 * r + 0.587 * g + 0.114 * b;
  // A fill (colour or pattern) painted on a tile, as grey levels.
  const tile = (style) => {
    const c = document.createElement('canvas');
    c.width = c.height = 20;
    const g = c.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 20, 20);
    g.fillStyle = style;
    g.fillRect(0, 0, 20, 20);
    const px = g.getImageData(0, 0, 20, 20).data;
    const out = [];
    for (let i = 0; i < px.length; i += 4) out.push(grey(px[i], px[i + 1], px[i + 2]));
    return out;
  };
  // A dash pattern as the eye reads it: the drawn segments as dots (up to 4 px), dashes (up to
  // 10 px) or long dashes; the gaps do not tell patterns apart.
  const dash = (d) => (d || []).filter((v, i) => i % 2 === 0).map((v) => (v <= 4 ? 'dot' : v <= 10 ? 'dash' : 'long')).join('-') || 'solid';
  const colourGrey = (css) => {
    const g = document.createElement('canvas').getContext('2d');
    g.fillStyle = css;
    g.fillRect(0, 0, 1, 1);
    const [r, gg, b] = g.getImageData(0, 0, 1, 1).data;
    return grey(r, gg, b);
  };
  // The legend's swatch of dataset i, as drawn: its darkest grey along the middle row, whether
  // that row has gaps (a dashed line) clear of a marker, and how tall the ink is in the middle
  // column (a marker stands out above and below its line), in CSS pixels.
  const swatch = (fig, i, withMarker) => {
    const c = fig.querySelectorAll('.grafiek-legenda li canvas')[i];
    if (!c || !c.width) return null;
    const ratio = c.width / c.getBoundingClientRect().width;
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const ink = (x, y) => {
      const k = 4 * (y * c.width + x), a = px[k + 3] / 255;
      return grey(px[k], px[k + 1], px[k + 2]) * a + 255 * (1 - a) < 200;
    };
    const mid = Math.floor(c.width / 2), y = Math.floor(c.height / 2), clear = Math.round(6 * ratio);
    const parts = withMarker ? [[0, mid - clear], [mid + clear, c.width]] : [[0, c.width]];
    const gaps = parts.some(([from, to]) => {
      const inked = [];
      for (let x = from; x < to; x++) if (ink(x, y)) inked.push(x);
      return inked.length > 1 && inked[inked.length - 1] - inked[0] + 1 > inked.length;
    });
    let tall = 0, darkest = 255;
    for (let yy = 0; yy < c.height; yy++) if (ink(mid, yy)) tall++;
    for (let x = 0; x < c.width; x++) {
      const k = 4 * (y * c.width + x);
      if (px[k + 3] === 255) darkest = Math.min(darkest, grey(px[k], px[k + 1], px[k + 2]));
    }
    return {
      gaps, tall: tall / ratio, darkest,
      label: fig.querySelectorAll('.grafiek-legenda li')[i].textContent.trim(),
    };
  };
  return Array.from(document.querySelectorAll('figure.grafiek')).map((fig) => {
    const chart = window.Chart.getChart(fig.querySelector('canvas'));
    if (!chart) return { id: fig.id, missing: true };
    const metas = chart.getSortedVisibleDatasetMetas();
    return {
      id: fig.id,
      // The dataset drawn last, on top of the others (Chart.js draws in reverse of this order).
      onTop: metas.length ? metas[0].index : -1,
      datasets: chart.data.datasets.map((ds, i) => {
        const meta = chart.getDatasetMeta(i);
        const line = meta.type === 'line';
        const o = line ? meta.dataset.options : meta.data[0].options;
        const point = line && meta.data[0] ? meta.data[0].options : null;
        const marker = point && point.radius > 0 ? String(point.pointStyle) : 'none';
        return {
          label: ds.label,
          line,
          dash: line ? dash(o.borderDash) : null,
          marker,
          width: line ? o.borderWidth : 0,
          grey: colourGrey(line ? o.borderColor : '#000'),
          fill: line ? null : tile(o.backgroundColor),
          swatch: swatch(fig, i, marker !== 'none'),
        };
      }),
    };
  });
}

// Two datasets look alike without colour: lines with the same kind of dash, marker and about the
// same width; fills whose tiles differ by less than 30 grey levels on average.
function alike(a, b) {
  if (a.line !== b.line) return false;
  if (a.line) return a.dash === b.dash && a.marker === b.marker && Math.abs(a.width - b.width) < 1.5;
  const diff = a.fill.reduce((sum, v, k) => sum + Math.abs(v - b.fill[k]), 0) / a.fill.length;
  return diff < 30;
}

const YEAR = /^\d{4}$/;

test('the site has chapter pages with charts', () => {
  assert.ok(PAGES.length > 0, 'no page with charts found');
});

for (const name of PAGES) {
  test(`${name}: every series of a chart looks different in greyscale, in the plot and in its legend`, async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${env.server.origin}/${name}`, { waitUntil: 'load' });
    await showCharts(page);
    const charts = await page.evaluate(looks);
    assert.ok(charts.length > 0, `no charts on ${name}`);
    const problems = [];
    for (const c of charts) {
      if (c.missing) { problems.push(`${c.id}: not drawn`); continue; }
      const ds = c.datasets;
      for (let i = 0; i < ds.length; i++) {
        for (let j = i + 1; j < ds.length; j++) {
          if (alike(ds[i], ds[j])) problems.push(`${c.id}: "${ds[i].label}" and "${ds[j].label}" look the same without colour`);
        }
        // The legend shows the same pattern as the line: label, dashes, marker, grey.
        const s = ds[i].swatch;
        if (!s) { problems.push(`${c.id}: no legend swatch for "${ds[i].label}"`); continue; }
        if (s.label !== ds[i].label) problems.push(`${c.id}: legend entry ${i} says "${s.label}", the series is "${ds[i].label}"`);
        if (!ds[i].line) continue;
        if (s.gaps !== (ds[i].dash !== 'solid')) problems.push(`${c.id}: the legend of "${ds[i].label}" is ${s.gaps ? 'dashed' : 'solid'}, the line ${ds[i].dash}`);
        if ((s.tall > ds[i].width + 1) !== (ds[i].marker !== 'none')) problems.push(`${c.id}: the legend of "${ds[i].label}" ${s.tall > ds[i].width + 1 ? 'has a marker' : 'lacks the marker ' + ds[i].marker}`);
        if (Math.abs(s.darkest - ds[i].grey) > 40) problems.push(`${c.id}: the legend of "${ds[i].label}" is grey ${Math.round(s.darkest)}, the line ${Math.round(ds[i].grey)}`);
      }
      // One line per year: the newest year is the thickest line and on top.
      const years = ds.map((d, i) => ({ ...d, i })).filter((d) => d.line && YEAR.test(d.label));
      if (years.length >= 2) {
        const newest = years.reduce((a, b) => (b.label > a.label ? b : a));
        const others = ds.filter((d, i) => i !== newest.i);
        if (c.onTop !== newest.i) problems.push(`${c.id}: "${ds[c.onTop].label}" is drawn over the newest year, ${newest.label}`);
        if (!others.every((d) => d.width < newest.width)) problems.push(`${c.id}: the newest year, ${newest.label}, is not the thickest line`);
      }
    }
    assert.deepEqual(problems, []);
    await page.close();
  });
}
