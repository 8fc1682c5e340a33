// Tables on a phone (360 px): a table of periods opens at its newest column,
// and what a row is stays in view however far the table is scrolled. On a
// wide screen every table still starts at the left.
// Run: node --test tests/browser/phone.test.js
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { siteAndBrowser } = require('./lib/fixture');
const { showCharts } = require('./lib/browser');

const env = siteAndBrowser();

// Per scrolling table: does it scroll, is its last header cell in view as the page opens, and
// is its first column in view after scrolling to either end.
function measure() {
  const inside = (cell, box) => {
    const c = cell.getBoundingClientRect();
    return c.left >= box.left - 1 && c.right <= box.right + 1;
  };
  return Array.from(document.querySelectorAll('.tabel-schuif')).map((box) => {
    const table = box.querySelector('table');
    const heads = table.querySelectorAll('thead tr:last-child th');
    const rect = () => box.getBoundingClientRect();
    const out = {
      name: table.querySelector('caption').textContent.trim(),
      newest: box.classList.contains('tabel-schuif-eind'),
      scrolls: box.scrollWidth > box.clientWidth + 1,
      lastInView: inside(heads[heads.length - 1], rect()),
      rowHeads: [],
    };
    for (const end of [-1e6, 1e6]) {
      box.scrollLeft = end;
      out.rowHeads.push(Array.from(table.querySelectorAll('tbody th[scope="row"]')).every((th) => inside(th, rect())));
    }
    return out;
  });
}

for (const path of ['index.html', 'wmo.html', 'veranderd.html']) {
  test(`${path} at 360 px: the newest column in view, row names kept`, async () => {
    const page = await env.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${env.server.origin}/${path}`, { waitUntil: 'load' });
    const tables = await page.evaluate(measure);
    assert.ok(tables.some((t) => t.scrolls), `no table on ${path} is wider than a phone`);
    for (const t of tables) {
      if (!t.scrolls) continue;
      if (t.newest) assert.ok(t.lastInView, `${path}: "${t.name}" opens without its newest column`);
      assert.deepEqual(t.rowHeads, [true, true], `${path}: "${t.name}" scrolls its row names away`);
    }
    assert.ok(tables.some((t) => t.scrolls && t.newest), `${path}: no table of periods opens at its end`);
    await page.close();
  });
}

test('on a wide screen every table starts at the left of its box', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const path of ['index.html', 'wmo.html', 'veranderd.html']) {
    await page.goto(`${env.server.origin}/${path}`, { waitUntil: 'load' });
    const shifted = await page.evaluate(() => Array.from(document.querySelectorAll('.tabel-schuif'))
      .filter((box) => box.offsetParent !== null)
      .filter((box) => Math.abs(box.querySelector('table').getBoundingClientRect().left - box.getBoundingClientRect().left) > 1)
      .map((box) => box.querySelector('caption').textContent.trim()));
    assert.deepEqual(shifted, [], `${path}: tables moved to the right`);
  }
  await page.close();
});

// At 320 px (the narrowest phone WCAG reflow asks for) every legend entry of every chart is shown
// whole: its swatch and full name inside the chart's box, nothing cut off.
test('at 320 px every legend entry of every chart is shown whole', async () => {
  const page = await env.browser.newPage({ viewport: { width: 320, height: 740 } });
  const clipped = [];
  let entries = 0;
  for (const path of ['wmo.html', 'jeugd.html', 'participatie.html']) {
    await page.goto(`${env.server.origin}/${path}`, { waitUntil: 'load' });
    await showCharts(page);
    const found = await page.evaluate(() => Array.from(document.querySelectorAll('figure.grafiek')).map((fig) => {
      const spec = JSON.parse(fig.querySelector('script.grafiek-data').textContent);
      const box = fig.querySelector('.grafiek-vlak').getBoundingClientRect();
      const items = Array.from(fig.querySelectorAll('.grafiek-legenda li'));
      return spec.series.map((s, i) => {
        const li = items[i];
        if (!li) return { name: s.label, problem: 'has no legend entry' };
        if (li.textContent.trim() !== s.label) return { name: s.label, problem: `is named "${li.textContent.trim()}"` };
        // Where the swatch and the letters of the name really are, wherever they overflow to.
        const range = document.createRange();
        range.selectNodeContents(li);
        const r = range.getBoundingClientRect();
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) return { name: s.label, problem: `runs ${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} px in a box of ${Math.round(box.width)}` };
        if (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) return { name: s.label, problem: 'is cut off below' };
        return { name: s.label };
      }).map((e) => ({ ...e, id: fig.id }));
    }).flat());
    entries += found.length;
    for (const e of found) if (e.problem) clipped.push(`${path} ${e.id}: "${e.name}" ${e.problem}`);
  }
  assert.ok(entries > 40, `only ${entries} legend entries found`);
  assert.deepEqual(clipped, []);
  await page.close();
});
