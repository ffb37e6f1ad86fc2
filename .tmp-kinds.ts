import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assignAnchors, parseMarkdown } from './src/lib/parse/markdown.ts';
import { extractStructure } from './src/lib/extract/sections.ts';
import { classifySection } from './src/lib/extract/classify.ts';
const walk = (f: string): string[] => readdirSync(f).flatMap((e) => { const p = join(f, e); return statSync(p).isDirectory() ? walk(p) : p.endsWith('.md') && !/readme/i.test(e) ? [p] : []; });
const count = new Map<string, number>(); let inh = new Map<string, number>(); let files = 0, resp = 0, cl = 0, t0 = Date.now();
for (const d of process.argv.slice(2)) for (const p of walk(d)) {
  files++;
  const t = readFileSync(p, 'utf8').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---+[ \t]*(?:\n|$)/.exec(t);
  const root = parseMarkdown(m ? t.slice(m[0].length) : t); assignAnchors(root);
  const s = extractStructure(root, {});
  if (s.responsibilities.length) resp++; if (s.checklists.length) cl++;
  for (const x of s.sections) { const k = `${x.kind}\t${x.level ? 'h' : 'l'}\t${x.title.replace(/^\d+\.\s*/, '')}`; count.set(k, (count.get(k) ?? 0) + 1);
    const own = classifySection(x.title); if (own !== x.kind && own !== 'other') { const k2 = `${own} -> ${x.kind}: ${x.title}`; inh.set(k2, (inh.get(k2) ?? 0) + 1); } }
}
console.log('files', files, 'with resp', resp, 'with checklists', cl, 'ms', Date.now() - t0);
const byKind = new Map<string, [string, number][]>();
for (const [k, c] of count) { const kind = k.split('\t')[0]; if (!byKind.has(kind)) byKind.set(kind, []); byKind.get(kind)!.push([k.split('\t').slice(1).join(' '), c]); }
for (const [kind, l] of byKind) { if (kind === 'other') continue; l.sort((a, b) => b[1] - a[1]); console.log('\n==', kind, l.length); console.log(l.slice(0, 45).map(([t, c]) => `${t}×${c}`).join(' | ')); }
console.log('\n== own kind overridden by parent'); console.log([...inh].sort((a,b)=>b[1]-a[1]).slice(0,40).map(([t,c])=>`${t}×${c}`).join('\n'));
