import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { unwrap } from '../api/errors';
import { fill, label } from '../i18n';
import { tMySchool } from '../i18n/my-school';
import { Button, ErrorNotice, Loading } from '../ui/components';
import { formatDate, formatEuro } from '../ui/format';
import { type DeviceItem, inServiceSince, pastReplacementAge, yearsBetween } from './replacement';

type Coverage = Schemas['SchoolCoverageResponseDto'];
const FIRST = 25;
const MAX_PAGES = 50;

/** Every device of the school (keyset pages of 200): the list the replacement rule is applied to. */
async function allDevices(schoolId: string): Promise<DeviceItem[]> {
  const items: DeviceItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    // The generated type marks two optional date filters as required (IsDateOnly documents them so): hence the cast.
    const query = { schoolId, limit: 200, ...(cursor ? { cursor } : {}) } as paths['/api/v1/devices']['get']['parameters']['query'];
    const result = await unwrap(api.GET('/api/v1/devices', { params: { query } }));
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

/** The devices past their replacement age (count and cost from the coverage API, the devices by the same rule). */
export function ReplacementList({ schoolId, coverage }: { schoolId: string; coverage: Coverage }) {
  const [showAll, setShowAll] = useState(false);
  const settings = useQuery({ queryKey: ['coverage', 'settings'], queryFn: () => unwrap(api.GET('/api/v1/coverage/settings')), staleTime: 10 * 60_000 });
  const devices = useQuery({ queryKey: ['devices', 'all', schoolId], queryFn: () => allDevices(schoolId), enabled: coverage.replacement.pastAge > 0 });
  const past = settings.data && devices.data ? pastReplacementAge(devices.data, settings.data.replacementAgeYears, coverage.asOf) : [];
  const shown = showAll ? past : past.slice(0, FIRST);
  const error = settings.error ?? devices.error;
  return (
    <section aria-labelledby="replacement-title">
      <h2 id="replacement-title">{tMySchool.replacementTitle}</h2>
      <p>
        {coverage.replacement.pastAge === 0
          ? tMySchool.replacementNone
          : fill(tMySchool.replacementSummary, { count: coverage.replacement.pastAge, cost: formatEuro(coverage.replacement.costCents) })}
      </p>
      {coverage.replacement.unknownAge > 0 && <p>{fill(tMySchool.replacementUnknown, { count: coverage.replacement.unknownAge })}</p>}
      {coverage.replacement.pastAge > 0 &&
        (error ? (
          <ErrorNotice error={error} onRetry={() => void (settings.error ? settings.refetch() : devices.refetch())} />
        ) : !settings.data || !devices.data ? (
          <Loading />
        ) : (
          <>
            <div className="table-wrap">
              <table className="stack-table replacement">
                <caption className="visually-hidden">{tMySchool.replacementTitle}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tMySchool.inventoryNumber}</th>
                    <th scope="col">{tMySchool.type}</th>
                    <th scope="col">{tMySchool.model}</th>
                    <th scope="col">{tMySchool.room}</th>
                    <th scope="col">{tMySchool.since}</th>
                    <th scope="col" className="num">{tMySchool.age}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((d) => (
                    <tr key={d.id}>
                      <td data-label={tMySchool.inventoryNumber}>{d.inventoryNumber}</td>
                      <td data-label={tMySchool.type}>{label('deviceType', d.type)}</td>
                      <td data-label={tMySchool.model}>{`${d.manufacturer} ${d.model}`}</td>
                      <td data-label={tMySchool.room}>{d.location ?? '–'}</td>
                      <td data-label={tMySchool.since}>{formatDate(inServiceSince(d))}</td>
                      <td data-label={tMySchool.age} className="num" title={fill(tMySchool.replacementAge, { years: settings.data.replacementAgeYears[d.type] })}>
                        {fill(tMySchool.years, { years: yearsBetween(inServiceSince(d)!, coverage.asOf) })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {!showAll && past.length > FIRST && <Button onPress={() => setShowAll(true)}>{fill(tMySchool.showAll, { count: past.length })}</Button>}
          </>
        ))}
    </section>
  );
}
