/**
 * Validates the agent files without building the site, and prints the same report the build
 * prints (agents built, files with problems, duplicate names, unresolved collaborators).
 *
 *   npm run check [-- options]
 *   npx node scripts/check.ts [options]
 *
 * Options:
 *   --agents-dir <path>   the agents folder (default: env AGENTS_DIR, else ./agents)
 *   --strict              also fail (exit 1) on warnings, not only on errors
 *   --format text|json    text for people (default), json for tools (the whole report on stdout)
 *   --verbose             list every problem and unresolved name (text format)
 *   --no-cache            do not read or write the per-file cache (node_modules/.cache/agent-atlas)
 *   --help                this text
 *
 * Exit codes: 0 when the agents build (no errors; with --strict, no warnings either), 1 when
 * there are errors (or warnings under --strict), 2 when the command itself is wrong (unknown
 * option, missing folder).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCatalog } from '../src/lib/catalog/build-catalog.ts';
import { catalogReport, count, formatReport } from '../src/lib/catalog/report.ts';

const USAGE = 'Usage: npm run check -- [--agents-dir <path>] [--strict] [--format text|json] [--verbose] [--no-cache]';

function fail(message: string): never {
  process.stderr.write(`check: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let values: { 'agents-dir'?: string; strict?: boolean; format?: string; verbose?: boolean; 'no-cache'?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      'agents-dir': { type: 'string' },
      strict: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      verbose: { type: 'boolean', default: false },
      'no-cache': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail((error as Error).message);
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (values.format !== 'text' && values.format !== 'json') fail(`unknown format "${values.format}" (text or json)`);

const agentsDir = path.resolve(values['agents-dir'] || process.env.AGENTS_DIR || 'agents');
const isDir = await stat(agentsDir).then((s) => s.isDirectory(), () => false);
if (!isDir) fail(`the agents folder ${agentsDir} does not exist or is not a folder`);

const started = performance.now();
const catalog = await buildCatalog({ agentsDir, cacheDir: values['no-cache'] ? false : undefined });
const report = catalogReport(catalog);
const ms = Math.round(performance.now() - started);
const failed = report.errors > 0 || (values.strict === true && report.warnings > 0);

if (values.format === 'json') {
  process.stdout.write(`${JSON.stringify({ ...report, strict: values.strict, ok: !failed, ms }, null, 2)}\n`);
} else {
  const cacheNote = values['no-cache'] ? 'cache off' : `${catalog.cache.hits} files from cache, ${catalog.cache.misses} processed`;
  const out = [formatReport(report, { verbose: values.verbose }), `  (${ms} ms; ${cacheNote})`];
  if (report.agents === 0) out.push(`  No agent files were found. Put Claude Code agent .md files in ${agentsDir}, or pass --agents-dir.`);
  if (failed) {
    out.push(
      report.errors > 0
        ? `check failed: ${count(report.errors, 'error')}${values.strict ? ` and ${count(report.warnings, 'warning')} (--strict)` : ''}.`
        : `check failed: ${count(report.warnings, 'warning')} (--strict).`,
    );
  } else {
    out.push(`check passed${report.warnings ? ` with ${count(report.warnings, 'warning')} (--strict fails on them)` : ''}.`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}
process.exitCode = failed ? 1 : 0;
