import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { discoverAgentFiles } from '../../src/lib/catalog/discover.ts';
import { parseTranslationFile } from '../../src/lib/localize/translation-file.ts';
import { normalizeText, sourceHashOf } from '../../src/lib/hash.ts';

/**
 * The benchmark's synthetic catalog: N agent files made from real ones (the seeds in `agents/` and
 * the collections in `../shared/corpus/`, or the committed test fixtures when `../shared` is not
 * there), so shapes, sizes and languages (en, zh-Hans, zh-Hant) are those of real catalogs.
 *
 * Files are taken in chunks, in turn from each source, into synthetic collections
 * (`s003-voltagent/…`). When a source runs out it is used again with every agent name prefixed
 * (`r1-backend-developer`), mentions included, so names stay unique and mentions still resolve.
 * Each file also gets a short collaboration list naming two agents of its own collection, so the
 * catalog has collaboration edges whatever its size. Seeds bring their English translations along.
 */

/** One source of template files. */
interface Source {
  name: string;
  dir: string;
  files: Array<{ rel: string; text: string; name: string; translations: Array<{ rel: string; text: string }> }>;
}

/** What {@link generateCatalog} wrote. */
export interface GeneratedCatalog {
  dir: string;
  agents: number;
  translations: number;
  /** Agents per source language family, for the report. */
  sources: Record<string, number>;
  /** Relative path of one agent file, the one the warm build edits. */
  editTarget: string;
}

const NAME_LINE = /^name:[ \t]*["']?([^"'\n]+?)["']?[ \t]*$/m;

function frontMatterName(text: string, rel: string): string {
  const fm = /^---\n([\s\S]*?)\n-{3,}\s*\n/.exec(text);
  const m = fm ? NAME_LINE.exec(fm[1]) : null;
  return (m?.[1] ?? rel.replace(/^.*\//, '').replace(/\.md$/, '')).trim();
}

async function loadSource(name: string, dir: string): Promise<Source> {
  const found = await discoverAgentFiles(dir);
  const byOrigin = new Map<string, Array<{ rel: string; text: string }>>();
  for (const rel of found.translations) {
    const text = await readFile(path.join(dir, rel), 'utf8');
    const parsed = parseTranslationFile(rel, text).translation;
    if (!parsed) continue;
    byOrigin.set(parsed.translationOf, [...(byOrigin.get(parsed.translationOf) ?? []), { rel, text }]);
  }
  const files = [];
  for (const rel of found.agents) {
    const text = normalizeText(await readFile(path.join(dir, rel), 'utf8'));
    files.push({ rel, text, name: frontMatterName(text, rel), translations: byOrigin.get(rel) ?? [] });
  }
  return { name, dir, files };
}

/** The template sources: seeds and corpus collections, or the fixtures when `../shared` is absent. */
export async function loadSources(root: string): Promise<Source[]> {
  const corpus = path.resolve(root, '../shared/corpus');
  const sources: Source[] = [];
  if (existsSync(corpus)) {
    sources.push(await loadSource('seeds', path.join(root, 'agents')));
    for (const name of ['voltagent', 'lingxling-subagents-cn', 'davila7-templates']) {
      if (existsSync(path.join(corpus, name))) sources.push(await loadSource(name, path.join(corpus, name)));
    }
  } else {
    sources.push(await loadSource('seeds', path.join(root, 'agents')));
    sources.push(await loadSource('fixtures', path.join(root, 'tests/fixtures/e2e-agents')));
  }
  return sources.filter((s) => s.files.length > 0);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces every whole-word occurrence of the source's agent names with the prefixed name. */
function renamer(names: string[], prefix: string): (text: string) => string {
  if (!prefix) return (t) => t;
  const kebab = [...new Set(names.filter((n) => /^[a-z0-9][a-z0-9.-]*$/i.test(n)))].sort((a, b) => b.length - a.length);
  if (!kebab.length) return (t) => t;
  const re = new RegExp(`(?<![A-Za-z0-9_-])(${kebab.map(escapeRegExp).join('|')})(?![A-Za-z0-9_])`, 'gi');
  return (t) => t.replace(re, (m) => `${prefix}${m}`);
}

function isChinese(text: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return han > 200;
}

/** A short collaboration list naming two agents, in the file's language. */
function collaborationBlock(text: string, a: string, b: string): string {
  if (isChinese(text)) return `\n\n## 与其他代理的集成\n\n- 与 ${a} 协作完成接口设计\n- 完成后通知 ${b}\n`;
  return `\n\n## Integration with other agents\n\n- Collaborate with ${a} on interface design\n- Hand off reviewed work to ${b}\n`;
}

/** Sets the front matter name (or adds front matter when the file has none). */
function withName(text: string, oldName: string, newName: string): string {
  if (oldName === newName) return text;
  const fm = /^---\n([\s\S]*?)\n(-{3,})\s*\n/.exec(text);
  if (fm && NAME_LINE.test(fm[1])) return text.replace(NAME_LINE, `name: ${newName}`);
  return text;
}

/**
 * Writes a synthetic catalog of `count` agents into `dir` (emptied first).
 * @param chunk agents per synthetic collection
 */
export async function generateCatalog(root: string, dir: string, count: number, chunk = 50): Promise<GeneratedCatalog> {
  const sources = await loadSources(root);
  if (!sources.length) throw new Error('No template agents found (agents/, ../shared/corpus/ or tests/fixtures/).');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const size = Math.max(2, Math.min(chunk, Math.ceil(count / 8)));
  const cursor = sources.map(() => 0);
  const written: Record<string, number> = {};
  let made = 0;
  let translations = 0;
  let collection = 0;
  let editTarget = '';
  for (let turn = 0; made < count; turn = (turn + 1) % sources.length) {
    const source = sources[turn];
    const start = cursor[turn] % source.files.length;
    const round = Math.floor(cursor[turn] / source.files.length);
    const take = Math.min(size, source.files.length - start, count - made);
    cursor[turn] += take;
    const prefix = round ? `r${round}-` : '';
    const rename = renamer(source.files.map((f) => f.name), prefix);
    const folder = `s${String(++collection).padStart(3, '0')}-${source.name}`;
    const slice = source.files.slice(start, start + take);
    for (let i = 0; i < slice.length; i++) {
      const f = slice[i];
      const newName = rename(f.name);
      const next = rename(slice[(i + 1) % slice.length].name);
      const prev = rename(slice[(i + slice.length - 1) % slice.length].name);
      let text = withName(rename(f.text), f.name, newName);
      if (slice.length > 1) text += collaborationBlock(text, next, prev);
      const base = f.rel.replace(/\.md$/, '').replace(/[^/]*$/, (stem) => (prefix ? `${prefix}${stem}` : stem));
      const rel = `${folder}/${base}.md`;
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), text);
      editTarget ||= rel;
      for (const t of f.translations) {
        let tr = rename(t.text)
          .replace(/^translationOf:.*$/m, `translationOf: ${rel}`)
          .replace(/^sourceHash:.*$/m, `sourceHash: ${sourceHashOf(text)}`);
        // The same collaboration list, so the translation keeps its source's shape.
        if (slice.length > 1) tr += collaborationBlock(tr, next, prev);
        const locale = t.rel.split('/')[1];
        const trRel = `_translations/${locale}/${rel}`;
        await mkdir(path.dirname(path.join(dir, trRel)), { recursive: true });
        await writeFile(path.join(dir, trRel), tr);
        translations++;
      }
      made++;
      written[source.name] = (written[source.name] ?? 0) + 1;
    }
  }
  return { dir, agents: made, translations, sources: written, editTarget };
}
