import { useEffect, useRef, useState } from 'react';
import { useWorkbench } from '../state/store';
import { MAX_CHAT_CHARS } from './chat';
import { markChatRead, sendChat, setChatTyping } from './session';

/** The room's chat (chat.ts, on the room channel): messages, who is typing, and the box to write in. */
export function ChatBox() {
  const chat = useWorkbench((s) => s.collab.chat);
  const typing = useWorkbench((s) => s.collab.chatTyping);
  const [text, setText] = useState('');
  const log = useRef<HTMLOListElement>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
    markChatRead();
  }, [chat.length]);

  useEffect(
    () => () => {
      if (typingTimer.current) clearTimeout(typingTimer.current);
    },
    [],
  );

  const onChange = (value: string) => {
    setText(value);
    setChatTyping(value.trim() !== '');
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => setChatTyping(false), 3000);
  };

  return (
    <div className="collab-chat">
      <ol className="chat-log" role="log" aria-label="Chat messages" ref={log}>
        {chat.map((m) => (
          <li key={m.key}>
            {/* The name is the one the author's own connection and signature give; the key tells two people of one name apart. */}
            <strong style={{ color: m.color }} title={`${m.name}, key ${m.fingerprint}`}>
              {m.name}
            </strong>{' '}
            <span className="chat-text">{m.text}</span>
          </li>
        ))}
        {chat.length === 0 && <li className="empty">No messages yet.</li>}
      </ol>
      <div className="chat-typing" aria-live="polite">
        {typing.length === 0 ? '' : `${typing.join(', ')} ${typing.length === 1 ? 'is' : 'are'} typing…`}
      </div>
      <form
        className="collab-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (sendChat(text)) {
            setText('');
            setChatTyping(false);
          }
        }}
      >
        <input aria-label="Chat message" value={text} maxLength={MAX_CHAT_CHARS} onChange={(e) => onChange(e.target.value)} placeholder="Message the room" />
        <button type="submit" disabled={!text.trim()}>
          Send
        </button>
      </form>
    </div>
  );
}
