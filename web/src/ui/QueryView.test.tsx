import { QueryClient, QueryClientProvider, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { QueryView } from './components';

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

function Items({ load }: { load: () => Promise<{ items: string[] }> }) {
  const q = useQuery({ queryKey: ['items'], queryFn: load });
  return (
    <QueryView query={q} empty={<p>leer</p>}>
      {(data) => (
        <ul>
          {data.items.map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      )}
    </QueryView>
  );
}

describe('QueryView', () => {
  it('shows loading, then the data', async () => {
    let resolve: (v: { items: string[] }) => void = () => {};
    render(
      <QueryClientProvider client={client()}>
        <Items load={() => new Promise((r) => (resolve = r))} />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('Wird geladen …');
    resolve({ items: ['INV-1', 'INV-2'] });
    expect((await screen.findAllByRole('listitem')).map((li) => li.textContent)).toEqual(['INV-1', 'INV-2']);
  });

  it('shows `empty` for a page without items', async () => {
    render(
      <QueryClientProvider client={client()}>
        <Items load={async () => ({ items: [] })} />
      </QueryClientProvider>,
    );
    await screen.findByText('leer');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('explains an error and retries on request', async () => {
    let calls = 0;
    const load = async () => {
      calls++;
      if (calls === 1) throw new ApiError(500, { statusCode: 500, error: 'INTERNAL', message: 'boom' });
      return { items: ['INV-3'] };
    };
    render(
      <QueryClientProvider client={client()}>
        <Items load={load} />
      </QueryClientProvider>,
    );
    await screen.findByRole('alert');
    await userEvent.click(screen.getByRole('button', { name: 'Erneut versuchen' }));
    expect((await screen.findByRole('listitem')).textContent).toBe('INV-3');
    expect(calls).toBe(2);
  });

  it('treats an infinite query whose pages hold no items as empty', async () => {
    function Pages() {
      const q = useInfiniteQuery({ queryKey: ['pages'], queryFn: async () => ({ items: [] as string[], nextCursor: null }), initialPageParam: '', getNextPageParam: () => undefined });
      return (
        <QueryView query={q} empty={<p>nichts</p>}>
          {() => <p>Liste</p>}
        </QueryView>
      );
    }
    render(
      <QueryClientProvider client={client()}>
        <Pages />
      </QueryClientProvider>,
    );
    await screen.findByText('nichts');
    expect(screen.queryByText('Liste')).toBeNull();
  });
});
