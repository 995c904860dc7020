// One session as one file: a JSON header line (format, version, payload length, SHA-256) and a
// gzip payload (lib0-encoded session row, update chunks, keyframes, events, snapshots). Import
// checks length, checksum and every record before one transaction writes anything, so a
// truncated or corrupted file gives a clear error and leaves the database as it was.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import {
  HistoryEventSchema,
  SESSION_FILE_FORMAT,
  SESSION_FILE_VERSION,
  SessionFileHeaderSchema,
  SessionInfoSchema,
  SnapshotNameSchema,
  type SessionInfo,
} from '../../common/history';
import { decodeChunk } from './chunks';
import { HistoryError } from './errors';
import type { EventRow, HistoryStorage, Keyframe, SessionArchive, SnapshotRow, UpdateChunk } from './storage';

const MAX_HEADER_BYTES = 4096;

export function exportSessionFile(storage: HistoryStorage, sessionId: string, file: string): { bytes: number; sha256: string } {
  const record = storage.getSession(sessionId);
  if (!record) throw new HistoryError('not-found', `no session ${sessionId}`);
  const { lastTime: _lastTime, ...info } = record;
  const e = encoding.createEncoder();
  encoding.writeVarString(e, JSON.stringify(info satisfies SessionInfo));
  const chunks = storage.chunks(sessionId, { afterSeq: 0, uptoSeq: Number.MAX_SAFE_INTEGER });
  encoding.writeVarUint(e, chunks.length);
  for (const c of chunks) {
    encoding.writeVarUint(e, c.firstSeq);
    encoding.writeVarUint(e, c.lastSeq);
    encoding.writeVarUint(e, c.firstTime);
    encoding.writeVarUint(e, c.lastTime);
    encoding.writeVarUint8Array(e, c.body);
  }
  const keyframes = storage.keyframes(sessionId);
  encoding.writeVarUint(e, keyframes.length);
  for (const k of keyframes) {
    encoding.writeVarUint(e, k.seq);
    encoding.writeVarUint(e, k.time);
    encoding.writeVarUint8Array(e, k.data);
  }
  const events = storage.events(sessionId);
  encoding.writeVarUint(e, events.length);
  for (const ev of events) {
    encoding.writeVarUint(e, ev.id);
    encoding.writeVarUint(e, ev.seq);
    encoding.writeVarUint(e, ev.time);
    encoding.writeVarString(e, ev.kind);
    encoding.writeVarString(e, ev.payload);
  }
  // By name, as files of earlier versions were written.
  const snapshots = storage.snapshots(sessionId).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  encoding.writeVarUint(e, snapshots.length);
  for (const sn of snapshots) {
    encoding.writeVarString(e, sn.name);
    encoding.writeVarUint(e, sn.seq);
    encoding.writeVarUint(e, sn.createdAt);
  }
  const payload = gzipSync(encoding.toUint8Array(e), { level: 6 });
  const sha256 = createHash('sha256').update(payload).digest('hex');
  const header = JSON.stringify({
    format: SESSION_FILE_FORMAT,
    version: SESSION_FILE_VERSION,
    length: payload.length,
    sha256,
    sessionId: info.id,
  });
  // Written beside the target and renamed, so an interrupted export never leaves a half file under the real name.
  const tmp = `${file}.partial`;
  // Owner-only: a session holds file contents and terminal output (issue 11).
  writeFileSync(tmp, Buffer.concat([Buffer.from(header + '\n'), payload]), { mode: 0o600 });
  renameSync(tmp, file);
  return { bytes: header.length + 1 + payload.length, sha256 };
}

export function importSessionFile(storage: HistoryStorage, file: string, newId?: string): string {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (error) {
    throw new HistoryError('not-found', `cannot read ${file}: ${(error as Error).message}`);
  }
  const newline = raw.subarray(0, MAX_HEADER_BYTES).indexOf(0x0a);
  if (newline < 0) throw new HistoryError('corrupt-file', `${file} is not a CodeCrafter session file (no header line)`);
  let headerJson: unknown;
  try {
    headerJson = JSON.parse(raw.subarray(0, newline).toString('utf8'));
  } catch {
    throw new HistoryError('corrupt-file', `${file} is not a CodeCrafter session file (unreadable header)`);
  }
  const probe = headerJson as { format?: unknown; version?: unknown };
  if (probe?.format === SESSION_FILE_FORMAT && probe.version !== SESSION_FILE_VERSION) {
    throw new HistoryError(
      'unsupported-version',
      `${file} is a session file of version ${String(probe.version)}; this CodeCrafter reads version ${SESSION_FILE_VERSION}`,
    );
  }
  const header = SessionFileHeaderSchema.safeParse(headerJson);
  if (!header.success) throw new HistoryError('corrupt-file', `${file} is not a CodeCrafter session file (bad header)`);
  const payload = raw.subarray(newline + 1);
  if (payload.length < header.data.length) {
    throw new HistoryError(
      'truncated-file',
      `${file} is truncated: ${payload.length} of ${header.data.length} payload bytes present; export it again`,
    );
  }
  if (payload.length > header.data.length) {
    throw new HistoryError('corrupt-file', `${file} has ${payload.length - header.data.length} unexpected bytes after its payload`);
  }
  const sha = createHash('sha256').update(payload).digest('hex');
  if (sha !== header.data.sha256) {
    throw new HistoryError('corrupt-file', `${file} is corrupted: checksum mismatch (expected ${header.data.sha256}, got ${sha})`);
  }

  let parsed: ReturnType<typeof decodePayload>;
  try {
    parsed = decodePayload(gunzipSync(payload));
  } catch (error) {
    if (error instanceof HistoryError) throw error;
    throw new HistoryError('corrupt-file', `${file} has a valid checksum but an unreadable payload: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const { info, chunks, keyframes, events, snapshots } = parsed;
  const id = newId ?? info.id;
  if (storage.getSession(id)) {
    throw new HistoryError('conflict', `session ${id} already exists in this history; import it as a new session instead`);
  }
  const archive: SessionArchive = {
    session: {
      ...info,
      id,
      updatedAt: Date.now(),
      lastTime: chunks.length ? chunks[chunks.length - 1]!.lastTime : info.createdAt,
    },
    chunks,
    keyframes,
    events,
    snapshots,
  };
  storage.importSession(archive);
  return id;
}

function decodePayload(bytes: Uint8Array) {
  const d = decoding.createDecoder(bytes);
  const infoParsed = SessionInfoSchema.safeParse(JSON.parse(decoding.readVarString(d)));
  if (!infoParsed.success) throw new HistoryError('corrupt-file', `session record is invalid: ${infoParsed.error.message}`);
  const info = infoParsed.data as SessionInfo;
  const chunks: UpdateChunk[] = [];
  let expectSeq = 1;
  for (let i = 0, n = decoding.readVarUint(d); i < n; i++) {
    const c: UpdateChunk = {
      firstSeq: decoding.readVarUint(d),
      lastSeq: decoding.readVarUint(d),
      firstTime: decoding.readVarUint(d),
      lastTime: decoding.readVarUint(d),
      body: decoding.readVarUint8Array(d),
    };
    const updates = decodeChunk(c.firstSeq, c.firstTime, c.body);
    if (c.firstSeq !== expectSeq || c.lastSeq !== c.firstSeq + updates.length - 1) {
      throw new Error(`update chunks out of order at update ${c.firstSeq}`);
    }
    expectSeq = c.lastSeq + 1;
    chunks.push(c);
  }
  if (expectSeq - 1 !== info.lastSeq) throw new Error(`session says ${info.lastSeq} updates, file holds ${expectSeq - 1}`);
  const keyframes: Keyframe[] = [];
  for (let i = 0, n = decoding.readVarUint(d); i < n; i++) {
    const k = { seq: decoding.readVarUint(d), time: decoding.readVarUint(d), data: decoding.readVarUint8Array(d) };
    if (k.seq > info.lastSeq) throw new Error(`keyframe at ${k.seq} is past the end of the session`);
    keyframes.push(k);
  }
  const events: EventRow[] = [];
  for (let i = 0, n = decoding.readVarUint(d); i < n; i++) {
    const ev = {
      id: decoding.readVarUint(d),
      seq: decoding.readVarUint(d),
      time: decoding.readVarUint(d),
      kind: decoding.readVarString(d),
      payload: decoding.readVarString(d),
    };
    if (!HistoryEventSchema.safeParse({ ...JSON.parse(ev.payload), kind: ev.kind }).success) {
      throw new Error(`event ${ev.id} (${ev.kind}) is invalid`);
    }
    events.push(ev);
  }
  const snapshots: SnapshotRow[] = [];
  for (let i = 0, n = decoding.readVarUint(d); i < n; i++) {
    const sn = { name: decoding.readVarString(d), seq: decoding.readVarUint(d), createdAt: decoding.readVarUint(d) };
    if (!SnapshotNameSchema.safeParse(sn.name).success || sn.seq > info.lastSeq) throw new Error(`snapshot ${sn.name} is invalid`);
    snapshots.push(sn);
  }
  if (d.pos !== bytes.length) throw new Error('unexpected bytes after the last record');
  return { info, chunks, keyframes, events, snapshots };
}
