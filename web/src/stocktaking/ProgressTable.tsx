import type { Schemas } from '../api/client';
import { tStocktaking } from '../i18n/stocktaking';

type Detail = Schemas['StocktakingDetailDto'];

/** Expected, found, missing so far, found elsewhere and unknown per room, with the totals. */
export function ProgressTable({ stocktaking, currentRoom }: { stocktaking: Detail; currentRoom?: string }) {
  const total = { room: tStocktaking.total, expected: stocktaking.expected, found: stocktaking.found, missing: stocktaking.missing, foundElsewhere: stocktaking.foundElsewhere, unknown: stocktaking.unknown };
  const cols = [
    ['expected', tStocktaking.expected],
    ['found', tStocktaking.found],
    ['missing', stocktaking.status === 'open' ? tStocktaking.missingSoFar : tStocktaking.missing],
    ['foundElsewhere', tStocktaking.foundElsewhere],
    ['unknown', tStocktaking.unknown],
  ] as const;
  return (
    <div className="table-wrap">
      <table className="stack-table progress" aria-labelledby="progress-title">
        <thead>
          <tr>
            <th scope="col">{tStocktaking.rooms}</th>
            {cols.map(([key, text]) => (
              <th key={key} scope="col" className="num">
                {text}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stocktaking.progress.map((p) => (
            <tr key={p.room} aria-current={currentRoom !== undefined && p.room.toLowerCase() === currentRoom.toLowerCase() ? 'true' : undefined} data-room={p.room}>
              <th scope="row">{p.room || tStocktaking.noRoom}</th>
              {cols.map(([key, text]) => (
                <td key={key} data-label={text} className={`num ${key}`}>
                  {p[key]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-room="total">
            <th scope="row">{total.room}</th>
            {cols.map(([key, text]) => (
              <td key={key} data-label={text} className={`num ${key}`}>
                <strong>{total[key]}</strong>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
