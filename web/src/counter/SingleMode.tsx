import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { explainError } from '../api/errors';
import { fill, label, t } from '../i18n';
import { ErrorNotice, LiveRegion } from '../ui/components';
import { formatDate } from '../ui/format';
import { agreementUrl, currentLoan, defaultDueDate, lookupDevice, type Device, type Loan } from './counter-api';
import { DeviceCard, deviceName } from './DeviceCard';
import { LendForm } from './LendForm';
import { ReturnForm } from './ReturnForm';
import { ScanField, type ScanFieldHandle } from './ScanField';

type Scan =
  | { kind: 'idle' }
  | { kind: 'found'; device: Device; loan: Loan | null; loanPending: boolean }
  | { kind: 'notFound'; code: string }
  | { kind: 'error'; error: unknown };

interface Done {
  kind: 'lent' | 'returned';
  loan: Loan;
  text: string;
}

/** One device at a time: scan, see it, lend it or take it back, and the focus is back in the scan field. */
export function SingleMode() {
  const scanField = useRef<ScanFieldHandle>(null);
  const [scan, setScan] = useState<Scan>({ kind: 'idle' });
  const [done, setDone] = useState<Done | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const due = useQuery({ queryKey: ['loans', 'settings', 'due'], queryFn: defaultDueDate, staleTime: 10 * 60_000 });
  const latest = useRef(0);

  const onScan = async (code: string) => {
    const ticket = ++latest.current;
    setDone(null);
    try {
      const device = await lookupDevice(code);
      if (ticket !== latest.current) return; // a newer scan won
      if (!device) {
        setScan({ kind: 'notFound', code });
        setAnnouncement(fill(t.counter.notFound, { code }));
        return;
      }
      const onLoan = device.status === 'loaned';
      setScan({ kind: 'found', device, loan: null, loanPending: onLoan });
      setAnnouncement(fill(t.counter.found, { device: deviceName(device), status: label('deviceStatus', device.status) }));
      if (onLoan) {
        const loan = await currentLoan(device.id);
        if (ticket === latest.current) setScan({ kind: 'found', device, loan, loanPending: false });
      }
    } catch (error) {
      if (ticket !== latest.current) return;
      setScan({ kind: 'error', error });
      setAnnouncement(explainError(error).title);
    }
  };

  const finish = (kind: Done['kind'], loan: Loan, device: Device) => {
    const text =
      kind === 'lent'
        ? fill(t.counter.lent, { device: deviceName(device), name: loan.borrowerName ?? '', due: formatDate(loan.dueOn) })
        : fill(t.counter.returned, { device: deviceName(device), condition: label('returnCondition', loan.returnCondition), status: label('deviceStatus', loan.device.status) });
    setDone({ kind, loan, text });
    setAnnouncement(text);
    setScan({ kind: 'idle' });
    scanField.current?.focus();
  };

  return (
    <>
      <ScanField onScan={onScan} handle={scanField} />
      <LiveRegion message={announcement} />
      {done && (
        <div className="notice notice-success result-done">
          <p className="notice-title">{done.text}</p>
          {done.kind === 'lent' && (
            <p>
              <a href={agreementUrl(done.loan.id)} target="_blank" rel="noopener">
                {t.counter.printAgreement}
              </a>
            </p>
          )}
        </div>
      )}
      {scan.kind === 'notFound' && (
        <p className="notice notice-warning">{fill(t.counter.notFound, { code: scan.code })}</p>
      )}
      {scan.kind === 'error' && <ErrorNotice error={scan.error} />}
      {scan.kind === 'found' && (
        <div className="counter-device">
          <DeviceCard device={scan.device} loan={scan.loan} />
          {scan.device.status === 'available' && due.data && <LendForm key={scan.device.id} device={scan.device} defaultDue={due.data} onLent={(loan) => finish('lent', loan, scan.device)} />}
          {scan.device.status === 'available' && due.error && <ErrorNotice error={due.error} onRetry={() => due.refetch()} />}
          {scan.loan && <ReturnForm key={scan.loan.id} loan={scan.loan} onReturned={(loan) => finish('returned', loan, scan.device)} />}
          {scan.device.status !== 'available' && scan.device.status !== 'loaned' && (
            <p className="notice notice-warning">{fill(t.counter.notLendable, { status: label('deviceStatus', scan.device.status) })}</p>
          )}
        </div>
      )}
    </>
  );
}
