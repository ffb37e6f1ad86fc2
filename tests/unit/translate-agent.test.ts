import { afterEach, describe, expect, it } from 'vitest';
import { parseTranslationFile } from '../../src/lib/localize/translation-file.ts';
import { parseDescription } from '../../src/lib/parse/examples.ts';
import { createChatClient } from '../../src/lib/localize/translate/provider.ts';
import { humanizeName, translateAgent, TranslationError } from '../../src/lib/localize/translate/translate-agent.ts';
import { shapeOf } from '../../src/lib/localize/translate/segment.ts';
import { parseAgent } from '../../src/lib/parse/parse-agent.ts';
import {
  EN_AGENT,
  ZH_AGENT,
  codeBlocks,
  completion,
  fakeToChinese,
  fakeToEnglish,
  sourceOf,
  startFakeServer,
  type FakeAnswer,
  type FakeServer,
  type SeenRequest,
} from './translate-fake-server.ts';

const servers: FakeServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function clientFor(handler: (req: SeenRequest) => FakeAnswer) {
  const server = await startFakeServer(handler);
  servers.push(server);
  const client = createChatClient({ baseUrl: server.url, apiKey: 'k', model: 'fake-1', timeoutMs: 2000, maxRetries: 1, baseDelayMs: 1 });
  return { server, client };
}

const FILE = 'team/backend-engineer.md';

describe('translateAgent', () => {
  it('translates Chinese into English keeping headings, lists, code blocks and examples', async () => {
    const { server, client } = await clientFor((r) => completion(fakeToEnglish(sourceOf(r))));
    const result = await translateAgent(FILE, ZH_AGENT, { client, to: 'en' });
    const source = parseAgent(FILE, ZH_AGENT);

    // Structure: same headings, lists and code; code blocks byte-identical.
    expect(shapeOf(result.body)).toEqual(shapeOf(source.body));
    expect(codeBlocks(result.body)).toEqual(codeBlocks(source.body));
    expect(codeBlocks(result.body)).toHaveLength(2);
    expect(result.body).toContain('## Core responsibilities');
    expect(result.body).toContain('`npm test`');
    expect(result.body).toContain('https://example.com/docs');
    expect(result.body).toMatch(/code-reviewer/);
    expect(result.body).toMatch(/\bRead\b.*\bGrep\b/);
    // Outside code, no Chinese is left; inside code, everything is as it was.
    expect(result.body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?\n\1$/gm, '')).not.toMatch(/[\u4e00-\u9fff]/);

    // Description: the literal \n form, the <example> structure and Claude Code's labels kept.
    expect(result.description).not.toContain('\n');
    expect(result.description).toContain('\\n<example>\\nContext: ');
    expect(result.description).toMatch(/\\nuser: "/);
    expect(result.description).toMatch(/\\nassistant: ".*backend-engineer/);
    expect(result.description).toContain('<commentary>');
    const examples = parseDescription(result.description).examples;
    expect(examples).toHaveLength(1);
    expect(examples[0].turns.map((t) => t.role)).toEqual(['user', 'assistant']);

    // Front matter: what it was translated from, by whom, and the hash that detects hand edits.
    const parsed = parseTranslationFile(`_translations/en/${FILE}`, result.text).translation!;
    expect(parsed).toMatchObject({ translationOf: FILE, sourceHash: source.sourceHash, locale: 'en', translator: 'machine:fake-1', title: 'Backend Engineer' });
    expect(parsed.description).toBe(result.description);
    expect(parsed.generatedHash).toBe(parsed.currentHash);

    // The glossary travels in the system prompt of every request.
    for (const req of server.requests) {
      expect(req.body.messages[0].role).toBe('system');
      expect(req.body.messages[0].content).toContain('智能体 / 代理 → agent');
      expect(req.body.messages[0].content).toContain('TodoWrite');
    }
    expect(server.requests.some((r) => sourceOf(r).includes('def main'))).toBe(false);
  });

  it('translates English into Simplified Chinese, keeping tool names, names and code', async () => {
    const { server, client } = await clientFor((r) => completion(fakeToChinese(sourceOf(r))));
    const result = await translateAgent('x/api-designer.md', EN_AGENT, { client, to: 'zh-Hans' });
    expect(result.body).toContain('你是 an API designer 智能体');
    expect(result.body).toContain('the Read tool');
    expect(result.body).toContain('code-reviewer');
    expect(codeBlocks(result.body)).toEqual(['```ts\nconst agent = "unchanged";\n```']);
    expect(result.description).toContain('Read tool');
    // The title comes from the model, asked as a title.
    expect(server.requests[0].body.messages[0].content).toContain('title');
    expect(sourceOf(server.requests[0])).toBe('API Designer');
  });

  it('retries a section whose answer lost a placeholder or a kept word, telling the model why', async () => {
    let broken = 0;
    const { server, client } = await clientFor((r) => {
      const text = fakeToEnglish(sourceOf(r));
      const isRetry = r.body.messages.length > 2;
      if (!isRetry && text.includes('⟦') && broken < 2) {
        broken++;
        return completion(broken === 1 ? text.replace(/⟦[A-Z]\d+⟧/, '') : text.replace(/\bAPI\b/g, 'api'));
      }
      return completion(text);
    });
    const result = await translateAgent(FILE, ZH_AGENT, { client, to: 'en' });
    expect(result.body).toContain('`npm test`');
    const retries = server.requests.filter((r) => r.body.messages.length > 2);
    expect(retries).toHaveLength(2);
    expect(retries[0].body.messages.at(-1)!.content).toMatch(/rejected: placeholder ⟦/);
    expect(retries[1].body.messages.at(-1)!.content).toMatch(/must stay unchanged: API/);
  });

  it('fails after the attempts when the model keeps breaking the structure', async () => {
    const { server, client } = await clientFor((r) => completion(fakeToEnglish(sourceOf(r)).replace(/^## /m, '### ')));
    const error = await translateAgent(FILE, ZH_AGENT, { client, to: 'en', maxAttempts: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranslationError);
    expect((error as Error).message).toMatch(/headings changed/);
    expect(server.requests.length).toBeLessThan(10);
  });

  it('makes English titles from kebab-case names', () => {
    expect(humanizeName('backend-architect')).toBe('Backend Architect');
    expect(humanizeName('ui-designer')).toBe('UI Designer');
    expect(humanizeName('后端架构师')).toBe('后端架构师');
  });
});
