import type { Problem } from '../schema.ts';
import { asciiSlug } from '../ids.ts';
import { contentHash } from '../hash.ts';

/**
 * URL slugs. An agent's slug is its name when the name is unique in the catalog. Agents that
 * share a name are told apart by their collection (folder): `telegram-bot/backend-architect`;
 * within one folder, by file name. The rule depends only on the agents sharing the name, so an
 * unrelated file never changes another agent's URL.
 */

/** What slug assignment needs to know of an agent. */
export interface SlugInput {
  file: string;
  name: string;
  collection: string;
}

/**
 * A URL-safe slug segment: ASCII kebab-case, else a short hash of the text.
 * @example slugSegment('Backend Architect') // 'backend-architect'
 */
export function slugSegment(text: string): string {
  return asciiSlug(text) || `a-${contentHash(text, 8)}`;
}

function stem(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
}

function collectionSlug(collection: string): string {
  return collection
    .split('/')
    .filter(Boolean)
    .map(slugSegment)
    .join('/');
}

/** Slugs by file, and a note for every group of agents that shared a name. */
export interface SlugAssignment {
  slugs: Map<string, string>;
  notes: Problem[];
}

/** Assigns every agent a unique slug; see the module comment for the rule. */
export function assignSlugs(agents: readonly SlugInput[]): SlugAssignment {
  const byName = new Map<string, SlugInput[]>();
  for (const a of agents) {
    const key = slugSegment(a.name);
    byName.set(key, [...(byName.get(key) ?? []), a]);
  }
  const slugs = new Map<string, string>();
  const notes: Problem[] = [];
  const taken = new Set<string>();
  for (const [nameSlug, group] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
    if (group.length === 1) {
      slugs.set(group[0].file, nameSlug);
      taken.add(nameSlug);
      continue;
    }
    const sorted = [...group].sort((a, b) => a.file.localeCompare(b.file));
    const candidates = sorted.map((a) => {
      const dir = collectionSlug(a.collection);
      return dir ? `${dir}/${nameSlug}` : nameSlug;
    });
    const repeated = (s: string) => candidates.filter((c) => c === s).length > 1;
    sorted.forEach((a, i) => {
      let slug = candidates[i];
      let how = 'its collection (folder)';
      if (repeated(slug)) {
        const dir = collectionSlug(a.collection);
        slug = dir ? `${dir}/${slugSegment(stem(a.file))}` : slugSegment(stem(a.file));
        how = 'its file name';
      }
      let n = 2;
      const base = slug;
      while (taken.has(slug)) slug = `${base}-${n++}`;
      taken.add(slug);
      slugs.set(a.file, slug);
      notes.push({
        file: a.file,
        severity: 'warning',
        code: 'duplicate-name',
        message: `${group.length} agents are named "${a.name}"; this one is at /agents/${slug}/, told apart by ${how}.`,
        hint: `The others: ${sorted.filter((o) => o !== a).map((o) => o.file).join(', ')}. Rename one to give it a shorter URL.`,
      });
    });
  }
  return { slugs, notes };
}
