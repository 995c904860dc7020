import { z } from 'zod';
import type { MemberRole } from '../../common/membership';

// The shared terminal's messages on the RoomChannel (issue 10 item 4). Terminal bytes travel only
// here, never in the Y.Doc or the room's file log. Every payload is parsed with these schemas by
// the receiver, and the host checks the sender's role from the membership log, never a claim.

export const SharedTerminalTopic = {
  /** host -> all: the terminals shared now, with their sizes and who may type in each. */
  shares: 'terminal.shares',
  /** host -> all: output of one shared terminal, numbered so a late joiner can splice its screen. */
  output: 'terminal.output',
  /** host -> one member: the current screen (xterm serialize addon) and the last output it holds. */
  screen: 'terminal.screen',
  /**
   * member -> host: send me the list of shared terminals. A member asks once it is admitted and
   * sees the host: the list the host broadcast before that never reached it.
   */
  list: 'terminal.list',
  /** member -> host: send me the screen of this shared terminal. */
  subscribe: 'terminal.subscribe',
  /** member -> host: keystrokes for a shared terminal (applied only with a write grant). */
  input: 'terminal.input',
} as const;

/** Roles that may be given write access to a shared terminal: editors and above, never viewers. */
export const WRITE_ELIGIBLE_ROLES: ReadonlySet<MemberRole | 'knocking'> = new Set<MemberRole>(['owner', 'admin', 'interviewer', 'editor']);

/** A shared terminal's id on the wire: not the host's own terminal id, which members never see. */
export const SharedIdSchema = z.string().regex(/^s[0-9]{1,9}$/);
const Key = z.string().regex(/^[0-9a-f]{64}$/);
const Cols = z.number().int().min(2).max(1000);
const Rows = z.number().int().min(1).max(500);
/** Output pieces are at most the pty host's 64 Ki UTF-16 units; a little room for framing. */
const MAX_OUTPUT_CHARS = 128 * 1024;
/** A screen with scrollback serialised can be large; this caps what a member will parse. */
const MAX_SCREEN_CHARS = 8 * 1024 * 1024;
/** One keystroke burst (a paste) from a member. */
export const MAX_INPUT_CHARS = 64 * 1024;

export const SharesSchema = z
  .object({
    terminals: z
      .array(z.object({ sid: SharedIdSchema, title: z.string().max(64), cols: Cols, rows: Rows, writers: z.array(Key).max(64) }).strict())
      .max(16),
  })
  .strict();
export type SharedTerminalList = z.infer<typeof SharesSchema>['terminals'];
export type SharedTerminalEntry = SharedTerminalList[number];

export const OutputSchema = z.object({ sid: SharedIdSchema, seq: z.number().int().positive(), data: z.string().max(MAX_OUTPUT_CHARS) }).strict();
export const ScreenSchema = z
  .object({ sid: SharedIdSchema, seq: z.number().int().nonnegative(), cols: Cols, rows: Rows, screen: z.string().max(MAX_SCREEN_CHARS) })
  .strict();
export const ListRequestSchema = z.object({}).strict();
export const SubscribeSchema = z.object({ sid: SharedIdSchema }).strict();
export const InputSchema = z.object({ sid: SharedIdSchema, data: z.string().min(1).max(MAX_INPUT_CHARS) }).strict();
