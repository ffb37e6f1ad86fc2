import type { Locale } from '../locales.ts';
import type { Agent, Problem } from '../schema.ts';
import { decodeAgentFile } from '../parse/read-file.ts';
import { parseAgent } from '../parse/parse-agent.ts';
import { localizeAgent, type Extractor } from '../localize/localize-agent.ts';
import type { TranslationFile } from '../localize/translation-file.ts';
import { agentSearchHtml } from '../search/record-html.ts';

/** An agent after the per-file stages, before catalog-wide steps (slugs, edges). */
export type ProcessedAgent = Omit<Agent, 'slug' | 'outgoing' | 'incoming'>;

/** The per-file result: an agent, or only the problems that kept it from being one. */
export interface ProcessedFile {
  file: string;
  agent?: ProcessedAgent;
  /** With an agent: the HTML the search index reads for its page in each locale. */
  searchHtml?: Record<Locale, string>;
  problems: Problem[];
}

/**
 * Runs parse → extract → localize for one file. Pure apart from its inputs, so the catalog can
 * cache it by content hash and run it in parallel.
 */
export function processFile(
  file: string,
  bytes: Uint8Array,
  translations: Partial<Record<Locale, TranslationFile>>,
  extract: Extractor,
): ProcessedFile {
  // A file that breaks a stage (a parser bug, a stack overflow) is reported, never fatal to the build.
  try {
    return processUnguarded(file, bytes, translations, extract);
  } catch (error) {
    return {
      file,
      problems: [
        {
          file,
          severity: 'error',
          code: 'processing-failed',
          message: `The file could not be processed: ${String((error as Error)?.message ?? error).split('\n')[0]}`,
          hint: 'Simplify the part of the file that differs from other agents (very long or deeply nested content), and report the file as an Agent Atlas bug.',
        },
      ],
    };
  }
}

function processUnguarded(
  file: string,
  bytes: Uint8Array,
  translations: Partial<Record<Locale, TranslationFile>>,
  extract: Extractor,
): ProcessedFile {
  const decoded = decodeAgentFile(bytes, file);
  if (decoded.text === undefined) return { file, problems: decoded.problems };
  const parsed = parseAgent(file, decoded.text);
  const problems = [...decoded.problems, ...parsed.problems];
  const { localized, mentions, problems: localizeProblems } = localizeAgent(parsed, translations, extract);
  problems.push(...localizeProblems);
  const agent: ProcessedAgent = {
    name: parsed.name,
    file,
    collection: parsed.collection,
    sourceLang: parsed.sourceLang,
    sourceLangDeclared: parsed.sourceLangDeclared,
    sourceHash: parsed.sourceHash,
    description: parsed.description,
    tools: parsed.tools,
    model: parsed.model,
    color: parsed.color,
    extra: parsed.extra,
    aliases: parsed.aliases,
    hasFrontMatter: parsed.hasFrontMatter,
    raw: parsed.raw,
    localized,
    mentions,
    problems,
  };
  // Made here, not when the index starts: on the catalog's threads, and cached with the rest.
  return { file, problems, agent, searchHtml: agentSearchHtml(agent) };
}
