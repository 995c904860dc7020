import { z } from 'zod';

// What the renderer may send to main's log (issue 12): one record per warning or error the page
// saw. Every field is capped, since a page that loops on an error must not fill the user's disk.

export const RENDERER_LOG_LEVELS = ['warn', 'error'] as const;
export type RendererLogLevel = (typeof RENDERER_LOG_LEVELS)[number];

/** Characters kept of a message; a stack or a long error text is cut here. */
export const MAX_LOG_MESSAGE_CHARS = 4000;
/** Context keys per record, and characters per context value. */
export const MAX_LOG_CONTEXT_KEYS = 20;
export const MAX_LOG_CONTEXT_VALUE_CHARS = 1000;

const ContextValue = z.union([z.string().max(MAX_LOG_CONTEXT_VALUE_CHARS), z.number(), z.boolean(), z.null()]);

export const RendererLogRecordSchema = z
  .object({
    level: z.enum(RENDERER_LOG_LEVELS),
    component: z.string().regex(/^[a-z][a-z0-9.-]{0,39}$/, 'A component is a short lower-case name.'),
    message: z.string().max(MAX_LOG_MESSAGE_CHARS),
    context: z
      .record(z.string().max(60), ContextValue)
      .refine((c) => Object.keys(c).length <= MAX_LOG_CONTEXT_KEYS, `At most ${MAX_LOG_CONTEXT_KEYS} context keys.`)
      .optional(),
  })
  .strict();

export type RendererLogRecord = z.infer<typeof RendererLogRecordSchema>;

/** "Show logs": the newest part of the log file(s), oldest line first, and where they are. */
export interface RecentLog {
  text: string;
  folder: string;
  files: string[];
  /** Records at or above this level reach the file (CODECRAFTER_LOG_LEVEL). */
  level: string;
}
