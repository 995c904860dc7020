import { describe, expect, it } from 'vitest';
import { terminalKeyAction } from './terminal-keys';

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean; type?: string } = {}) =>
  ({ type: mods.type ?? 'keydown', key: k, ctrlKey: mods.ctrl ?? false, shiftKey: mods.shift ?? false, altKey: mods.alt ?? false, metaKey: false }) as KeyboardEvent;

describe('terminalKeyAction', () => {
  it('maps find, copy and paste, and leaves every other key to the shell', () => {
    expect(terminalKeyAction(key('F', { ctrl: true, shift: true }))).toBeNull();
    expect(terminalKeyAction(key('f', { ctrl: true }))).toBe('find');
    expect(terminalKeyAction(key('C', { ctrl: true, shift: true }))).toBe('copy');
    expect(terminalKeyAction(key('V', { ctrl: true, shift: true }))).toBe('paste');
    // Ctrl+C and Ctrl+V belong to the shell (interrupt, literal next).
    expect(terminalKeyAction(key('c', { ctrl: true }))).toBeNull();
    expect(terminalKeyAction(key('v', { ctrl: true }))).toBeNull();
    expect(terminalKeyAction(key('f', { ctrl: true, alt: true }))).toBeNull();
    expect(terminalKeyAction(key('f'))).toBeNull();
    expect(terminalKeyAction(key('f', { ctrl: true, type: 'keyup' }))).toBeNull();
  });
});
