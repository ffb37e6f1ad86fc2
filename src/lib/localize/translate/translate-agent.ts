import type { Locale } from '../../locales.ts';
import { normalizeText } from '../../hash.ts';
import { parseAgent } from '../../parse/parse-agent.ts';
import { translationContentHash } from '../translation-file.ts';
import type { ChatClient, ChatMessage } from './provider.ts';
import { GLOSSARY, glossaryNotes, glossaryPrompt, languageName, type Glossary } from './glossary.ts';
import { groupSections, protect, splitSections, verifyAnswer, type ProtectOptions, type Protected } from './segment.ts';

/**
 * Machine translation of one agent file into a translation file (see `translation-file.ts`):
 * the title, the description (its `<example>` dialogues kept in shape) and the body, section by
 * section. Nothing is returned unless every part translated and verified, so a caller writes
 * either a whole translation or nothing.
 */

/** Options of {@link translateAgent}. */
export interface TranslateAgentOptions {
  client: ChatClient;
  to: Locale;
  /** Agent names in the catalog, protected from translation. */
  knownNames?: readonly string[];
  glossary?: Glossary;
  /** Requests per section when answers fail verification. Default 3. */
  maxAttempts?: number;
  /** Sections are grouped up to this many characters per request. Default 2000. */
  maxChars?: number;
  /** Progress callback: `done` of `total` requests. */
  onProgress?: (done: number, total: number) => void;
}

/** A finished translation. */
export interface TranslatedAgent {
  /** The whole translation file, front matter included. */
  text: string;
  title: string;
  description: string;
  body: string;
  sourceHash: string;
  sourceLang: Locale;
  /** Glossary wordings the model did not use: for a reviewer, not errors. */
  notes: string[];
}

/** A part of the agent that could not be translated, with what was wrong. */
export class TranslationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TranslationError';
  }
}

const RULES = [
  'Output only the translation: no preamble, no notes, no code fence around it.',
  'Keep the markdown exactly in shape: the same headings with the same number of #, the same list items with the same markers, numbering and indentation, the same blank lines, bold and italic markers, tables and links.',
  'Tokens like ⟦C0⟧, ⟦I3⟧, ⟦U5⟧, ⟦N2⟧, ⟦T7⟧, ⟦X1⟧ stand for code, URLs, agent names, tool names and labels. Copy every token exactly once, unchanged, where it belongs in the sentence; never translate, drop, repeat or invent tokens.',
  'Keep version numbers, numbers, file names, product names and identifiers as they are.',
];

/** The system prompt for one direction: role, rules, glossary. */
export function systemPrompt(from: Locale, to: Locale, glossary: Glossary = GLOSSARY): string {
  return [
    `You translate documentation of AI agent definitions from ${languageName(from)} into ${languageName(to)}. Write natural, precise technical ${languageName(to)} for developers.`,
    ...RULES.map((r) => `- ${r}`),
    glossaryPrompt(from, to, glossary),
  ].join('\n');
}

const TARGET_CONTEXT: Record<Locale, string> = { en: 'Context: ', 'zh-Hant': '情境：', 'zh-Hans': '场景：' };

/** Tags, turn labels and context labels of descriptions: protected so `<example>` blocks stay parseable. */
function descriptionPatterns(to: Locale): ProtectOptions['extra'] {
  return [
    { pattern: /<\/?(?:example|commentary)>|<br\s*\/?>/gi, kind: 'X' },
    {
      pattern: /^[ \t]*(?:user|assistant|用户|用戶|使用者|助手|助理)[ \t]*[:：][ \t]*/gim,
      kind: 'X',
      lineStart: true,
      // Claude Code's own labels, whatever the source used, so examples parse in every locale.
      restore: (m) => `${m.match(/^\s*/)![0]}${/assistant|助/i.test(m) ? 'assistant' : 'user'}: `,
    },
    {
      pattern: /^[ \t]*(?:context|情境|情景|上下文|背景|场景|場景)[ \t]*[:：][ \t]*/gim,
      kind: 'X',
      lineStart: true,
      restore: (m) => `${m.match(/^\s*/)![0]}${TARGET_CONTEXT[to]}`,
    },
  ];
}

/** `backend-architect` → `Backend Architect`; other names are returned unchanged. */
export function humanizeName(name: string): string {
  if (!/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/i.test(name)) return name;
  return name
    .split(/[-_]/)
    .map((w) => (/^(api|ui|ux|qa|ai|ml|seo|sql|ios|devops)$/i.test(w) ? w.toUpperCase().replace('DEVOPS', 'DevOps').replace('IOS', 'iOS') : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}

/** One YAML line with a double-quoted value (JSON strings are valid YAML double-quoted scalars). */
function yamlLine(key: string, value: string): string {
  return `${key}: ${JSON.stringify(value)}`;
}

/** Builds the text of a translation file. */
export function formatTranslationFile(fields: {
  translationOf: string;
  sourceHash: string;
  lang: Locale;
  translator: string;
  title: string;
  description: string;
  body: string;
}): string {
  const { description, body } = fields;
  return [
    '---',
    yamlLine('translationOf', fields.translationOf),
    // Hashes quoted: an all-digit or `123e4` hex hash would otherwise be read as a YAML number.
    yamlLine('sourceHash', fields.sourceHash),
    `lang: ${fields.lang}`,
    yamlLine('translator', fields.translator),
    yamlLine('generatedHash', translationContentHash(description, body)),
    yamlLine('title', fields.title),
    yamlLine('description', description),
    '---',
    '',
    `${body.trim()}\n`,
  ].join('\n');
}

/** Translates one agent file's text. Throws {@link TranslationError} or a provider error. */
export async function translateAgent(file: string, fileText: string, options: TranslateAgentOptions): Promise<TranslatedAgent> {
  const agent = parseAgent(file, normalizeText(fileText));
  const { to, client } = options;
  const from = agent.sourceLang;
  if (from === to) throw new TranslationError(`${file} is already written in ${to}.`);
  if (from !== 'en' && to !== 'en') throw new TranslationError(`${file} is in ${from}: ${to} comes from it by OpenCC conversion, not translation.`);
  const glossary = options.glossary ?? GLOSSARY;
  const system = systemPrompt(from, to, glossary);
  const base: ProtectOptions = { sourceLang: from, knownNames: options.knownNames, glossary };
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);

  const literal = /\\n/.test(agent.description);
  const descriptionText = literal ? agent.description.replace(/\\r\\n|\\n/g, '\n') : agent.description;
  const title = humanizeName(agent.name);
  const sections = groupSections(splitSections(agent.body), options.maxChars ?? 2000);
  const jobs: Array<{ label: string; original: string; hint?: string; options: ProtectOptions; shape: boolean }> = [];
  // An English title made from a kebab-case name needs no model; any other title does.
  const titleNeedsModel = !(to === 'en' && title !== agent.name);
  if (titleNeedsModel) jobs.push({ label: 'title', original: title, hint: 'The text is a title: answer with the translated title only, on one line.', options: base, shape: false });
  if (descriptionText.trim()) {
    jobs.push({ label: 'description', original: descriptionText, options: { ...base, extra: descriptionPatterns(to) }, shape: false });
  }
  sections.forEach((s, i) => {
    const heading = /^#{1,6}[ \t]+(.*)$/m.exec(s)?.[1]?.trim();
    jobs.push({ label: `section ${i + 1}/${sections.length}${heading ? ` "${heading}"` : ''}`, original: s, options: base, shape: true });
  });

  const results: string[] = [];
  let done = 0;
  for (const job of jobs) {
    // Whitespace around a section is structure (blank lines between sections): kept, not sent.
    const lead = /^\s*/.exec(job.original)![0];
    const trail = job.original.slice(lead.length).match(/\s*$/)![0];
    const core = job.original.slice(lead.length, job.original.length - trail.length);
    results.push(core ? lead + (await translateSegment(client, system, core, job, maxAttempts, glossary)) + trail : job.original);
    options.onProgress?.(++done, jobs.length);
  }

  const translatedTitle = titleNeedsModel ? results.shift()!.replace(/^#+\s*/, '').split('\n')[0].trim().replace(/^["'“「](.*)["'”」]$/, '$1') : title;
  let description = descriptionText.trim() ? results.shift()!.trim() : '';
  if (literal) description = description.replace(/\n/g, '\\n');
  const body = results.join('');
  const notes = [...new Set(glossaryNotes(`${agent.description}\n${agent.body}`, `${description}\n${body}`, from, to, glossary))];
  const text = formatTranslationFile({
    translationOf: file,
    sourceHash: agent.sourceHash,
    lang: to,
    translator: `machine:${client.model}`,
    title: translatedTitle,
    description,
    body,
  });
  return { text, title: translatedTitle, description, body, sourceHash: agent.sourceHash, sourceLang: from, notes };
}

async function translateSegment(
  client: ChatClient,
  system: string,
  original: string,
  job: { label: string; hint?: string; options: ProtectOptions; shape: boolean },
  maxAttempts: number,
  glossary: Glossary,
): Promise<string> {
  const source: Protected = protect(original, job.options);
  const messages: ChatMessage[] = [
    { role: 'system', content: job.hint ? `${system}\n${job.hint}` : system },
    { role: 'user', content: source.text },
  ];
  let problems: string[] = [];
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const answer = await client.complete(messages);
    const verified = verifyAnswer(answer, source, original, { checkShape: job.shape, glossary });
    if (verified.ok) return verified.text;
    problems = verified.problems;
    // Show the model its answer and what was wrong with it: a targeted retry fixes far more
    // than asking the same question again.
    messages.push(
      { role: 'assistant', content: answer },
      { role: 'user', content: `Your translation was rejected: ${problems.join('; ')}. Translate the original text again, following every rule, and output only the corrected translation.` },
    );
  }
  throw new TranslationError(`${job.label}: the translation failed verification ${maxAttempts} times: ${problems.join('; ')}`);
}
