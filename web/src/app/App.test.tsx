import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, requests } from '../test-api';
import { App } from './App';

const coordinator = { id: 'u1', email: 'k@schule.example', displayName: 'Kim Koordination', role: 'coordinator', authorityId: 'a1', schoolIds: ['s1', 's2'] };
const school = (id: string, name: string) => ({ id, name, authorityId: 'a1', schoolNumber: '100001', schoolType: 'gymnasium', version: 1 });
const site = { accessibilityContactName: 'IT-Service', accessibilityContactEmail: 'barrierefrei@stadt.example', privacyUrl: null, imprintUrl: null };

describe('the app shell', () => {
  it('sends a visitor to the German login, and shows the server refusal in German', async () => {
    window.history.pushState({}, '', '/ausgabe');
    mockApi({ 'GET /api/v1/auth/me': { status: 401, body: { statusCode: 401, error: 'UNAUTHORIZED', message: 'Missing token' } }, 'GET /api/v1/site': { body: site }, 'POST /api/v1/auth/login': { status: 401, body: { statusCode: 401, error: 'UNAUTHORIZED', message: 'Email or password is wrong' } } });
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Anmelden' })).toBeTruthy();
    expect(window.location.search).toBe('?zurueck=%2Fausgabe');
    await userEvent.type(screen.getByLabelText(/E-Mail-Adresse/), 'k@schule.example');
    await userEvent.type(screen.getByLabelText(/Passwort/), 'falsch');
    await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect((await screen.findByRole('alert')).textContent).toBe('E-Mail-Adresse oder Passwort ist falsch.');
    expect(screen.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' })).toBeTruthy();
  });

  it('after login returns to where the user was; every write carries the CSRF header', async () => {
    window.history.pushState({}, '', '/anmelden?grund=abgelaufen&zurueck=%2Fausgabe');
    let loggedIn = false;
    mockApi({
      'GET /api/v1/auth/me': () => (loggedIn ? { body: coordinator } : { status: 401, body: { statusCode: 401, error: 'UNAUTHORIZED', message: '' } }),
      'POST /api/v1/auth/login': () => ((loggedIn = true), { body: { accessToken: 'x', tokenType: 'Bearer', expiresIn: 3600 } }),
      'GET /api/v1/site': { body: site },
      'GET /api/v1/schools/names': { body: { items: [school('s1', 'Gymnasium am Park'), school('s2', 'Grundschule Nord')], nextCursor: null } },
    });
    render(<App />);
    expect((await screen.findByText(/Ihre Sitzung ist abgelaufen/)).textContent).toContain('Bitte melden Sie sich erneut an');
    await userEvent.type(screen.getByLabelText(/E-Mail-Adresse/), 'k@schule.example');
    await userEvent.type(screen.getByLabelText(/Passwort/), 'richtig-und-lang');
    await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    // A coordinator with two schools picks one first; the choice is kept.
    await userEvent.click(await screen.findByRole('button', { name: 'Grundschule Nord' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ausgabe und Rückgabe' })).toBeTruthy();
    expect(window.location.pathname).toBe('/ausgabe');
    expect(JSON.parse(localStorage.getItem('inventar.school')!)).toEqual({ u1: 's2' });
    const login = requests.find((r) => r.method === 'POST')!;
    expect(login.headers.get('X-Requested-With')).toBe('fetch');
    expect(screen.getByRole('navigation', { name: 'Hauptnavigation' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
  });

  it('shows the accessibility statement with the configured contact, without login', async () => {
    window.history.pushState({}, '', '/barrierefreiheit');
    mockApi({ 'GET /api/v1/auth/me': { status: 401, body: { statusCode: 401, error: 'UNAUTHORIZED', message: '' } }, 'GET /api/v1/site': { body: site } });
    render(<App />);
    const link = await screen.findByRole('link', { name: 'barrierefrei@stadt.example' });
    expect(link.getAttribute('href')).toBe('mailto:barrierefrei@stadt.example');
    await waitFor(() => expect(document.title).toBe('Erklärung zur Barrierefreiheit – Schul-IT-Inventar'));
  });
});
