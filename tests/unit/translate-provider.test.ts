import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, createChatClient, providerConfigFromEnv, ProviderError, type ProviderConfig } from '../../src/lib/localize/translate/provider.ts';
import { completion, startFakeServer, type FakeAnswer, type FakeServer, type SeenRequest } from './translate-fake-server.ts';

const servers: FakeServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function serve(handler: (req: SeenRequest) => FakeAnswer): Promise<FakeServer> {
  const server = await startFakeServer(handler);
  servers.push(server);
  return server;
}

/** Fast settings: tiny delays, few retries, so failing cases end in milliseconds. */
function config(url: string, extra: Partial<ProviderConfig> = {}): ProviderConfig {
  return { baseUrl: url, apiKey: 'test-key', model: 'fake-model', timeoutMs: 2000, maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5000, ...extra };
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const ASK = [{ role: 'user' as const, content: '你好' }];

describe('chat client', () => {
  it('posts to /chat/completions with the key and model, and returns the content', async () => {
    const server = await serve(() => completion('  Hello  '));
    const answer = await createChatClient(config(`${server.url}/`)).complete([{ role: 'system', content: 's' }, ...ASK]);
    expect(answer).toBe('Hello');
    const [req] = server.requests;
    expect(req.url).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe('Bearer test-key');
    expect(req.body.model).toBe('fake-model');
    expect(req.body.messages).toHaveLength(2);
  });

  it('honours Retry-After on 429, then succeeds', async () => {
    const server = await serve((r) => (r.n === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } } : completion('ok')));
    const retries: number[] = [];
    const started = Date.now();
    const client = createChatClient(config(server.url, { onRetry: (i) => retries.push(i.delayMs) }));
    expect(await client.complete(ASK)).toBe('ok');
    expect(server.requests).toHaveLength(2);
    expect(retries[0]).toBe(1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up on a server that always fails with 500, after a bounded number of attempts', async () => {
    const server = await serve(() => ({ status: 500, body: { error: 'boom' } }));
    const error = await failure(createChatClient(config(server.url)).complete(ASK));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/after 3 attempts/);
    expect(server.requests).toHaveLength(3);
  });

  it('times out on a server that never answers, and retries the timeout', async () => {
    const server = await serve(() => 'hang');
    const started = Date.now();
    const error = await failure(createChatClient(config(server.url, { timeoutMs: 150, maxRetries: 1 })).complete(ASK));
    expect(error.kind).toBe('timeout');
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('treats malformed answers as errors: retried, then failed', async () => {
    for (const body of ['not json at all', { choices: [] }, { choices: [{ message: { content: '   ' } }] }, { choices: [{ message: {} }] }]) {
      const server = await serve(() => ({ body }));
      const error = await failure(createChatClient(config(server.url)).complete(ASK));
      expect(error.kind).toBe('malformed');
      expect(server.requests).toHaveLength(3);
    }
  });

  it('recovers when a malformed answer is followed by a good one', async () => {
    const server = await serve((r) => (r.n === 1 ? { body: '{"choices": [' } : completion('<think>hmm</think>Fine')));
    expect(await createChatClient(config(server.url)).complete(ASK)).toBe('Fine');
  });

  it('does not retry an authentication error', async () => {
    const server = await serve(() => ({ status: 401, body: { error: 'bad key' } }));
    const error = await failure(createChatClient(config(server.url)).complete(ASK));
    expect(error.status).toBe(401);
    expect(server.requests).toHaveLength(1);
  });

  it('reports an unreachable server as a network error', async () => {
    const server = await serve(() => completion('x'));
    const url = server.url;
    await server.close();
    servers.pop();
    const error = await failure(createChatClient(config(url, { maxRetries: 1 })).complete(ASK));
    expect(error.kind).toBe('network');
  });
});

describe('backoff and configuration', () => {
  it('doubles with jitter, within bounds, and lets Retry-After win', () => {
    const c = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, c, undefined, () => 0)).toBe(50);
    expect(backoffDelay(0, c, undefined, () => 1)).toBe(100);
    expect(backoffDelay(2, c, undefined, () => 1)).toBe(400);
    expect(backoffDelay(10, c, undefined, () => 1)).toBe(1000);
    expect(backoffDelay(0, c, 700, () => 0)).toBe(700);
    expect(backoffDelay(0, c, 60_000, () => 0)).toBe(1000);
  });

  it('reads the environment and names what is missing', () => {
    expect(providerConfigFromEnv({}).missing).toEqual(['OPENAI_BASE_URL', 'OPENAI_API_KEY', 'TRANSLATE_MODEL']);
    const { config: c, missing } = providerConfigFromEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_API_KEY: 'k', TRANSLATE_MODEL: 'm', TRANSLATE_RETRIES: '0', TRANSLATE_TIMEOUT_MS: '500' });
    expect(missing).toEqual([]);
    expect(c).toMatchObject({ baseUrl: 'http://127.0.0.1:11434/v1', model: 'm', maxRetries: 0, timeoutMs: 500, baseDelayMs: 1000 });
  });
});
