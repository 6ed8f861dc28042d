import { useState } from 'react';
import { tUsers } from '../i18n/users';
import { Button } from '../ui/components';

/** A password nobody chose: 24 characters from an alphabet without look-alikes, in groups of four. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint32Array(24));
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return chars.join('').match(/.{4}/g)!.join('-');
}

/** A new password, shown this once with a copy button; gone when the person presses "Fertig". */
export function OncePassword({ title, password, onDone }: { title: string; password: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'' | 'ok' | 'failed'>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section aria-labelledby="once-password" className="notice notice-success">
      <h3 id="once-password">{title}</h3>
      <p>
        <code className="secret" data-testid="once-password">
          {password}
        </code>
      </p>
      <p>{tUsers.passwordOnce}</p>
      <div className="actions">
        <Button variant="primary" onPress={copy}>
          {tUsers.copy}
        </Button>
        <Button onPress={onDone}>{tUsers.close}</Button>
      </div>
      <p role="status">{copied === 'ok' ? tUsers.copied : copied === 'failed' ? tUsers.copyFailed : ''}</p>
    </section>
  );
}
