import type { Problem } from '../schema.ts';
import type { Catalog } from './build-catalog.ts';

/**
 * The build and check report: agents built, every file with problems (path, line, what is
 * wrong, a hint), duplicate names, unresolved collaborators. The same data prints as text for
 * people and as JSON for tools.
 */

/** The report as data. */
export interface CatalogReport {
  agentsDir: string;
  agents: number;
  pages: number;
  errors: number;
  warnings: number;
  problems: Problem[];
  duplicateNames: Array<{ name: string; slugs: string[] }>;
  unresolved: Array<{ name: string; from: string[] }>;
  ambiguities: Catalog['ambiguities'];
  skipped: Catalog['skipped'];
}

/** Summarizes a catalog. */
export function catalogReport(catalog: Catalog, locales = 3): CatalogReport {
  const problems = [...catalog.problems, ...catalog.fatal];
  const byName = new Map<string, string[]>();
  for (const a of catalog.agents) byName.set(a.name, [...(byName.get(a.name) ?? []), a.slug]);
  const unresolved = new Map<string, Set<string>>();
  for (const a of catalog.agents)
    for (const e of a.outgoing) if (e.external) unresolved.set(e.to, (unresolved.get(e.to) ?? new Set()).add(a.slug));
  return {
    agentsDir: catalog.agentsDir,
    agents: catalog.agents.length,
    pages: catalog.agents.length * locales,
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity === 'warning').length,
    problems,
    duplicateNames: [...byName].filter(([, s]) => s.length > 1).map(([name, slugs]) => ({ name, slugs })),
    unresolved: [...unresolved].map(([name, from]) => ({ name, from: [...from].sort() })).sort((a, b) => a.name.localeCompare(b.name)),
    ambiguities: catalog.ambiguities,
    skipped: catalog.skipped,
  };
}

/** One problem as a line people can act on: `file:line: severity: message (expected …) Hint: …`. */
export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const detail = [p.expected && `expected ${p.expected}`, p.found && `found ${p.found}`].filter(Boolean).join(', ');
  return `${where}: ${p.severity}: ${p.message}${detail && !p.message.includes(p.found ?? '\u0000') ? ` (${detail})` : ''}${p.hint ? `\n    Hint: ${p.hint}` : ''}`;
}

/** The report as text. */
export function formatReport(report: CatalogReport, opts: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`Agent Atlas: ${report.agents} agents (${report.pages} pages) from ${report.agentsDir}`);
  const files = new Set(report.problems.map((p) => p.file));
  lines.push(`  ${count(report.errors, 'error')}, ${count(report.warnings, 'warning')} in ${count(files.size, 'file')}`);
  const sorted = [...report.problems].sort((a, b) => (a.severity === b.severity ? a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) : a.severity === 'error' ? -1 : 1));
  const shown = opts.verbose ? sorted : sorted.slice(0, 200);
  for (const p of shown) lines.push(`  ${formatProblem(p).replace(/\n/g, '\n  ')}`);
  if (shown.length < sorted.length) lines.push(`  … and ${sorted.length - shown.length} more (npm run check -- --format json lists all)`);
  if (report.duplicateNames.length) {
    lines.push(`  Duplicate names (${report.duplicateNames.length}):`);
    for (const d of report.duplicateNames) lines.push(`    ${d.name}: ${d.slugs.map((s) => `/agents/${s}/`).join(', ')}`);
  }
  if (report.unresolved.length) {
    lines.push(`  Unresolved collaborators (${report.unresolved.length}), kept as external agents:`);
    for (const u of report.unresolved.slice(0, opts.verbose ? undefined : 50)) lines.push(`    ${u.name} ← ${u.from.join(', ')}`);
    if (!opts.verbose && report.unresolved.length > 50) lines.push(`    … and ${report.unresolved.length - 50} more`);
  }
  if (report.ambiguities.length) {
    lines.push(`  Ambiguous collaborator names (${report.ambiguities.length}):`);
    for (const a of report.ambiguities) lines.push(`    ${a.from} → "${a.name}": ${a.candidates.join(' or ')}`);
  }
  if (report.skipped.length) lines.push(`  Skipped ${report.skipped.length} files that are not agents (${report.skipped.slice(0, 5).map((s) => s.file).join(', ')}${report.skipped.length > 5 ? ', …' : ''})`);
  return lines.join('\n');
}

/**
 * A count with its noun, singular for one: `count(1, 'warning')` is "1 warning", `count(2,
 * 'warning')` "2 warnings". For the report's nouns, whose plural adds an s.
 */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
