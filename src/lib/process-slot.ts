/**
 * A value shared by every module instance in this process. Astro loads the content loader, the
 * integrations and the bundled pages as different instances of the same files, so a plain
 * module variable set by one is not seen by another; `globalThis` under a registered symbol is.
 * Functions that use a slot take the holder as an argument (default `globalThis`) so tests can
 * pass a fresh object.
 */

/** The slot `name` of `holder`: an object created by `create` on first use, then the same one. */
export function processSlot<T extends object>(holder: object, name: string, create: () => T): T {
  const key = Symbol.for(`agent-atlas.${name}`);
  const h = holder as Record<symbol, T | undefined>;
  return (h[key] ??= create());
}
