// Crash safety: a child process records and is killed with SIGKILL mid-typing; after reopening the
// database every update it had acknowledged is there, with the exact text, and recording resumes.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { afterAll, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../main/history';
import { tempDir } from './helpers';
import { textAfter } from './crash-edits';

const here = path.dirname(fileURLToPath(import.meta.url));

function runAndKill(dbFile: string, seed: number, killAfterAcks: number): Promise<{ sessionId: string; acked: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crash-child.ts'), dbFile, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let sessionId = '';
    let acked = 0;
    let acks = 0;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        const [word, value] = line.split(' ');
        if (word === 'session') sessionId = value!;
        if (word === 'ack') {
          acked = Math.max(acked, Number(value));
          if (++acks === killAfterAcks) child.kill('SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child exited ${code}: ${stderr}`));
      else resolve({ sessionId, acked, signal });
    });
  });
}

describe('crash safety', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it.each([
    { seed: 1, acks: 40 },
    { seed: 2, acks: 120 },
  ])('every acknowledged update survives kill -9 (seed $seed, after $acks commits)', async ({ seed, acks }) => {
    const dbFile = path.join(tmp.dir, `crash-${seed}.sqlite`);
    const { sessionId, acked } = await runAndKill(dbFile, seed, acks);
    expect(sessionId).not.toBe('');
    expect(acked).toBeGreaterThan(10);

    const store = HistoryStore.open(dbFile);
    try {
      const info = store.getSession(sessionId);
      expect(info.endedAt).toBeNull();
      expect(info.lastSeq).toBeGreaterThanOrEqual(acked);
      const replay = store.openReplay(sessionId);
      // seq 1 created the file; seq k + 1 is the text after k edits.
      expect(replay.filesAt({ seq: acked }).files['main.py']).toBe(textAfter(seed, acked - 1));
      expect(replay.filesAt('end').files['main.py']).toBe(textAfter(seed, info.lastSeq - 1));
      expect(replay.events({ kinds: ['chat'] }).length).toBeGreaterThan(0);

      // Recording resumes where the log ends, on a doc rebuilt from the log.
      const doc = replay.docAt('end');
      const recorder = store.resumeSession(sessionId);
      recorder.attach(doc);
      (doc.getMap('files').get('main.py') as Y.Text).insert(0, 'RESUMED');
      expect(recorder.flush()).toBe(info.lastSeq + 1);
      recorder.close();
      expect(store.openReplay(sessionId).filesAt('end').files['main.py']).toBe('RESUMED' + textAfter(seed, info.lastSeq - 1));
    } finally {
      store.close();
    }
  });
});
