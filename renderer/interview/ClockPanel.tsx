import { useState } from 'react';
import { remaining, formatClock } from './timer-model';
import { interviewRoom } from '../app-context';
import { useInterview } from './interview-state';

/** The shared clock: the interviewer starts, pauses, extends and unlocks; the candidate sees it. */
export function ClockPanel({ side }: { side: 'interviewer' | 'candidate' }) {
  const timer = useInterview((s) => s.timer);
  const now = useInterview((s) => s.now);
  const channel = useInterview((s) => s.channel);
  const [minutes, setMinutes] = useState('45');
  if (!timer) return null;
  // Without the channel the candidate's machine has no clock to show: a local one would be wrong.
  if (side === 'candidate' && !channel) {
    return (
      <section className="interview-clock" aria-label="Interview clock">
        <p className="muted">The interview clock arrives over the room channel, which is not connected yet.</p>
      </section>
    );
  }
  const left = remaining(timer, Math.max(now, Date.now()));
  const notStarted = !timer.running && timer.remainingMs === timer.durationMs;
  return (
    <section className="interview-clock" aria-label="Interview clock">
      <div className="clock-face" role="timer" aria-label="Time left" data-running={timer.running} data-remaining-s={Math.ceil(left / 1000)}>
        {formatClock(left)}
      </div>
      <div className="muted">{timer.running ? 'running' : left === 0 ? 'time is up' : notStarted ? 'not started' : 'paused'}</div>
      {timer.locked && (
        <p role="status" className="clock-locked">
          {side === 'candidate' ? 'The pad is locked (read-only): time is up or the interviewer locked it. The interviewer can unlock it.' : "The candidate's pad is locked."}
        </p>
      )}
      {side === 'interviewer' && (
        <div className="clock-controls">
          {notStarted && (
            <label>
              Length (minutes)
              <input
                type="number"
                min={1}
                max={480}
                value={minutes}
                onChange={(e) => {
                  setMinutes(e.target.value);
                  const m = Number(e.target.value);
                  if (Number.isInteger(m) && m >= 1 && m <= 480) interviewRoom.clock.setDuration(m * 60_000);
                }}
              />
            </label>
          )}
          {timer.running ? (
            <button onClick={() => interviewRoom.clock.pause()}>Pause clock</button>
          ) : (
            <button className="primary" onClick={() => interviewRoom.clock.start()} disabled={left === 0}>
              Start clock
            </button>
          )}
          <button onClick={() => interviewRoom.clock.extend(5 * 60_000)}>Add 5 minutes</button>
          {timer.locked ? <button onClick={() => interviewRoom.clock.setLocked(false)}>Unlock pad</button> : <button onClick={() => interviewRoom.clock.setLocked(true)}>Lock pad</button>}
        </div>
      )}
      {!channel && <p className="muted">The room channel is not connected: this clock runs on your machine only for now.</p>}
    </section>
  );
}
