import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { mergeEdits, type TextEdit } from '../../common/text-merge';
import type { Contract } from '../../common/contract';
import type { ClientOf } from '../../common/rpc';
import { TxOrigin } from '../../common/origins';
import { Emitter } from '../../common/event';

// The workspace as a Y.Doc (DESIGN.md section 3): every open file is a Y.Text in `files`, keyed
// by its workspace path. Solo, the folder on disk is the truth: opening loads a file into the doc,
// saving writes it back, and an outside change is merged into the doc as a diff. Rooms and
// history build on this same doc.

/** The part of the host the documents use: reading and writing the folder's files. */
export type DocumentsHost = Pick<ClientOf<Contract>['workspace'], 'readFile' | 'writeFile'>;

/** Applies edits (positions in the text before any of them) in one transaction of `origin`. */
export function applyTextEdits(text: Y.Text, edits: TextEdit[], origin: TxOrigin): void {
  if (edits.length === 0) return;
  text.doc!.transact(() => {
    for (let i = edits.length - 1; i >= 0; i--) {
      const edit = edits[i]!;
      if (edit.deleteCount > 0) text.delete(edit.index, edit.deleteCount);
      if (edit.insert) text.insert(edit.index, edit.insert);
    }
  }, origin);
}

export class WorkspaceDocuments {
  // Each workspace (a folder, a room) gets a doc of its own: clearing a doc by deleting its files
  // would leave deletions that a room's peers apply to their files on the next sync.
  doc!: Y.Doc;
  files!: Y.Map<Y.Text>;
  meta!: Y.Map<unknown>;
  /**
   * Who is where in the doc (DESIGN.md section 3): each peer's name, colour, role, active file,
   * cursor and selection. Solo it holds only this window; a room's provider shares it.
   */
  awareness!: Awareness;
  private generation = 0;
  private readonly resetEmitter = new Emitter<void>();

  constructor(private readonly host: DocumentsHost) {
    this.createDoc();
  }

  private createDoc(): void {
    this.doc = new Y.Doc();
    this.files = this.doc.getMap('files');
    this.meta = this.doc.getMap('meta');
    this.awareness = new Awareness(this.doc);
  }

  /** Called after `clear()` put a new doc in place, so listeners move to it. Returns the disposer. */
  readonly onDidReset = this.resetEmitter.event;
  /** What is on disk for each open file, as far as this window knows. */
  private readonly saved = new Map<string, string>();
  private readonly loading = new Map<string, Promise<Y.Text>>();
  /** In a room the doc holds every shared file, open or not: closing a tab keeps its text. */
  shared = false;

  text(path: string): Y.Text | undefined {
    return this.files.get(path);
  }

  /**
   * A room guest has no folder: a file of the room whose text is not in the doc yet is asked of
   * the host instead (renderer/collab/guest-files.ts). Null outside a guest's room.
   */
  fetchMissing: ((path: string) => Promise<void>) | null = null;

  /** Loads a file into the doc once; later calls return the same Y.Text. */
  open(path: string): Promise<Y.Text> {
    const existing = this.files.get(path);
    if (existing) return Promise.resolve(existing);
    let pending = this.loading.get(path);
    if (!pending) {
      const generation = this.generation;
      const fetchMissing = this.fetchMissing;
      const loaded = fetchMissing
        ? fetchMissing(path).then(() => {
            const text = this.files.get(path);
            if (generation !== this.generation || !text) throw new Error('the room changed while the file was loading');
            return text;
          })
        : this.host.readFile({ path }).then(({ content }) => {
            if (generation !== this.generation) throw new Error('the workspace changed while the file was loading');
            this.adopt(path, content);
            return this.files.get(path)!;
          });
      pending = loaded.finally(() => this.loading.delete(path));
      this.loading.set(path, pending);
    }
    return pending;
  }

  isDirty(path: string): boolean {
    const text = this.files.get(path);
    return text !== undefined && text.toString() !== this.saved.get(path);
  }

  async save(path: string): Promise<void> {
    const text = this.files.get(path);
    if (!text) return;
    const content = text.toString();
    await this.host.writeFile({ path, content });
    this.saved.set(path, content);
  }

  /**
   * The file changed on disk: merge that change into the doc as a diff against what was last
   * on disk, keeping unsaved local edits. Returns false when the disk already matched.
   */
  async mergeFromDisk(path: string): Promise<boolean> {
    const text = this.files.get(path);
    const base = this.saved.get(path);
    if (!text || base === undefined) return false;
    const { content: disk } = await this.host.readFile({ path });
    if (disk === base) return false;
    applyTextEdits(text, mergeEdits(base, disk, text.toString()), TxOrigin.disk);
    this.saved.set(path, disk);
    return true;
  }

  /** Y types cannot move between keys: a renamed open file is copied to its new key. */
  rename(from: string, to: string): void {
    this.doc.transact(() => {
      for (const [path, text] of [...this.files.entries()]) {
        if (path !== from && !path.startsWith(`${from}/`)) continue;
        const target = to + path.slice(from.length);
        const copy = new Y.Text();
        this.files.set(target, copy);
        copy.insert(0, text.toString());
        this.files.delete(path);
        const saved = this.saved.get(path);
        this.saved.delete(path);
        if (saved !== undefined) this.saved.set(target, saved);
      }
    });
  }

  close(path: string): void {
    if (this.shared) return;
    this.files.delete(path);
    this.saved.delete(path);
  }

  /** Puts a file read from disk into the doc when a room is shared (no-op if it is there already). */
  adopt(path: string, content: string): void {
    if (this.files.has(path)) return;
    const text = new Y.Text();
    this.doc.transact(() => {
      this.files.set(path, text);
      text.insert(0, content);
    }, TxOrigin.disk);
    this.saved.set(path, content);
  }

  /** Records what the host just wrote to disk for a file a peer created (rooms). */
  markSaved(path: string, content: string): void {
    this.saved.set(path, content);
  }

  /** Marks an open file as having no file on disk: saving will create it again. */
  forgetDisk(path: string): void {
    this.saved.set(path, '\u0000deleted');
  }

  /** Set while in a room: leaving it first keeps a cleared doc from wiping the peers' files. */
  beforeClear: (() => void) | null = null;

  /** Ends this workspace's doc and starts an empty one (a new folder, joining or leaving a room). */
  clear(): void {
    this.beforeClear?.();
    const old = { doc: this.doc, awareness: this.awareness };
    this.generation++;
    this.createDoc();
    this.saved.clear();
    this.loading.clear();
    this.resetEmitter.fire();
    old.awareness.destroy();
    old.doc.destroy();
  }
}

