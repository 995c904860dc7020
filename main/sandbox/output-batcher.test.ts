import { describe, expect, it } from 'vitest';
import { FLUSH_BYTES, OutputBatcher } from './output-batcher';

describe('OutputBatcher', () => {
  it('joins consecutive chunks of one stream and keeps the order across streams', () => {
    const out: [string, string][] = [];
    const batcher = new OutputBatcher((stream, data) => out.push([stream, data]));
    for (const c of 'abc') batcher.push('stdout', c);
    batcher.push('stderr', 'E');
    batcher.push('stdout', 'd');
    batcher.flush();
    expect(out).toEqual([
      ['stdout', 'abc'],
      ['stderr', 'E'],
      ['stdout', 'd'],
    ]);
  });

  it('flushes a large batch at once and a small one after a short delay', async () => {
    const out: string[] = [];
    const batcher = new OutputBatcher((_, data) => out.push(data));
    batcher.push('stdout', 'x'.repeat(FLUSH_BYTES));
    expect(out).toHaveLength(1);
    batcher.push('stdout', 'tail');
    expect(out).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(out).toEqual(['x'.repeat(FLUSH_BYTES), 'tail']);
  });
});
