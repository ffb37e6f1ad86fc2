import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAgent } from '../../src/lib/parse/parse-agent.ts';
import { decodeAgentFile, MAX_AGENT_FILE_BYTES } from '../../src/lib/parse/read-file.ts';
import { limitNesting, MAX_NESTING } from '../../src/lib/parse/nesting.ts';
import { processFile } from '../../src/lib/catalog/process-file.ts';
import { buildCatalog, type Catalog } from '../../src/lib/catalog/build-catalog.ts';
import { catalogReport, formatProblem } from '../../src/lib/catalog/report.ts';
import { extractStructure } from '../../src/lib/extract/sections.ts';
import { parseTranslationFile } from '../../src/lib/localize/translation-file.ts';
import type { Problem } from '../../src/lib/schema.ts';

/**
 * Bad input: every malformed file is reported precisely (file, line where known, what was
 * expected, a hint), never stops the other files, and is never dropped without a word.
 */

const enc = (text: string) => new TextEncoder().encode(text);
const codes = (problems: Problem[]) => problems.map((p) => `${p.severity} ${p.code}${p.line ? `@${p.line}` : ''}`);
const run = (file: string, text: string | Uint8Array) => processFile(file, typeof text === 'string' ? enc(text) : text, {}, extractStructure);

describe('malformed YAML front matter is read leniently, with the line to fix', () => {
  it('an unquoted colon in a value', () => {
    const a = parseAgent('colon.md', '---\nname: colon\ndescription: Use when: the user asks for help\ntools: Read\n---\nBody.\n');
    expect(a.name).toBe('colon');
    expect(a.description).toBe('Use when: the user asks for help');
    expect(a.tools).toEqual(['Read']);
    expect(a.problems.map(formatProblem).join('\n')).toMatchInlineSnapshot(`
      "colon.md:3: warning: The front matter is not valid YAML (incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line); it was read field by field as "key: value" lines. (expected YAML fields such as "name: my-agent")
          Hint: Quote values that contain ": " or start with "- " (description: "…"), as strict YAML tools require."
    `);
  });

  it('an unclosed quote', () => {
    const a = parseAgent('quote.md', '---\nname: quote\ndescription: "Reviews code\ntools: Read, Grep\n---\nBody.\n');
    expect(a.name).toBe('quote');
    expect(a.description).toBe('Reviews code');
    expect(a.tools).toEqual(['Read', 'Grep']);
    expect(a.problems.map(formatProblem).join('\n')).toMatchInlineSnapshot(`
      "quote.md:3: warning: The front matter is not valid YAML (unexpected end of the stream within a double quoted scalar); it was read field by field as "key: value" lines. (expected YAML fields such as "name: my-agent")
          Hint: Close the quote at the end of the value (name: "my-agent")."
    `);
  });

  it('tabs used for indentation', () => {
    const a = parseAgent('tabs.md', '---\nname: tabs\ndescription: d\ntools:\n\t- Read\n\t- Grep\n---\nBody.\n');
    expect(a.tools).toEqual(['Read', 'Grep']);
    expect(a.problems).toHaveLength(1);
    expect(a.problems[0]).toMatchObject({ code: 'yaml-lenient', line: 5, hint: 'Indent with spaces: YAML does not allow tabs for indentation.' });
  });

  it('a repeated key points at the repeat', () => {
    const a = parseAgent('dup.md', '---\nname: first\ndescription: d\nname: second\n---\nBody.\n');
    expect(a.problems[0]).toMatchObject({ code: 'yaml-lenient', line: 4, hint: 'Keep one of the two fields with the same name.' });
  });

  it('`tools: *` (an alias with no name), as Claude Code files write it', () => {
    const a = parseAgent('star.md', '---\nname: star\ndescription: d\ntools: *\n---\nBody.\n');
    expect(a.name).toBe('star');
    expect(a.problems[0]).toMatchObject({ code: 'yaml-lenient', line: 4 });
  });
});

describe('front matter that is not a mapping, or has wrong types', () => {
  it('a list instead of fields: an error, and the agent is still built from the body', () => {
    const a = parseAgent('list.md', '---\n- one\n- two\n---\n# Listed\n\nA body that says what this agent does.\n');
    expect(a.name).toBe('list');
    expect(codes(a.problems)).toEqual(['error front-matter-not-mapping@2', 'warning missing-name@1', 'warning missing-description@1']);
    expect(formatProblem(a.problems[0])).toMatchInlineSnapshot(`
      "list.md:2: error: The front matter is not a mapping of "key: value" fields. (expected YAML fields such as "name: my-agent")
          Hint: Write one "key: value" field per line between the "---" lines."
    `);
  });

  it('a sentence instead of fields', () => {
    const a = parseAgent('scalar.md', '---\njust a sentence\n---\nBody.\n');
    expect(codes(a.problems)[0]).toBe('error front-matter-not-mapping@2');
  });

  it('`tools: 42`: the field is ignored with the line, what was expected and an example', () => {
    const a = parseAgent('tools.md', '---\nname: tools\ndescription: d\ntools: 42\n---\nBody.\n');
    expect(a.tools).toEqual([]);
    expect(a.problems).toEqual([
      {
        file: 'tools.md',
        line: 4,
        severity: 'error',
        code: 'field-type',
        message: '"tools" should be a list or a comma-separated text, found the number 42; the field was ignored.',
        expected: 'a list or a comma-separated text',
        found: 'the number 42',
        hint: 'tools: Read, Grep, Bash',
      },
    ]);
  });

  it('a name that is a list, a description that is a mapping', () => {
    const a = parseAgent('types.md', '---\nname: [a, b]\ndescription:\n  when: always\n---\nThe body explains what this agent is for, at some length.\n');
    expect(a.name).toBe('types');
    expect(a.problems.filter((p) => p.code === 'field-type').map((p) => [p.line, p.found])).toEqual([
      [2, 'a list'],
      [3, 'a mapping'],
    ]);
  });

  it('deeply nested values in a list field say what is inside', () => {
    const a = parseAgent('nested.md', '---\nname: nested\ndescription: d\ntools:\n  - a:\n      - b:\n          - c\n---\nBody\n');
    expect(a.problems[0].message).toMatchInlineSnapshot(`""tools" should be a list or a comma-separated text, found a list holding a mapping; the field was ignored."`);
  });

  it('a missing name falls back to the file name, with a warning', () => {
    const a = parseAgent('sub/no-name.md', '---\ndescription: Reviews code.\n---\nBody.\n');
    expect(a).toMatchObject({ name: 'no-name', nameSource: 'file-name' });
    expect(formatProblem(a.problems[0])).toMatchInlineSnapshot(`
      "sub/no-name.md:1: warning: The front matter has no "name"; the file name "no-name" was used. (expected a "name" field)
          Hint: name: no-name"
    `);
  });

  it('YAML aliases that expand exponentially are refused, not expanded', () => {
    let yaml = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) yaml += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const r = run('bomb.md', `---\nname: bomb\ndescription: d\n${yaml}---\nBody.\n`);
    expect(r.agent?.name).toBe('bomb');
    expect(r.problems[0]).toMatchObject({ code: 'front-matter-too-large', severity: 'error', line: 4 });
    expect(JSON.stringify(r).length).toBeLessThan(100_000);
  });

  it('"---js" front matter is never evaluated, in agent or translation files', () => {
    const g = globalThis as { pwned?: boolean };
    g.pwned = false;
    const code = '{ name: (globalThis.pwned = true, "x") }';
    const agent = parseAgent('js.md', `---js\n${code}\n---\nBody.\n`);
    const translation = parseTranslationFile('_translations/en/js.md', `---js\n${code}\n---\nBody.\n`);
    expect(g.pwned).toBe(false);
    expect(agent.name).toBe('js');
    expect(formatProblem(agent.problems[0])).toMatchInlineSnapshot(`
      "js.md:1: error: The front matter is marked as "js"; only YAML front matter is read, so its fields were ignored. (expected YAML front matter opened with a plain "---" line)
          Hint: Replace the first line with "---" and write the fields as YAML (name: my-agent)."
    `);
    expect(translation.translation).toBeUndefined();
    expect(translation.problems[0].message).toContain('"---js" front matter is not supported (it would run code)');
  });
});

describe('file contents that are not markdown text', () => {
  it('an empty or blank file', () => {
    for (const text of ['', '  \n\n\t\n', '\uFEFF\r\n']) {
      const d = decodeAgentFile(enc(text), 'empty.md');
      expect(d.text).toBeUndefined();
      expect(codes(d.problems)).toEqual(['error empty-file']);
    }
    expect(formatProblem(decodeAgentFile(enc(''), 'empty.md').problems[0])).toMatchInlineSnapshot(`
      "empty.md: error: The file is empty. (expected front matter with a name and description, and a markdown body)
          Hint: Delete the file, or write the agent definition in it."
    `);
  });

  it('a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const d = decodeAgentFile(png, 'image.md');
    expect(d.text).toBeUndefined();
    expect(d.problems[0]).toMatchObject({ code: 'binary-file', severity: 'error', expected: 'UTF-8 markdown text' });
    expect(d.problems[0].hint).toContain('Remove the file');
  });

  it('a 5 MB file is refused before it is parsed', () => {
    const big = enc(`---\nname: big\ndescription: d\n---\n${'word '.repeat(1_000_000)}`);
    expect(big.length).toBeGreaterThan(MAX_AGENT_FILE_BYTES);
    const r = run('big.md', big);
    expect(r.agent).toBeUndefined();
    expect(formatProblem(r.problems[0])).toMatchInlineSnapshot(`
      "big.md: error: The file is 4.8 MB; agent files over 1024 KB are skipped. (expected at most 1024 KB)
          Hint: Split the file, or move long reference material out of the agent definition."
    `);
  });

  it('invalid UTF-8: decoded with replacement characters, and the line of the first bad byte', () => {
    const bytes = new Uint8Array([...enc('---\nname: latin\ndescription: d\n---\nCaf'), 0xe9, ...enc(' au lait.\n')]);
    const r = run('latin.md', bytes);
    expect(r.agent?.name).toBe('latin');
    expect(r.agent?.raw).toContain('Caf\uFFFD au lait.');
    expect(r.problems[0]).toMatchObject({ code: 'invalid-utf8', severity: 'warning', line: 5 });
    expect(r.problems[0].hint).toContain('UTF-8');
  });

  it('CRLF line endings and a byte-order mark read like LF', () => {
    const lf = '---\nname: crlf\ndescription: d\ntools: 42\n---\n# Title\n\n- item\n';
    const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
    const a = run('a.md', lf);
    const b = run('a.md', crlf);
    expect(b.agent?.name).toBe('crlf');
    expect(b.agent?.raw).toBe(lf);
    expect(b.agent?.localized.en.html).toBe(a.agent?.localized.en.html);
    expect(b.problems).toEqual(a.problems);
    expect(b.problems[0].line).toBe(4);
  });
});

describe('markdown structure', () => {
  it('"---" inside a code fence neither ends the front matter nor starts one', () => {
    const body = '# Deploys\n\n```yaml\n---\nname: not-the-agent\n---\n```\n\nAfter the fence.\n';
    const a = parseAgent('fence.md', `---\nname: fence\ndescription: d\n---\n${body}`);
    expect(a.name).toBe('fence');
    expect(a.problems).toEqual([]);
    expect(a.tree.children.map((n) => n.type)).toEqual(['heading', 'code', 'paragraph']);
    const noFrontMatter = parseAgent('nofm.md', body);
    expect(noFrontMatter).toMatchObject({ name: 'Deploys', nameSource: 'heading', hasFrontMatter: false });
  });

  it('deeply nested lists and quotes are cut to a bounded depth, text kept, fast', () => {
    const list = Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const cases = [list, `${'>'.repeat(5000)} deep quote`, `${'- '.repeat(3000)}deep one-liner`, `${'1. '.repeat(2000)}ordered`];
    // Each must finish (within the test's timeout) without overflowing the stack.
    for (const body of cases) {
      const r = run('deep.md', `---\nname: deep\ndescription: d\n---\n${body}\n`);
      expect(r.agent?.name).toBe('deep');
      // The body starts on line 5; the list passes the limit at its item ${MAX_NESTING - 1} (0-based).
      expect(r.problems.map((p) => `${p.code}@${p.line}`)).toEqual([`deep-nesting@${body === list ? 5 + MAX_NESTING - 1 : 5}`]);
    }
    const r = run('deep.md', `---\nname: deep\ndescription: d\n---\n${list}\n`);
    expect(r.agent?.localized.en.html).toContain('level 399');
    expect(r.problems[0].message).toMatchInlineSnapshot(`"385 lines are nested more than 16 levels deep (lists or quotes); the nesting was cut to 16 levels and the text kept."`);
  });

  it('limitNesting leaves ordinary text, and code fences, alone', () => {
    const ordinary = '- a\n  - b\n    - c\n\n> quote\n>> nested\n';
    expect(limitNesting(ordinary).text).toBe(ordinary);
    const fenced = `\`\`\`\n${' '.repeat(200)}- deep inside code\n\`\`\`\n`;
    expect(limitNesting(fenced)).toEqual({ text: fenced, lines: [] });
    expect(limitNesting(`${'>'.repeat(100)} deep`, 3).text).toBe('>> deep');
  });

  it('a stage that throws is reported as an error for the file, never thrown', () => {
    const r = processFile('boom.md', enc('---\nname: boom\ndescription: d\n---\nBody.\n'), {}, () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(r.agent).toBeUndefined();
    expect(formatProblem(r.problems[0])).toMatchInlineSnapshot(`
      "boom.md: error: The file could not be processed: Maximum call stack size exceeded
          Hint: Simplify the part of the file that differs from other agents (very long or deeply nested content), and report the file as an Agent Atlas bug."
    `);
  });
});

describe('a folder of good and bad files', () => {
  let dir: string;
  let catalog: Catalog;
  const good = (name: string) => `---\nname: ${name}\ndescription: Use this agent to ${name.replace(/-/g, ' ')}.\ntools: Read, Grep\n---\n\n## Responsibilities\n\n- Do the work\n`;
  const files: Record<string, string | Uint8Array> = {
    'good/api-designer.md': good('api-designer'),
    'good/code-reviewer.md': good('code-reviewer'),
    'bad/colon.md': '---\nname: colon-agent\ndescription: Use when: asked\n---\nBody.\n',
    'bad/quote.md': '---\nname: "quote-agent\ndescription: d\n---\nBody.\n',
    'bad/tabs.md': '---\nname: tab-agent\ndescription: d\ntools:\n\t- Read\n\t- Grep\n---\nBody.\n',
    'bad/not-mapping.md': '---\n- a\n- b\n---\nA body long enough to serve as the description of this agent.\n',
    'bad/tools-42.md': '---\nname: tools-agent\ndescription: d\ntools: 42\n---\nBody.\n',
    'bad/no-name.md': '---\ndescription: d\n---\nBody.\n',
    'bad/empty.md': '',
    'bad/binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    'bad/huge.md': enc(`---\nname: huge\n---\n${'x'.repeat(MAX_AGENT_FILE_BYTES)}`),
    'bad/latin1.md': new Uint8Array([...enc('---\nname: latin-agent\ndescription: d\n---\nCaf'), 0xe9, 0x0a]),
    'bad/crlf.md': '\uFEFF---\r\nname: crlf-agent\r\ndescription: d\r\n---\r\nBody.\r\n',
    'bad/fence.md': '---\nname: fence-agent\ndescription: d\n---\n```\n---\n```\n',
    'bad/deep.md': `---\nname: deep-agent\ndescription: d\n---\n${'>'.repeat(3000)} deep\n`,
    'one/same.md': '---\nname: same-agent\ndescription: d\n---\nBody.\n',
    'two/same.md': '---\nname: same-agent\ndescription: d\n---\nBody.\n',
    'two/Same Agent.md': '---\nname: same-agent\ndescription: d\n---\nBody.\n',
    'names/my agent.md': '# My agent\n\nDoes things with spaces in its file name, and says so here.\n',
    'names/代理人.md': 'A file named in Chinese, with no front matter and no heading, long enough to describe.\n',
    'names/café crème.md': '---\ndescription: d\n---\nBody.\n',
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'atlas-bad-'));
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
    await writeFile(`${dir}-outside.md`, good('outside'));
    await symlink(`${dir}-outside.md`, path.join(dir, 'bad/outside-link.md'));
    await writeFile(path.join(dir, 'names/source.txt'), good('linked-agent'));
    await symlink(path.join(dir, 'names/source.txt'), path.join(dir, 'names/linked.md'));
    catalog = await buildCatalog({ agentsDir: dir, cacheDir: false });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}-outside.md`, { force: true });
  });

  it('the good files still become agents', () => {
    const slugs = catalog.agents.map((a) => a.slug);
    expect(slugs).toEqual(expect.arrayContaining(['api-designer', 'code-reviewer']));
    expect(catalog.agents.find((a) => a.slug === 'api-designer')?.problems).toEqual([]);
  });

  it('no file disappears: each is an agent, or has an error saying why it is not', () => {
    const agentFiles = new Set(catalog.agents.map((a) => a.file));
    const errorFiles = new Set(catalog.problems.filter((p) => p.severity === 'error').map((p) => p.file));
    for (const file of Object.keys(files)) expect(agentFiles.has(file) || errorFiles.has(file), file).toBe(true);
    // Three files are not agents (empty, binary, too large); a link inside the folder is one.
    expect(catalog.agents).toHaveLength(Object.keys(files).length - 3 + 1);
    expect(catalog.agents.find((a) => a.file === 'names/linked.md')?.name).toBe('linked-agent');
    expect(catalog.skipped).toEqual([
      { file: 'bad/outside-link.md', reason: 'symbolic link to something outside the agents folder, not followed' },
      { file: 'names/source.txt', reason: 'not a markdown file' },
    ]);
  });

  it('each bad file appears in the problems with its line where known, what was expected and a hint', () => {
    const first = (file: string) => catalog.problems.find((p) => p.file === file)!;
    const summary = Object.keys(files)
      .filter((f) => f.startsWith('bad/'))
      .map((f) => {
        const p = first(f);
        return p ? `${f}:${p.line ?? '-'} ${p.severity} ${p.code} | expected: ${p.expected ?? '-'} | hint: ${p.hint ? 'yes' : 'no'}` : `${f}: no problem`;
      });
    expect(summary).toMatchInlineSnapshot(`
      [
        "bad/colon.md:3 warning yaml-lenient | expected: YAML fields such as "name: my-agent" | hint: yes",
        "bad/quote.md:2 warning yaml-lenient | expected: YAML fields such as "name: my-agent" | hint: yes",
        "bad/tabs.md:5 warning yaml-lenient | expected: YAML fields such as "name: my-agent" | hint: yes",
        "bad/not-mapping.md:2 error front-matter-not-mapping | expected: YAML fields such as "name: my-agent" | hint: yes",
        "bad/tools-42.md:4 error field-type | expected: a list or a comma-separated text | hint: yes",
        "bad/no-name.md:1 warning missing-name | expected: a "name" field | hint: yes",
        "bad/empty.md:- error empty-file | expected: front matter with a name and description, and a markdown body | hint: yes",
        "bad/binary.md:- error binary-file | expected: UTF-8 markdown text | hint: yes",
        "bad/huge.md:- error file-too-large | expected: at most 1024 KB | hint: yes",
        "bad/latin1.md:5 warning invalid-utf8 | expected: UTF-8 text | hint: yes",
        "bad/crlf.md: no problem",
        "bad/fence.md: no problem",
        "bad/deep.md:5 warning deep-nesting | expected: at most 16 levels of lists and quotes | hint: yes",
      ]
    `);
    expect(catalog.agents.find((a) => a.file === 'bad/quote.md')?.name).toBe('quote-agent');
  });

  it('three files claiming the same name get distinct URLs and a warning each', () => {
    const same = catalog.agents.filter((a) => a.name === 'same-agent').map((a) => [a.file, a.slug]);
    expect(same).toEqual(
      expect.arrayContaining([
        ['one/same.md', 'one/same-agent'],
        ['two/Same Agent.md', 'two/same-agent'],
        ['two/same.md', 'two/same'],
      ]),
    );
    expect(catalog.problems.filter((p) => p.code === 'duplicate-name').map((p) => p.file).sort()).toEqual(['one/same.md', 'two/Same Agent.md', 'two/same.md']);
    expect(catalogReport(catalog).duplicateNames).toEqual([{ name: 'same-agent', slugs: expect.arrayContaining(['one/same-agent', 'two/same-agent', 'two/same']) }]);
    expect(catalog.fatal).toEqual([]);
  });

  it('file names with spaces or non-ASCII letters give usable URLs', () => {
    const bySource = Object.fromEntries(catalog.agents.filter((a) => a.collection === 'names').map((a) => [a.file, [a.name, a.slug]]));
    expect(bySource['names/my agent.md']).toEqual(['My agent', 'my-agent']);
    expect(bySource['names/café crème.md']).toEqual(['café crème', 'cafe-creme']);
    const [name, slug] = bySource['names/代理人.md'];
    expect(name).toBe('代理人');
    expect(slug).toMatch(/^a-[0-9a-f]{8}$/);
  });
});
