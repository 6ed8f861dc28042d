import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { mockApi, requests } from '../test-api';
import { deviceAnswer, officeUser as office, schoolAnswer as school, siteAnswer as site } from '../test-fixtures';
import { Select } from '../ui/components';
import { App, createQueryClient } from './App';
import { lazyScreen } from './lazy-screen';
import { startScreen } from './screens';
import { startSession } from './school';

const device = deviceAnswer('d1', 'INV-0042', 'loaned');

describe('the start of a screen', () => {
  it('at the app start on /geraete: login check, schools and the first device page leave before React renders, and the list shows that page', async () => {
    window.history.pushState({}, '', '/geraete?status=loaned');
    mockApi({
      'GET /api/v1/auth/me': { body: office },
      'GET /api/v1/schools/names': { body: { items: [school('s1', 'Gymnasium am Park'), school('s2', 'Grundschule Nord')], nextCursor: null } },
      'GET /api/v1/devices': { body: { items: [device], nextCursor: null } },
      'GET /api/v1/site': { body: site },
    });
    const queryClient = createQueryClient();
    startSession(queryClient);
    startScreen(queryClient, '/geraete', new URLSearchParams('status=loaned'), null);
    // Nothing rendered yet: the three requests are on their way.
    await waitFor(() => expect(requests.map((r) => r.path.split('?')[0]).sort()).toEqual(['/api/v1/auth/me', '/api/v1/devices', '/api/v1/schools/names']));
    expect(requests.find((r) => r.path.startsWith('/api/v1/devices'))!.path).toBe('/api/v1/devices?status=loaned&sort=inventoryNumber&limit=50');

    render(<App queryClient={queryClient} />);
    const row = await screen.findByRole('row', { name: /INV-0042/ });
    expect(row.textContent).toContain('Grundschule Nord');
    // The list read the prefetched page: no second request for it, none for the schools either.
    expect(requests.filter((r) => r.path.startsWith('/api/v1/devices'))).toHaveLength(1);
    expect(requests.filter((r) => r.path.startsWith('/api/v1/schools'))).toHaveLength(1);
  });

  it('a click on "Geräte" (its request prefetched by the click) shows the list from one request', async () => {
    window.history.pushState({}, '', '/barrierefreiheit');
    mockApi({
      'GET /api/v1/auth/me': { body: office },
      'GET /api/v1/schools/names': { body: { items: [school('s1', 'Gymnasium am Park'), school('s2', 'Grundschule Nord')], nextCursor: null } },
      'GET /api/v1/devices': { body: { items: [device], nextCursor: null } },
      'GET /api/v1/site': { body: site },
    });
    render(<App />);
    const link = await screen.findByRole('link', { name: 'Geräte' });
    expect(requests.some((r) => r.path.startsWith('/api/v1/devices'))).toBe(false);
    await userEvent.click(link);
    expect(await screen.findByRole('row', { name: /INV-0042/ })).toBeTruthy();
    expect(requests.filter((r) => r.path.startsWith('/api/v1/devices')).map((r) => r.path)).toEqual(['/api/v1/devices?sort=inventoryNumber&limit=50']);
  });

  it('a preloaded screen mounts without its Suspense fallback; one not yet loaded shows it first', async () => {
    const Loaded = lazyScreen(async () => ({ default: () => <p>Geladen</p> }));
    await Loaded.preload();
    render(
      <Suspense fallback={<p>Wird geladen …</p>}>
        <Loaded />
      </Suspense>,
    );
    // Synchronously in the first render: no fallback in between.
    expect(screen.getByText('Geladen')).toBeTruthy();
    expect(screen.queryByText('Wird geladen …')).toBeNull();

    const Later = lazyScreen(async () => ({ default: () => <p>Später</p> }));
    render(
      <Suspense fallback={<p>Wird geladen …</p>}>
        <Later />
      </Suspense>,
    );
    expect(screen.getByText('Wird geladen …')).toBeTruthy();
    expect(await screen.findByText('Später')).toBeTruthy();
  });
});

describe('Select with a long list', () => {
  function Schools() {
    const options = Array.from({ length: 120 }, (_, i) => ({ value: `s${i}`, label: `Schule ${String(i).padStart(3, '0')}` }));
    const [chosen, setChosen] = useState('s77');
    return <Select label="Schule" selectedKey={chosen} onSelectionChange={(k) => setChosen(String(k))} options={options} />;
  }

  it('shows the chosen option at once and offers all 120 when opened', async () => {
    render(<Schools />);
    const button = screen.getByRole('button', { name: /Schule 077/ });
    await userEvent.click(button);
    const listbox = await screen.findByRole('listbox');
    await waitFor(() => expect(listbox.querySelectorAll('[role="option"]')).toHaveLength(120));
    await userEvent.click(screen.getByRole('option', { name: 'Schule 003' }));
    expect(screen.getByRole('button', { name: /Schule 003/ })).toBeTruthy();
  });
});
