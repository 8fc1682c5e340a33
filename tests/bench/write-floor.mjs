#!/usr/bin/env node
// What merely writing a built site costs on this disk: every file of OUT_DIR, read into memory
// first (not timed), then written into the new folder DEST (timed), one worker per core, each
// writing whole sites (the top-level folders) as sdmonitor's workers do. No generator can build
// that output faster than this; it puts the build's time in proportion.
//
//   node tests/bench/write-floor.mjs OUT_DIR DEST
//
// Prints "write_floor_s=S files=N mb=M". DEST must not exist.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

function files(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...files(dir, p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

if (isMainThread) {
  const [dir, dest] = process.argv.slice(2);
  if (!dir || !dest) {
    process.stderr.write('usage: write-floor.mjs OUT_DIR DEST\n');
    process.exit(2);
  }
  if (fs.existsSync(dest)) {
    process.stderr.write(`write-floor: ${dest} bestaat al\n`);
    process.exit(2);
  }
  const tops = fs.readdirSync(dir).sort();
  const jobs = Math.min(os.availableParallelism(), tops.length) || 1;
  const workers = [];
  for (let w = 0; w < jobs; ++w)
    workers.push(
      new Worker(fileURLToPath(import.meta.url), {
        workerData: { dir, dest, tops: tops.filter((_, i) => i % jobs === w) },
      }),
    );
  const next = (worker) =>
    new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const loaded = await Promise.all(workers.map(next));
  fs.mkdirSync(dest);
  const start = process.hrtime.bigint();
  const done = workers.map(next);
  for (const worker of workers) worker.postMessage('go');
  await Promise.all(done);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  for (const worker of workers) await worker.terminate();
  const count = loaded.reduce((s, l) => s + l.files, 0);
  const bytes = loaded.reduce((s, l) => s + l.bytes, 0);
  console.log(`write_floor_s=${seconds.toFixed(2)} files=${count} mb=${Math.round(bytes / 1e6)}`);
} else {
  const { dir, dest, tops } = workerData;
  const items = [];
  for (const top of tops) {
    const full = path.join(dir, top);
    const rels = fs.statSync(full).isDirectory() ? files(dir, top) : [top];
    for (const rel of rels) items.push([rel, fs.readFileSync(path.join(dir, rel))]);
  }
  parentPort.postMessage({ files: items.length, bytes: items.reduce((s, [, b]) => s + b.length, 0) });
  parentPort.once('message', () => {
    const made = new Set();
    for (const [rel, bytes] of items) {
      const folder = path.dirname(path.join(dest, rel));
      if (!made.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      fs.writeFileSync(path.join(dest, rel), bytes);
    }
    parentPort.postMessage('done');
  });
}
