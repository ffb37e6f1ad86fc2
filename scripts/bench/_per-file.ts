import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { discoverAgentFiles } from '../../src/lib/catalog/discover.ts';
import { processFile } from '../../src/lib/catalog/process-file.ts';
import { extractStructure } from '../../src/lib/extract/sections.ts';
import * as md from '../../src/lib/parse/markdown.ts';
const dir = process.argv[2];
const found = await discoverAgentFiles(dir);
const times: Array<[number, string, number, string]> = [];
const t0 = performance.now();
for (const f of found.agents.slice(0, Number(process.argv[3] ?? 1e9))) {
  const bytes = await readFile(path.join(dir, f));
  const t = performance.now();
  const r = processFile(f, bytes, {}, extractStructure);
  times.push([performance.now() - t, f, bytes.length, r.agent?.sourceLang ?? '?']);
}
console.log('total', Math.round(performance.now() - t0), 'n', times.length);
times.sort((a, b) => b[0] - a[0]);
for (const x of times.slice(0, 15)) console.log(x[0].toFixed(1), x[2], x[3], x[1]);
const byLang: Record<string, number[]> = {};
for (const x of times) (byLang[x[3]] ??= []).push(x[0]);
for (const [l, v] of Object.entries(byLang)) { v.sort((a,b)=>a-b); console.log(l, v.length, 'sum', Math.round(v.reduce((a,b)=>a+b,0)), 'median', v[v.length>>1].toFixed(1)); }
