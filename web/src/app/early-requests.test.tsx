import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { mockApi, requests } from '../test-api';
import { deviceAnswer as device, officeUser as office, schoolAnswer as school, siteAnswer as site } from '../test-fixtures';
import { App, createQueryClient } from './App';
import { earlyPaths, preloadScreenChunks, sendEarlyRequests } from './early-requests';
import { SCREEN_CHUNKS_ID } from './early-screens';
import { startScreen } from './screens';
import { startSession } from './school';

const unauthorized = { status: 401, body: { statusCode: 401, error: 'UNAUTHORIZED', message: 'Missing token' } };
const paths = () => requests.map((r) => `${r.method} ${r.path}`);

/** What main.tsx does after the start script: the login check, the schools and the address's screen, then React. */
function startApp() {
  const queryClient = createQueryClient();
  startSession(queryClient);
  startScreen(queryClient, location.pathname, new URLSearchParams(location.search), null);
  render(<App queryClient={queryClient} />);
}

describe("the start script's early requests", () => {
  it('on /geraete: login check, schools and the first page, with the query the list sends; on the login page none', () => {
    expect(earlyPaths('/geraete', new URLSearchParams('status=loaned,lost&q=Raum 1'), 's1')).toEqual([
      '/api/v1/auth/me',
      '/api/v1/schools/names?limit=5000',
      '/api/v1/devices?schoolId=s1&status=loaned&status=lost&q=Raum+1&sort=inventoryNumber&limit=50',
    ]);
    expect(earlyPaths('/uebersicht', new URLSearchParams(), null)).toEqual(['/api/v1/auth/me', '/api/v1/schools/names?limit=5000', '/api/v1/stats/overview']);
    expect(earlyPaths('/medienentwicklungsplan/', new URLSearchParams('sort=wlan&schoolType=grundschule'), null)[2]).toBe('/api/v1/coverage?sort=wlan&order=asc&schoolType=grundschule&limit=100');
    expect(earlyPaths('/schulen', new URLSearchParams(), null)).toEqual(['/api/v1/auth/me', '/api/v1/schools/names?limit=5000']);
    expect(earlyPaths('/anmelden', new URLSearchParams('zurueck=%2Fgeraete'), null)).toEqual([]);
    expect(earlyPaths('/plattform/', new URLSearchParams(), null)).toEqual(['/api/v1/auth/me']);
  });

  it('an office on /geraete: the app takes the three answers over (no request twice) and the list shows their rows', async () => {
    window.history.pushState({}, '', '/geraete?status=loaned');
    mockApi({
      'GET /api/v1/auth/me': { body: office },
      'GET /api/v1/schools/names': { body: { items: [school('s1', 'Gymnasium am Park'), school('s2', 'Grundschule Nord')], nextCursor: null } },
      'GET /api/v1/devices': (request) => ({ body: { items: [device('d1', new URL(request.url).searchParams.get('status') === 'loaned' ? 'INV-LOANED' : 'INV-OTHER', 'loaned')], nextCursor: null } }),
      'GET /api/v1/site': { body: site },
    });
    sendEarlyRequests();
    expect(paths()).toEqual(['GET /api/v1/auth/me', 'GET /api/v1/schools/names?limit=5000', 'GET /api/v1/devices?status=loaned&sort=inventoryNumber&limit=50']);
    startApp();
    const row = await screen.findByRole('row', { name: /INV-LOANED/ });
    expect(row.textContent).toContain('Grundschule Nord');
    await waitFor(() => expect(requests.some((r) => r.path.startsWith('/api/v1/site'))).toBe(true));
    // Only the footer's site facts were asked by the app itself.
    expect(paths().filter((p) => !p.includes('/site')).sort()).toEqual(['GET /api/v1/auth/me', 'GET /api/v1/devices?status=loaned&sort=inventoryNumber&limit=50', 'GET /api/v1/schools/names?limit=5000']);
  });

  it("a visitor's first load: the early 401s are dropped, the app asks again and shows the login, not 'session expired'", async () => {
    window.history.pushState({}, '', '/geraete');
    mockApi({ 'GET /api/v1/auth/me': unauthorized, 'GET /api/v1/schools/names': unauthorized, 'GET /api/v1/devices': unauthorized, 'GET /api/v1/site': { body: site } });
    sendEarlyRequests();
    startApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeTruthy();
    expect(window.location.search).toBe('?zurueck=%2Fgeraete');
    expect(screen.queryByText(/Ihre Sitzung ist abgelaufen/)).toBeNull();
    // The login check went out twice: early (dropped) and the app's own.
    expect(paths().filter((p) => p === 'GET /api/v1/auth/me')).toHaveLength(2);
  });

  it('the overview and the Medienentwicklungsplan: their prefetch takes the early answer (one request each)', async () => {
    mockApi({ 'GET /api/v1/auth/me': { body: office }, 'GET /api/v1/schools/names': { body: { items: [], nextCursor: null } }, 'GET /api/v1/stats/overview': { body: {} }, 'GET /api/v1/coverage': { body: { items: [], nextCursor: null } } });
    for (const address of ['/uebersicht', '/medienentwicklungsplan?sort=wlan&schoolType=grundschule']) {
      window.history.pushState({}, '', address);
      sendEarlyRequests();
      const queryClient = createQueryClient();
      startScreen(queryClient, location.pathname, new URLSearchParams(location.search), null);
      await waitFor(() => expect(queryClient.getQueryCache().getAll().every((q) => q.state.status === 'success')).toBe(true));
    }
    expect(paths().filter((p) => p.includes('/stats/') || p.includes('/coverage'))).toEqual(['GET /api/v1/stats/overview', 'GET /api/v1/coverage?sort=wlan&order=asc&schoolType=grundschule&limit=100']);
  });

  it('an early answer serves only the same GET, once; a write drops those not yet taken', async () => {
    window.history.pushState({}, '', '/geraete?status=loaned');
    let answers = 0;
    mockApi({ 'GET /api/v1/auth/me': () => ({ body: { ...office, displayName: `Antwort ${++answers}` } }), 'GET /api/v1/schools/names': { body: { items: [], nextCursor: null } }, 'GET /api/v1/devices': { body: { items: [], nextCursor: null } }, 'POST /api/v1/auth/logout': { status: 204 } });
    sendEarlyRequests();
    // Another query than the early one: its own request.
    await api.GET('/api/v1/devices', { params: { query: { status: ['lost'], limit: 50 } } });
    expect(paths().at(-1)).toBe('GET /api/v1/devices?status=lost&limit=50');
    // The same GET twice: the early answer first, then the network.
    expect((await api.GET('/api/v1/auth/me')).data?.displayName).toBe('Antwort 1');
    expect((await api.GET('/api/v1/auth/me')).data?.displayName).toBe('Antwort 2');
    // A write (here the logout) drops the schools' early answer: the next GET asks the server.
    const before = requests.length;
    await api.POST('/api/v1/auth/logout');
    await api.GET('/api/v1/schools/names', { params: { query: { limit: 5000 } } });
    expect(paths().slice(before)).toEqual(['POST /api/v1/auth/logout', 'GET /api/v1/schools/names?limit=5000']);
  });

  it("preloads the address's screen chunks the build lists in index.html, and nothing for other addresses or a broken list", () => {
    const list = document.createElement('script');
    list.type = 'application/json';
    list.id = SCREEN_CHUNKS_ID;
    list.textContent = JSON.stringify({ '/geraete': ['/assets/DevicesPage-1.js', '/assets/StatusBadge-2.js'], '/uebersicht': ['/assets/OverviewPage-3.js'] });
    document.head.appendChild(list);
    const preloads = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname);
    try {
      preloadScreenChunks('/schulen');
      expect(preloads()).toEqual([]);
      preloadScreenChunks('/geraete/');
      expect(preloads()).toEqual(['/assets/DevicesPage-1.js', '/assets/StatusBadge-2.js']);
      // Same-origin module requests, as the app's own import() sends them (else the preload would not be used).
      expect(document.head.querySelector('link[rel="modulepreload"]')?.getAttribute('crossorigin')).toBe('');
      list.textContent = '{ not json';
      expect(() => preloadScreenChunks('/uebersicht')).not.toThrow();
      expect(preloads()).toHaveLength(2);
    } finally {
      list.remove();
      document.head.querySelectorAll('link[rel="modulepreload"]').forEach((l) => l.remove());
    }
  });
});
