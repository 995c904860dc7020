import diff from 'fast-diff';

// Turning one text into another with the fewest edits, so an outside change to a file reaches the
// shared Y.Text as a diff: collaborators' cursors and concurrent edits survive it, and the history
// records what really changed instead of "everything was replaced".

export interface TextEdit {
  /** Offset in the text the edit applies to. */
  index: number;
  deleteCount: number;
  insert: string;
}

/** Edits (in ascending order, offsets in `from`) that turn `from` into `to`. */
export function diffEdits(from: string, to: string): TextEdit[] {
  const edits: TextEdit[] = [];
  let index = 0;
  for (const [op, text] of diff(from, to)) {
    if (op === diff.EQUAL) {
      index += text.length;
      continue;
    }
    const last = edits.at(-1);
    const open = last && last.index + last.deleteCount === index ? last : undefined;
    const edit = open ?? { index, deleteCount: 0, insert: '' };
    if (!open) edits.push(edit);
    if (op === diff.DELETE) {
      edit.deleteCount += text.length;
      index += text.length;
    } else {
      edit.insert += text;
    }
  }
  return edits;
}

/** Applies edits given in ascending order of `from` offsets. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let result = text;
  for (let i = edits.length - 1; i >= 0; i--) {
    const e = edits[i]!;
    result = result.slice(0, e.index) + e.insert + result.slice(e.index + e.deleteCount);
  }
  return result;
}

/**
 * Maps offsets in `base` to offsets in `ours` (base with local edits). An offset inside text that
 * `ours` deleted maps to where that text was.
 */
function offsetMapper(base: string, ours: string): (offset: number) => number {
  const segments = diff(base, ours);
  return (offset: number) => {
    let b = 0;
    let o = 0;
    for (const [op, text] of segments) {
      if (op === diff.EQUAL) {
        if (offset <= b + text.length) return o + (offset - b);
        b += text.length;
        o += text.length;
      } else if (op === diff.DELETE) {
        if (offset <= b + text.length) return o;
        b += text.length;
      } else {
        o += text.length;
      }
    }
    return o;
  };
}

/**
 * Three-way merge of an outside change: `base` is what was last on disk, `theirs` what is on disk
 * now, `ours` the editor's text. Returns edits on `ours` (ascending, offsets in `ours`) that add
 * the outside change while keeping the local unsaved edits.
 */
export function mergeEdits(base: string, theirs: string, ours: string): TextEdit[] {
  if (ours === base) return diffEdits(ours, theirs);
  if (ours === theirs) return [];
  const map = offsetMapper(base, ours);
  const merged: TextEdit[] = [];
  let floor = 0;
  for (const edit of diffEdits(base, theirs)) {
    const start = Math.max(floor, map(edit.index));
    const end = Math.max(start, map(edit.index + edit.deleteCount));
    merged.push({ index: start, deleteCount: end - start, insert: edit.insert });
    floor = end;
  }
  return merged;
}
