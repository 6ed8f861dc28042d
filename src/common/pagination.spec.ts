import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('keyset pagination', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor(['Goethe-Gymnasium', 'f4c7']), 2)).toEqual(['Goethe-Gymnasium', 'f4c7']);
  });

  it('rejects a cursor of the wrong shape as a 400 on the cursor field', () => {
    expect(() => decodeCursor('%%%', 2)).toThrow('cursor is malformed');
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow('cursor is malformed');
  });

  it('uses the extra row only to tell that a next page exists', () => {
    const rows = [{ k: 1 }, { k: 2 }, { k: 3 }];
    const page = toPage(rows, 2, (r) => [r.k], (r) => r.k);
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor!, 1)).toEqual([2]);
    expect(toPage(rows, 3, (r) => [r.k], (r) => r.k).nextCursor).toBeNull();
  });
});
