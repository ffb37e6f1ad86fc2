import { LOCALES, type Locale } from '../locales.ts';
import type { Agent, AgentBody, AgentEntry, LocalizedEntry } from '../schema.ts';

/**
 * The bulky part of each agent (file text and body HTML) travels beside the content layer, not
 * in it. Astro serializes the whole data store into one module that every page imports: with
 * the bodies inside, 1,000 agents made a 28 MB module that took seconds to compile and
 * gigabytes to hold. The content loader publishes the bodies here once per sync, and the few
 * pages that show one (the agent page, the raw file) look it up by slug. Loader and pages run
 * in the same process but load this file as different module instances (the pages are
 * bundled), so the registry lives on `globalThis` under a registered symbol.
 */

const REGISTRY = Symbol.for('agent-atlas.agent-bodies');
const AGENTS = Symbol.for('agent-atlas.agents');

type Holder = { [REGISTRY]?: ReadonlyMap<string, AgentBody>; [AGENTS]?: readonly Agent[] };

/** Splits a catalog agent into its content-layer entry and its body. */
export function splitAgent(agent: Agent): { entry: AgentEntry; body: AgentBody } {
  const { raw, localized, ...rest } = agent;
  const html = {} as Record<Locale, string>;
  const entryLocalized = {} as Record<Locale, LocalizedEntry>;
  for (const locale of LOCALES) {
    const { html: body, ...content } = localized[locale];
    html[locale] = body;
    entryLocalized[locale] = content;
  }
  return { entry: { ...rest, localized: entryLocalized }, body: { raw, html } };
}

/** Makes `bodies` (by slug) the bodies of this process, replacing any published before. */
export function publishBodies(bodies: ReadonlyMap<string, AgentBody>, holder: object = globalThis): void {
  (holder as Holder)[REGISTRY] = bodies;
}

/**
 * The body of the agent with `slug`, as published by the content loader. Throws when there is
 * none: a page without its body would be silently empty, which is worse than a failed build.
 */
export function agentBody(slug: string, holder: object = globalThis): AgentBody {
  const registry = (holder as Holder)[REGISTRY];
  const body = registry?.get(slug);
  if (body) return body;
  throw new Error(
    registry
      ? `No body was published for the agent "${slug}". The content layer and the agent bodies disagree; run the build again without the cache (rm -rf node_modules/.astro).`
      : `No agent bodies were published in this process. They come from the agents content loader (src/loaders/agents-loader.ts), which must run in the same process as the pages (astro build or astro dev).`,
  );
}

/**
 * Makes `agents` (the whole catalog, bodies included) this process's catalog, for build steps
 * outside the pages (the preview images) that would otherwise build it a second time.
 */
export function publishAgents(agents: readonly Agent[], holder: object = globalThis): void {
  (holder as Holder)[AGENTS] = agents;
}

/** The catalog the content loader published in this process, if it ran. */
export function publishedAgents(holder: object = globalThis): readonly Agent[] | undefined {
  return (holder as Holder)[AGENTS];
}
