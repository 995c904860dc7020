// History and replay (issue 5): the public surface for IPC, the CLI and tests.
export { HistoryStore, type HistoryStoreOptions } from './store';
export type {
  HistoryStorage,
  SessionRecord,
  NewSessionRecord,
  UpdateChunk,
  Keyframe,
  EventRow,
  SnapshotRow,
  AppendBatch,
  SessionArchive,
} from './storage';
export { SqliteHistoryStorage } from './sqlite-storage';
export { MemoryHistoryStorage } from './memory-storage';
export { SessionRecorder, type RecorderOptions, type AttachOptions, DEFAULT_KEYFRAME_EVERY } from './recorder';
export { Replayer, ReplayCursor, type StoredEvent } from './replayer';
export { HistoryError } from './errors';
export { loadTrace, parseTrace, recordTrace, traceTimes } from './trace';
export { filesOf, FILES_MAP } from './docs';
export { defaultDataDir, defaultHistoryDb } from './paths';
export { createHistoryService, type HistoryService } from './service';
