import * as Y from 'yjs';
import { ChatMessageSchema, MAX_CHAT_CHARS, type ChatMessage } from '../../common/chat';

// The room's chat lives in the doc (`chat`, a Y.Array, DESIGN.md section 3), so it merges like
// everything else and is there for a peer who joins late. Entries come from peers: parsed, capped
// with the one schema in common/chat.ts (the history records them with the same caps).

export { MAX_CHAT_CHARS };

export function chatArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray('chat');
}

export function readChat(doc: Y.Doc): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const item of chatArray(doc).toArray()) {
    const parsed = ChatMessageSchema.safeParse(item);
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
