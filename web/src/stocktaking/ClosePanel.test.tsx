import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi, requests, resetApi } from '../test-api';
import { ClosePanel } from './ClosePanel';

const missing = [
  { deviceId: 'd1', inventoryNumber: 'INV-1', serialNumber: null, model: 'iPad', room: 'Raum 1', resolution: null },
  { deviceId: 'd2', inventoryNumber: 'INV-2', serialNumber: null, model: 'iPad', room: 'Raum 1', resolution: null },
];
const earmarked = { statusCode: 409, error: 'ILLEGAL_STATE', message: 'earmarked', details: { confirmation: 'earmarkingBreach' } };

describe('ClosePanel', () => {
  beforeEach(() => resetApi());

  it('sends a decision per device, and asks for the earmarking confirmation when the API does', async () => {
    let closed = -1;
    mockApi({
      'GET /api/v1/stocktakings/:id/missing': { body: { items: missing, nextCursor: null } },
      'POST /api/v1/stocktakings/:id/close': (request) =>
        request.clone().json().then((body: { confirmEarmarkingBreach?: boolean }) => (body.confirmEarmarkingBreach ? { body: { markedLost: 1 } } : { status: 409, body: earmarked })),
    });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ClosePanel stocktakingId="st1" onCancel={() => {}} onClosed={(n) => (closed = n)} />
      </QueryClientProvider>,
    );
    const group = await screen.findByRole('radiogroup', { name: 'Entscheidung: INV-1' });
    await userEvent.click(group.querySelector('input[value="mark_lost"]')!);
    await userEvent.click(screen.getByRole('button', { name: 'Inventur abschließen' }));
    // Asked first, naming how many devices are booked lost.
    await userEvent.click(await screen.findByRole('button', { name: 'Abschließen und 1 als verloren buchen' }));
    const confirm = await screen.findByRole('checkbox', { name: 'Trotzdem als verloren buchen' });
    expect(screen.getByRole('button', { name: 'Inventur abschließen' }).hasAttribute('disabled')).toBe(true);
    await userEvent.click(confirm);
    await userEvent.click(screen.getByRole('button', { name: 'Inventur abschließen' }));
    await waitFor(() => expect(closed).toBe(1));
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((p) => p.body)).toEqual([
      { missing: 'keep_open', decisions: [{ deviceId: 'd1', action: 'mark_lost' }] },
      { missing: 'keep_open', decisions: [{ deviceId: 'd1', action: 'mark_lost' }], confirmEarmarkingBreach: true },
    ]);
  });
});
