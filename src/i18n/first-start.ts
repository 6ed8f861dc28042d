/**
 * The framed block that shows a one-time login on the console: after the first start (once the server is up), after
 * `npm run admin:reset-password`, and after `npm run demo`. German, for the person at the console; never a log line.
 */
export type LoginBlockKind = 'first_start' | 'reset';

const HEADINGS: Record<LoginBlockKind, string> = {
  first_start: 'Erster Start: Zugang der Plattform-Administration angelegt',
  reset: 'Passwort zurückgesetzt: neues Einmal-Passwort',
};

export function oneTimeLoginBlock(kind: LoginBlockKind, login: { email: string; password: string }, url?: string): string {
  const lines = [
    HEADINGS[kind],
    '',
    ...(url ? [`Anmelden:   ${url}`] : []),
    `E-Mail:     ${login.email}`,
    `Passwort:   ${login.password}`,
    '',
    'Das Passwort wird nur hier angezeigt. Bitte nach der Anmeldung ändern',
    '(POST /api/v1/auth/password, z. B. über /api/docs).',
    ...(kind === 'first_start' ? ['Bis zur ersten Anmeldung zeigt jeder Start ein neues Passwort.'] : ['Alle bisherigen Sitzungen dieses Kontos sind beendet.']),
    'Vergessen? npm run admin:reset-password -- E-MAIL',
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const framed = lines.map((l) => `  ║  ${l.padEnd(width)}  ║`);
  const rule = '═'.repeat(width + 4);
  return `\n  ╔${rule}╗\n${framed.join('\n')}\n  ╚${rule}╝\n\n`;
}
