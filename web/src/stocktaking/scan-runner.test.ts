import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { createScanRunner, describeScan, type ScanBody, type ScanEntry, type ScanResult } from './scan-runner';

const room = { room: 'Raum 1', expected: 3, found: 1, missing: 2, foundElsewhere: 0, unknown: 0 };
const result = (over: Partial<ScanResult>): ScanResult => ({ scanId: 1, result: 'found', elsewhere: null, device: null, canMove: false, moved: false, createdDeviceId: null, room, ...over });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createScanRunner', () => {
  it('lists every scan at once and sends them one after the other in scan order, none lost', async () => {
    const sent: string[] = [];
    const answers: ReturnType<typeof deferred<ScanResult>>[] = [];
    let entries: ScanEntry[] = [];
    const runner = createScanRunner(
      (body) => {
        sent.push(body.tag);
        const d = deferred<ScanResult>();
        answers.push(d);
        return d.promise;
      },
      (e) => (entries = e),
    );
    for (const tag of ['A', 'B', 'C']) runner.scan(tag, 'Raum 1', false);
    expect(entries.map((e) => [e.tag, e.state])).toEqual([['C', 'pending'], ['B', 'pending'], ['A', 'pending']]);
    expect(sent).toEqual(['A']); // the next waits for the answer: a repeat of A must come back as duplicate
    answers[0].resolve(result({}));
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual(['A', 'B']);
    answers[1].resolve(result({ result: 'duplicate' }));
    await new Promise((r) => setTimeout(r, 0));
    answers[2].resolve(result({ result: 'unknown' }));
    await new Promise((r) => setTimeout(r, 0));
    expect(entries.map((e) => [e.tag, e.state, e.result?.result])).toEqual([['C', 'done', 'unknown'], ['B', 'done', 'duplicate'], ['A', 'done', 'found']]);
    expect(runner.idle).toBe(true);
  });

  it('with "move" on, a scan that is nothing to move goes again as a plain scan', async () => {
    const bodies: ScanBody[] = [];
    let entries: ScanEntry[] = [];
    const runner = createScanRunner(
      async (body) => {
        bodies.push(body);
        if (body.move) throw new ApiError(409, { statusCode: 409, error: 'ILLEGAL_STATE', message: 'cannot be moved' });
        return result({});
      },
      (e) => (entries = e),
    );
    runner.scan('A', 'Raum 1', true);
    await new Promise((r) => setTimeout(r, 0));
    expect(bodies).toEqual([{ tag: 'A', room: 'Raum 1', move: true }, { tag: 'A', room: 'Raum 1' }]);
    expect(entries[0].state).toBe('done');
  });

  it('a refused scan is listed with the reason in German', async () => {
    let entries: ScanEntry[] = [];
    const runner = createScanRunner(
      async () => {
        throw new ApiError(409, { statusCode: 409, error: 'CONFLICT', message: 'Several devices carry this serial number' });
      },
      (e) => (entries = e),
    );
    runner.scan('X', '', false);
    await new Promise((r) => setTimeout(r, 0));
    expect(entries[0].state).toBe('failed');
    expect(describeScan(entries[0], 's1')).toMatch(/^nicht möglich: /);
  });
});

describe('describeScan', () => {
  const entry = (r: Partial<ScanResult>): ScanEntry => ({ id: 1, tag: 'A', room: 'Raum 1', state: 'done', result: result(r) });
  const device = { id: 'd', inventoryNumber: 'A', schoolId: 's1', schoolName: 'Goethe-Gymnasium', location: 'Raum 7', expectedRoom: 'Raum 7' };
  it('names the other room, the other school, and a move', () => {
    expect(describeScan(entry({ result: 'found_elsewhere', elsewhere: 'other_room', device }), 's1')).toBe('an anderem Ort gefunden (gehört in Raum 7)');
    expect(describeScan(entry({ result: 'found_elsewhere', elsewhere: 'other_school', device: { ...device, schoolId: 's2', schoolName: 'Realschule Nord' }, moved: true }), 's1')).toBe(
      'an anderem Ort gefunden (gehört zur Schule Realschule Nord): hierher verschoben',
    );
    expect(describeScan(entry({ result: 'found' }), 's1')).toBe('gefunden');
    expect(describeScan(entry({ result: 'duplicate' }), 's1')).toBe('schon gezählt');
  });
});
