import { describe, expect, it } from 'vitest';
import { createWorkbenchStore } from '../state/store';
import { createIdentity } from './identity';

// The name prompt's request (issue 11): a share or join without a saved name waits for it.

function setup() {
  const store = createWorkbenchStore();
  const saved: Array<{ displayName?: string; userColor?: string }> = [];
  const identity = createIdentity({
    store,
    updateSettings: async (patch) => {
      saved.push(patch);
    },
  });
  return { store, saved, identity };
}

describe('room identity', () => {
  it('asks for a name when none is saved, and answers with the cleaned one it saved', async () => {
    const { store, saved, identity } = setup();
    expect(identity.savedIdentity()).toBeNull();
    const asked = identity.ensureIdentity('share');
    expect(identity.prompt()?.purpose).toBe('share');
    await identity.answerNamePrompt({ name: '  Ada "L" ', color: '#61afef' });
    expect(await asked).toEqual({ name: 'Ada L', color: '#61afef' });
    expect(identity.prompt()).toBeNull();
    expect(saved).toEqual([{ displayName: 'Ada L', userColor: '#61afef' }]);
    // At once in this window too: the next share does not ask again.
    expect(store.get().settings.displayName).toBe('Ada L');
    expect(await identity.ensureIdentity('join')).toEqual({ name: 'Ada L', color: '#61afef' });
    expect(identity.prompt()).toBeNull();
  });

  it('saves nothing when the prompt is cancelled', async () => {
    const { saved, identity } = setup();
    const asked = identity.ensureIdentity('join');
    await identity.answerNamePrompt(null);
    expect(await asked).toBeNull();
    expect(saved).toEqual([]);
    expect(identity.savedIdentity()).toBeNull();
  });

  it('cancels an open prompt when another share or join asks', async () => {
    const { identity } = setup();
    const first = identity.ensureIdentity('share');
    const second = identity.ensureIdentity('join');
    expect(await first).toBeNull();
    expect(identity.prompt()?.purpose).toBe('join');
    await identity.answerNamePrompt({ name: 'Bo', color: '' });
    expect(await second).toEqual({ name: 'Bo', color: '' });
  });

  it('keeps each instance its own prompt', async () => {
    const a = setup().identity;
    const b = setup().identity;
    void a.ensureIdentity('share');
    expect(b.prompt()).toBeNull();
    await b.answerNamePrompt({ name: 'Nobody', color: '' });
    expect(a.prompt()?.purpose).toBe('share');
  });
});
