import { describe, expect, it } from 'vitest';
import { bindChords, chordLabel, matchesChord, monacoKeybinding, parseChord, type KeyEventLike } from './keybindings';

function press(init: Partial<KeyEventLike> & { key: string; code: string }): KeyEventLike {
  return { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...init };
}

describe('keybindings', () => {
  it('finds two commands that claim one chord', () => {
    expect(() => bindChords([{ id: 'a', keys: 'Mod+S' }, { id: 'b', keys: 'Mod+Shift+S' }])).not.toThrow();
    expect(() => bindChords([{ id: 'a', keys: 'Mod+S' }, { id: 'b', keys: 'Mod+s' }])).toThrow(/"a" and "b" both use Mod\+s/);
  });

  it('refuses a misspelt key or modifier', () => {
    expect(() => parseChord('Mod+Shift+Pp')).toThrow(/unknown key/);
    expect(() => parseChord('Cmd+P')).toThrow(/unknown modifier/);
  });

  it('Mod is Ctrl on Linux and Windows and Cmd on macOS; Ctrl is Ctrl everywhere', () => {
    const save = parseChord('Mod+S');
    expect(matchesChord(press({ key: 's', code: 'KeyS', ctrlKey: true }), save, false)).toBe(true);
    expect(matchesChord(press({ key: 's', code: 'KeyS', metaKey: true }), save, true)).toBe(true);
    expect(matchesChord(press({ key: 's', code: 'KeyS', ctrlKey: true }), save, true)).toBe(false);
    expect(matchesChord(press({ key: 'S', code: 'KeyS', ctrlKey: true, shiftKey: true }), save, false)).toBe(false);
    const terminal = parseChord('Ctrl+`');
    expect(matchesChord(press({ key: '`', code: 'Backquote', ctrlKey: true }), terminal, true)).toBe(true);
    // Shift changes the character of punctuation, so it is matched by position.
    expect(matchesChord(press({ key: '~', code: 'Backquote', ctrlKey: true, shiftKey: true }), parseChord('Ctrl+Shift+`'), false)).toBe(true);
  });

  it('letters follow the keyboard layout, as VS Code does on Windows and Linux', () => {
    // On AZERTY the key that types "q" sits where QWERTY has A.
    expect(matchesChord(press({ key: 'q', code: 'KeyA', ctrlKey: true }), parseChord('Mod+Q'), false)).toBe(true);
    expect(matchesChord(press({ key: 'q', code: 'KeyA', ctrlKey: true }), parseChord('Mod+A'), false)).toBe(false);
  });

  it('labels chords in the platform notation', () => {
    expect(chordLabel(parseChord('Mod+Shift+P'), false)).toBe('Ctrl+Shift+P');
    expect(chordLabel(parseChord('Mod+Shift+P'), true)).toBe('⇧⌘P');
    expect(chordLabel(parseChord('Ctrl+`'), false)).toBe('Ctrl+`');
    expect(chordLabel(parseChord('Mod+,'), false)).toBe('Ctrl+,');
  });

  it("gives Monaco the same chord as its own bit layout (KeyMod | KeyCode)", () => {
    // Monaco's real values (monaco-editor's KeyMod and KeyCode enums).
    const monaco = { KeyMod: { CtrlCmd: 2048, Shift: 1024, Alt: 512, WinCtrl: 256 }, KeyCode: { KeyP: 46, Backquote: 91, Enter: 3 } };
    expect(monacoKeybinding(parseChord('Mod+Shift+P'), monaco)).toBe(2048 | 1024 | 46);
    expect(monacoKeybinding(parseChord('Ctrl+`'), monaco)).toBe(256 | 91);
    expect(() => monacoKeybinding(parseChord('Mod+Q'), monaco)).toThrow(/no key code KeyQ/);
  });
});
