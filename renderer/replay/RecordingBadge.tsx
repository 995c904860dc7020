import { useReplayState, type RecordingStatus } from './replay-state';

const TEXT = {
  off: 'History off',
  starting: 'Starting history…',
  saving: 'Saving to history…',
  saved: 'Saved to history',
  error: 'History not saving',
} as const;

/**
 * Whether every edit is stored in the history log: 'Saved to history' only once the host has
 * committed the last update this window sent (it survives a crash from then on).
 */
export function RecordingBadge({ className, label = 'History' }: { className?: string; label?: string }) {
  const recording = useReplayState((s) => s.recording);
  return <RecordingBadgeView recording={recording} className={className} label={label} />;
}

export function RecordingBadgeView({ recording: r, className, label = 'History' }: { recording: RecordingStatus; className?: string; label?: string }) {
  if (r.state === 'off') return null;
  return (
    <span
      className={`${className ?? ''} history-badge history-${r.state}`}
      role="status"
      aria-label={label}
      data-durable-seq={r.durableSeq}
      title={r.message ?? `Stored in history up to edit ${r.durableSeq}`}
    >
      {TEXT[r.state]}
    </span>
  );
}
