/**
 * Measures how many of the hand-offs written in a voltagent-style collection the extract stage finds.
 *
 *   npx node scripts/corpus-edges.ts [dir]        (default ../shared/corpus/voltagent)
 *
 * The reference is computed independently of the extractor, with a plain line scan: in each agent
 * file, the list under the `Integration with other agents:` label line, and every name of an agent
 * of the collection (front matter `name:`, else the file stem) on those list lines. The extractor
 * runs as the site does (parseMarkdown → assignAnchors → extractStructure → resolveEdges). Prints
 * the recall, the hand-offs it missed, the external names it produced, and any edge to a word that
 * is never an agent (`agent-driven`). Exits 1 when recall is below 98% or such an edge exists.
 * The same figures are printed for the heading form (`## Integration with Other Agents`) that
 * newer files of the collection use.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { assignAnchors, parseMarkdown } from '../src/lib/parse/markdown.ts';
import { readLenientYaml } from '../src/lib/parse/lenient-yaml.ts';
import { extractStructure } from '../src/lib/extract/sections.ts';
import { isAgentShaped } from '../src/lib/extract/mentions.ts';
import { resolveEdges, type EdgeSource } from '../src/lib/graph/resolve-edges.ts';
import vocab from '../src/lib/extract/vocabulary.json' with { type: 'json' };

const THRESHOLD = 0.98;
const dir = resolve(process.argv[2] ?? '../shared/corpus/voltagent');

interface AgentFile {
  path: string;
  slug: string;
  name: string;
  text: string;
}

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const full = join(folder, entry);
    if (statSync(full).isDirectory()) return walk(full);
    return entry.endsWith('.md') && entry.toLowerCase() !== 'readme.md' ? [full] : [];
  });
}

/** Front matter block and body; some front matter here is invalid YAML, so nothing parses it strictly. */
function split(text: string): { front: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---+[ \t]*(?:\n|$)/.exec(text);
  return m ? { front: m[1], body: text.slice(m[0].length) } : { front: '', body: text };
}

const files: AgentFile[] = walk(dir).map((path) => {
  const text = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
  const name = /^name:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(split(text).front)?.[1] ?? basename(path, '.md');
  return { path, slug: relative(dir, path).replace(/\\/g, '/').replace(/\.md$/, ''), name: name.trim().toLowerCase(), text };
});
const names = new Set(files.map((f) => f.name));

/** The reference: agent names on the list lines under a matching label or heading. */
function reference(isStart: (line: string) => boolean): Set<string> {
  const pairs = new Set<string>();
  for (const f of files) {
    const lines = f.text.split('\n');
    lines.forEach((line, i) => {
      if (!isStart(line.trim())) return;
      let j = i + 1;
      while (j < lines.length && lines[j].trim() === '') j++;
      for (; j < lines.length && /^\s*[-*+]\s/.test(lines[j]); j++) {
        for (const word of lines[j].toLowerCase().match(/(?<![a-z0-9.-])[a-z0-9]+(?:[.-][a-z0-9]+)+(?![a-z0-9-])/g) ?? []) {
          if (names.has(word) && word !== f.name) pairs.add(`${f.name} -> ${word}`);
        }
      }
    });
  }
  return pairs;
}
const labelRef = reference((l) => l.toLowerCase() === 'integration with other agents:');
const headingRef = reference((l) => /^#{1,6}\s+integration with other agents\s*:?$/i.test(l));

// The extractor, as the build runs it.
const sources: EdgeSource[] = files.map((f) => {
  const { front, body } = split(f.text);
  const frontMatter = Object.fromEntries(Object.entries(readLenientYaml(front)).map(([k, v]) => [k, v.value]));
  const root = parseMarkdown(body);
  assignAnchors(root);
  const { mentions } = extractStructure(root, frontMatter);
  return { slug: f.slug, name: f.name, collection: dirname(f.slug) === '.' ? '' : dirname(f.slug), mentions };
});
const { edges, ambiguities } = resolveEdges(sources);
const nameOf = new Map(files.map((f) => [f.slug, f.name]));
const found = new Set(edges.filter((e) => !e.external).map((e) => `${nameOf.get(e.from)} -> ${nameOf.get(e.to)}`));

const stop = new Set(vocab.agentNames.stopWords);
const external = new Map<string, number>();
for (const e of edges.filter((x) => x.external)) external.set(e.to, (external.get(e.to) ?? 0) + 1);
const notAgents = edges.filter((e) => e.external && (stop.has(e.to.toLowerCase()) || !isAgentShaped(e.to.toLowerCase())));

function report(label: string, ref: Set<string>): number {
  const missed = [...ref].filter((p) => !found.has(p));
  const recall = ref.size ? (ref.size - missed.length) / ref.size : 1;
  console.log(`${label}: ${ref.size - missed.length}/${ref.size} hand-offs found, recall ${(recall * 100).toFixed(2)}%`);
  for (const p of missed.slice(0, 20)) console.log(`  missed ${p}`);
  return recall;
}

console.log(`${files.length} agent files in ${dir}, ${names.size} names`);
const recall = report('"Integration with other agents:" label lists', labelRef);
report('"## Integration with Other Agents" heading lists (informational)', headingRef);
const internal = edges.filter((e) => !e.external).length;
console.log(`edges: ${internal} to agents of the collection, ${edges.length - internal} external`);
console.log(`ambiguous mentions (several equally near agents share the name; no edge): ${ambiguities.length}`);
console.log(`external names (not agents of this collection): ${external.size}`);
console.log(`  ${[...external].sort((a, b) => b[1] - a[1]).map(([n, c]) => `${n}×${c}`).join(', ')}`);
console.log(`edges to words that are never agents: ${notAgents.length}`);
for (const e of notAgents.slice(0, 20)) console.log(`  ${e.from} -> ${e.to}: ${e.evidence}`);

if (recall < THRESHOLD || notAgents.length > 0) {
  console.error(`FAIL: recall must be at least ${THRESHOLD * 100}% with no edge to a non-agent word`);
  process.exit(1);
}
console.log('OK');
