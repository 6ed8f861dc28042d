import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

const FORMATS = ['code_128', 'code_39', 'ean_13', 'qr_code', 'data_matrix'];

/** The browser's BarcodeDetector where it exists, else the bundled ZXing decoder (WebAssembly served by this server). */
async function createDetector(): Promise<Detector> {
  const native = (globalThis as unknown as { BarcodeDetector?: new (o: { formats: string[] }) => Detector }).BarcodeDetector;
  if (native) return new native({ formats: FORMATS });
  const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([import('barcode-detector/ponyfill'), import('zxing-wasm/reader/zxing_reader.wasm?url')]);
  // Never the package's default (a CDN): the .wasm file is part of this build.
  prepareZXingModule({ overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) } });
  return new BarcodeDetector({ formats: FORMATS as never[] });
}

/** Shows the rear camera and reports the first code it reads. Lazy-loaded: not part of the counter's first load. */
export default function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const detector = await createDetector();
        const tick = async () => {
          if (stopped || !video.current) return;
          const codes = await detector.detect(video.current).catch(() => []);
          if (codes[0]?.rawValue) return onCode(codes[0].rawValue);
          timer = setTimeout(tick, 150);
        };
        tick();
      } catch {
        setError(true);
      }
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onCode]);

  return (
    <div className="camera">
      <h2 className="visually-hidden">{t.counter.cameraTitle}</h2>
      {error ? <p className="notice notice-warning">{t.counter.cameraUnavailable}</p> : <video ref={video} muted playsInline aria-label={t.counter.cameraTitle} />}
    </div>
  );
}
