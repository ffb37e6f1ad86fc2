/**
 * Machine-translates agent files into one site language, writing translation files to
 * `<agents>/_translations/<locale>/<source path>` for the agents whose translation is missing or
 * outdated.
 *
 *   npm run translate -- --to en|zh-Hant|zh-Hans [--only <slug>] [--force] [--dry-run]
 *
 * | flag / env                      | meaning                                                        | default  |
 * | ------------------------------- | -------------------------------------------------------------- | -------- |
 * | --to <locale>                   | target language (required)                                     | –        |
 * | --only <slug or file>           | one agent only (its slug, or its path in the agents folder)   | all      |
 * | --force                         | also overwrite outdated translations a person wrote or edited  | off      |
 * | --dry-run                       | only print what would be done (needs no model)                | off      |
 * | --agents <dir>, AGENTS_DIR      | the agents folder                                              | agents   |
 * | OPENAI_BASE_URL                 | OpenAI-compatible API base, e.g. http://127.0.0.1:11434/v1     | required |
 * | OPENAI_API_KEY                  | sent as a Bearer token (any value for local servers)           | required |
 * | TRANSLATE_MODEL                 | model name                                                     | required |
 * | TRANSLATE_TIMEOUT_MS            | per-request timeout                                            | 120000   |
 * | TRANSLATE_RETRIES               | retries per request (timeouts, network, 429, 5xx, bad answers) | 4        |
 * | TRANSLATE_RETRY_BASE_MS         | first backoff delay, doubled per retry, with jitter            | 1000     |
 * | TRANSLATE_SECTION_CHARS         | sections are grouped up to this size per request               | 2000     |
 *
 * Chinese is translated into one script and the other is derived by OpenCC at build time: a
 * zh-Hans source needs no `--to zh-Hant` (and the reverse), and `--to zh-Hans` for an English
 * source also gives the zh-Hant pages. A file is only written once its whole agent translated
 * and verified, atomically (temp file + rename). A translation a person wrote (`translator:
 * human`) or edited after generation (its text no longer matches `generatedHash`) is never
 * overwritten without --force. Exit codes: 0 done, 1 some agents failed or bad arguments,
 * 2 no model configured (nothing changed).
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { LOCALES, isChinese, type Locale } from '../src/lib/locales.ts';
import { createChatClient, providerConfigFromEnv, PROVIDER_ENV } from '../src/lib/localize/translate/provider.ts';
import type { Agent } from '../src/lib/schema.ts';

const USAGE = 'Usage: npm run translate -- --to en|zh-Hant|zh-Hans [--only <slug>] [--force] [--dry-run]';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function cli() {
  try {
    return parseArgs({
      options: {
        to: { type: 'string' },
        only: { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        agents: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 1);
  }
}

const args = cli();
if (args.help) fail(USAGE, 0);
const to = LOCALES.find((l) => l.toLowerCase() === args.to?.toLowerCase());
if (!to) fail(`${args.to ? `Unknown language "${args.to}".` : 'Missing --to.'}\n${USAGE}`, 1);
const dryRun = args['dry-run'];
const force = args.force;

const { config, missing } = providerConfigFromEnv();
if (!config && !dryRun) {
  fail(
    [
      `translate: no translation model is configured: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set.`,
      '',
      ...Object.entries(PROVIDER_ENV).map(([k, v]) => `  ${k.padEnd(16)} ${v}`),
      '',
      'A hosted OpenAI-compatible API:',
      '  export OPENAI_BASE_URL=https://api.openai.com/v1 OPENAI_API_KEY=sk-… TRANSLATE_MODEL=gpt-4o-mini',
      'A local server (Ollama; llama.cpp\'s llama-server works the same, e.g. http://127.0.0.1:8080/v1):',
      '  export OPENAI_BASE_URL=http://127.0.0.1:11434/v1 OPENAI_API_KEY=local TRANSLATE_MODEL=qwen2.5:14b',
      '',
      `Nothing was changed. Run with --dry-run to see what would be translated.`,
    ].join('\n'),
    2,
  );
}

// Loaded only now, so argument and configuration errors are reported without the parsing stack's start-up time.
const { buildCatalog } = await import('../src/lib/catalog/build-catalog.ts');
const { parseTranslationFile, translationPathFor } = await import('../src/lib/localize/translation-file.ts');
const { translateAgent } = await import('../src/lib/localize/translate/translate-agent.ts');

const agentsDir = path.resolve(args.agents ?? process.env.AGENTS_DIR ?? 'agents');
const catalog = await buildCatalog({ agentsDir, cacheDir: false });
const agents = args.only ? catalog.agents.filter((a) => a.slug === args.only || a.file === args.only) : catalog.agents;
if (!agents.length) fail(args.only ? `No agent with the slug or file "${args.only}" in ${agentsDir}.` : `No agents in ${agentsDir}.`, 1);

/** What to do for one agent; `quiet` skips are only counted in the summary, with that reason. */
type Plan = { agent: Agent; action: 'translate' | 'skip'; why: string; quiet?: string; converted?: boolean };

async function readTranslation(rel: string) {
  try {
    return parseTranslationFile(rel, await readFile(path.join(agentsDir, rel), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Decides what to do for one agent, reading its translation file for hand edits. */
async function plan(agent: Agent, to: Locale): Promise<Plan> {
  if (agent.sourceLang === to) return { agent, action: 'skip', why: `written in ${to}`, quiet: 'already in the target language' };
  if (isChinese(to) && isChinese(agent.sourceLang)) {
    return { agent, action: 'skip', converted: true, why: `${agent.sourceLang} source`, quiet: `not needed: ${to} is converted from the ${agent.sourceLang} source by OpenCC` };
  }
  const rel = translationPathFor(agent.file, to);
  const existing = await readTranslation(rel);
  if (!existing) {
    const other = to === 'zh-Hant' ? 'zh-Hans' : to === 'zh-Hans' ? 'zh-Hant' : undefined;
    const sibling = other ? await readTranslation(translationPathFor(agent.file, other)) : undefined;
    if (other && sibling?.translation) {
      // One Chinese script's translation is enough: the other is converted from it.
      return sibling.translation.sourceHash === agent.sourceHash
        ? { agent, action: 'skip', why: 'converted', quiet: `not needed: ${to} is converted from the ${other} translation by OpenCC` }
        : { agent, action: 'skip', why: `${to} is converted from ${translationPathFor(agent.file, other)}, which is outdated: run --to ${other} instead` };
    }
    return { agent, action: 'translate', why: 'missing' };
  }
  const t = existing.translation;
  if (!t) return force ? { agent, action: 'translate', why: 'invalid file, --force' } : { agent, action: 'skip', why: `${rel} is not a valid translation file (fix or delete it, or use --force)` };
  if (t.sourceHash === agent.sourceHash) return { agent, action: 'skip', why: 'up to date', quiet: 'up to date' };
  let edited: string | undefined;
  if (t.translator === 'human') edited = 'written by a person (translator: human)';
  else if (!t.generatedHash) edited = 'has no generatedHash, so hand edits cannot be ruled out';
  else if (t.generatedHash !== t.currentHash) edited = `edited after it was generated (text hash ${t.currentHash} ≠ generatedHash ${t.generatedHash})`;
  if (edited && !force) return { agent, action: 'skip', why: `outdated but ${edited}; update it by hand, or use --force to overwrite` };
  return { agent, action: 'translate', why: edited ? `outdated, --force over a file ${edited}` : 'outdated' };
}

/** Writes a file so readers see the old content or the new one, never a part. */
async function writeAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Same folder (so rename is atomic), hidden name (so the catalog never reads it as a translation).
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

const plans = await Promise.all(agents.map((a) => plan(a, to)));
const todo = plans.filter((p) => p.action === 'translate');
const out = (line = '') => process.stdout.write(`${line}\n`);
const model = config ? `${config.model} at ${config.baseUrl}` : 'no model configured';
out(`${dryRun ? 'Dry run: ' : ''}translating ${todo.length} of ${agents.length} agent(s) into ${to} (${model}).`);
const converted = plans.filter((p) => p.converted);
if (converted.length) {
  out(`Note: ${converted.length} agent(s) are written in the other Chinese script; their ${to} pages are converted by OpenCC, so nothing needs translating.`);
}

const translated: string[] = [];
const failed: Array<{ file: string; reason: string }> = [];
// Small enough for local models' default context windows (a few thousand tokens).
const sectionChars = Number(process.env.TRANSLATE_SECTION_CHARS) > 0 ? Number(process.env.TRANSLATE_SECTION_CHARS) : 2000;
const knownNames = catalog.agents.flatMap((a) => [a.name, a.slug.split('/').pop()!]);
const client = config
  ? createChatClient({ ...config, onRetry: ({ attempt, delayMs, error }) => out(`    retry ${attempt} in ${Math.round(delayMs)} ms: ${error.message}`) })
  : undefined;

for (const [i, p] of todo.entries()) {
  const target = translationPathFor(p.agent.file, to);
  out(`[${i + 1}/${todo.length}] ${p.agent.file} (${p.why}) → ${target}`);
  if (dryRun || !client) continue;
  try {
    const source = await readFile(path.join(agentsDir, p.agent.file));
    const result = await translateAgent(p.agent.file, source.toString('utf8'), { client, to, knownNames, maxChars: sectionChars });
    await writeAtomic(path.join(agentsDir, target), result.text);
    translated.push(target);
    out(`    wrote ${target}`);
    for (const note of result.notes) out(`    glossary note: ${note}`);
  } catch (error) {
    failed.push({ file: p.agent.file, reason: (error as Error).message });
    out(`    failed, nothing written: ${(error as Error).message}`);
  }
}

const skipped = plans.filter((p) => p.action === 'skip');
const quiet = new Map<string, number>();
for (const p of skipped) if (p.quiet) quiet.set(p.quiet, (quiet.get(p.quiet) ?? 0) + 1);
out('');
out(`Summary (${to}${dryRun ? ', dry run' : ''}):`);
out(`  ${dryRun ? 'would translate' : 'translated'}: ${dryRun ? todo.length : translated.length}`);
for (const f of dryRun ? todo.map((p) => translationPathFor(p.agent.file, to)) : translated) out(`    ${f}`);
out(`  skipped: ${skipped.length}`);
for (const [reason, n] of quiet) out(`    ${n} × ${reason}`);
for (const p of skipped.filter((s) => !s.quiet)) out(`    ${p.agent.file}: ${p.why}`);
out(`  failed: ${failed.length}`);
for (const f of failed) out(`    ${f.file}: ${f.reason}`);
if (dryRun && !config) out(`\nNote: ${missing.join(', ')} not set; a real run needs them.`);
process.exitCode = failed.length ? 1 : 0;
