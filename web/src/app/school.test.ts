import { afterEach, describe, expect, it } from 'vitest';
import { mockApi, requests, resetApi } from '../test-api';
import { fetchAllSchools } from './school';

describe('fetchAllSchools', () => {
  afterEach(() => resetApi());

  it('walks every keyset page: a state office of 2,450 schools gets all of them, not the first 1,000', async () => {
    const school = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name: `Schule ${n}` });
    const all = Array.from({ length: 2450 }, (_, i) => school(i + 1));
    mockApi({
      'GET /api/v1/schools': (request) => {
        const cursor = new URL(request.url).searchParams.get('cursor');
        const from = cursor ? Number(cursor) : 0;
        const items = all.slice(from, from + 1000);
        return { body: { items, nextCursor: from + 1000 < all.length ? String(from + 1000) : null } };
      },
    });
    const schools = await fetchAllSchools();
    expect(schools.map((s) => s.name)).toEqual(all.map((s) => s.name));
    expect(requests.map((r) => r.path)).toEqual(['/api/v1/schools?limit=1000', '/api/v1/schools?limit=1000&cursor=1000', '/api/v1/schools?limit=1000&cursor=2000']);
  });
});
