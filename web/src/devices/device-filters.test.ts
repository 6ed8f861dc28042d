import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, filtersToQuery, hasFilters, inventoryExportUrl } from './device-filters';

const SCHOOL = '0b9f3c1e-2a4d-4c5e-8f6a-7b8c9d0e1f2a';

describe('device list filters in the URL', () => {
  it('reads the overview links (?status=loaned, ?type=laptop) and the defaults', () => {
    expect(filtersFromParams(new URLSearchParams('status=loaned'))).toEqual({ status: ['loaned'], type: [], notLabelled: false, sort: 'inventoryNumber', schoolId: undefined, location: undefined, q: undefined, notCountedSince: undefined });
    expect(filtersFromParams(new URLSearchParams('type=laptop,tablet&type=laptop')).type).toEqual(['laptop', 'tablet']);
  });

  it('drops what is no filter: unknown statuses, malformed dates and ids, blank text, unknown sorts', () => {
    const f = filtersFromParams(new URLSearchParams('status=kaputt,lost&schoolId=abc&notCountedSince=31.12.2025&q=%20%20&sort=price&notLabelled=yes'));
    expect(f).toMatchObject({ status: ['lost'], schoolId: undefined, notCountedSince: undefined, q: undefined, sort: 'inventoryNumber', notLabelled: false });
    // A day that does not exist (a hand-edited link) is dropped too: the API would refuse it, the date field crashed on it.
    expect(filtersFromParams(new URLSearchParams('notCountedSince=2026-02-31')).notCountedSince).toBeUndefined();
    expect(filtersFromParams(new URLSearchParams('notCountedSince=2026-02-28')).notCountedSince).toBe('2026-02-28');
    expect(hasFilters(f)).toBe(true);
    expect(hasFilters(filtersFromParams(new URLSearchParams('sort=model')))).toBe(false);
  });

  it('writes the same filters back (round trip), leaving defaults out', () => {
    const query = `schoolId=${SCHOOL}&status=available%2Cin_repair&type=tablet&location=Raum+204&q=ThinkPad&notLabelled=true&notCountedSince=2021-08-01&sort=-purchaseDate`;
    const f = filtersFromParams(new URLSearchParams(query));
    expect(filtersToParams(f).toString()).toBe(query);
    expect(filtersToParams(filtersFromParams(new URLSearchParams(''))).toString()).toBe('');
  });

  it("gives the API the coordinator's chosen school, and the office's filter otherwise", () => {
    const f = filtersFromParams(new URLSearchParams(`schoolId=${SCHOOL}&notLabelled=true`));
    expect(filtersToQuery(f, null)).toEqual({ schoolId: SCHOOL, status: undefined, type: undefined, location: undefined, q: undefined, notLabelled: true, notCountedSince: undefined });
    expect(filtersToQuery(f, 'chosen').schoolId).toBe('chosen');
  });

  it('exports with the same filters and order', () => {
    const f = filtersFromParams(new URLSearchParams('status=lost,retired&sort=model&q=iPad'));
    expect(inventoryExportUrl(f, SCHOOL)).toBe(`/api/v1/exports/inventory.xlsx?schoolId=${SCHOOL}&status=lost%2Cretired&q=iPad&sort=model&lang=de`);
  });
});
