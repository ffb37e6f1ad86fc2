import { readFileSync } from 'node:fs';
import { parseMarkdown, assignAnchors } from './src/lib/parse/markdown.ts';
import { readLenientYaml } from './src/lib/parse/lenient-yaml.ts';
import { extractStructure } from './src/lib/extract/sections.ts';
const file = process.argv[2];
const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
const m = /^---\n([\s\S]*?)\n---+\n/.exec(text);
const fm = m ? Object.fromEntries(Object.entries(readLenientYaml(m[1])).map(([k, v]) => [k, v.value])) : {};
const body = m ? text.slice(m[0].length) : text;
const root = parseMarkdown(body);
assignAnchors(root);
const s = extractStructure(root, fm);
const show = (items: any[], ind = '') => items.forEach((i) => { console.log(ind + '- ' + i.text.slice(0, 60) + '  [' + i.id + ']'); show(i.children, ind + '  '); });
for (const x of s.sections) console.log(`${'  '.repeat(x.level)}${x.kind.padEnd(16)} ${x.title} [${x.id}]`);
console.log('== responsibilities'); show(s.responsibilities);
console.log('== checklists'); for (const c of s.checklists) { console.log(c.title, c.id); show(c.items, '  '); }
console.log('== mentions'); for (const x of s.mentions) console.log(x.name, x.kind, '|', x.evidence);
