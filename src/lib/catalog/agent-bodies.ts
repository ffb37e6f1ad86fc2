import { LOCALES } from '../locales.ts';
import { AgentEntrySchema, LocalizedBodySchema, LocalizedEntrySchema, type Agent, type AgentBody, type AgentEntry, type LocalizedBody, type LocalizedEntry } from '../schema.ts';
import { processSlot } from '../process-slot.ts';
import { contentHash } from '../hash.ts';

/**
 * The bulky part of each agent (file text, body and summary HTML, examples, responsibilities and
 * checklists) travels beside the content layer, not in it. Astro serializes the whole data store
 * into one module that the build bundles and every page imports: with the bodies inside, 1,000
 * agents made a 28 MB module that took seconds to compile and gigabytes to hold, and even without
 * the body HTML, the examples, responsibilities and checklists (with the fields no page reads, see
 * `AgentEntrySchema`) made it 5.4 MB instead of 2.1, ~1.5 s of a rebuild after one edit. The
 * content loader publishes the catalog here once per sync, and the few pages that show a body
 * (the agent page, the API's agent list) look it up by slug. Loader and pages run in the same
 * process but load this file as different module instances (the pages are bundled), so the
 * catalog is published in a process slot.
 */

interface Published {
  bySlug: ReadonlyMap<string, Agent>;
  /** The catalog's `fileKeys`: per slug, a key that changes whenever the agent's body does. */
  fileKeys?: ReadonlyMap<string, string>;
}

const catalogSlot = (holder: object) => processSlot<{ published?: Published }>(holder, 'catalog', () => ({}));

/** The fields of each part, from the schema (its single definition of the split). */
const BODY_FIELDS = Object.keys(LocalizedBodySchema.shape) as Array<keyof LocalizedBody>;
const ENTRY_LOCALE_FIELDS = Object.keys(LocalizedEntrySchema.shape) as Array<keyof LocalizedEntry>;
type StoredField = Exclude<keyof AgentEntry, 'localized'>;
const ENTRY_FIELDS = (Object.keys(AgentEntrySchema.shape) as Array<keyof AgentEntry>).filter((k): k is StoredField => k !== 'localized');

/** The `fields` of `from` that it has (an optional field it lacks stays absent). */
function pick<T extends object, K extends keyof T>(from: T, fields: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of fields) if (k in from) out[k] = from[k];
  return out;
}

/** The body of a catalog agent: its file text, and per locale the fields of `LocalizedBodySchema`. */
export function bodyOf(agent: Agent): AgentBody {
  const localized = {} as AgentBody['localized'];
  for (const locale of LOCALES) localized[locale] = pick(agent.localized[locale], BODY_FIELDS);
  return { raw: agent.raw, localized };
}

/** Splits a catalog agent into its content-layer entry and its body (see `AgentEntrySchema`). */
export function splitAgent(agent: Agent): { entry: AgentEntry; body: AgentBody } {
  const localized = {} as AgentEntry['localized'];
  for (const locale of LOCALES) localized[locale] = pick(agent.localized[locale], ENTRY_LOCALE_FIELDS);
  return { entry: { ...pick(agent, ENTRY_FIELDS), localized }, body: bodyOf(agent) };
}

/**
 * Makes `agents` (the whole catalog, bodies included) this process's catalog, in which the pages
 * look up bodies. `fileKeys` are the catalog's per-file keys (see {@link agentBodyKey}).
 */
export function publishAgents(agents: readonly Agent[], holder: object = globalThis, fileKeys?: ReadonlyMap<string, string>): void {
  catalogSlot(holder).published = { bySlug: new Map(agents.map((a) => [a.slug, a])), ...(fileKeys ? { fileKeys } : {}) };
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
