import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assignAnchors, parseMarkdown } from './src/lib/parse/markdown.ts';
import { readLenientYaml } from './src/lib/parse/lenient-yaml.ts';
import { extractStructure } from './src/lib/extract/.tmp-sections.ts';
const walk = (f: string): string[] => readdirSync(f).flatMap((e) => { const p = join(f, e); return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') ? [p] : []; });
let n = 0;
for (const p of walk(process.argv[2])) {
  const t = readFileSync(p, 'utf8').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---+[ \t]*(?:\n|$)/.exec(t);
  const fm = m ? Object.fromEntries(Object.entries(readLenientYaml(m[1])).map(([k, v]) => [k, v.value])) : {};
  const root = parseMarkdown(m ? t.slice(m[0].length) : t); assignAnchors(root);
  const s = extractStructure(root, fm);
  for (const x of s.mentions) if (x.evidence.startsWith('[strict]') || process.argv[3]) { n++; console.log(p.split('/').slice(-2).join('/'), x.name, x.kind, '|', x.evidence.slice(0, 140)); }
}
console.log(n);
