import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { fill, t } from '../i18n';
import { Button, Checkbox, ErrorNotice, LiveRegion, Select, TextField } from '../ui/components';
import { labelsPdf, saveBlob } from './import-api';

type FormatId = Schemas['LabelFormatId'];

/** Etiketten drucken for a list of devices: the label stock, the first free label of a used sheet, the PDF. */
export function LabelPrint({ deviceIds }: { deviceIds: string[] }) {
  const headingId = useId();
  const formats = useQuery({ queryKey: ['labels', 'formats'], queryFn: () => unwrap(api.GET('/api/v1/labels/formats')), staleTime: Infinity });
  const [format, setFormat] = useState<FormatId>('avery-3475');
  const [startAt, setStartAt] = useState('1');
  const [showModel, setShowModel] = useState(true);
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  const chosen = formats.data?.find((f) => f.id === format);
  const perSheet = chosen ? chosen.columns * chosen.rows : 1;
  const start = Number(startAt);
  const startInvalid = perSheet > 1 && !(Number.isInteger(start) && start >= 1 && start <= perSheet);
  useEffect(() => () => void (pdfUrl && URL.revokeObjectURL(pdfUrl)), [pdfUrl]);
  const print = useMutation({
    mutationFn: () => labelsPdf({ deviceIds, format, showModel, ...(perSheet > 1 ? { startAt: start } : {}) }),
    onSuccess: (blob) => setPdfUrl(saveBlob(blob, 'etiketten.pdf')),
  });
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.labelPrint.title}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!startInvalid) print.mutate();
        }}
        noValidate
      >
        <div className="form-grid">
          <Select label={t.labelPrint.format} selectedKey={format} onSelectionChange={(k) => setFormat(k as FormatId)} options={(formats.data ?? []).map((f) => ({ value: f.id, label: f.name }))} />
          {perSheet > 1 && (
            <TextField
              label={t.labelPrint.startAt}
              value={startAt}
              onChange={setStartAt}
              inputMode="numeric"
              description={fill(t.labelPrint.startAtHelp, { max: perSheet })}
              serverError={startInvalid ? fill(t.labelPrint.startAtInvalid, { max: perSheet }) : undefined}
            />
          )}
        </div>
        <Checkbox isSelected={showModel} onChange={setShowModel}>
          {t.labelPrint.showModel}
        </Checkbox>
        {formats.error && <ErrorNotice error={formats.error} onRetry={() => formats.refetch()} />}
        {print.error && <ErrorNotice error={print.error} />}
        <div className="actions">
          <Button type="submit" variant="primary" isDisabled={print.isPending || deviceIds.length === 0}>
            {print.isPending ? t.labelPrint.printing : t.labelPrint.print}
          </Button>
          {pdfUrl && (
            <a className="btn btn-secondary" href={pdfUrl} target="_blank" rel="noreferrer">
              {t.labelPrint.open}
            </a>
          )}
        </div>
      </form>
      <LiveRegion message={pdfUrl ? fill(t.labelPrint.ready, { count: deviceIds.length }) : ''} />
    </section>
  );
}
