import { describe, expect, it } from 'vitest';
import { refusedSenderRecord, startupErrorBox } from './startup-failure';

describe('Electron start-up failure box', () => {
  it('says what failed and where the log is', () => {
    const box = startupErrorBox(new Error('The database was written by a newer CodeCrafter (schema 9).'), '/home/u/.config/CodeCrafter/logs');
    expect(box.title).toBe('CodeCrafter could not start');
    expect(box.content).toContain('newer CodeCrafter (schema 9)');
    expect(box.content).toContain('/home/u/.config/CodeCrafter/logs');
  });

  it('still explains itself when the log folder could not be opened or the error is not an Error', () => {
    const box = startupErrorBox('disk full', null);
    expect(box.content).toContain('disk full');
    expect(box.content).toMatch(/terminal/);
    expect(startupErrorBox(new Error(''), '/logs').content).toContain('Unknown error.');
  });
});

describe('refused IPC sender record', () => {
  it('keeps the channel and the page without query or fragment (they may hold secrets)', () => {
    expect(refusedSenderRecord('workspace.open', 'https://evil.example/page?token=abc#secret')).toEqual({
      channel: 'workspace.open',
      senderUrl: 'https://evil.example/page',
    });
  });

  it('caps what an attacker controls and names a missing frame', () => {
    const record = refusedSenderRecord('x'.repeat(500), `data:text/html,${'a'.repeat(5000)}`);
    expect(record.channel).toHaveLength(100);
    expect(record.senderUrl.length).toBeLessThanOrEqual(200);
    expect(refusedSenderRecord('app.getInfo', undefined).senderUrl).toBe('(no frame)');
  });
});
