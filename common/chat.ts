import { z } from 'zod';

// A room's chat message, declared once (issue 12): the room's `chat` Y.Array holds these
// (DESIGN.md section 3), the chat box reads them, and the history records each one as a `chat`
// event. Entries come from peers, so every reader parses them with this schema and its caps.

/** Characters in one message: the chat box's maxLength and every reader's cap. */
export const MAX_CHAT_CHARS = 2000;
/** A message id: `<client id>-<ms>-<random>`, about 30 characters; room for other clients' ids. */
export const MAX_CHAT_ID_CHARS = 64;

export const ChatTextSchema = z.string().min(1).max(MAX_CHAT_CHARS);
export const ChatIdSchema = z.string().min(1).max(MAX_CHAT_ID_CHARS);

export const ChatMessageSchema = z.object({
  id: ChatIdSchema,
  clientId: z.number().int(),
  name: z.string().max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  text: ChatTextSchema,
  at: z.number(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;
