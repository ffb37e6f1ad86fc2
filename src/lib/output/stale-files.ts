/**
 * The build keeps its output folder instead of emptying it (Astro's incremental build then
 * leaves every unchanged page where it is instead of copying 4,000 files back from its cache),
 * so the files the previous build made and this one did not must be found and removed: a
 * removed agent's pages, old script bundles. This decides which files those are.
 */

/** What the build made, for {@link staleFiles}. */
export interface BuildOutputs {
  /** The pages and endpoints of this build (rendered or kept from the last one), relative paths. */
  readonly routes: ReadonlySet<string>;
  /** Files of the public folder (copied into the output), relative paths. */
  readonly publicFiles: ReadonlySet<string>;
  /** Folders that their own integration keeps exact (e.g. `pagefind`, `og`). */
  readonly managed: readonly string[];
  /** When the build started, by the file system's clock: files written since were made by it. */
  readonly since: number;
}

/**
 * How far back from the start a file's time still counts as this build's: on file systems that
 * keep coarse times (whole seconds, or two) a fresh file could look older than the start, and
 * removing a fresh file is worse than keeping an old one.
 */
export const CLOCK_SLACK_MS = 2000;

/** Folders of the output that always stay, like Astro's own emptying of it: a deployment's git checkout. */
export const ALWAYS_KEPT = ['.git'];

/**
 * The files of the output folder (`paths`) this build did not make: not one of its routes, not
 * from the public folder, not in a managed folder and not written since it started. Only the
 * files none of those claims can be stale, so only their times are asked for (`timeOf`, in ms):
 * the others are most of a site's files.
 */
export async function staleFiles(paths: readonly string[], outputs: BuildOutputs, timeOf: (path: string) => Promise<number>): Promise<string[]> {
  const kept = [...outputs.managed, ...ALWAYS_KEPT];
  const inKept = (p: string) => kept.some((m) => p === m || p.startsWith(`${m}/`));
  const unclaimed = paths.filter((p) => !outputs.routes.has(p) && !outputs.publicFiles.has(p) && !inKept(p));
  const times = await Promise.all(unclaimed.map(timeOf));
  return unclaimed.filter((_, i) => times[i] < outputs.since - CLOCK_SLACK_MS);
}
