import { useInfiniteQuery } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSchool } from '../app/school';
import { useMe } from '../app/session';
import { fill, label } from '../i18n';
import { tDevices } from '../i18n/devices';
import { Button, Checkbox, DateInput, LoadMore, PageHeading, QueryView, RowCheckbox, Select, SketchFirst, TextField } from '../ui/components';
import { formatDate, formatDateTime } from '../ui/format';
import { useInAppLinks } from '../ui/links';
import { LabelPrintPanel } from '../labels/LabelPrintPanel';
import type { LabelTarget } from '../labels/labels-api';
import { DEVICE_SORTS, DEVICE_STATUSES, DEVICE_TYPES, filtersFromParams, filtersToParams, filtersToQuery, hasFilters, inventoryExportUrl, type DeviceFilters } from './device-filters';
import { deviceListQuery, type DeviceListItem } from './devices-api';
import { StatusBadge } from './StatusBadge';

const ALL = '_all';

/**
 * The device list: coordinators see their chosen school's devices, office and viewers the whole authority with a
 * school filter. Filters live in the URL; "Weitere laden" walks the keyset pages; labels for a selection or the filters.
 */
export default function DevicesPage() {
  const me = useMe();
  const role = me.data?.role;
  const { schoolId: chosen, schools } = useSchool();
  const [params, setParams] = useSearchParams();
  // The same object while the address stays: the filter form (memo) renders again only when a filter changed.
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [labelsOpen, setLabelsOpen] = useState(false);
  const canWrite = role === 'coordinator' || role === 'office';
  const schoolNames = useMemo(() => new Map(schools.map((s) => [s.id, s.name])), [schools]);

  const list = useInfiniteQuery(deviceListQuery(filters, chosen));
  const update = useCallback(
    (change: Partial<DeviceFilters>) => {
      setSelected(new Set());
      setParams(filtersToParams({ ...filters, ...change }), { replace: true });
    },
    [filters, setParams],
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <PageHeading title={tDevices.title}>{tDevices.title}</PageHeading>
      <FilterForm filters={filters} onChange={update} showSchool={!chosen} schools={schools} />
      <div className="actions toolbar">
        {canWrite && (
          <Button data-labels-toggle onPress={() => setLabelsOpen((o) => !o)} aria-expanded={labelsOpen} aria-controls="labels-panel">
            {tDevices.labels}
          </Button>
        )}
        <a className="btn btn-secondary" href={inventoryExportUrl(filters, chosen)} download>
          {tDevices.export}
        </a>
        {selected.size > 0 && (
          <>
            <span className="toolbar-note">{fill(tDevices.selected, { count: selected.size })}</span>
            <Button variant="quiet" onPress={() => setSelected(new Set())}>
              {tDevices.clearSelection}
            </Button>
          </>
        )}
      </div>
      {labelsOpen && canWrite && (
        <LabelPrintPanel
          id="labels-panel"
          onClose={() => {
            setLabelsOpen(false);
            // The panel's "Schließen" goes away with it: focus back to the button that opened it.
            document.querySelector<HTMLElement>('[data-labels-toggle]')?.focus();
          }}
          choices={[
            ...(selected.size ? [{ label: fill(tDevices.labelsSelected, { count: selected.size }), target: { deviceIds: [...selected], schoolId: chosen ?? undefined } }] : []),
            { label: tDevices.labelsFiltered, target: filtersToQuery(filters, chosen) as LabelTarget },
          ]}
        />
      )}
      <QueryView query={list} empty={<p className="notice">{hasFilters(filters) ? tDevices.noMatch : tDevices.empty}</p>}>
        {() => (
          <>
            <DeviceTable items={items} showSchool={!chosen} schoolNames={schoolNames} selectable={canWrite} selected={selected} onToggle={toggle} />
            <p role="status">
              {fill(tDevices.shown, { count: items.length })}
              {list.hasNextPage ? `, ${tDevices.more}` : ''}
            </p>
            <LoadMore query={list} />
          </>
        )}
      </QueryView>
    </>
  );
}

/** On a phone the filters start folded away, so the list is what one sees first. */
const wideScreen = () => globalThis.matchMedia?.('(min-width: 40rem)').matches ?? true;

/**
 * Its own render: not again when the list's data arrives or a row is selected (the school filter has hundreds of options).
 * Its fields are sketched first (SketchFirst): the list's first frame does not wait for seven React Aria widgets.
 */
const FilterForm = memo(function FilterForm({
  filters,
  onChange,
  showSchool,
  schools,
}: {
  filters: DeviceFilters;
  onChange: (c: Partial<DeviceFilters>) => void;
  showSchool: boolean;
  schools: { id: string; name: string }[];
}) {
  // Text filters apply on Enter or the button (not on every key); choices apply at once.
  const [q, setQ] = useState(filters.q ?? '');
  const [location, setLocation] = useState(filters.location ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => setLocation(filters.location ?? ''), [filters.location]);
  return (
    <details className="panel filter-panel" open={wideScreen()}>
      <summary>{tDevices.filters}</summary>
    <form
      role="search"
      aria-label={tDevices.filters}
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ q: q.trim() || undefined, location: location.trim() || undefined });
      }}
    >
      <SketchFirst>
      <div className="form-grid">
        <TextField label={tDevices.search} value={q} onChange={setQ} type="search" />
        <TextField label={tDevices.room} value={location} onChange={setLocation} description={tDevices.roomHelp} />
        <Select
          label={tDevices.status}
          selectedKey={filters.status.length === 1 ? filters.status[0] : ALL}
          onSelectionChange={(k) => onChange({ status: k === ALL ? [] : [k as DeviceFilters['status'][number]] })}
          options={[{ value: ALL, label: tDevices.all }, ...DEVICE_STATUSES.map((s) => ({ value: s, label: label('deviceStatus', s) }))]}
        />
        <Select
          label={tDevices.type}
          selectedKey={filters.type.length === 1 ? filters.type[0] : ALL}
          onSelectionChange={(k) => onChange({ type: k === ALL ? [] : [k as DeviceFilters['type'][number]] })}
          options={[{ value: ALL, label: tDevices.all }, ...DEVICE_TYPES.map((s) => ({ value: s, label: label('deviceType', s) }))]}
        />
        {showSchool && (
          <Select
            label={tDevices.school}
            selectedKey={filters.schoolId ?? ALL}
            onSelectionChange={(k) => onChange({ schoolId: k === ALL ? undefined : String(k) })}
            options={[{ value: ALL, label: tDevices.allSchools }, ...schools.map((s) => ({ value: s.id, label: s.name }))]}
          />
        )}
        <DateInput label={tDevices.notCountedSince} value={filters.notCountedSince ?? null} onChange={(d) => onChange({ notCountedSince: d ?? undefined })} />
        <Select
          label={tDevices.sort}
          selectedKey={filters.sort}
          onSelectionChange={(k) => onChange({ sort: k as DeviceFilters['sort'] })}
          options={DEVICE_SORTS.map((s) => ({ value: s, label: tDevices.sorts[s] }))}
        />
      </div>
      <Checkbox isSelected={filters.notLabelled} onChange={(on) => onChange({ notLabelled: on })}>
        {tDevices.notLabelled}
      </Checkbox>
      </SketchFirst>
      <div className="actions">
        <Button type="submit" variant="primary">
          {tDevices.apply}
        </Button>
        <Button onPress={() => onChange({ schoolId: undefined, status: [], type: [], location: undefined, q: undefined, notLabelled: false, notCountedSince: undefined })}>{tDevices.reset}</Button>
      </div>
    </form>
    </details>
  );
});

function DeviceTable({
  items,
  showSchool,
  schoolNames,
  selectable,
  selected,
  onToggle,
}: {
  items: DeviceListItem[];
  showSchool: boolean;
  schoolNames: Map<string, string>;
  selectable: boolean;
  selected: Set<string>;
  onToggle: (id: string, on: boolean) => void;
}) {
  const allSelected = items.every((d) => selected.has(d.id));
  // The rows' links are plain anchors, navigating through one listener on the table (see useInAppLinks).
  const links = useInAppLinks();
  return (
    <div className="table-wrap">
      <table ref={links} className="device-table stack-table">
        <caption className="visually-hidden">{tDevices.title}</caption>
        <thead>
          <tr>
            {selectable && (
              <th scope="col">
                <RowCheckbox label={tDevices.selectPage} isSelected={allSelected} onChange={(on) => items.forEach((d) => onToggle(d.id, on))} />
              </th>
            )}
            <th scope="col">{tDevices.inventoryNumber}</th>
            <th scope="col">{tDevices.type}</th>
            <th scope="col">{tDevices.model}</th>
            {showSchool && <th scope="col">{tDevices.school}</th>}
            <th scope="col">{tDevices.room}</th>
            <th scope="col">{tDevices.status}</th>
            <th scope="col">{tDevices.labelledAt}</th>
            <th scope="col">{tDevices.lastCountedOn}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <tr key={d.id}>
              {selectable && (
                <td className="stack-select">
                  <RowCheckbox label={fill(tDevices.select, { device: d.inventoryNumber })} isSelected={selected.has(d.id)} onChange={(on) => onToggle(d.id, on)} />
                </td>
              )}
              <th scope="row">
                <a href={`/geraete/${d.id}`}>{d.inventoryNumber}</a>
              </th>
              <td data-label={tDevices.type}>{label('deviceType', d.type)}</td>
              <td data-label={tDevices.model}>
                {d.manufacturer} {d.model}
              </td>
              {showSchool && <td data-label={tDevices.school}>{schoolNames.get(d.schoolId) ?? '–'}</td>}
              <td data-label={tDevices.room}>{d.location ?? '–'}</td>
              <td data-label={tDevices.status}>
                <StatusBadge status={d.status} />
              </td>
              <td data-label={tDevices.labelledAt}>{d.labelledAt ? formatDateTime(d.labelledAt) : '–'}</td>
              <td data-label={tDevices.lastCountedOn}>{formatDate(d.lastCountedOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
