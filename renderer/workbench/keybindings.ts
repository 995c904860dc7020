// One keybinding table (issue 12): every shortcut is written once, as the `keys` of a command in
// commands.ts ("Mod+Shift+P"), and this module turns it into what each consumer needs — a matcher
// for the page's key handler, Monaco's keybinding number, and the label the palette shows — so
// the window, the editor and the menu can never disagree.

export interface KeyChord {
  /** Ctrl on Windows and Linux, Cmd on macOS (Monaco's CtrlCmd). */
  mod: boolean;
  /** The real Ctrl key on every platform (Monaco's WinCtrl), as VS Code binds Ctrl+` on macOS too. */
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  /** The DOM `KeyboardEvent.code` of the key: KeyP, Digit1, Backquote, Comma, Enter, F2… */
  code: string;
}

const NAMED_CODES: Record<string, string> = {
  '`': 'Backquote',
  ',': 'Comma',
  '.': 'Period',
  '/': 'Slash',
  '\\': 'Backslash',
  '[': 'BracketLeft',
  ']': 'BracketRight',
  '-': 'Minus',
  '=': 'Equal',
  ';': 'Semicolon',
  "'": 'Quote',
  Enter: 'Enter',
  Escape: 'Escape',
  Tab: 'Tab',
  Space: 'Space',
  Delete: 'Delete',
  Backspace: 'Backspace',
};

const CODE_CHARS = Object.fromEntries(Object.entries(NAMED_CODES).filter(([k]) => k.length === 1).map(([k, v]) => [v, k]));

function codeOf(key: string): string {
  if (/^[A-Za-z]$/.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  if (/^F([1-9]|1[0-2])$/.test(key)) return key;
  const named = NAMED_CODES[key];
  if (!named) throw new Error(`keybindings: unknown key "${key}"`);
  return named;
}

/** "Mod+Shift+P" -> a chord. Throws on a misspelt key, so a bad table fails its unit test. */
export function parseChord(keys: string): KeyChord {
  // Split on "+" but keep a final "+" (none of ours binds it, but the split must not lose a key).
  const parts = keys.split('+');
  const key = parts.pop()!;
  const chord: KeyChord = { mod: false, ctrl: false, shift: false, alt: false, code: codeOf(key) };
  for (const part of parts) {
    if (part === 'Mod') chord.mod = true;
    else if (part === 'Ctrl') chord.ctrl = true;
    else if (part === 'Shift') chord.shift = true;
    else if (part === 'Alt') chord.alt = true;
    else throw new Error(`keybindings: unknown modifier "${part}" in "${keys}"`);
  }
  return chord;
}

/** Parses every entry's keys and refuses a table where two entries claim one chord. */
export function bindChords<T extends { id: string; keys?: string }>(entries: T[]): { entry: T; chord: KeyChord }[] {
  const owners = new Map<string, string>();
  return entries
    .filter((entry) => entry.keys)
    .map((entry) => {
      const chord = parseChord(entry.keys!);
      const key = JSON.stringify(chord);
      const owner = owners.get(key);
      if (owner) throw new Error(`keybindings: "${owner}" and "${entry.id}" both use ${entry.keys}`);
      owners.set(key, entry.id);
      return { entry, chord };
    });
}

export interface KeyEventLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether a key event is the chord. Letters and digits are compared by the character the
 * keyboard layout produced (Ctrl+S is where the user's S is, as in VS Code on Windows and Linux);
 * punctuation and named keys by their position, since Shift changes their character.
 */
export function matchesChord(event: KeyEventLike, chord: KeyChord, isMac: boolean): boolean {
  const wantCtrl = chord.ctrl || (chord.mod && !isMac);
  if (event.ctrlKey !== wantCtrl) return false;
  if (isMac && event.metaKey !== chord.mod) return false;
  if (event.shiftKey !== chord.shift || event.altKey !== chord.alt) return false;
  const letter = /^Key([A-Z])$/.exec(chord.code)?.[1] ?? /^Digit([0-9])$/.exec(chord.code)?.[1];
  if (letter && event.key.length === 1 && /[\p{L}\p{N}]/u.test(event.key)) return event.key.toUpperCase() === letter;
  return event.code === chord.code;
}

/** What the palette shows: "Ctrl+Shift+P" on Windows and Linux, "⇧⌘P" on macOS. */
export function chordLabel(chord: KeyChord, isMac: boolean): string {
  const key = /^Key([A-Z])$/.exec(chord.code)?.[1] ?? /^Digit([0-9])$/.exec(chord.code)?.[1] ?? CODE_CHARS[chord.code] ?? chord.code;
  if (isMac) return `${chord.ctrl ? '⌃' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.mod ? '⌘' : ''}${key}`;
  const mods = [chord.ctrl || chord.mod ? 'Ctrl' : '', chord.shift ? 'Shift' : '', chord.alt ? 'Alt' : ''].filter(Boolean);
  return [...mods, key].join('+');
}

/** The subset of monaco's KeyMod / KeyCode enums this needs, so the module stays testable without Monaco. */
export interface MonacoKeys {
  KeyMod: { CtrlCmd: number; WinCtrl: number; Shift: number; Alt: number };
  KeyCode: Record<string, number | string>;
}

/** Monaco's keybinding number for `editor.addCommand`. */
export function monacoKeybinding(chord: KeyChord, monaco: MonacoKeys): number {
  const code = monaco.KeyCode[chord.code];
  if (typeof code !== 'number') throw new Error(`keybindings: Monaco has no key code ${chord.code}`);
  let value = code;
  if (chord.mod) value |= monaco.KeyMod.CtrlCmd;
  if (chord.ctrl) value |= monaco.KeyMod.WinCtrl;
  if (chord.shift) value |= monaco.KeyMod.Shift;
  if (chord.alt) value |= monaco.KeyMod.Alt;
  return value;
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}
