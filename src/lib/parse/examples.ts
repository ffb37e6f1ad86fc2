import type { Example } from '../schema.ts';

/**
 * Descriptions written for Claude Code often embed `<example>` dialogues, sometimes on one line
 * with literal two-character `\n` sequences, and sometimes HTML such as `<br>`. This module splits
 * a description into its summary text and structured examples.
 */

/** A description split into its prose and its examples. */
export interface ParsedDescription {
  /** The description without examples, as markdown-safe text with real line breaks. */
  summary: string;
  examples: Example[];
}

const CONTEXT_LABEL = /^(?:context|情境|情景|上下文|背景|场景|場景)\s*[:：]\s*/i;
const TURN_LABEL = /^(user|assistant|用户|用戶|使用者|助手|助理)\s*[:：]\s*/i;
// "Examples:" / "範例：" left dangling at the end once the examples are taken out.
const TRAILING_INTRO = /(?<=^|[\s。.!！?？；;])(?:examples?|for example|範例|范例|示例|例如|例子)\s*[:：]?\s*$/i;

/** Turns literal `\n` sequences and `<br>` tags into real line breaks; drops other tags' markup. */
export function normalizeDescription(text: string): string {
  return text
    .replace(/\\r\\n|\\n/g, '\n')
    .replace(/\\t/g, '  ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\r\n?/g, '\n');
}

function stripQuotes(text: string): string {
  const t = text.trim();
  const pairs: Array<[string, string]> = [['"', '"'], ['“', '”'], ['「', '」']];
  for (const [a, b] of pairs) if (t.length > 1 && t.startsWith(a) && t.endsWith(b)) return t.slice(1, -1).trim();
  return t;
}

function parseExample(inner: string): Example {
  const example: Example = { context: '', turns: [], commentary: '' };
  const commentaries: string[] = [];
  const withoutCommentary = inner.replace(/<commentary>([\s\S]*?)(?:<\/commentary>|$)/gi, (_, c: string) => {
    commentaries.push(c.trim());
    return '\n';
  });
  example.commentary = commentaries.filter(Boolean).join('\n\n');
  let target: 'context' | number | null = null;
  for (const rawLine of withoutCommentary.split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    const ctx = CONTEXT_LABEL.exec(line);
    const turn = TURN_LABEL.exec(line);
    if (ctx) {
      example.context = [example.context, line.slice(ctx[0].length)].filter(Boolean).join('\n');
      target = 'context';
    } else if (turn) {
      const role = /^(assistant|助手|助理)$/i.test(turn[1]) ? 'assistant' : 'user';
      example.turns.push({ role, text: stripQuotes(line.slice(turn[0].length)) });
      target = example.turns.length - 1;
    } else if (typeof target === 'number') {
      const t = example.turns[target];
      t.text = stripQuotes(`${t.text}\n${line}`);
    } else {
      example.context = [example.context, line].filter(Boolean).join('\n');
      target = 'context';
    }
  }
  return example;
}

/**
 * Splits a description into summary and examples.
 * @example parseDescription('Use it.\\n\\n<example>\\nContext: x\\nuser: "a"\\nassistant: "b"\\n</example>')
 *   // { summary: 'Use it.', examples: [{ context: 'x', turns: [...], commentary: '' }] }
 */
export function parseDescription(description: string): ParsedDescription {
  const text = normalizeDescription(description);
  const examples: Example[] = [];
  const summary = text
    .replace(/<example>([\s\S]*?)(?:<\/example>|$)/gi, (_, inner: string) => {
      examples.push(parseExample(inner));
      return '\n';
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { summary: examples.length ? summary.replace(TRAILING_INTRO, '').trim() : summary, examples };
}
