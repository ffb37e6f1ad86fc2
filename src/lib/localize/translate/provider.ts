/**
 * A minimal client for OpenAI-compatible chat completions (`POST {baseUrl}/chat/completions`),
 * which hosted APIs and local servers (Ollama, llama.cpp, vLLM, LM Studio) all speak. Built on
 * Node's fetch: no SDK, so the tooling adds no dependency.
 *
 * Every request has its own timeout. Transient failures (timeouts, network errors, 408, 429, 5xx)
 * and malformed answers are retried with exponential backoff and jitter, a bounded number of
 * times; a 429's Retry-After is honoured (capped by `maxDelayMs`). Other 4xx answers (a wrong key,
 * an unknown model) fail at once, since repeating them cannot help.
 */

/** One chat message. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Connection and retry settings. */
export interface ProviderConfig {
  /** Base URL up to `/v1`, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Per-request timeout. Default 120 s: a long section on a local model is slow. */
  timeoutMs?: number;
  /** Retries after the first attempt. Default 4. */
  maxRetries?: number;
  /** First backoff delay; doubles each retry. Default 1000 ms. */
  baseDelayMs?: number;
  /** Upper bound of any wait, Retry-After included, so a run always ends. Default 60 s. */
  maxDelayMs?: number;
  /** Sampling temperature. Default 0: translations should be repeatable. */
  temperature?: number;
  /** Called before each retry, for progress output. */
  onRetry?: (info: { attempt: number; delayMs: number; error: ProviderError }) => void;
}

/** What went wrong with a request. */
export type ProviderErrorKind = 'timeout' | 'network' | 'http' | 'malformed';

/** A failed chat completion, after any retries. */
export class ProviderError extends Error {
  /** Category of the failure. */
  readonly kind: ProviderErrorKind;
  /** HTTP status, for `http` errors. */
  readonly status?: number;
  /** Whether trying again may succeed. */
  readonly retryable: boolean;
  /** Server-requested wait (Retry-After), in ms. */
  readonly retryAfterMs?: number;

  constructor(kind: ProviderErrorKind, message: string, opts: { status?: number; retryable: boolean; retryAfterMs?: number }) {
    super(message);
    this.name = 'ProviderError';
    this.kind = kind;
    this.status = opts.status;
    this.retryable = opts.retryable;
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/** Something that answers a list of messages with the assistant's text. */
export interface ChatClient {
  /** The model's answer (trimmed, non-empty). Throws {@link ProviderError}. */
  complete(messages: ChatMessage[]): Promise<string>;
  readonly model: string;
}

/** The environment variables the client reads, and what each is for. */
export const PROVIDER_ENV = {
  OPENAI_BASE_URL: 'base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 (Ollama)',
  OPENAI_API_KEY: 'API key, sent as "Authorization: Bearer …" (local servers accept any value, e.g. "local")',
  TRANSLATE_MODEL: 'model name, e.g. gpt-4o-mini or qwen2.5:14b',
} as const;

function intFrom(value: string | undefined, fallback: number): number {
  const n = value === undefined || value === '' ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/**
 * Reads the provider settings from the environment. `missing` lists the required variables that
 * are unset; the optional TRANSLATE_TIMEOUT_MS, TRANSLATE_RETRIES and TRANSLATE_RETRY_BASE_MS
 * tune timeouts and retries.
 */
export function providerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): { config?: ProviderConfig; missing: string[] } {
  const missing = (Object.keys(PROVIDER_ENV) as Array<keyof typeof PROVIDER_ENV>).filter((k) => !env[k]?.trim());
  if (missing.length) return { missing };
  return {
    missing,
    config: {
      baseUrl: env.OPENAI_BASE_URL!.trim(),
      apiKey: env.OPENAI_API_KEY!.trim(),
      model: env.TRANSLATE_MODEL!.trim(),
      timeoutMs: intFrom(env.TRANSLATE_TIMEOUT_MS, 120_000),
      maxRetries: intFrom(env.TRANSLATE_RETRIES, 4),
      baseDelayMs: intFrom(env.TRANSLATE_RETRY_BASE_MS, 1000),
    },
  };
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds. */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Reads `choices[0].message.content`, or throws a malformed-answer error. */
function contentOf(text: string): string {
  const malformed = (why: string) => new ProviderError('malformed', `Malformed answer: ${why}`, { retryable: true });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw malformed(`not JSON (${JSON.stringify(text.slice(0, 80))})`);
  }
  const choice = (json as { choices?: Array<{ message?: { content?: unknown } }> } | null)?.choices?.[0];
  const content = choice?.message?.content;
  if (typeof content !== 'string') throw malformed('no choices[0].message.content');
  // Reasoning models served locally may prepend their thinking; it is never part of the answer.
  const answer = content.replace(/^\s*<think>[\s\S]*?<\/think>/, '').trim();
  if (!answer) throw malformed('empty content');
  return answer;
}

async function attempt(config: ProviderConfig, messages: ChatMessage[]): Promise<string> {
  const url = `${config.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  let response: Response;
  let text: string;
  try {
    // One signal covers both the request and reading the body: a server that sends headers and
    // then stalls is a timeout too.
    const signal = AbortSignal.timeout(config.timeoutMs ?? 120_000);
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${config.apiKey}` },
      body: JSON.stringify({ model: config.model, messages, temperature: config.temperature ?? 0, stream: false }),
      signal,
    });
    text = await response.text();
  } catch (error) {
    const e = error as Error;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      throw new ProviderError('timeout', `No answer within ${config.timeoutMs ?? 120_000} ms from ${url}`, { retryable: true });
    }
    const cause = (e.cause as Error | undefined)?.message;
    throw new ProviderError('network', `Cannot reach ${url}: ${cause ?? e.message}`, { retryable: true });
  }
  if (!response.ok) {
    const status = response.status;
    const retryable = status === 408 || status === 429 || status >= 500;
    throw new ProviderError('http', `HTTP ${status} from ${url}: ${text.slice(0, 200).trim()}`, {
      status,
      retryable,
      retryAfterMs: status === 429 || status === 503 ? retryAfter(response.headers.get('retry-after')) : undefined,
    });
  }
  return contentOf(text);
}

/** Resolves after `ms` milliseconds. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The backoff before retry number `retry` (0-based): base·2^retry, half of it random ("equal
 * jitter", so many clients hitting a limit do not retry in step), at most `maxDelayMs`. A
 * server's Retry-After wins when longer.
 */
export function backoffDelay(retry: number, config: Pick<ProviderConfig, 'baseDelayMs' | 'maxDelayMs'>, retryAfterMs?: number, random = Math.random): number {
  const max = config.maxDelayMs ?? 60_000;
  const exp = Math.min(max, (config.baseDelayMs ?? 1000) * 2 ** retry);
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.min(max, Math.max(jittered, retryAfterMs ?? 0));
}

/** Creates a chat client for an OpenAI-compatible endpoint. */
export function createChatClient(config: ProviderConfig): ChatClient {
  const retries = config.maxRetries ?? 4;
  return {
    model: config.model,
    async complete(messages) {
      for (let retry = 0; ; retry++) {
        try {
          return await attempt(config, messages);
        } catch (error) {
          const e = error instanceof ProviderError ? error : new ProviderError('network', String(error), { retryable: false });
          if (!e.retryable || retry >= retries) {
            if (retry > 0) e.message += ` (after ${retry + 1} attempts)`;
            throw e;
          }
          const delayMs = backoffDelay(retry, config, e.retryAfterMs);
          config.onRetry?.({ attempt: retry + 1, delayMs, error: e });
          await sleep(delayMs);
        }
      }
    },
  };
}
