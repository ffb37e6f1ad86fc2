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
// An opening line naming another front matter language (`---js`, `---coffee`, `---toml`).
const OPEN_OTHER = /^---[ \t]*([A-Za-z][\w-]*)[ \t]*\n/;

/** js-yaml's reason without its position, which counts lines from the block, not the file. */
function yamlReason(error: unknown): string {
  const e = error as { reason?: string; message?: string };
  if (error instanceof RangeError) return 'it is nested too deeply';
  return e.reason ?? String(e.message ?? error).split(/\s+at line|\n/)[0];
}

/**
 * gray-matter options that never run code. gray-matter picks a parser from the opening line, and
 * its `---js` and `---coffee` parsers evaluate the block: agent and translation files are
 * untrusted, so those languages are refused (YAML and JSON stay).
 */
export const SAFE_MATTER_OPTIONS = {
  engines: Object.fromEntries(
    ['javascript', 'js', 'coffee', 'coffeescript', 'cson'].map((lang) => [
      lang,
      () => {
        throw new Error(`"---${lang}" front matter is not supported (it would run code); write YAML between "---" lines`);
      },
    ]),
  ),
};

/** Most values a front matter may expand to; YAML aliases (`*a`) can repeat lists exponentially. */
export const MAX_FRONT_MATTER_VALUES = 10_000;

/** Whether a parsed value, with aliases expanded, holds more than `budget` values or nests too deep. */
function tooLarge(value: unknown, budget = MAX_FRONT_MATTER_VALUES): boolean {
  let left = budget;
  const walk = (v: unknown, depth: number): boolean => {
    if (--left < 0 || depth > 64) return true;
    if (Array.isArray(v)) return v.some((x) => walk(x, depth + 1));
    if (v !== null && typeof v === 'object') return Object.values(v).some((x) => walk(x, depth + 1));
    return false;
  };
  return walk(value, 0);
}

/**
 * The file line a YAML failure most likely comes from: the first top-level field whose unquoted
 * value holds ": ", starts with "- " or is a bare "*" (what strict YAML rejects in agent files),
 * whose quote is not closed, or that repeats an earlier key; else the first tab-indented line.
 */
function suspectLine(block: string, firstLine: number): number | undefined {
  const lines = block.split('\n');
  const seen = new Set<string>();
  const i = lines.findIndex((line) => {
    const m = /^([A-Za-z_][\w.-]*)\s*:\s+(.*)$/.exec(line) ?? /^([A-Za-z_][\w.-]*)\s*:()$/.exec(line);
    if (!m) return false;
    if (seen.has(m[1])) return true;
    seen.add(m[1]);
    const value = m[2].trim();
    if (/^["']/.test(value)) return value.length < 2 || value.at(-1) !== value[0];
    return /:\s/.test(value) || /^-\s/.test(value) || /^[*&!%@`]/.test(value);
  });
  if (i >= 0) return firstLine + i;
  const tab = lines.findIndex((line) => /^\s*\t/.test(line));
  return tab >= 0 ? firstLine + tab : undefined;
}

/** A hint matched to what strict YAML rejected. */
function yamlHint(reason: string, block: string): string {
  // js-yaml's "non-tabulated empty line" is not about tabs.
  if (/\btab(?!ulated)/i.test(reason.replace(/non-tabulated/gi, '')) || /^\s*\t/m.test(block)) return 'Indent with spaces: YAML does not allow tabs for indentation.';
  if (/duplicated mapping key/i.test(reason)) return 'Keep one of the two fields with the same name.';
  if (/quoted scalar/i.test(reason)) return 'Close the quote at the end of the value (name: "my-agent").';
  return 'Quote values that contain ": " or start with "- " (description: "…"), as strict YAML tools require.';
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
  const other = OPEN_OTHER.exec(text);
  const otherClose = other ? CLOSE.exec(text.slice(other[0].length)) : null;
  if (other && otherClose) {
    // `---js` and the like: gray-matter would evaluate the block. It is skipped, with an error.
    const block = text.slice(other[0].length, other[0].length + otherClose.index);
    return {
      data: {},
      lines: {},
      body: text.slice(other[0].length + otherClose.index + otherClose[0].length).replace(/^\n/, ''),
      bodyLine: block.split('\n').length + 2,
      present: true,
      problems: [
        {
          file,
          line: 1,
          severity: 'error',
          code: 'front-matter-language',
          message: `The front matter is marked as "${other[1]}"; only YAML front matter is read, so its fields were ignored.`,
          expected: 'YAML front matter opened with a plain "---" line',
          hint: 'Replace the first line with "---" and write the fields as YAML (name: my-agent).',
        },
      ],
    };
  }
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
    // gray-matter caches by input string unless given options; ours also refuse code engines.
    const parsed = matter(`---\n${block}\n---\n`, { excerpt: false, ...SAFE_MATTER_OPTIONS } as never);
    data = parsed.data as Record<string, unknown>;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new TypeError('not a mapping');
    if (tooLarge(data)) throw new RangeError('too large');
  } catch (error) {
    const line = suspectLine(block, 2);
    const fields = readLenientYaml(block, 2);
    data = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.value]));
    const notMapping = error instanceof TypeError || Object.keys(fields).length === 0;
    if (error instanceof RangeError && String(error.message) === 'too large') {
      problems.push({
        file,
        line: Object.values(fields).find((f) => /[&*]\w/.test(String(f.value)))?.line ?? 2,
        severity: 'error',
        code: 'front-matter-too-large',
        message: `The front matter expands to more than ${MAX_FRONT_MATTER_VALUES.toLocaleString('en')} values or 64 levels (YAML aliases such as *name repeat whole lists); it was read field by field as plain text instead.`,
        expected: 'a few short fields',
        hint: 'Remove the anchors (&name) and aliases (*name), or the deeply nested values.',
      });
      return { data, lines, body: rest, bodyLine, present: true, problems };
    }
    problems.push({
      file,
      line: line ?? 2,
      severity: notMapping ? 'error' : 'warning',
      code: notMapping ? 'front-matter-not-mapping' : 'yaml-lenient',
      message: notMapping
        ? 'The front matter is not a mapping of "key: value" fields.'
        : `The front matter is not valid YAML (${yamlReason(error)}); it was read field by field as "key: value" lines.`,
      expected: 'YAML fields such as "name: my-agent"',
      hint: notMapping ? 'Write one "key: value" field per line between the "---" lines.' : yamlHint(yamlReason(error), block),
    });
  }
  return { data, lines, body: rest, bodyLine, present: true, problems };
}
