import type { Problem } from '../schema.ts';
import { normalizeText } from '../hash.ts';

/** Files larger than this are reported and skipped: no agent definition is that long. */
export const MAX_AGENT_FILE_BYTES = 1024 * 1024;

/** The text of an agent file, or the reason there is none. */
export interface DecodedFile {
  /** Normalized text (no BOM, LF endings); undefined when the file cannot be used. */
  text?: string;
  problems: Problem[];
}

// One decoder of each kind for every file: creating a TextDecoder costs more than decoding a
// typical agent file. A decode call without `stream` carries no state over to the next call.
const STRICT = new TextDecoder('utf-8', { fatal: true });
const LENIENT = new TextDecoder('utf-8');

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Find the first offset where strict decoding of the prefix fails, by bisection on lines.
  const strict = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      strict.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

/**
 * Decodes and checks the bytes of an agent file: empty, binary, oversized and invalid UTF-8
 * files each get a problem that says what to do.
 */
export function decodeAgentFile(bytes: Uint8Array, file: string, maxBytes = MAX_AGENT_FILE_BYTES): DecodedFile {
  const problem = (code: string, message: string, extra: Partial<Problem> = {}): Problem => ({
    file,
    severity: 'error',
    code,
    message,
    ...extra,
  });
  if (bytes.length > maxBytes) {
    return {
      problems: [
        problem('file-too-large', `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; agent files over ${Math.round(maxBytes / 1024)} KB are skipped.`, {
          expected: `at most ${Math.round(maxBytes / 1024)} KB`,
          hint: 'Split the file, or move long reference material out of the agent definition.',
        }),
      ],
    };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    return {
      problems: [
        problem('binary-file', 'The file is binary (it contains NUL bytes), not a markdown agent definition.', {
          expected: 'UTF-8 markdown text',
          hint: 'Remove the file from the agents folder, or give it an extension other than .md.',
        }),
      ],
    };
  }
  const problems: Problem[] = [];
  let text: string;
  try {
    text = STRICT.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    text = LENIENT.decode(bytes);
    problems.push({
      file,
      line: lineOfByte(bytes, at),
      severity: 'warning',
      code: 'invalid-utf8',
      message: `The file is not valid UTF-8 (first bad byte at offset ${at}); bad bytes are shown as �.`,
      expected: 'UTF-8 text',
      hint: 'Re-save the file as UTF-8 (for example: iconv -f GBK -t UTF-8).',
    });
  }
  const normalized = normalizeText(text);
  if (normalized.trim() === '') {
    return {
      problems: [
        problem('empty-file', 'The file is empty.', {
          expected: 'front matter with a name and description, and a markdown body',
          hint: 'Delete the file, or write the agent definition in it.',
        }),
      ],
    };
  }
  return { text: normalized, problems };
}
