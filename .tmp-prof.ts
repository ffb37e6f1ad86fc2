import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assignAnchors, parseMarkdown } from './src/lib/parse/markdown.ts';
import { extractStructure } from './src/lib/extract/sections.ts';
const walk = (f: string): string[] => readdirSync(f).flatMap((e) => { const p = join(f, e); return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') ? [p] : []; });
let tp = 0, te = 0;
for (const p of walk(process.argv[2])) {
  const t = readFileSync(p, 'utf8');
  let a = performance.now(); const root = parseMarkdown(t); assignAnchors(root); tp += performance.now() - a;
  a = performance.now(); extractStructure(root, {}); te += performance.now() - a;
}
console.log('parse', tp.toFixed(0), 'extract', te.toFixed(0));
