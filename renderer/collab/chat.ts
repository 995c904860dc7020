import { z } from 'zod';
import * as Y from 'yjs';
import type { ChatMessage } from './collab-state';

// The room's chat lives in the doc (`chat`, a Y.Array, DESIGN.md section 3), so it merges like
// everything else and is there for a peer who joins late. Entries come from peers: parsed, capped.

export const MAX_CHAT_CHARS = 2000;
const MessageSchema = z.object({
  id: z.string().max(64),
  clientId: z.number().int(),
  name: z.string().max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  text: z.string().min(1).max(MAX_CHAT_CHARS),
  at: z.number(),
});

export function chatArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray('chat');
}

export function readChat(doc: Y.Doc): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const item of chatArray(doc).toArray()) {
    const parsed = MessageSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function postChat(doc: Y.Doc, from: { clientId: number; name: string; color: string }, text: string): boolean {
  const trimmed = text.trim().slice(0, MAX_CHAT_CHARS);
  if (!trimmed) return false;
  const message: ChatMessage = { id: `${from.clientId}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, ...from, text: trimmed, at: Date.now() };
  chatArray(doc).push([message]);
  return true;
}
