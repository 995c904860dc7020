import { describe, expect, it } from 'vitest';
import { RecordingCoalescer } from './recording-coalescer';

// Terminal output reaches the history recorder in few, large pieces, in order, and nothing is lost.

describe('recording coalescer', () => {
  it('gathers a flood into one piece per interval per terminal, in order', async () => {
    const recorded: [string, string][] = [];
    const coalescer = new RecordingCoalescer((id, data) => recorded.push([id, data]), 100);
    for (let i = 0; i < 1000; i++) coalescer.add('t1', `${i},`);
    coalescer.add('t2', 'other');
    expect(recorded).toEqual([]);
    await new Promise((r) => setTimeout(r, 250));
    expect(recorded).toEqual([
      ['t1', Array.from({ length: 1000 }, (_, i) => `${i},`).join('')],
      ['t2', 'other'],
    ]);
    coalescer.dispose();
  });

  it('hands on early at the size cap, and everything left at flush and dispose', () => {
    const recorded: [string, string][] = [];
    const coalescer = new RecordingCoalescer((id, data) => recorded.push([id, data]), 60_000, 10);
    coalescer.add('t1', '12345');
    coalescer.add('t1', '67890');
    expect(recorded).toEqual([['t1', '1234567890']]);
    coalescer.add('t1', 'tail');
    coalescer.flush('t1');
    coalescer.add('t2', 'last');
    coalescer.dispose();
    expect(recorded).toEqual([
      ['t1', '1234567890'],
      ['t1', 'tail'],
      ['t2', 'last'],
    ]);
  });
});
