import { afterEach, describe, expect, it } from 'vitest';
import { mockApi, requests, resetApi } from '../test-api';
import { fetchAllSchools } from './school';

describe('fetchAllSchools', () => {
  afterEach(() => resetApi());

  it('walks every keyset page of the names: a large state of 12,250 schools gets all of them, not the first 5,000', async () => {
    const school = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `Schule ${n}` });
    const all = Array.from({ length: 12_250 }, (_, i) => school(i + 1));
    mockApi({
      'GET /api/v1/schools/names': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        const from = cursor ? Number(cursor) : 0;
        const items = all.slice(from, from + 5000);
        return { body: { items, nextCursor: from + 5000 < all.length ? String(from + 5000) : null } };
      },
    });
    const schools = await fetchAllSchools();
    expect(schools).toEqual(all);
    expect(requests.map((r) => r.path)).toEqual([
      '/api/v1/schools/names?limit=5000',
      '/api/v1/schools/names?limit=5000&cursor=5000',
      '/api/v1/schools/names?limit=5000&cursor=10000',
    ]);
  });
});
