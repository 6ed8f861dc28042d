const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** "31.12.2026" → "2026-12-31" (an ISO date passes as it is); null when it is no date. */
export function germanToIso(value: string): string | null {
  const v = value.trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : isIsoDate(v) ? v : null;
}
