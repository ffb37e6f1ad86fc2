import { z } from 'astro/zod';

/**
 * The front matter fields of an agent file, part of the agent schema (`schema.ts`, which
 * re-exports it); kept in its own file only for length.
 */

/** The front matter fields Agent Atlas understands; unknown fields are kept in `extra`. */
export const FrontMatterSchema = z
  .object({
    /** Agent name, usually kebab-case. */
    name: z.string().trim().min(1).optional(),
    /** When to use the agent; may embed `<example>` blocks. */
    description: z.string().optional(),
    /** Tools the agent may use: a comma-separated string or a list. */
    tools: z
      .union([z.string(), z.array(z.union([z.string(), z.number()]))])
      .optional()
      .transform((v) =>
        v === undefined
          ? undefined
          : (Array.isArray(v) ? v.map(String) : v.split(','))
              .map((t) => t.trim())
              .filter(Boolean),
      ),
    /** Model alias such as `sonnet` or `opus`. */
    model: z.string().optional(),
    /** Display color. */
    color: z.string().optional(),
    /** Overrides language detection: `en`, `zh-Hant`, `zh-Hans` (or zh-TW / zh-CN). */
    lang: z.string().optional(),
    /** Old slugs that must keep working. */
    aliases: z.union([z.string(), z.array(z.string())]).optional(),
    /** Agents this one works with, by name. */
    collaborators: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .loose();
