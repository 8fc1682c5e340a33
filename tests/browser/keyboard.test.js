// A keyboard and screen-reader user explores a chart: Tab reaches the chart,
// the arrow keys step through its points, and a live region says each value
// as the table under the chart writes it, "<10" as "minder dan 10".
// Run: node --test tests/browser/keyboard.test.js
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { siteAndBrowser } = require('./lib/fixture');

const env = siteAndBrowser();

async function open(path) {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.server.origin}/${path}`, { waitUntil: 'load' });
  return page;
}

// Presses Tab until a chart area has the focus; its figure's id, or null.
async function tabToChart(page, id, limit = 400) {
  for (let k = 0; k < limit; k++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a.classList.contains('grafiek-vlak') ? a.closest('figure').id : null;
    });
    if (focused && (!id || focused === id)) return focused;
  }
  return null;
}

const live = (page, id) => page.locator(`#${id} .grafiek-voorlezer`).textContent();

// The text of a data cell of a chart's table: row `row` (an x position), column `col` (a series),
// without the words for screen readers of its marks.
const cellText = (page, id, row, col) => page.evaluate(([id, row, col]) => {
  const tr = document.querySelectorAll(`#${id} table tbody tr`)[row];
  const td = tr.querySelectorAll('td')[col].cloneNode(true);
  td.querySelectorAll('.sr-only').forEach((e) => e.remove());
  return td.textContent.replace(/\*|h$/g, '').trim();
}, [id, row, col]);

test('Tab reaches a chart; the arrow keys announce its values as its table shows them', async () => {
  const page = await open('wmo.html');
  const id = await tabToChart(page);
  assert.ok(id, 'no chart takes the focus on wmo.html');
  assert.equal(await page.locator(`#${id} .grafiek-voorlezer`).getAttribute('aria-live'), 'polite');
  assert.equal(await page.locator(`#${id} canvas[role="img"]`).getAttribute('aria-hidden'), 'true',
    'the canvas repeats the caption to a screen reader');
  await page.keyboard.press('ArrowRight');
  const first = await live(page, id);
  assert.ok(first.includes(await cellText(page, id, 0, 0)), `"${first}" is not the table's first value`);
  await page.keyboard.press('ArrowRight');
  const second = await live(page, id);
  assert.ok(second.includes(await cellText(page, id, 1, 0)), `"${second}" is not the table's second value`);
  await page.keyboard.press('ArrowDown');
  const other = await live(page, id);
  assert.ok(other.includes(await cellText(page, id, 1, 1)), `"${other}" is not the second series`);
  // The tooltip follows the keyboard, for sighted keyboard users.
  const tooltip = await page.evaluate((id) => {
    const chart = window.Chart.getChart(document.querySelector(`#${id} canvas`));
    return chart.tooltip.getActiveElements().length;
  }, id);
  assert.equal(tooltip, 1);
  await page.close();
});

test('a count under 10 is announced as "minder dan 10"', async () => {
  // The first chart in the demo with a "<10" in its table: where its point is, from its data.
  const page = await open('participatie.html');
  const target = await page.evaluate(() => {
    for (const fig of document.querySelectorAll('figure.grafiek')) {
      const spec = JSON.parse(fig.querySelector('script.grafiek-data').textContent);
      for (let i = 0; i < spec.series.length; i++) {
        const j = (spec.series[i].display || []).indexOf('<10');
        if (j >= 0) return { id: fig.id, i, j };
      }
    }
    return null;
  });
  assert.ok(target, 'no chart with <10 on participatie.html');
  assert.equal(await tabToChart(page, target.id), target.id, `Tab does not reach ${target.id}`);
  await page.keyboard.press('Home');
  for (let k = 0; k < target.i; k++) await page.keyboard.press('ArrowDown');
  for (let k = 0; k < target.j; k++) await page.keyboard.press('ArrowRight');
  const said = await live(page, target.id);
  assert.match(said, /: minder dan 10/);
  assert.doesNotMatch(said, /<10/);
  await page.close();
});
