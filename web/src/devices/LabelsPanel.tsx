import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/errors';
import { fill, t } from '../i18n';
import { Button, Checkbox, ErrorNotice, Loading, RadioGroup, Select, TextField } from '../ui/components';
import { filtersToQuery, type DeviceFilters } from './device-filters';
import { downloadLabels, fetchLabelFormats, type LabelFormat, type LabelsRequest } from './devices-api';

/** Labels per sheet of a format (1 for a label printer's roll). */
export const labelsPerSheet = (f: Pick<LabelFormat, 'columns' | 'rows'>) => f.columns * f.rows;

/** "Etiketten drucken": for the selected devices or the current filters, on a chosen stock, from label N. */
export function LabelsPanel({ filters, chosenSchoolId, selectedIds, onClose }: { filters: DeviceFilters; chosenSchoolId: string | null; selectedIds: string[]; onClose: () => void }) {
  const formats = useQuery({ queryKey: ['labels', 'formats'], queryFn: fetchLabelFormats, staleTime: Infinity });
  const [scope, setScope] = useState<'selected' | 'filtered'>(selectedIds.length ? 'selected' : 'filtered');
  const [formatId, setFormatId] = useState<LabelFormat['id']>('avery-3475');
  const [startAt, setStartAt] = useState('1');
  const [showModel, setShowModel] = useState(true);
  const [done, setDone] = useState(false);
  const format = formats.data?.find((f) => f.id === formatId);
  const max = format ? labelsPerSheet(format) : 48;
  const start = /^\d+$/.test(startAt.trim()) ? Number(startAt.trim()) : NaN;
  const startValid = start >= 1 && start <= max;
  const print = useMutation({
    mutationFn: () => {
      const which = scope === 'selected' ? { deviceIds: selectedIds, schoolId: chosenSchoolId ?? undefined } : filtersToQuery(filters, chosenSchoolId);
      const body: LabelsRequest = { format: formatId, startAt: max > 1 ? start : 1, showModel, ...which };
      return downloadLabels(body);
    },
    onMutate: () => setDone(false),
    onSuccess: () => setDone(true),
  });
  return (
    <section id="labels-panel" className="panel" aria-labelledby="labels-title">
      <h2 id="labels-title">{t.devices.labels}</h2>
      {formats.isPending ? (
        <Loading />
      ) : formats.error ? (
        <ErrorNotice error={formats.error} onRetry={() => formats.refetch()} />
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (startValid || max === 1) print.mutate();
          }}
        >
          <RadioGroup
            label={t.devices.labelsFor}
            value={scope}
            onChange={(v) => setScope(v as typeof scope)}
            options={[
              ...(selectedIds.length ? [{ value: 'selected' as const, label: fill(t.devices.labelsSelected, { count: selectedIds.length }) }] : []),
              { value: 'filtered' as const, label: t.devices.labelsFiltered },
            ]}
          />
          <Select label={t.devices.labelFormat} selectedKey={formatId} onSelectionChange={(k) => setFormatId(k as LabelFormat['id'])} options={formats.data.map((f) => ({ value: f.id, label: f.name }))} />
          {max > 1 && (
            <TextField
              label={t.devices.labelStart}
              value={startAt}
              onChange={setStartAt}
              inputMode="numeric"
              description={fill(t.devices.labelStartHelp, { max })}
              serverError={startValid ? (print.error instanceof ApiError ? print.error.fieldError('startAt') : undefined) : fill(t.devices.labelStartInvalid, { max })}
            />
          )}
          <Checkbox isSelected={showModel} onChange={setShowModel}>
            {t.devices.labelShowModel}
          </Checkbox>
          {print.error && <ErrorNotice error={print.error} />}
          {done && (
            <p className="notice notice-success" role="status">
              {t.devices.labelsDone}
            </p>
          )}
          <div className="actions">
            <Button type="submit" variant="primary" isDisabled={print.isPending}>
              {print.isPending ? t.loading : t.devices.labelsDownload}
            </Button>
            <Button onPress={onClose}>{t.close}</Button>
          </div>
        </form>
      )}
    </section>
  );
}
