// Static checks on every generated page, no browser needed: html-validate
// (recommended rules, see .htmlvalidate.json), the contract's CSP rules (no
// inline code or style), local links that resolve, and chart JSON that keeps
// to the markup contract. Run: node --test tests/browser/
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { HtmlValidate, StaticConfigLoader } = require('html-validate');
const { SITE_DIR, htmlPages, requireSite } = require('./lib/site');

// .htmlvalidate.json carries // comments with the reason for each relaxation.
function loadConfig() {
  const text = fs.readFileSync(path.join(__dirname, '.htmlvalidate.json'), 'utf8');
  return JSON.parse(text.split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n'));
}

function pages() {
  try {
    return htmlPages();
  } catch {
    return [];
  }
}

const ids = new Map(); // page -> Set of ids, for fragment links
function idsOf(rel) {
  if (!ids.has(rel)) {
    const html = fs.readFileSync(path.join(SITE_DIR, rel), 'utf8');
    ids.set(rel, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1]))));
  }
  return ids.get(rel);
}

// Attribute text as the browser reads it: entities decoded.
function decodeEntities(text) {
  const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, e) => (e[0] === '#'
    ? String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
    : named[e.toLowerCase()] || all));
}

const UNITS = ['euro', 'personen', 'aantal', 'procent', 'cijfer'];
const ROLES = ['data', 'begroting', 'prognose'];

// Problems in one chart's JSON text (as written in the page).
function chartJsonProblems(raw) {
  if (raw.includes('<')) return ['"<" is not written as \\u003c'];
  let spec;
  try {
    spec = JSON.parse(raw);
  } catch (e) {
    return [`does not parse: ${e.message}`];
  }
  const p = [];
  if (!['line', 'bar'].includes(spec.type)) p.push(`type ${JSON.stringify(spec.type)}`);
  if (!UNITS.includes(spec.unit)) p.push(`unit ${JSON.stringify(spec.unit)}`);
  if (!Array.isArray(spec.labels) || !Array.isArray(spec.series) || !spec.series.length) return [...p, 'labels or series missing'];
  for (const s of spec.series) {
    const at = `series "${s.label}"`;
    if (typeof s.label !== 'string') p.push(`${at}: label is not a string`);
    if (!ROLES.includes(s.role || 'data')) p.push(`${at}: role ${JSON.stringify(s.role)}`);
    if (!Array.isArray(s.data) || s.data.length !== spec.labels.length) { p.push(`${at}: ${s.data && s.data.length} values for ${spec.labels.length} labels`); continue; }
    if (!Array.isArray(s.display) || s.display.length !== s.data.length) { p.push(`${at}: display has not one text per value`); continue; }
    s.data.forEach((v, i) => {
      if (v !== null && typeof v !== 'number') p.push(`${at}[${i}]: ${JSON.stringify(v)} is not a number or null`);
      if (s.display[i] === '<10' && v !== null) p.push(`${at}[${i}]: shown as <10 but the value is in the JSON`);
      // Privacy: a count of persons under 10 never reaches the page.
      if (spec.unit === 'personen' && typeof v === 'number' && v < 10) p.push(`${at}[${i}]: person count under 10 published`);
    });
  }
  return p;
}

test('the site exists', () => requireSite());

const validator = new HtmlValidate(new StaticConfigLoader(loadConfig()));

for (const rel of pages()) {
  test(`static ${rel}`, async () => {
    const file = path.join(SITE_DIR, rel);
    const html = fs.readFileSync(file, 'utf8');
    const problems = [];

    const report = await validator.validateString(html, file);
    for (const r of report.results) {
      for (const m of r.messages) problems.push(`${rel}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
    }

    // CSP default-src 'self': no inline style, no inline code, no event handlers.
    if (/\sstyle\s*=/i.test(html)) problems.push('inline style="" attribute');
    if (/\son[a-z]+\s*=/i.test(html.replace(/<script type="application\/json"[^>]*>[\s\S]*?<\/script>/g, ''))) problems.push('inline event handler attribute');
    if (/<style[\s>]/i.test(html)) problems.push('<style> element');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      const attrs = m[1];
      if (/\ssrc=/.test(attrs)) continue;
      if (!/type="application\/json"/.test(attrs)) problems.push(`inline <script${attrs}> with code`);
    }

    // Every chart's JSON follows the contract.
    for (const m of html.matchAll(/<figure class="grafiek" id="([^"]*)"[\s\S]*?<script type="application\/json" class="grafiek-data">([\s\S]*?)<\/script>/g)) {
      for (const p of chartJsonProblems(m[2])) problems.push(`${m[1]} chart JSON: ${p}`);
    }

    // Local links, stylesheets, scripts and downloads resolve; so do fragments.
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const ref = decodeEntities(m[1]);
      if (/^(https:|mailto:)/.test(ref)) continue;
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref)) { problems.push(`link to ${ref}: only relative, https: or mailto: links`); continue; }
      if (ref.startsWith('/')) { problems.push(`absolute path ${ref} breaks under a sub-path`); continue; }
      const [pathPart, frag] = ref.split('#');
      const target = pathPart ? path.posix.normalize(path.posix.join(path.posix.dirname(rel), decodeURIComponent(pathPart))) : rel;
      if (target.startsWith('..') || !fs.existsSync(path.join(SITE_DIR, target)) || !fs.statSync(path.join(SITE_DIR, target)).isFile()) {
        problems.push(`broken link ${ref}`);
        continue;
      }
      if (frag && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(frag))) problems.push(`link ${ref}: no id "${frag}" there`);
    }

    if (problems.length) assert.fail(`${rel}:\n  ${problems.join('\n  ')}`);
  });
}
