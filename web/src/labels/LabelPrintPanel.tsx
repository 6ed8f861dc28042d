import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api/errors';
import { fill, t } from '../i18n';
import { tLabelPrint } from '../i18n/label-print';
import { Button, Checkbox, ErrorNotice, QueryView, RadioGroup, Select, TextField } from '../ui/components';
import { saveBlob } from '../ui/download';
import { fetchLabelFormats, type LabelFormat, labelsPdf, labelsPerSheet, type LabelTarget } from './labels-api';

export interface LabelChoice {
  /** What the user reads in the choice ("die 2 ausgewählten Geräte"). */
  label: string;
  target: LabelTarget;
}

/**
 * "Etiketten drucken" wherever devices are listed (the device list, an import's result): the label stock, the first
 * free label of a used sheet, type and model on or off, then the PDF. With several choices of devices (the selection
 * or the current filters) the user picks one.
 */
export function LabelPrintPanel({ choices, onClose, id }: { choices: LabelChoice[]; onClose?: () => void; id?: string }) {
  const headingId = useId();
  const formats = useQuery({ queryKey: ['labels', 'formats'], queryFn: fetchLabelFormats, staleTime: Infinity });
  const [choice, setChoice] = useState(0);
  const [formatId, setFormatId] = useState<LabelFormat['id']>('avery-3475');
  const [startAt, setStartAt] = useState('1');
  const [showModel, setShowModel] = useState(true);
  const [pdfUrl, setPdfUrl] = useState<string | null>(null);
  useEffect(() => () => void (pdfUrl && URL.revokeObjectURL(pdfUrl)), [pdfUrl]);
  const format = formats.data?.find((f) => f.id === formatId);
  const max = format ? labelsPerSheet(format) : 1;
  const start = /^\d+$/.test(startAt.trim()) ? Number(startAt.trim()) : NaN;
  const startValid = max === 1 || (start >= 1 && start <= max);
  const target = choices[Math.min(choice, choices.length - 1)]?.target;
  const print = useMutation({
    mutationFn: () => labelsPdf({ format: formatId, showModel, ...(max > 1 ? { startAt: start } : {}), ...target } as Parameters<typeof labelsPdf>[0]),
    onMutate: () => setPdfUrl(null),
    onSuccess: (blob) => setPdfUrl(saveBlob(blob, 'etiketten.pdf')),
  });

  return (
    <section id={id} className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{tLabelPrint.title}</h2>
      <QueryView query={formats}>
        {(data) => (
          <form
            className="form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (startValid && target) print.mutate();
            }}
          >
            {choices.length > 1 && (
              <RadioGroup label={tLabelPrint.for} value={String(choice)} onChange={(v) => setChoice(Number(v))} options={choices.map((c, i) => ({ value: String(i), label: c.label }))} />
            )}
            <Select label={tLabelPrint.format} selectedKey={formatId} onSelectionChange={(k) => setFormatId(k as LabelFormat['id'])} options={data.map((f) => ({ value: f.id, label: f.name }))} />
            {max > 1 && (
              <TextField
                label={tLabelPrint.startAt}
                value={startAt}
                onChange={setStartAt}
                inputMode="numeric"
                description={fill(tLabelPrint.startAtHelp, { max })}
                serverError={startValid ? (print.error instanceof ApiError ? print.error.fieldError('startAt') : undefined) : fill(tLabelPrint.startAtInvalid, { max })}
              />
            )}
            <Checkbox isSelected={showModel} onChange={setShowModel}>
              {tLabelPrint.showModel}
            </Checkbox>
            {print.error && <ErrorNotice error={print.error} />}
            <div role="status" aria-live="polite">
              {pdfUrl && (
                <p className="notice notice-success">
                  {tLabelPrint.done}{' '}
                  <a href={pdfUrl} target="_blank" rel="noreferrer">
                    {tLabelPrint.open}
                  </a>
                </p>
              )}
            </div>
            <div className="actions">
              <Button type="submit" variant="primary" isDisabled={!target} isPending={print.isPending}>
                {print.isPending ? tLabelPrint.printing : tLabelPrint.print}
              </Button>
              {onClose && <Button onPress={onClose}>{t.close}</Button>}
            </div>
          </form>
        )}
      </QueryView>
    </section>
  );
}
