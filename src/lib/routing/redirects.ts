import type { Problem } from '../schema.ts';

/**
 * Old URLs that must keep working: the `redirects` file in the agents folder (one
 * `old-slug new-slug` pair per line, `#` comments) and each agent's `aliases` front matter.
 */

/** One old slug and the agent slug it now leads to. */
export interface Redirect {
  from: string;
  to: string;
  /** Where the redirect was declared (file and line). */
  source: string;
}

/** Reads the redirect list text. Lines that are not two slugs are reported. */
export function parseRedirects(text: string, file: string): { redirects: Redirect[]; problems: Problem[] } {
  const redirects: Redirect[] = [];
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const parts = line.split(/\s+/).map((p) => p.replace(/^\/?(agents\/)?|\/$/g, ''));
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      problems.push({
        file,
        line: i + 1,
        severity: 'error',
        code: 'redirect-syntax',
        message: `"${raw.trim()}" is not an "old-slug new-slug" pair.`,
        expected: 'two slugs separated by spaces',
        hint: 'old-name backend-developer',
      });
      return;
    }
    redirects.push({ from: parts[0], to: parts[1], source: `${file}:${i + 1}` });
  });
  return { redirects, problems };
}

/**
 * Checks that every URL is claimed once: no redirect may shadow an agent or another redirect,
 * and every redirect must lead to an existing agent. Returns the usable redirects and fatal
 * problems (the build stops on them, because a link would silently change meaning).
 */
export function checkUrlClaims(
  agents: ReadonlyArray<{ slug: string; file: string }>,
  redirects: readonly Redirect[],
): { redirects: Redirect[]; problems: Problem[] } {
  const owner = new Map<string, string>();
  const problems: Problem[] = [];
  for (const a of agents) owner.set(a.slug, a.file);
  const ok: Redirect[] = [];
  for (const r of redirects) {
    const [file, line] = r.source.split(/:(?=\d+$)/);
    const claimedBy = owner.get(r.from);
    if (claimedBy) {
      problems.push({
        file,
        line: line ? Number(line) : undefined,
        severity: 'error',
        code: 'url-conflict',
        message: `/agents/${r.from}/ is claimed twice: by ${claimedBy} and by a redirect to ${r.to} (${r.source}).`,
        hint: 'Remove the redirect or the alias, or rename one of the agents.',
      });
      continue;
    }
    if (!agents.some((a) => a.slug === r.to)) {
      problems.push({
        file,
        line: line ? Number(line) : undefined,
        severity: 'error',
        code: 'redirect-target',
        message: `The redirect from /agents/${r.from}/ leads to "${r.to}", which is no agent's slug.`,
        hint: 'Point it at the agent\'s current slug (see dist/api/agents.json).',
      });
      continue;
    }
    owner.set(r.from, r.source);
    ok.push(r);
  }
  return { redirects: ok, problems };
}

/** The redirects kept on agents (their `aliases`, after {@link checkUrlClaims}). */
export function redirectsOf(agents: ReadonlyArray<{ slug: string; file: string; aliases: readonly string[] }>): Redirect[] {
  return agents.flatMap((a) => a.aliases.map((from) => ({ from, to: a.slug, source: a.file })));
}
