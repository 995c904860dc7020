import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { cleanName, participants, readPeerState, remoteCursorCss, setLocalUser } from './presence';
import { entriesFromPaths } from './room-mode';

describe('presence', () => {
  it('lists peers from awareness, ignoring states that do not parse', () => {
    const a = new Awareness(new Y.Doc());
    const b = new Awareness(new Y.Doc());
    setLocalUser(a, 'Alice', 'owner');
    setLocalUser(b, 'Bob', 'guest');
    b.setLocalStateField('activeFile', 'src/main.py');
    b.setLocalStateField('typing', true);
    a.states.set(b.clientID, b.getLocalState()!);
    a.states.set(12345, { user: { name: 'x'.repeat(500), color: 'red; }', role: 'god' } });
    const list = participants(a);
    expect(list.map((p) => [p.name, p.role, p.self, p.activeFile, p.typing])).toEqual([
      ['Alice', 'owner', true, null, false],
      ['Bob', 'guest', false, 'src/main.py', true],
    ]);
  });

  it('paints remote cursors with a safe label', () => {
    expect(cleanName('Eve"}</style>\\')).toBe('Eve}/style');
    const css = remoteCursorCss([
      { clientId: 7, name: 'Bob', color: '#61afef', role: 'guest', activeFile: null, typing: false, idle: false, self: false },
      { clientId: 8, name: 'Me', color: '#e06c75', role: 'owner', activeFile: null, typing: false, idle: false, self: true },
    ]);
    expect(css).toContain('.yRemoteSelectionHead-7::after{content:"Bob"');
    expect(css).toContain('border-left:2px solid #61afef');
    expect(css).not.toContain('-8');
    expect(readPeerState({ user: { name: 'A', color: '#123456', role: 'guest' }, viewport: { file: 'a', top: 0 } })).toBeNull();
  });

  it("derives a guest's folders from the doc's file paths", () => {
    const entries = entriesFromPaths(['src/a/b.ts', 'README.md', 'src/c.ts']);
    expect(entries.map((e) => `${e.kind}:${e.path}`).sort()).toEqual(['directory:src', 'directory:src/a', 'file:README.md', 'file:src/a/b.ts', 'file:src/c.ts']);
  });
});
