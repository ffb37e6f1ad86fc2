import { readFileSync } from 'node:fs';
import { parseMarkdown, assignAnchors, transferAnchors } from './src/lib/parse/markdown.ts';
import { extractStructure } from './src/lib/extract/sections.ts';
const body = (f: string) => { const t = readFileSync(f, 'utf8').replace(/\r\n/g, '\n'); const m = /^---\n[\s\S]*?\n---+\n/.exec(t); return m ? t.slice(m[0].length) : t; };
for (const f of ['agency-personas/backend-architect-persona','ai-dev-team/backend-engineer','contains-studio/backend-architect','telegram-bot/backend-architect','voltagent-zh-hant/backend-developer']) {
  const src = parseMarkdown(body(`agents/${f}.md`)); assignAnchors(src);
  const en = parseMarkdown(body(`agents/_translations/en/${f}.md`));
  const same = transferAnchors(src, en);
  const a = extractStructure(src, {}), b = extractStructure(en, {});
  const ka = new Map(a.sections.map((s) => [s.id, s])); 
  console.log('##', f, 'shape', same, a.sections.length, b.sections.length, 'resp', a.responsibilities.length, b.responsibilities.length, 'cl', a.checklists.map(c=>c.items.length).join(','), '|', b.checklists.map(c=>c.items.length).join(','), 'mentions', a.mentions.length, b.mentions.length);
  for (const s of b.sections) { const o = ka.get(s.id); if (!o || o.kind !== s.kind) console.log('   diff', s.id, s.title, s.kind, '<->', o?.title, o?.kind); }
  for (const s of a.sections) if (!b.sections.find(x=>x.id===s.id)) console.log('   missing in en', s.id, s.title, s.kind);
  const key = (m:any)=>m.name+'/'+m.kind; const ma=new Set(a.mentions.map(key)), mb=new Set(b.mentions.map(key));
  for (const k of ma) if(!mb.has(k)) console.log('   mention only src', k); for (const k of mb) if(!ma.has(k)) console.log('   mention only en', k);
}
