#!/usr/bin/env node
// Sums callgrind profiles (one per sdmonitor invocation) and prints where the instructions go:
// pipeline stages (inclusive), hotspots (self) and self cost grouped by component.
//
//   node tests/bench/cg-summary.mjs [--top 25] callgrind.out.1 callgrind.out.2 ...
//
// Uses callgrind_annotate (valgrind) to read the files.
import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

const args = process.argv.slice(2);
let top = 25;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]);
  else files.push(args[i]);
}
if (files.length === 0) {
  process.stderr.write('usage: cg-summary.mjs [--top N] callgrind.out...\n');
  process.exit(2);
}

const LINE = /^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$/;

async function annotate(file, inclusive) {
  const { stdout: text } = await run('callgrind_annotate', ['--threshold=100',
    `--inclusive=${inclusive ? 'yes' : 'no'}`, '--auto=no', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const costs = new Map();
  const byFile = new Map(); // "file:function", for grouping by source file
  let total = 0;
  let inTable = false;
  for (const line of text.split('\n')) {
    if (line.includes('file:function')) {
      inTable = true;
      continue;
    }
    const m = LINE.exec(line);
    if (!m) continue;
    const n = Number(m[1].replace(/,/g, ''));
    if (m[2].startsWith('PROGRAM TOTALS')) total = n;
    else if (inTable) {
      const name = m[2].slice(m[2].indexOf(':') + 1); // drop "file:" ("???:" when unknown)
      costs.set(name, (costs.get(name) ?? 0) + n);
      byFile.set(m[2], (byFile.get(m[2]) ?? 0) + n);
    }
  }
  return { costs, byFile, total };
}

// Readable names: no template arguments, no parameter lists, no recursion marks.
function shortName(name) {
  let s = name.replace(/ \[[^\]]*\]$/, '').replace(/'\d+$/, '').replace(/ [[(]clone [^\])]*[\])]/g, '')
    .replace(/\[abi:cxx11\]/g, '').replace(/ const$/, '');
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(/<[^<>]*>/g, '');
  }
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(/(\w|>|\))\((?!below)[^()]*\)/g, '$1');
  }
  s = s.replace(/^.*\s(?=[\w:~]+$)/, '');  // drop a return type
  const obj = / \[([^\]]*)\]$/.exec(name)?.[1]?.split('/').pop() ?? '';
  return obj && !obj.startsWith('sdmonitor') ? `${s} (${obj})` : s;
}

// Tested in order against "file:function"; the first that matches takes the cost.
const TEMPLATE = /generator\/render\/template\.cpp:|sdm::TemplateSet::/;
const GROUPS = [
  ['templates: parsing (TemplateSet::add, tokenize)', (k) => TEMPLATE.test(k) &&
    /TemplateSet::(add|parse|link)|tokenize|tag_token|strip_standalone_lines|split_name|trim_spaces|opening_tag/.test(k)],
  ['templates: rendering (TemplateSet::render, key lookups, escaping)', (k) => TEMPLATE.test(k)],
  ['YAML (YamlNode reader, yaml-cpp)', (k) => /generator\/load\/yaml_source\.cpp:|YamlNode|YamlBuilder|YAML::|libyaml-cpp/.test(k)],
  ['std::regex', (k) => /regex|std::__detail::_(Executor|Compiler|Scanner|NFA|BracketMatcher)/.test(k)],
  ['malloc / free / new / delete', (k) => /malloc|_int_free|\bfree\b|operator new|operator delete|unlink_chunk|tcache|\bnew \(libstdc/.test(k)],
  ['nlohmann::json (page model)', (k) => /nlohmann/.test(k)],
  ['cmark-gfm', (k) => /cmark/.test(k)],
  ['memcpy / memcmp / strlen', (k) => /mem(cpy|move|cmp|set|chr)|str(len|cmp|chr)/.test(k)],
  ['number formatting (printf, to_chars)', (k) => /printf|to_chars|__mpn_|_itoa/.test(k)],
  ['std::map / std::set (_Rb_tree)', (k) => /_Rb_tree/.test(k)],
  ['dynamic linker (ld.so)', (k) => /ld-linux|_dl_|do_lookup_x/.test(k)],
];

// callgrind_annotate takes a second or two per file: run one per core.
async function sum(kind) {
  const all = new Map();
  const byFile = new Map();
  let total = 0;
  const queue = [...files];
  const worker = async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const r = await annotate(f, kind === 'inclusive');
      total += r.total;
      for (const [k, v] of r.costs) all.set(k, (all.get(k) ?? 0) + v);
      for (const [k, v] of r.byFile) byFile.set(k, (byFile.get(k) ?? 0) + v);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, os.cpus().length) }, worker));
  return { all, byFile, total };
}

const pct = (n, total) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
const fmtN = (n) => `${(n / 1e6).toFixed(1).padStart(9)} M`;

const self = await sum('self');
const incl = await sum('inclusive');
const total = self.total;
console.log(`callgrind: ${files.length} invocation(s), ${fmtN(total).trim()} instructions in total, ` +
  `${(total / files.length / 1e6).toFixed(0)} M per invocation`);

console.log('\nPipeline stages, sdmonitor functions and library entry points (inclusive: with all they call)');
const ENTRY = /^(sdm::|YAML::Load$|cmark_parser_finish|cmark_render_html|std::basic_regex::basic_regex|std::__detail::__regex_algo_impl)/;
const inclusiveRows = [...incl.all].map(([k, v]) => [shortName(k), v])
  .filter(([k]) => ENTRY.test(k) && !/^sdm::(build|generate)$/.test(k));
const merged = new Map();
for (const [k, v] of inclusiveRows) merged.set(k, Math.max(merged.get(k) ?? 0, v));
for (const [k, v] of [...merged].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${fmtN(v)} ${pct(v, total)}  ${k}`);

console.log('\nHotspots (self: instructions in the function itself)');
const selfMerged = new Map();
for (const [k, v] of self.all) {
  const s = shortName(k);
  selfMerged.set(s, (selfMerged.get(s) ?? 0) + v);
}
for (const [k, v] of [...selfMerged].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${fmtN(v)} ${pct(v, total)}  ${k}`);

console.log('\nSelf cost by component');
const groups = new Map(GROUPS.map(([g]) => [g, 0]));
let other = 0;
for (const [k, v] of self.byFile) {
  const g = GROUPS.find(([, matches]) => matches(k));
  if (g) groups.set(g[0], groups.get(g[0]) + v);
  else other += v;
}
for (const [g, v] of [...groups, ['other (sdmonitor code, libstdc++, libc)', other]].sort((a, b) => b[1] - a[1]))
  if (v > 0) console.log(`${fmtN(v)} ${pct(v, total)}  ${g}`);
