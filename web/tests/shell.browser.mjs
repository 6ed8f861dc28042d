import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectNoAxeViolations, expectNoHorizontalScroll, login, openBrowser } from './support.mjs';

describe('the shell: login, logout, session cookie, accessibility statement', () => {
  let browser;
  before(async () => (browser = await openBrowser()));
  after(() => browser.close());

  it('the login page is German, accessible, and logs a coordinator in to the counter', async () => {
    const { page } = browser;
    await page.goto('/');
    await page.waitForURL(/\/anmelden/);
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    await expectNoAxeViolations(page, 'login');
    await login(page);
    await page.waitForURL(/\/ausgabe$/);
    await page.getByRole('heading', { level: 1, name: 'Ausgabe und Rückgabe' }).waitFor();
    const cookies = await browser.context.cookies();
    const session = cookies.find((c) => c.name === 'inventar_session');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Strict');
    assert.equal(await page.evaluate(() => document.cookie.includes('inventar_session')), false);
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage).includes('eyJ')), false, 'no token in localStorage');
  });

  it('the skip link is the first stop of the keyboard and jumps to the main content', async () => {
    const { page } = browser;
    await page.goto('/barrierefreiheit');
    await page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Zum Inhalt springen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'inhalt');
    await page.getByRole('link', { name: 'barrierefreiheit@musterstadt.example' }).waitFor();
    await expectNoAxeViolations(page, 'accessibility statement');
  });

  it('an expired session sends the user to the login with a German message, and back afterwards', async () => {
    const { page, context } = browser;
    await page.goto('/barrierefreiheit');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    await context.clearCookies();
    await page.getByRole('link', { name: 'Ausgabe und Rückgabe' }).click();
    // The screen's first request answers 401.
    await page.getByText('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.').waitFor();
    await page.getByLabel('E-Mail-Adresse').fill('it@goethe-gymnasium.example');
    await page.getByLabel('Passwort').fill('Demo-Passwort-2026');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(/\/ausgabe$/);
  });

  it('logout ends the session', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByText('Sie haben sich abgemeldet.').waitFor();
    const res = await page.request.get('/api/v1/auth/me');
    assert.equal(res.status(), 401);
  });

  it('at 375 px the login and statement fit without horizontal scrolling', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 375, height: 800 });
    for (const path of ['/anmelden', '/barrierefreiheit']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoHorizontalScroll(page, path);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
