/**
 * How full a writable stream's buffer is, for writers that pace themselves (src/exports/paced-workbook.ts). Node streams
 * say it publicly (`writableLength`, `writableNeedDrain`); archiver's readable-stream ones only in their private
 * `_writableState`. src/common/stream-backlog.spec.ts breaks when an upgrade of archiver changes that.
 */
export interface WritableLike {
  writableLength?: number;
  writableNeedDrain?: boolean;
  _writableState?: { length: number; needDrain: boolean };
}

/** Bytes written but not yet taken by the reader. */
export function pendingBytes(s: WritableLike): number {
  return s.writableLength ?? s._writableState?.length ?? 0;
}

/** True when a write returned false and the stream has not emitted 'drain' since. */
export function needsDrain(s: WritableLike): boolean {
  return s.writableNeedDrain ?? s._writableState?.needDrain ?? false;
}
