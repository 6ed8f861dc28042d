import { tOffice } from '../i18n/office';

export interface BarRow {
  key: string;
  label: string;
  value: number;
  href?: string;
}

/**
 * A bar chart that is its own data table: each row names the item, the number and its share; the bar is decoration
 * (aria-hidden), so screen readers read a plain table.
 */
export function BarTable({ caption, head, rows }: { caption: string; head: string; rows: BarRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const total = rows.reduce((sum, r) => sum + r.value, 0);
  return (
    <div className="table-wrap">
      <table className="bar-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="num">
              {tOffice.count}
            </th>
            <th scope="col" className="bar-col">
              {tOffice.share}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
              <td className="num">{r.value.toLocaleString('de-DE')}</td>
              <td className="bar-col">
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${(r.value / max) * 100}%` }} />
                </span>
                <span className="bar-share">{total ? Math.round((r.value / total) * 100) : 0} %</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A budget as a bar with its figures in words ("x von y gebunden"). */
export function BudgetBar({ label, spentCents, totalCents, text }: { label: string; spentCents: number; totalCents: number; text: string }) {
  const percent = totalCents > 0 ? Math.min(100, Math.round((spentCents / totalCents) * 100)) : 0;
  return (
    <div className="budget">
      <div className="budget-label">
        <span>{label}</span>
        <span>{text}</span>
      </div>
      <div className="bar bar-wide" role="img" aria-label={`${label}: ${percent} %`}>
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
