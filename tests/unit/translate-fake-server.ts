import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake OpenAI-compatible chat completions endpoint on 127.0.0.1 (random port) for the
 * translation tests, and a deterministic fake "translator" that keeps placeholders.
 */

/** A request the fake server received. */
export interface SeenRequest {
  n: number;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: { model: string; messages: Array<{ role: string; content: string }> };
}

/** What the handler answers: a response, or 'hang' to never answer. */
export type FakeAnswer = { status?: number; headers?: Record<string, string>; body: unknown } | 'hang';

/** A running fake server. */
export interface FakeServer {
  /** Base URL, like OPENAI_BASE_URL: `http://127.0.0.1:<port>/v1`. */
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** A chat completion answer with the given content. */
export function completion(content: string): FakeAnswer {
  return { body: { id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] } };
}

/** Starts the server; `handler` decides each answer. */
export async function startFakeServer(handler: (req: SeenRequest) => FakeAnswer): Promise<FakeServer> {
  const requests: SeenRequest[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      const seen: SeenRequest = { n: requests.length + 1, url: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') };
      requests.push(seen);
      const answer = handler(seen);
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const DICT: Array<[string, string]> = [
  ['核心职责', 'Core responsibilities'],
  ['工作流程', 'Workflow'],
  ['检查清单', 'Checklist'],
  ['智能体', 'agent'],
  ['代理', 'agent'],
  ['示例', 'Example'],
  ['你是', 'You are'],
  ['设计', 'design'],
  ['使用', 'use'],
  ['后端', 'backend'],
];

const WORDS = new RegExp(`${DICT.map(([zh]) => zh).join('|')}|[\u3400-\u9fff]+`, 'g');
const PUNCT: Record<string, string> = { '：': ':', '，': ',', '。': '.', '、': ',', '（': '(', '）': ')', '“': '"', '”': '"' };

/**
 * Fake Chinese → English translation: known words from a small dictionary, any other run of
 * Chinese characters becomes `word`, full-width punctuation becomes ASCII. Placeholders, markdown
 * markers, indentation and line structure are untouched, like a well-behaved model.
 */
export function fakeToEnglish(text: string): string {
  const en = new Map(DICT);
  return text
    .split('\n')
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)![0];
      const rest = line
        .slice(indent.length)
        .replace(WORDS, (m) => ` ${en.get(m) ?? 'word'} `)
        .replace(/[：，。、（）“”]/g, (m) => ` ${PUNCT[m]} `)
        .replace(/[ \t]{2,}/g, ' ')
        .replace(/ (?=[,.:)])|(?<=[(]) /g, '')
        .trim();
      return indent + rest;
    })
    .join('\n');
}

/** Fake English → Simplified Chinese: a few words, everything else kept (structure untouched). */
export function fakeToChinese(text: string): string {
  return text.replace(/\bagents?\b/gi, '智能体').replace(/\bWorkflow\b/g, '工作流').replace(/\bChecklist\b/g, '检查清单').replace(/\bYou are\b/g, '你是');
}

/** The text a request asks to translate: the first user message (retries append corrections). */
export function sourceOf(req: SeenRequest): string {
  return req.body.messages.find((m) => m.role === 'user')?.content ?? '';
}

/** A Simplified Chinese agent: description with examples in the literal `\n` form, code, lists. */
export const ZH_AGENT = [
  '---',
  'name: backend-engineer',
  'description: 后端开发时使用此智能体。示例：\\n\\n<example>\\n情境：设计新的 API\\nuser: "我们需要设计 API"\\nassistant: "我会使用 backend-engineer 智能体来设计。"\\n<commentary>\\nAPI 设计需要仔细考虑。\\n</commentary>\\n</example>',
  'tools: Read, Write, Bash',
  '---',
  '',
  '你是后端工程师智能体，与 code-reviewer 协作。',
  '',
  '## 核心职责',
  '',
  '- 使用 `npm test` 运行测试',
  '- 参考 https://example.com/docs 的文档',
  '  - 使用 Read 和 Grep 工具',
  '',
  '```python',
  '# 不是标题',
  'def main():  # 注释',
  '    print("你好")',
  '```',
  '',
  '### 工作流程',
  '',
  '1. 设计 API',
  '2. 编写测试',
  '',
  '## 检查清单',
  '',
  '- [ ] 测试通过',
  '',
  '~~~',
  'npm run build',
  '~~~',
  '',
].join('\n');

/** An English agent, to translate into Chinese. */
export const EN_AGENT = [
  '---',
  'name: api-designer',
  'description: Use this agent to design APIs with the Read tool.',
  '---',
  '',
  'You are an API designer agent.',
  '',
  '## Workflow',
  '',
  '- Read the spec with the Read tool',
  '- Ask the code-reviewer agent',
  '',
  '```ts',
  'const agent = "unchanged";',
  '```',
  '',
].join('\n');

/** The fenced code blocks of a markdown text, verbatim. */
export function codeBlocks(text: string): string[] {
  return [...text.matchAll(/^(```|~~~)[^\n]*\n[\s\S]*?\n\1$/gm)].map((m) => m[0]);
}
