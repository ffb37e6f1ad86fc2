import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { FrontMatterSchema, type Problem } from '../schema.ts';
import type { Locale } from '../locales.ts';
import { contentHash } from '../hash.ts';
import { readFrontMatter } from './front-matter.ts';
import { detectLanguage, parseLangField } from './detect-language.ts';
import { parseMarkdown } from './markdown.ts';
import { limitNesting, MAX_NESTING } from './nesting.ts';

/** An agent file after the parse stage: validated fields, body and problems. */
export interface ParsedAgent {
  file: string;
  /** Folder relative to the agents folder ('' at the top). */
  collection: string;
  name: string;
  /** Where the name came from. */
  nameSource: 'front-matter' | 'heading' | 'file-name';
  description: string;
  tools: string[];
  model?: string;
  color?: string;
  aliases: string[];
  collaborators: string[];
  /** Front matter fields Agent Atlas does not interpret. */
  extra: Record<string, unknown>;
  sourceLang: Locale;
  sourceLangDeclared: boolean;
  hasFrontMatter: boolean;
  body: string;
  bodyLine: number;
  /** The body's markdown tree (without anchors). */
  tree: Root;
  raw: string;
  sourceHash: string;
  problems: Problem[];
}

const KNOWN = ['name', 'description', 'tools', 'model', 'color', 'lang', 'aliases', 'collaborators'] as const;

const HINTS: Record<string, string> = {
  name: 'name: my-agent',
  description: 'description: "Use this agent when …"',
  tools: 'tools: Read, Grep, Bash',
  model: 'model: sonnet',
  color: 'color: blue',
  lang: 'lang: zh-Hant',
  aliases: 'aliases: [old-name]',
  collaborators: 'collaborators: [api-designer]',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const odd = value.find((v) => v === null || typeof v === 'object');
    return odd === undefined ? 'a list' : `a list holding ${describeValue(odd)}`;
  }
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `the ${typeof value} ${JSON.stringify(value)}`;
}

const EXPECTED: Record<string, string> = {
  name: 'a non-empty text',
  description: 'a text',
  tools: 'a list or a comma-separated text',
  model: 'a text',
  color: 'a text',
  lang: 'a text (en, zh-Hant or zh-Hans)',
  aliases: 'a text or a list of texts',
  collaborators: 'a text or a list of texts',
};

function list(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim()).filter(Boolean);
}

/** The first paragraph that reads like a sentence, for files without a description. */
function firstParagraph(tree: Root): string {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    const text = toString(node).trim();
    if (/[。.!?！？]$/.test(text) || text.length >= 60) return text;
  }
  return '';
}

/** The file's title heading: a heading that opens the body, before any other content. */
function firstHeading(tree: Root): string | undefined {
  const first = tree.children[0];
  return first?.type === 'heading' ? toString(first).trim() : undefined;
}

function stem(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
}

/**
 * Parses one agent file (normalized text): front matter (strict, else lenient), field
 * validation with precise problems, the markdown tree, and the source language.
 */
export function parseAgent(file: string, text: string): ParsedAgent {
  const fm = readFrontMatter(text, file);
  const problems: Problem[] = [...fm.problems];
  const fields: Record<string, unknown> = {};
  for (const key of KNOWN) {
    if (!(key in fm.data)) continue;
    const value = fm.data[key];
    const result = FrontMatterSchema.shape[key].safeParse(value);
    if (result.success) {
      fields[key] = result.data;
    } else {
      problems.push({
        file,
        line: fm.lines[key],
        severity: 'error',
        code: 'field-type',
        message: `"${key}" should be ${EXPECTED[key]}, found ${describeValue(value)}; the field was ignored.`,
        expected: EXPECTED[key],
        found: describeValue(value),
        hint: HINTS[key],
      });
    }
  }
  const extra = Object.fromEntries(Object.entries(fm.data).filter(([k]) => !(KNOWN as readonly string[]).includes(k)));
  const tree = parseMarkdown(fm.body);
  const deep = limitNesting(fm.body).lines;
  if (deep.length) {
    problems.push({
      file,
      line: fm.bodyLine + deep[0],
      severity: 'warning',
      code: 'deep-nesting',
      message: `${deep.length} line${deep.length > 1 ? 's are' : ' is'} nested more than ${MAX_NESTING} levels deep (lists or quotes); the nesting was cut to ${MAX_NESTING} levels and the text kept.`,
      expected: `at most ${MAX_NESTING} levels of lists and quotes`,
      hint: 'Flatten the list: agent definitions rarely need more than three levels.',
    });
  }

  let name = typeof fields.name === 'string' ? fields.name : undefined;
  let nameSource: ParsedAgent['nameSource'] = 'front-matter';
  if (!name) {
    const heading = fm.present ? undefined : firstHeading(tree);
    name = heading && heading.length <= 60 ? heading : stem(file);
    nameSource = heading && heading.length <= 60 ? 'heading' : 'file-name';
    if (fm.present) {
      problems.push({
        file,
        line: 1,
        severity: 'warning',
        code: 'missing-name',
        message: `The front matter has no "name"; the file name "${name}" was used.`,
        expected: 'a "name" field',
        hint: `name: ${name}`,
      });
    }
  }
  let description = typeof fields.description === 'string' ? fields.description.trim() : '';
  if (!description) {
    description = firstParagraph(tree);
    if (fm.present) {
      problems.push({
        file,
        line: 1,
        severity: 'warning',
        code: 'missing-description',
        message: 'The front matter has no "description"; the first paragraph of the body was used.',
        expected: 'a "description" field saying when to use the agent',
        hint: HINTS.description,
      });
    }
  }
  const declared = parseLangField(fields.lang);
  if (fields.lang !== undefined && !declared) {
    problems.push({
      file,
      line: fm.lines.lang,
      severity: 'warning',
      code: 'unknown-lang',
      message: `"lang" is ${describeValue(fields.lang)}, which is not a language Agent Atlas builds; the language was detected instead.`,
      expected: 'en, zh-Hant or zh-Hans',
      hint: 'lang: zh-Hant',
    });
  }
  const sourceLang = declared ?? detectLanguage(`${description}\n${fm.body}`).lang;
  const collection = file.includes('/') ? file.replace(/\/[^/]*$/, '') : '';
  return {
    file,
    collection,
    name,
    nameSource,
    description,
    tools: (fields.tools as string[] | undefined) ?? [],
    model: fields.model as string | undefined,
    color: fields.color as string | undefined,
    aliases: list(fields.aliases),
    collaborators: list(fields.collaborators),
    extra,
    sourceLang,
    sourceLangDeclared: Boolean(declared),
    hasFrontMatter: fm.present,
    body: fm.body,
    bodyLine: fm.bodyLine,
    tree,
    raw: text,
    sourceHash: contentHash(text),
    problems,
  };
}
