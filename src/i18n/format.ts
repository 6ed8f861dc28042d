/** How German readers write dates and amounts: `31.12.2026`, `1.234,56 €`, `90 %`. Pure functions (the web app may import them). */

/** 'YYYY-MM-DD' (or a longer ISO string) → 'DD.MM.YYYY'. */
export function germanDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** Integer cents → `1.234,56 €` (a minus sign for negative amounts). */
export function germanEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${euros},${String(abs % 100).padStart(2, '0')} €`;
}

/** 20 → `20 %`, 12.5 → `12,5 %`. */
export function germanPercent(percent: number): string {
  return `${String(percent).replace('.', ',')} %`;
}
