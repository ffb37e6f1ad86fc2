import matter from 'gray-matter';
import type { Problem } from '../schema.ts';
import { readLenientYaml } from './lenient-yaml.ts';

/** Front matter as read from a file, before validation. */
export interface RawFrontMatter {
  /** Field values (strict YAML when it parsed, else the lenient reading). */
  data: Record<string, unknown>;
  /** 1-based file line of each top-level field, when known. */
  lines: Record<string, number>;
  /** The markdown after the front matter. */
  body: string;
  /** 1-based file line where the body starts. */
  bodyLine: number;
  /** Whether the file opened with a front matter block. */
  present: boolean;
  problems: Problem[];
}

// An opening `---` line; the closing line may be longer (one corpus file uses 56 dashes).
const OPEN = /^---[ \t]*\n/;
const CLOSE = /^-{3,}[ \t]*$/m;

/** js-yaml's reason without its position, which counts lines from the block, not the file. */
function yamlReason(error: unknown): string {
  const e = error as { reason?: string; message?: string };
  return e.reason ?? String(e.message ?? error).split(/\s+at line|\n/)[0];
}

/**
 * The file line a YAML failure most likely comes from: the first top-level field whose unquoted
 * value holds ": ", starts with "- " or is a bare "*" (what strict YAML rejects in agent files).
 */
function suspectLine(block: string, firstLine: number): number | undefined {
  const lines = block.split('\n');
  const i = lines.findIndex((line) => {
    const m = /^[A-Za-z_][\w.-]*\s*:\s+(.*)$/.exec(line);
    if (!m || /^["']/.test(m[1])) return false;
    return /:\s/.test(m[1]) || /^-\s/.test(m[1]) || /^[*&!%@`]/.test(m[1]);
  });
  return i >= 0 ? firstLine + i : undefined;
}

function fieldLines(block: string, firstLine: number): Record<string, number> {
  const lines: Record<string, number> = {};
  block.split('\n').forEach((line, i) => {
    const m = /^([A-Za-z_][\w.-]*)\s*:/.exec(line);
    if (m && !(m[1] in lines)) lines[m[1]] = firstLine + i;
  });
  return lines;
}

/**
 * Splits normalized file text into front matter and body. Strict YAML (gray-matter) first; when
 * that fails, the block is read field by field as top-level `key: value` lines, with a warning
 * naming the line, so the agent is never lost to YAML strictness.
 */
export function readFrontMatter(text: string, file: string): RawFrontMatter {
  if (!OPEN.test(text)) {
    return { data: {}, lines: {}, body: text, bodyLine: 1, present: false, problems: [] };
  }
  const afterOpen = text.replace(OPEN, '');
  const close = CLOSE.exec(afterOpen);
  if (!close) {
    return {
      data: {},
      lines: {},
      body: text,
      bodyLine: 1,
      present: false,
      problems: [
        {
          file,
          line: 1,
          severity: 'warning',
          code: 'front-matter-unclosed',
          message: 'The file starts with "---" but no closing "---" line follows, so it was read as markdown without front matter.',
          expected: 'a line of three dashes after the front matter fields',
          hint: 'Add a "---" line after the last field, or remove the first line.',
        },
      ],
    };
  }
  const block = afterOpen.slice(0, close.index).replace(/\n$/, '');
  const rest = afterOpen.slice(close.index + close[0].length).replace(/^\n/, '');
  const bodyLine = block.split('\n').length + 3;
  const lines = fieldLines(block, 2);
  const problems: Problem[] = [];
  let data: Record<string, unknown>;
  try {
    // gray-matter caches by input string; pass a fresh object to avoid shared results.
    const parsed = matter(`---\n${block}\n---\n`, { excerpt: false } as never);
    data = parsed.data as Record<string, unknown>;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new TypeError('not a mapping');
  } catch (error) {
    const line = suspectLine(block, 2);
    const fields = readLenientYaml(block, 2);
    data = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.value]));
    const notMapping = error instanceof TypeError || Object.keys(fields).length === 0;
    problems.push({
      file,
      line: line ?? 2,
      severity: notMapping ? 'error' : 'warning',
      code: notMapping ? 'front-matter-not-mapping' : 'yaml-lenient',
      message: notMapping
        ? 'The front matter is not a mapping of "key: value" fields.'
        : `The front matter is not valid YAML (${yamlReason(error)}); it was read field by field as "key: value" lines.`,
      expected: 'YAML fields such as "name: my-agent"',
      hint: notMapping
        ? 'Write one "key: value" field per line between the "---" lines.'
        : 'Quote values that contain ": " or start with "- " (description: "…"), as strict YAML tools require.',
    });
  }
  return { data, lines, body: rest, bodyLine, present: true, problems };
}
