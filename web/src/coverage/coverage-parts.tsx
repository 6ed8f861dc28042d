import type { ReactNode } from 'react';
import type { Schemas } from '../api/client';
import { tCoverage } from '../i18n/coverage';

export const SCHOOL_TYPES = ['grundschule', 'hauptschule', 'realschule', 'sekundarschule', 'gesamtschule', 'gymnasium', 'foerderschule', 'berufskolleg', 'other'] as const;
export const DEVICE_TYPES = ['laptop', 'tablet', 'desktop', 'interactive_display', 'projector', 'document_camera', 'printer', 'access_point', 'other'] as const;

/** "1.234,5" with up to two decimals, German. */
export const formatNumber = (n: number | null | undefined) => (n == null ? '–' : n.toLocaleString('de-DE', { maximumFractionDigits: 2 }));

/** A value with a visible mark (and a spoken one) when it misses its target; nothing when the target is unknown. */
export function TargetFlag({ ok, children }: { ok: boolean | null; children: ReactNode }) {
  return (
    <span className={ok === false ? 'target-miss' : undefined}>
      {children}
      {ok === false && (
        <>
          <span aria-hidden="true"> ⚠</span>
          <span className="visually-hidden"> ({tCoverage.targetMissed})</span>
        </>
      )}
    </span>
  );
}

/** People per device, marked when the target is missed. */
export function Ratio({ ratio }: { ratio: Schemas['DeviceRatioDto'] }) {
  return <TargetFlag ok={ratio.targetMet}>{ratio.perDevice == null ? tCoverage.noDevice : formatNumber(ratio.perDevice)}</TargetFlag>;
}
