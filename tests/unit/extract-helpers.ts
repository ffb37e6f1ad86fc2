import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { assignAnchors, parseMarkdown } from '../../src/lib/parse/markdown.ts';
import { readLenientYaml } from '../../src/lib/parse/lenient-yaml.ts';
import { extractStructure, type Structure } from '../../src/lib/extract/sections.ts';

/** Shared set-up of the extract tests: read an agent file, split its front matter, parse, anchor. */

/** A path inside the repository, from the repository root. */
export function repoPath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

/** Front matter (read leniently: some real files are invalid YAML) and body of an agent file. */
export function splitAgent(text: string): { frontMatter: Record<string, unknown>; body: string } {
  const normalized = text.replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---+[ \t]*(?:\n|$)/.exec(normalized);
  if (!m) return { frontMatter: {}, body: normalized };
  const fields = readLenientYaml(m[1]);
  const frontMatter = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.value]));
  return { frontMatter, body: normalized.slice(m[0].length) };
}

/** An agent file read, parsed, anchored and extracted, as the build does it. */
export interface LoadedAgent {
  frontMatter: Record<string, unknown>;
  body: string;
  root: Root;
  structure: Structure;
}

/** Loads a file of the repository (e.g. `agents/contains-studio/backend-architect.md`). */
export function loadAgent(relative: string): LoadedAgent {
  const { frontMatter, body } = splitAgent(readFileSync(repoPath(relative), 'utf8'));
  const root = parseMarkdown(body);
  assignAnchors(root);
  return { frontMatter, body, root, structure: extractStructure(root, frontMatter) };
}

/** Extracts a markdown snippet (anchored first). */
export function extract(markdown: string, frontMatter: Record<string, unknown> = {}): Structure {
  const root = parseMarkdown(markdown);
  assignAnchors(root);
  return extractStructure(root, frontMatter);
}
