import { lazy, Suspense, useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { fill, t } from '../i18n';
import { Button } from '../ui/components';
import { normaliseScan } from './counter-api';

/** Inventory and serial numbers are at most 128 characters (the API's limit). */
const MAX_CODE = 128;

const CameraScanner = lazy(() => import('./CameraScanner'));

export interface ScanFieldHandle {
  focus(): void;
}

/**
 * The counter's one scan field. A barcode scanner types fast and presses Enter: the value is read from the input on
 * Enter (uncontrolled, so no keystroke waits for a render), the field is emptied at once and keeps the focus, and the
 * next scan can follow immediately. The camera (BarcodeDetector or the bundled decoder) is offered where there is one.
 */
export function ScanField({ onScan, label = t.counter.scanLabel, handle, autoFocus = true }: { onScan: (code: string) => void; label?: string; handle?: Ref<ScanFieldHandle>; autoFocus?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [camera, setCamera] = useState(false);
  const id = useId();
  useImperativeHandle(handle, () => ({ focus: () => input.current?.focus() }), []);
  const hasCamera = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

  // What was wrong with the last entry (only spaces, longer than any inventory or serial number); the next one clears it.
  const [problem, setProblem] = useState('');
  const submit = () => {
    const el = input.current;
    if (!el) return;
    const code = normaliseScan(el.value);
    const raw = el.value;
    el.value = '';
    setProblem(code.length > MAX_CODE ? fill(t.counter.scanTooLong, { max: MAX_CODE }) : !code && raw ? t.counter.scanEmpty : '');
    if (code && code.length <= MAX_CODE) onScan(code);
  };

  return (
    <div className="scan">
      <div className="scan-row">
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            ref={input}
            id={id}
            name="scan"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="search"
            aria-describedby={problem ? `${id}-problem ${id}-help` : `${id}-help`}
            aria-invalid={problem ? true : undefined}
            autoFocus={autoFocus}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                submit();
              }
            }}
          />
          {problem && (
            <span className="field-error" id={`${id}-problem`} role="alert">
              {problem}
            </span>
          )}
          <span className="description" id={`${id}-help`}>
            {t.counter.scanHelp}
          </span>
        </div>
        <Button variant="primary" onPress={submit}>
          {t.counter.scanSubmit}
        </Button>
        {hasCamera && (
          <Button onPress={() => setCamera((c) => !c)} aria-expanded={camera}>
            {camera ? t.counter.cameraStop : t.counter.camera}
          </Button>
        )}
      </div>
      {camera && (
        <Suspense fallback={<p role="status">{t.counter.cameraStarting}</p>}>
          <CameraScanner
            onCode={(code) => {
              setCamera(false);
              onScan(normaliseScan(code));
              input.current?.focus();
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
