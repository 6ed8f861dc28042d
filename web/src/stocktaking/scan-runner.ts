import type { Schemas } from '../api/client';
import { ApiError, explainError } from '../api/errors';
import { fill } from '../i18n';
import { tStocktaking } from '../i18n/stocktaking';

export type ScanResult = Schemas['ScanResultDto'];
export type ScanBody = Schemas['ScanDto'];

export interface ScanEntry {
  id: number;
  tag: string;
  room: string;
  state: 'pending' | 'done' | 'failed';
  result?: ScanResult;
  error?: string;
}

/** Whether the API refused `move` because this scan is not a device found elsewhere that may move (then it is a plain scan). */
const moveNotApplicable = (e: unknown) =>
  e instanceof ApiError && (e.code === 'ILLEGAL_STATE' || (e.status === 400 && !!e.fieldError('move')));

/**
 * Scans arrive at scanner speed: each is listed at once (pending) and sent one after the other in the order scanned,
 * so none is lost and a duplicate is recognised as such. With "hierher verschieben" on, a scan is sent with `move`;
 * when the API answers that it is nothing to move (found here, unknown, a repeat), the same scan goes again without it.
 */
export function createScanRunner(send: (body: ScanBody) => Promise<ScanResult>, onChange: (entries: ScanEntry[]) => void, onSettled?: (entry: ScanEntry, last: boolean) => void) {
  let entries: ScanEntry[] = [];
  const queue: { entry: ScanEntry; move: boolean }[] = [];
  let busy = false;
  let nextId = 1;
  const update = (entry: ScanEntry) => {
    entries = entries.map((e) => (e.id === entry.id ? entry : e));
    onChange(entries);
  };
  const sendOne = async (entry: ScanEntry, move: boolean): Promise<ScanEntry> => {
    const body: ScanBody = { tag: entry.tag, room: entry.room };
    try {
      return { ...entry, state: 'done', result: await send(move ? { ...body, move: true } : body) };
    } catch (error) {
      if (move && moveNotApplicable(error)) return sendOne(entry, false);
      const { title, detail } = explainError(error);
      return { ...entry, state: 'failed', error: detail ? `${title} ${detail}` : title };
    }
  };
  const drain = async () => {
    if (busy) return;
    busy = true;
    while (queue.length) {
      const { entry, move } = queue.shift()!;
      const settled = await sendOne(entry, move);
      update(settled);
      onSettled?.(settled, queue.length === 0);
    }
    busy = false;
  };
  return {
    scan(tag: string, room: string, move: boolean) {
      const entry: ScanEntry = { id: nextId++, tag, room, state: 'pending' };
      entries = [entry, ...entries];
      onChange(entries);
      queue.push({ entry, move });
      void drain();
    },
    /** Replaces an entry's result (an unknown scan registered afterwards). */
    replace(id: number, result: ScanResult) {
      const entry = entries.find((e) => e.id === id);
      if (entry) update({ ...entry, result });
    },
    get idle() {
      return !busy && queue.length === 0;
    },
  };
}

/** What a scan means, in German: for the list and the live region. */
export function describeScan(entry: ScanEntry, schoolId: string): string {
  if (entry.state === 'pending') return tStocktaking.pending;
  if (entry.state === 'failed' || !entry.result) return `${tStocktaking.failed}: ${entry.error ?? ''}`;
  const r = entry.result;
  switch (r.result) {
    case 'found':
      return tStocktaking.found;
    case 'duplicate':
      return tStocktaking.duplicate;
    case 'unknown':
      return r.createdDeviceId ? tStocktaking.unknownRegistered : tStocktaking.unknown;
    case 'found_elsewhere': {
      const d = r.device;
      const where =
        r.elsewhere === 'other_school' && d && d.schoolId !== schoolId
          ? fill(tStocktaking.otherSchool, { school: d.schoolName })
          : r.elsewhere === 'not_expected'
            ? tStocktaking.notExpected
            : fill(tStocktaking.otherRoom, { room: d?.expectedRoom || d?.location || tStocktaking.noRoom });
      return `${tStocktaking.foundElsewhere} (${where})${r.moved ? `: ${tStocktaking.moved}` : ''}`;
    }
  }
}
