import path from 'node:path';
import type { Agent } from '../schema.ts';
import { rawPath, withBase } from '../routing/paths.ts';

/**
 * The raw agent files (`/raw/<slug>.md`, for the copy and download buttons and the install
 * command): the file text as the catalog read it, written beside the pages by the `rawFiles`
 * integration. They are plain files, not Astro routes: a route per agent cost Astro a page
 * render, two file writes and a cache entry each, for text that needs no rendering.
 */

/** The folder of the output that holds them. */
export const RAW_FOLDER = 'raw';

/** Each agent's raw file in the output folder `outDir`: absolute path → file text. */
export function rawTargets(agents: ReadonlyArray<Pick<Agent, 'slug' | 'raw'>>, outDir: string): Map<string, string> {
  return new Map(agents.map((a) => [path.join(outDir, ...rawPath(a.slug).split('/')), a.raw]));
}

/**
 * The slug whose raw file a request path asks for, if it is one (the dev server serves them).
 * @example rawSlugOf('/agent-atlas/raw/team/reviewer.md', '/agent-atlas/') // 'team/reviewer'
 */
export function rawSlugOf(pathname: string, base: string): string | undefined {
  const prefix = withBase(base, `/${RAW_FOLDER}/`);
  if (!pathname.startsWith(prefix) || !pathname.endsWith('.md')) return undefined;
  const slug = pathname.slice(prefix.length, -'.md'.length);
  try {
    return slug ? decodeURIComponent(slug) : undefined;
  } catch {
    return undefined;
  }
}
