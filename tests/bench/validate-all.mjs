#!/usr/bin/env node
// Every HTML page of a built benchmark corpus through html-validate, with the configuration the
// site tests use (tests/browser/.htmlvalidate.json), spread over one worker per core.
//
//   node tests/bench/validate-all.mjs OUT_DIR
//
// Prints "valid_pages=N of N" and exits 1 when a page has an error (the first few are shown).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

// .htmlvalidate.json has whole-line // comments, as html.test.js reads it.
function loadConfig() {
  const text = fs.readFileSync(path.join(repo, 'tests', 'browser', '.htmlvalidate.json'), 'utf8');
  return JSON.parse(text.split('\n').filter((l) => !/^\s*\/\//.test(l)).join('\n'));
}

function htmlFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.isFile() && e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

if (isMainThread) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: validate-all.mjs OUT_DIR\n');
    process.exit(2);
  }
  const files = htmlFiles(dir).sort();
  const n = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, files.length));
  const results = await Promise.all(Array.from({ length: n }, (_, w) => new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { files: files.filter((_, i) => i % n === w), config: loadConfig() },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  })));
  const failures = results.flatMap((r) => r.failures);
  const valid = results.reduce((sum, r) => sum + r.valid, 0);
  if (failures.length) {
    process.stdout.write(`${failures.length} of ${files.length} pages invalid:\n`);
    for (const f of failures.slice(0, 5)) process.stdout.write(`${f}\n`);
    process.exit(1);
  }
  if (files.length === 0) {
    process.stdout.write(`no HTML pages in ${dir}\n`);
    process.exit(1);
  }
  process.stdout.write(`valid_pages=${valid} of ${files.length}\n`);
} else {
  const require = createRequire(path.join(repo, 'package.json'));
  const { HtmlValidate, StaticConfigLoader } = require('html-validate');
  const validator = new HtmlValidate(new StaticConfigLoader(workerData.config));
  const failures = [];
  let valid = 0;
  for (const file of workerData.files) {
    const report = validator.validateStringSync(fs.readFileSync(file, 'utf8'), file);
    if (report.valid) {
      valid++;
      continue;
    }
    const first = report.results[0].messages[0];
    failures.push(`${file}:${first.line}:${first.column}: ${first.message} (${first.ruleId})`);
  }
  parentPort.postMessage({ valid, failures });
}
