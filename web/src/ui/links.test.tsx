import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useInAppLinks } from './links';

function List() {
  const ref = useInAppLinks();
  return (
    <ul ref={ref}>
      <li>
        <a href="/geraete/d1?tab=historie">Gerät 1</a>
      </li>
      <li>
        <a href="/geraete/d2" target="_blank" rel="noreferrer">
          Gerät 2 (neues Fenster)
        </a>
      </li>
      <li>
        <a href="https://example.org/anderswo">Anderswo</a>
      </li>
    </ul>
  );
}

function setup() {
  const router = createMemoryRouter(
    [
      { path: '/geraete', element: <List /> },
      { path: '/geraete/:id', element: <p>Detail</p> },
    ],
    { initialEntries: ['/geraete'] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

/**
 * Clicks like a person would; answers whether the browser's own navigation would still happen (nobody before the
 * document prevented it). The document's listener then stops it: jsdom would try to load the address.
 */
function click(name: string, init: MouseEventInit = {}): boolean {
  let browserNavigates = false;
  const seen = (event: Event) => {
    browserNavigates = !event.defaultPrevented;
    event.preventDefault();
  };
  document.addEventListener('click', seen);
  fireEvent.click(screen.getByRole('link', { name }), { button: 0, ...init });
  document.removeEventListener('click', seen);
  return browserNavigates;
}

describe('useInAppLinks', () => {
  it('a plain left click on a list link navigates inside the app, with its query', async () => {
    const router = setup();
    expect(click('Gerät 1')).toBe(false);
    expect(router.state.location.pathname).toBe('/geraete/d1');
    expect(router.state.location.search).toBe('?tab=historie');
    expect(await screen.findByText('Detail')).toBeTruthy();
  });

  it('leaves modifier clicks, other targets and other sites to the browser', () => {
    const router = setup();
    for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey', 'altKey'] as const) {
      expect(click('Gerät 1', { [modifier]: true })).toBe(true);
    }
    expect(click('Gerät 1', { button: 1 })).toBe(true);
    expect(click('Gerät 2 (neues Fenster)')).toBe(true);
    expect(click('Anderswo')).toBe(true);
    expect(router.state.location.pathname).toBe('/geraete');
  });
});
