import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EditingTrace } from '../../../common/history';

export const TRACES = '/work/shared/data/editing-traces';

export function tempDir(prefix = 'cc-history-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export { prng } from '../../../common/prng';

/**
 * The trace's text after each asked-for session seq, by plain string edits (no Yjs): seq 0 is the
 * empty doc, seq 1 the file with startContent, seq k + 1 the text after txns[0..k-1].
 */
export function expectedTexts(trace: EditingTrace, seqs: number[]): Map<number, string | undefined> {
  const wanted = [...new Set(seqs)].sort((a, b) => a - b);
  const out = new Map<number, string | undefined>();
  let text = trace.startContent;
  let w = 0;
  while (w < wanted.length && wanted[w]! === 0) out.set(wanted[w++]!, undefined);
  for (let k = 0; k <= trace.txns.length && w < wanted.length; k++) {
    if (k > 0) {
      for (const [pos, del, ins] of trace.txns[k - 1]!.patches) text = text.slice(0, pos) + ins + text.slice(pos + del);
    }
    while (w < wanted.length && wanted[w] === k + 1) out.set(wanted[w++]!, text);
  }
  return out;
}
