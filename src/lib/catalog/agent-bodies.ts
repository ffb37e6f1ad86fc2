import { LOCALES, type Locale } from '../locales.ts';
import type { Agent, AgentBody, AgentEntry, LocalizedEntry } from '../schema.ts';
import { processSlot } from '../process-slot.ts';
import { contentHash } from '../hash.ts';

/**
 * The bulky part of each agent (file text, body HTML, examples, responsibilities, checklists)
 * travels beside the content layer, not in it. Astro serializes the whole data store into one
 * module that the build bundles and every page imports: with the bodies inside, 1,000 agents made
 * a 28 MB module that took seconds to compile and gigabytes to hold, and even without the body
 * HTML, the examples, responsibilities and checklists (with the fields no page reads, see
 * `AgentEntrySchema`) made it 5.4 MB instead of 2.1, ~1.5 s of a rebuild after one edit. The
 * content loader publishes the catalog here once per sync, and the few pages that show a body
 * (the agent page, the API's agent list) look it up by slug. Loader and pages run in the same
 * process but load this file as different module instances (the pages are bundled), so the
 * catalog is published in a process slot.
 */

interface Published {
  agents: readonly Agent[];
  bySlug: ReadonlyMap<string, Agent>;
  /** The catalog's `fileKeys`: per slug, a key that changes whenever the agent's body does. */
  fileKeys?: ReadonlyMap<string, string>;
}

const catalogSlot = (holder: object) => processSlot<{ published?: Published }>(holder, 'catalog', () => ({}));

/** The body of a catalog agent: its file text, and per locale what only its page shows. */
export function bodyOf(agent: Agent): AgentBody {
  const localized = {} as AgentBody['localized'];
  for (const locale of LOCALES) {
    const { html, sections, examples, responsibilities, checklists } = agent.localized[locale];
    localized[locale] = { html, sections, examples, responsibilities, checklists };
  }
  return { raw: agent.raw, localized };
}

/** Splits a catalog agent into its content-layer entry and its body (see `AgentEntrySchema`). */
export function splitAgent(agent: Agent): { entry: AgentEntry; body: AgentBody } {
  const { raw: _raw, localized, description: _description, mentions: _mentions, problems: _problems, incoming: _incoming, ...rest } = agent;
  const entryLocalized = {} as Record<Locale, LocalizedEntry>;
  for (const locale of LOCALES) {
    const { html: _html, sections: _sections, examples: _examples, responsibilities: _responsibilities, checklists: _checklists, ...content } = localized[locale];
    entryLocalized[locale] = content;
  }
  return { entry: { ...rest, localized: entryLocalized }, body: bodyOf(agent) };
}

/**
 * Makes `agents` (the whole catalog, bodies included) this process's catalog: the pages look up
 * bodies in it, and build steps outside the pages (the preview images) use it instead of
 * building the catalog a second time. `fileKeys` are the catalog's per-file keys (see
 * {@link agentBodyKey}).
 */
export function publishAgents(agents: readonly Agent[], holder: object = globalThis, fileKeys?: ReadonlyMap<string, string>): void {
  catalogSlot(holder).published = { agents, bySlug: new Map(agents.map((a) => [a.slug, a])), ...(fileKeys ? { fileKeys } : {}) };
}

/** The catalog the content loader published in this process, if it ran. */
export function publishedAgents(holder: object = globalThis): readonly Agent[] | undefined {
  return catalogSlot(holder).published?.agents;
}

/**
 * A key that changes whenever the body of the agent with `slug` does: the per-file key the
 * catalog published with it (no hashing: the body is a function of the file, its translations
 * and the pipeline, which that key covers), else a hash of the body itself.
 */
export function agentBodyKey(slug: string, holder: object = globalThis): string {
  return catalogSlot(holder).published?.fileKeys?.get(slug) ?? contentHash(JSON.stringify(agentBody(slug, holder)), 32);
}

/**
 * The body of the agent with `slug`, from the published catalog. Throws when there is none: a
 * page without its body would be silently empty, which is worse than a failed build.
 */
export function agentBody(slug: string, holder: object = globalThis): AgentBody {
  const { published } = catalogSlot(holder);
  const agent = published?.bySlug.get(slug);
  if (agent) return bodyOf(agent);
  throw new Error(
    published
      ? `No body was published for the agent "${slug}". The content layer and the agent bodies disagree; run the build again without the cache (rm -rf node_modules/.astro).`
      : `No agent bodies were published in this process. They come from the agents content loader (src/loaders/agents-loader.ts), which must run in the same process as the pages (astro build or astro dev).`,
  );
}
