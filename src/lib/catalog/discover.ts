import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { TRANSLATIONS_DIR } from '../localize/translation-file.ts';

/**
 * Finds agent files under the agents folder. Markdown files are agents, except the READMEs,
 * licences and changelogs that collections keep beside them; those, and files of other types,
 * are listed as skipped so that nothing disappears without a word.
 */

/** Markdown files that document a collection rather than define an agent. */
const NOT_AGENTS = /^(readme|license|licence|changelog|contributing|code_of_conduct|security|claude|agents)(\.[\w-]+)?\.(md|markdown)$/i;
const MARKDOWN = /\.(md|markdown)$/i;

/** The files found, relative to the agents folder with `/` separators, sorted. */
export interface Discovery {
  agents: string[];
  translations: string[];
  /** Files that are not agents, with the reason. */
  skipped: Array<{ file: string; reason: string }>;
  /** The redirect list, when the folder has one. */
  redirects?: string;
}

/** Whether a symbolic link resolves to a file inside `root`. */
async function linksInside(link: string, root: string): Promise<boolean> {
  try {
    const [target, realRoot] = await Promise.all([realpath(link), realpath(root)]);
    return target.startsWith(realRoot + path.sep) && (await stat(target)).isFile();
  } catch {
    return false;
  }
}

/** Walks the agents folder. Hidden folders and `node_modules` are not entered. */
export async function discoverAgentFiles(agentsDir: string): Promise<Discovery> {
  const entries = await readdir(agentsDir, { recursive: true, withFileTypes: true });
  const out: Discovery = { agents: [], translations: [], skipped: [] };
  for (const entry of entries) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(agentsDir, full).split(path.sep).join('/');
    const parts = rel.split('/');
    if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) continue;
    // A link is followed only to a file inside the folder: one could pull in any file of the machine.
    if (entry.isSymbolicLink() && !(await linksInside(full, agentsDir))) {
      out.skipped.push({ file: rel, reason: 'symbolic link to something outside the agents folder, not followed' });
      continue;
    }
    if (parts[0] === TRANSLATIONS_DIR) {
      if (MARKDOWN.test(rel)) out.translations.push(rel);
      continue;
    }
    if (rel === 'redirects' || rel === 'redirects.txt') {
      out.redirects = rel;
      continue;
    }
    if (!MARKDOWN.test(entry.name)) out.skipped.push({ file: rel, reason: 'not a markdown file' });
    else if (NOT_AGENTS.test(entry.name)) out.skipped.push({ file: rel, reason: 'collection documentation, not an agent' });
    else out.agents.push(rel);
  }
  out.agents.sort();
  out.translations.sort();
  out.skipped.sort((a, b) => a.file.localeCompare(b.file));
  return out;
}
