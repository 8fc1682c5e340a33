#!/usr/bin/env node
// Benchmark corpus: N municipalities × the demo's editions, plus an equivalent Hugo site.
//
//   node tests/bench/gen-corpus.mjs --n 40 --out /tmp/corpus [--demo content] [--seed 1]
//
// Writes
//   <out>/sdmonitor/<gemeente>/<editie>/...   one valid sdmonitor content folder per municipality
//                                             (build each with --content <out>/sdmonitor/<gemeente>)
//   <out>/hugo/                               a Hugo project over the same files: the Markdown pages
//                                             converted to shortcodes, the CSV files and editie.yaml
//                                             read in place through assetDir = <out>/sdmonitor
//   <out>/corpus.json                         summary (municipalities, editions, pages, charts)
//
// Every municipality is a copy of the demo editions with the name replaced and every number scaled
// by a per-municipality size factor (0.3×–3×, log-uniform) and perturbed by a few percent. The
// perturbation of a cell depends only on (seed, municipality, file, row, column), so the editions
// of one municipality agree on their shared history, and the same seed gives a byte-identical
// corpus. Empty cells and text cells stay as they are; a non-zero count never becomes zero.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

function parseArgs(argv) {
  const args = { n: 1, out: null, demo: path.join(repo, 'content'), seed: 1, hugo: true, editions: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--n') args.n = Number(next());
    else if (a === '--out') args.out = next();
    else if (a === '--demo') args.demo = next();
    else if (a === '--seed') args.seed = Number(next());
    else if (a === '--editions') args.editions = Number(next());
    else if (a === '--no-hugo') args.hugo = false;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.out) throw new Error('--out DIR is required');
  if (!Number.isInteger(args.n) || args.n < 1) throw new Error('--n must be a positive integer');
  if (!Number.isInteger(args.editions) || args.editions < 0)
    throw new Error('--editions must be a positive integer (0 = all of the demo)');
  return args;
}

// ---- deterministic randomness ----------------------------------------------------------------

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// Uniform in [0, 1) from a string key.
function unit(key) {
  let x = fnv1a(key);
  // one round of xorshift-multiply to spread the low bits
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return x / 2 ** 32;
}

// ---- municipality names ----------------------------------------------------------------------

const PREFIXES = ['Noord', 'Zuid', 'Oost', 'West', 'Groot', 'Klein', 'Nieuw', 'Oud', 'Hoog', 'Laag',
  'Ber', 'Wol', 'Eem', 'Lin', 'Mar', 'Hel', 'Dor', 'Ste', 'Ven'];
const STEMS = ['veen', 'dam', 'wijk', 'horst', 'broek', 'stede', 'hoven', 'lo', 'mond', 'zijl', 'hem',
  'ingen', 'um', 'rade', 'werf', 'dijk', 'meer', 'sloot', 'beek'];

function municipalityNames(n, seed) {
  const all = [];
  for (const p of PREFIXES) for (const s of STEMS) all.push(p + s);
  // deterministic shuffle, so N=40 is a spread of prefixes rather than 40 times "Noord…"
  all.sort((a, b) => unit(`${seed}:name:${a}`) - unit(`${seed}:name:${b}`) || (a < b ? -1 : 1));
  const names = [];
  for (let i = 0; i < n; i++) {
    const base = all[i % all.length];
    names.push(i < all.length ? base : `${base} ${Math.floor(i / all.length) + 1}`);
  }
  return names;
}

const slugOf = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// ---- the demo --------------------------------------------------------------------------------

function listFiles(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(dir, r));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

function loadDemo(demoDir) {
  const editions = [];
  for (const e of fs.readdirSync(demoDir, { withFileTypes: true })) {
    if (!e.isDirectory() || !fs.existsSync(path.join(demoDir, e.name, 'editie.yaml'))) continue;
    const files = new Map();
    for (const rel of listFiles(path.join(demoDir, e.name)))
      files.set(rel, fs.readFileSync(path.join(demoDir, e.name, rel), 'utf8'));
    const yaml = files.get('editie.yaml');
    const gemeente = /^gemeente:\s*(.+?)\s*$/m.exec(yaml)?.[1];
    const peildatum = /^peildatum:\s*(\S+)/m.exec(yaml)?.[1] ?? '';
    editions.push({ id: e.name, files, gemeente, peildatum });
  }
  if (editions.length === 0) throw new Error(`no editions (folders with editie.yaml) in ${demoDir}`);
  editions.sort((a, b) => (a.peildatum < b.peildatum ? -1 : a.peildatum > b.peildatum ? 1 : 0));
  const gemeente = editions[editions.length - 1].gemeente;
  if (!gemeente) throw new Error('editie.yaml has no gemeente:');
  return { editions, gemeente };
}

// ---- perturbing the data ---------------------------------------------------------------------

const NUMBER = /^-?\d+(,\d+)?$/;

function perturbCsv(text, key, scale) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const header = lines[0].split(';');
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const cells = lines[i].split(';');
    const rowKey = cells[0];
    const rowFactor = 1 + 0.06 * (unit(`${key}:${rowKey}`) - 0.5);
    for (let c = 1; c < cells.length; c++) {
      const v = cells[c];
      if (!NUMBER.test(v) || header[c] === 'eenheid') continue;
      const decimals = v.includes(',') ? v.split(',')[1].length : 0;
      const x = Number(v.replace(',', '.'));
      const cellFactor = 1 + 0.03 * (unit(`${key}:${rowKey}:${header[c]}`) - 0.5);
      let y = x * scale * rowFactor * cellFactor;
      const p = 10 ** decimals;
      y = Math.round(y * p) / p;
      if (x >= 1 && y < 1) y = 1;
      cells[c] = decimals ? y.toFixed(decimals).replace('.', ',') : String(Math.round(y));
    }
    lines[i] = cells.join(';');
  }
  return lines.join(eol);
}

function renameAll(text, from, to) {
  return text.split(from).join(to).split(from.toLowerCase()).join(slugOf(to));
}

// ---- Markdown → Hugo content -----------------------------------------------------------------

function splitFrontMatter(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta = {};
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*):\s*(.*?)\s*$/.exec(line);
    if (kv) meta[kv[1]] = kv[2];
  }
  return { meta, body: text.slice(m[0].length) };
}

function param(name, value) {
  const v = String(value);
  if (!v.includes('`')) return `${name}=\`${v}\``;
  return `${name}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function parseBlock(lines) {
  const o = {};
  for (const line of lines) {
    const kv = /^\s*([A-Za-z_][\w-]*):\s*(.*?)\s*$/.exec(line);
    if (kv) o[kv[1]] = kv[2];
  }
  return o;
}

function listValue(v) {
  const inner = v.replace(/^\[/, '').replace(/\]$/, '');
  return inner.split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter(Boolean).join('|');
}

function tokenize(ref) {
  const tokens = [];
  const re = /"([^"]*)"|(\S+)/g;
  let m;
  while ((m = re.exec(ref))) tokens.push(m[1] ?? m[2]);
  return tokens;
}

// Converts one page. counters = { grafiek, tabel, charts, tiles }: numbers over the whole edition,
// like sdmonitor, and the specs of its charts and key-figure tiles (for "Wat is er veranderd").
function toHugoBody(body, counters) {
  const lines = body.split(/\r?\n/);
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(grafiek|tabel|kerncijfers)\s*$/.exec(lines[i]);
    if (!fence) {
      out.push(lines[i]);
      continue;
    }
    const block = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) block.push(lines[i]);
    const kind = fence[1];
    if (kind === 'kerncijfers') {
      out.push('{{< kerncijfers >}}');
      let tile = null;
      const flush = () => {
        if (!tile) return;
        const o = parseBlock(tile);
        counters.tiles.push(o);
        out.push(`{{< tegel ${Object.entries(o).map(([k, v]) => param(k, v)).join(' ')} >}}`);
      };
      for (const line of block) {
        if (/^\s*-\s/.test(line)) {
          flush();
          tile = [line.replace(/^\s*-\s/, '')];
        } else if (tile) tile.push(line);
      }
      flush();
      out.push('{{< /kerncijfers >}}');
    } else {
      const o = parseBlock(block);
      if (o.kolommen !== undefined) o.kolommen = listValue(o.kolommen);
      const spec = {};
      if (kind === 'grafiek') spec.nr = String(++counters.grafiek);
      else if (o.titel) spec.nr = String(++counters.tabel);
      Object.assign(spec, o);
      if (kind === 'grafiek') counters.charts.push(spec);
      out.push(`{{< ${kind} ${Object.entries(spec).map(([k, v]) => param(k, v)).join(' ')} >}}`);
    }
  }
  // Inline figures: {{ functie bestand [kolom] [periode] }} → {{< cijfer "functie" "bestand" … >}}
  return out.join('\n').replace(/(?<![<{])\{\{(?![<%])\s*([\s\S]*?)\s*\}\}/g, (_, ref) =>
    `{{< cijfer ${tokenize(ref.replace(/\s+/g, ' ')).map((t) => JSON.stringify(t)).join(' ')} >}}`);
}

// Writes one edition as a Hugo section: the newest edition at content/<gemeente>/, older ones at
// content/<gemeente>/<editie>/, like sdmonitor's site/ and site/<editie>/. Besides the Markdown
// pages, the pages sdmonitor generates itself: afdrukken (all chapters in one printable
// document), toegankelijkheid (accessibility statement) and, when the edition has a previous one,
// veranderd (key figures and revised numbers against the previous edition).
// manifests: edition id → { charts, base } of the editions written before (oldest first).
function writeHugoEdition(hugoContent, slug, edition, files, isNewest, manifests) {
  const dir = isNewest ? path.join(hugoContent, slug) : path.join(hugoContent, slug, edition);
  fs.mkdirSync(dir, { recursive: true });
  const pages = [...files.keys()].filter((f) => f.endsWith('.md') && !f.includes('/'))
    .map((f) => ({ file: f, ...splitFrontMatter(files.get(f)) }))
    .sort((a, b) => (a.file === 'index.md' ? -1 : b.file === 'index.md' ? 1 : 0) ||
      Number(a.meta.volgorde ?? 0) - Number(b.meta.volgorde ?? 0) || (a.file < b.file ? -1 : 1));
  const counters = { grafiek: 0, tabel: 0, charts: [], tiles: [] };
  const common = {
    base: `${slug}/${edition}`,
    editie_id: edition,
    outdir: isNewest ? slug : `${slug}/${edition}`,
  };
  const write = (name, fm, body = '') =>
    fs.writeFileSync(path.join(dir, name), `${JSON.stringify({ ...fm, ...common }, null, 1)}\n\n${body}`);
  // Every chart also gets a page of its own to embed (sdmonitor's grafiek/grafiek-N.html): a
  // content page whose layout renders the figure from the same block, linking back to its chapter.
  fs.mkdirSync(path.join(dir, 'grafiek'), { recursive: true });
  for (const p of pages) {
    const first = counters.charts.length;
    const body = toHugoBody(p.body, counters);
    for (const spec of counters.charts.slice(first))
      write(`grafiek/grafiek-${spec.nr}.md`, { title: `Grafiek ${spec.nr}: ${spec.titel}`, layout: 'insluiten',
        _build: { list: 'never' }, url: `/${common.outdir}/grafiek/grafiek-${spec.nr}.html`, grafiek: spec,
        pagina: p.file.replace(/\.md$/, '') });
    const fm = {
      title: p.meta.titel ?? p.file.replace(/\.md$/, ''),
      weight: Number(p.meta.volgorde ?? 0) + 1,
      kort: p.meta.kort ?? p.meta.titel ?? '',
    };
    if (p.file === 'index.md') fm.url = `/${common.outdir}/index.html`;
    write(p.file === 'index.md' ? '_index.md' : p.file, fm, body);
  }
  let generated = 1;
  write('toegankelijkheid.md', { title: 'Toegankelijkheid', layout: 'toegankelijkheid', _build: { list: 'never' } });
  write('afdrukken.md', { title: 'Afdrukken', layout: 'afdrukken', _build: { list: 'never' } });
  const vorige = /^vorige:\s*(\S+)/m.exec(files.get('editie.yaml') ?? '')?.[1];
  if (vorige && manifests.has(vorige)) {
    write('veranderd.md', { title: 'Wat is er veranderd', kort: 'Wat is er veranderd', weight: 1,
      layout: 'veranderd', charts: counters.charts, tiles: counters.tiles,
      vorige_base: manifests.get(vorige).base, vorige_charts: manifests.get(vorige).charts });
    generated++;
  }
  manifests.set(edition, { base: common.base, charts: counters.charts });
  return { pages: pages.length + generated + counters.grafiek, charts: counters.grafiek };
}

// What sdmonitor makes of one edition, as it reports it: a page per Markdown file, plus the
// accessibility statement, when the edition has a previous one "Wat is er veranderd", and the
// embed page of every chart; and every ```grafiek block.
function editionCounts(files, editions) {
  const pages = [...files.keys()].filter((f) => f.endsWith('.md') && !f.includes('/'));
  const vorige = /^vorige:\s*(\S+)/m.exec(files.get('editie.yaml') ?? '')?.[1];
  let charts = 0;
  for (const f of pages) charts += (files.get(f).match(/^```grafiek[ \t]*\r?$/gm) ?? []).length;
  return { pages: pages.length + 1 + (vorige && editions.some((e) => e.id === vorige) ? 1 : 0) + charts, charts };
}

// ---- main ------------------------------------------------------------------------------------

function main() {
  const args = parseArgs(process.argv.slice(2));
  const demo = loadDemo(path.resolve(args.demo));
  // --editions E: only the newest E editions; the oldest kept one then refers to no previous one.
  if (args.editions > 0 && args.editions < demo.editions.length) {
    demo.editions = demo.editions.slice(-args.editions);
    const first = demo.editions[0].files;
    first.set('editie.yaml', first.get('editie.yaml').replace(/^vorige:.*\r?\n/m, ''));
  }
  const out = path.resolve(args.out);
  const sdmRoot = path.join(out, 'sdmonitor');
  const hugoRoot = path.join(out, 'hugo');
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(sdmRoot, { recursive: true });

  const names = municipalityNames(args.n, args.seed);
  const newest = demo.editions[demo.editions.length - 1].id;
  const summary = { n: args.n, seed: args.seed, editions: demo.editions.map((e) => e.id), gemeenten: [],
    pages: 0, charts: 0 };
  for (const name of names) {
    const slug = slugOf(name);
    // size factor 0.3×–3×, log-uniform: from a small village to a mid-sized city
    const scale = Math.exp(Math.log(0.3) + unit(`${args.seed}:${slug}:scale`) * Math.log(10));
    summary.gemeenten.push({ name, slug, scale: Number(scale.toFixed(3)) });
    const manifests = new Map();
    for (const ed of demo.editions) {
      const files = new Map();
      for (const [rel, text] of ed.files) {
        let t = renameAll(text, demo.gemeente, name);
        if (rel.startsWith('data/') && rel.endsWith('.csv'))
          t = perturbCsv(t, `${args.seed}:${slug}:${rel}`, scale);
        files.set(rel, t);
        const target = path.join(sdmRoot, slug, ed.id, rel);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, t);
      }
      const counts = editionCounts(files, demo.editions);
      summary.pages += counts.pages;
      summary.charts += counts.charts;
      if (args.hugo) {
        const r = writeHugoEdition(path.join(hugoRoot, 'content'), slug, ed.id, files, ed.id === newest, manifests);
        if (r.pages !== counts.pages || r.charts !== counts.charts)
          throw new Error(`${slug}/${ed.id}: Hugo has ${r.pages} pages and ${r.charts} charts, sdmonitor ` +
            `${counts.pages} and ${counts.charts}`);
      }
    }
  }

  if (args.hugo) {
    const staticAssets = path.join(hugoRoot, 'static', 'assets');
    fs.mkdirSync(staticAssets, { recursive: true });
    for (const f of fs.readdirSync(path.join(repo, 'assets')))
      fs.copyFileSync(path.join(repo, 'assets', f), path.join(staticAssets, f));
    const chartjs = path.join(repo, 'node_modules', 'chart.js', 'dist', 'chart.umd.js');
    if (fs.existsSync(chartjs)) fs.copyFileSync(chartjs, path.join(staticAssets, 'chart.umd.js'));
    const config = {
      baseURL: '/',
      title: 'Monitor Sociaal Domein',
      languageCode: 'nl',
      theme: 'hugo-theme',
      themesDir: here,
      assetDir: sdmRoot,
      uglyURLs: true,
      disableKinds: ['home', 'taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404'],
      disableHugoGeneratorInject: true,
      enableGitInfo: false,
      markup: { goldmark: { renderer: { unsafe: false }, parser: { autoHeadingIDType: 'github' } } },
    };
    fs.writeFileSync(path.join(hugoRoot, 'config.json'), JSON.stringify(config, null, 2));
  }
  fs.writeFileSync(path.join(out, 'corpus.json'), JSON.stringify(summary, null, 2));
  process.stdout.write(`corpus: ${args.n} gemeenten × ${demo.editions.length} edities, ${summary.pages} pagina's, ` +
    `${summary.charts} grafieken in ${out}\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`gen-corpus: ${e.message}\n`);
  process.exit(1);
}
