const word = 'xylophonequartz';

/**
 * The edit the end-to-end site is rebuilt after (`scripts/e2e-serve.ts`): the first build has
 * this paragraph at the end of one agent file, the served build does not.
 */
export const E2E_EDIT = {
  file: 'contains-studio/backend-architect.md',
  /** A word that is nowhere else, so a search for it finds only a stale page. */
  word,
  text: `\n\nA paragraph the served site no longer has: ${word}.\n`,
} as const;
