import { z } from 'astro/zod';
import { LOCALES } from './locales.ts';
import { FrontMatterSchema } from './front-matter-schema.ts';

/**
 * The single source of truth for an agent's data. Every stage produces or consumes these
 * shapes, the content layer validates entries against `AgentEntrySchema` (an agent without
 * its bulky text, see below), and all types are `z.infer` of these schemas.
 */

/** A locale tag: `en`, `zh-Hant` or `zh-Hans`. */
export const LocaleSchema = z.enum(LOCALES);

/** One problem found in an agent file, precise enough to act on. */
export const ProblemSchema = z.object({
  /** Path of the file, relative to the agents folder. */
  file: z.string(),
  /** 1-based line in the file, when known. */
  line: z.number().int().positive().optional(),
  /** `error`: the file or a field could not be used; `warning`: it was, with a guess. */
  severity: z.enum(['error', 'warning']),
  /** Stable machine-readable code, e.g. `yaml-lenient`, `field-type`, `duplicate-name`. */
  code: z.string(),
  /** What is wrong, in one sentence. */
  message: z.string(),
  /** What was expected. */
  expected: z.string().optional(),
  /** What was found instead. */
  found: z.string().optional(),
  /** How to fix it. */
  hint: z.string().optional(),
});

/** One turn of an example dialogue. */
export const ExampleTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  text: z.string(),
});

/** An `<example>` block from a description: context, the dialogue, and the commentary. */
export const ExampleSchema = z.object({
  /** The situation the example describes (`Context:` / `情境：`). */
  context: z.string().default(''),
  /** The dialogue, in order. */
  turns: z.array(ExampleTurnSchema).default([]),
  /** Why the agent is the right choice (`<commentary>`). */
  commentary: z.string().default(''),
});

/** An item of a responsibility or checklist list; nested items are kept. */
export interface Item {
  /** Anchor id, derived from the source text: the same in every locale. */
  id: string;
  /** The item's text (plain, inline markdown removed), in the entry's language. */
  text: string;
  /** Nested items. */
  children: Item[];
}
/** Schema of {@link Item}; recursive. */
export const ItemSchema: z.ZodType<Item> = z.lazy(() =>
  z.object({
    id: z.string(),
    text: z.string(),
    children: z.array(ItemSchema).default([]),
  }),
);

/** The canonical kinds a section of an agent file is classified into. */
export const SectionKindSchema = z.enum([
  'responsibilities',
  'checklist',
  'workflow',
  'collaboration',
  'examples',
  'skills',
  'standards',
  'other',
]);

/** A section of an agent's content: a heading or a label line (`Checklist:`) and what follows. */
export const SectionSchema = z.object({
  /** Anchor id of the heading or label line. */
  id: z.string(),
  /** Canonical kind, from the label's wording in any of the three languages. */
  kind: SectionKindSchema,
  /** The label as written (emoji and trailing colon removed). */
  title: z.string(),
  /** Heading depth 1–6, or 0 for a label line or bold label. */
  level: z.number().int().min(0).max(6),
});

/** A named checklist: a checklist section's title and items. */
export const ChecklistSchema = z.object({
  id: z.string(),
  title: z.string(),
  items: z.array(ItemSchema),
});

/** How one agent relates to another, where the wording says it. */
export const EdgeKindSchema = z.enum([
  'receives-from',
  'hands-to',
  'notifies',
  'reviewed-by',
  'collaborates-with',
]);

/** A mention of another agent found in an agent's text or front matter, before resolution. */
export const MentionSchema = z.object({
  /** The name as written (kebab-case, without `@` or backticks). */
  name: z.string(),
  kind: EdgeKindSchema,
  /** The sentence the mention came from. */
  evidence: z.string(),
});

/** A collaboration edge between two agents of the catalog, or to an external name. */
export const EdgeSchema = z.object({
  /** Slug of the agent whose file holds the mention. */
  from: z.string(),
  /** Slug of the target agent, or the bare name when it is external. */
  to: z.string(),
  kind: EdgeKindSchema,
  /** The sentence the edge was read from. */
  evidence: z.string(),
  /** True when no agent in the catalog has that name. */
  external: z.boolean().default(false),
});

/** Where a locale's content comes from. */
export const ContentStatusSchema = z.enum([
  /** The file's own language. */
  'original',
  /** Converted between Traditional and Simplified Chinese with OpenCC. */
  'converted',
  /** From a translation file whose source is current. */
  'translated',
  /** From a translation file whose source has changed since. */
  'outdated',
  /** No translation: the source content is shown, marked with its language. */
  'missing',
]);

/** An agent's content in one locale. */
export const LocalizedContentSchema = z.object({
  /** How this content was obtained. */
  status: ContentStatusSchema,
  /** The language the content is written in (differs from the page's when `missing`). */
  contentLang: LocaleSchema,
  /** Display title (a translation's `title`, else the agent's name). */
  title: z.string(),
  /** The description without its examples, as plain text (for meta tags and lists). */
  summary: z.string(),
  /** The description without its examples, as sanitized HTML. */
  summaryHtml: z.string(),
  /** Example dialogues from the description. */
  examples: z.array(ExampleSchema).default([]),
  /** The body as sanitized HTML, headings carrying their anchor ids. */
  html: z.string(),
  /** The body's sections, in order. */
  sections: z.array(SectionSchema).default([]),
  /** Items of the responsibility sections. */
  responsibilities: z.array(ItemSchema).default([]),
  /** The checklists. */
  checklists: z.array(ChecklistSchema).default([]),
  /** Path of the translation file this came from, relative to the agents folder. */
  translationFile: z.string().optional(),
});

export { FrontMatterSchema };

/** Everything the site knows about one agent. */
export const AgentSchema = z.object({
  /** URL slug, unique in the catalog: `backend-developer` or `telegram-bot/backend-architect`. */
  slug: z.string(),
  /** The agent's name (front matter, else file name or first heading). */
  name: z.string(),
  /** Path of the file relative to the agents folder, with `/` separators. */
  file: z.string(),
  /** Folder of the file relative to the agents folder ('' at the top). */
  collection: z.string(),
  /** Language of the file. */
  sourceLang: LocaleSchema,
  /** Whether the language came from a `lang` field rather than detection. */
  sourceLangDeclared: z.boolean().default(false),
  /** Hash of the normalized file text. */
  sourceHash: z.string(),
  /** Description as written, examples included. */
  description: z.string(),
  tools: z.array(z.string()).default([]),
  model: z.string().optional(),
  color: z.string().optional(),
  /** Front matter fields Agent Atlas does not interpret, kept as they were. */
  extra: z.record(z.string(), z.unknown()).default({}),
  /** Old slugs redirecting here. */
  aliases: z.array(z.string()).default([]),
  /** Whether the file had front matter. */
  hasFrontMatter: z.boolean(),
  /** The raw file text (normalized), for copy and download. */
  raw: z.string(),
  /** Content per locale. */
  localized: z.object({
    en: LocalizedContentSchema,
    'zh-Hant': LocalizedContentSchema,
    'zh-Hans': LocalizedContentSchema,
  }),
  /** Mentions of other agents found in the file. */
  mentions: z.array(MentionSchema).default([]),
  /** Resolved edges from this agent. */
  outgoing: z.array(EdgeSchema).default([]),
  /** Resolved edges into this agent. */
  incoming: z.array(EdgeSchema).default([]),
  /** Problems found in this file. */
  problems: z.array(ProblemSchema).default([]),
});

/**
 * The fields of an agent's content in one locale that only the agent's page (and the API's agent
 * list) shows: the body HTML and its sections, the summary as HTML, the example dialogues, the
 * responsibilities and the checklists. They are most of an agent's data (without the body HTML,
 * still 40 % of the data store's JSON at a thousand agents), so they travel beside the content
 * layer with the file text.
 */
const BODY_FIELDS = { html: true, sections: true, summaryHtml: true, examples: true, responsibilities: true, checklists: true } as const;

/**
 * The fields of an agent the content layer does not store: the file text and the per-locale
 * {@link BODY_FIELDS} (`localized` is stored without them), and what no page reads, which stays in
 * the catalog: the description as written (pages show each locale's summary and examples), the
 * mentions (pages show the edges resolved from them), the problems (the build reports them) and
 * the edges into the agent (each edge is stored once, as its source's `outgoing`; an agent's page
 * finds the edges into it among the others', `routing/static-paths.ts`).
 */
const NOT_STORED = { raw: true, localized: true, description: true, mentions: true, problems: true, incoming: true } as const;

/** An agent's content in one locale as its page (and the API) gets it beside the content layer. */
export const LocalizedBodySchema = LocalizedContentSchema.pick(BODY_FIELDS);

/**
 * An agent's content in one locale as the content layer keeps it: what lists, cards and links show
 * (status, language, title, plain summary), without {@link BODY_FIELDS}.
 */
export const LocalizedEntrySchema = LocalizedContentSchema.omit(BODY_FIELDS);

/**
 * An agent as the content layer stores it. Astro compiles its whole data store into one
 * JavaScript module that the build bundles and every page imports, so its size costs every build
 * (storing, bundling and loading it): the fields of {@link NOT_STORED} are left out, and the file
 * text and {@link BODY_FIELDS} travel separately as {@link AgentBodySchema}
 * (see `catalog/agent-bodies.ts`).
 */
export const AgentEntrySchema = AgentSchema.omit(NOT_STORED).extend({
  /** Content per locale, without {@link BODY_FIELDS}. */
  localized: z.object({
    en: LocalizedEntrySchema,
    'zh-Hant': LocalizedEntrySchema,
    'zh-Hans': LocalizedEntrySchema,
  }),
});

/** The part of an agent kept out of the content layer for its page: the file text and {@link BODY_FIELDS}. */
export const AgentBodySchema = z.object({
  /** The raw file text (normalized), for copy and download. */
  raw: z.string(),
  /** Per locale: the body HTML and sections, the summary as HTML, examples, responsibilities and checklists. */
  localized: z.object({ en: LocalizedBodySchema, 'zh-Hant': LocalizedBodySchema, 'zh-Hans': LocalizedBodySchema }),
});

/** Front matter as validated. */
export type FrontMatter = z.infer<typeof FrontMatterSchema>;
/** A problem report. */
export type Problem = z.infer<typeof ProblemSchema>;
/** An example dialogue. */
export type Example = z.infer<typeof ExampleSchema>;
/** A section summary. */
export type Section = z.infer<typeof SectionSchema>;
/** A section kind. */
export type SectionKind = z.infer<typeof SectionKindSchema>;
/** A named checklist. */
export type Checklist = z.infer<typeof ChecklistSchema>;
/** An edge kind. */
export type EdgeKind = z.infer<typeof EdgeKindSchema>;
/** An unresolved mention. */
export type Mention = z.infer<typeof MentionSchema>;
/** A resolved edge. */
export type Edge = z.infer<typeof EdgeSchema>;
/** How a locale's content was obtained. */
export type ContentStatus = z.infer<typeof ContentStatusSchema>;
/** Content in one locale. */
export type LocalizedContent = z.infer<typeof LocalizedContentSchema>;
/** A whole agent. */
export type Agent = z.infer<typeof AgentSchema>;
/** Content in one locale, as the content layer keeps it. */
export type LocalizedEntry = z.infer<typeof LocalizedEntrySchema>;
/** The fields of one locale's content that travel beside the content layer. */
export type LocalizedBody = z.infer<typeof LocalizedBodySchema>;
/** An agent as pages see it: the content layer's entry. */
export type AgentEntry = z.infer<typeof AgentEntrySchema>;
/** An agent's file text and the per-locale fields that travel beside the content layer. */
export type AgentBody = z.infer<typeof AgentBodySchema>;
