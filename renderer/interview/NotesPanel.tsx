import { useState } from 'react';
import { openPlayer } from '../replay/replay-actions';
import { addNote, deleteNote } from './interview-actions';
import { useInterview } from './interview-state';
import { formatClock } from './timer-model';

/**
 * The interviewer's private notes: kept in this machine's interviews.sqlite only, each stamped
 * with the time it was written, which is a moment on the room's replay timeline.
 */
export function NotesPanel() {
  const record = useInterview((s) => s.record);
  const [text, setText] = useState('');
  if (!record) return null;
  const save = async () => {
    if (text.trim() && (await addNote(text))) setText('');
  };
  return (
    <section className="interview-notes" aria-label="Private notes">
      <h3>Private notes</h3>
      <p className="muted">Only you see these; they never enter the room.</p>
      <textarea
        aria-label="New note"
        value={text}
        rows={3}
        placeholder="What you noticed (Ctrl+Enter saves)"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <button onClick={() => void save()} disabled={!text.trim()}>
        Add note
      </button>
      <ul className="notes-list" aria-label="Notes">
        {record.notes.map((n) => (
          <li key={n.id}>
            <button
              className="link"
              aria-label={`Replay at ${formatClock(n.time - record.startedAt)}: ${n.text.slice(0, 40)}`}
              title={record.sessionId ? 'Open the replay at this moment' : 'The room is not recorded yet'}
              disabled={!record.sessionId}
              onClick={() => record.sessionId && openPlayer(record.sessionId, n.time)}
            >
              {formatClock(n.time - record.startedAt)}
            </button>{' '}
            <span className="note-text">{n.text}</span>{' '}
            <button className="icon" aria-label={`Delete note ${n.text.slice(0, 40)}`} onClick={() => void deleteNote(n.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
