import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { ApiError, explainError, unwrap } from '../api/errors';
import { t } from '../i18n';
import { Button, PageHeading, TextField } from '../ui/components';
import { PlainLayout } from './Layout';
import { homeFor } from './screens';
import { ME_KEY } from './session';

/** Only paths of this app (no "//other.site"), so the login cannot be made to send someone elsewhere. */
const safeReturn = (path: string | null) => (path && path.startsWith('/') && !path.startsWith('//') ? path : null);

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = params.get('grund');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/auth/login', { body: { email: email.trim(), password } }));
      const me = await unwrap(api.GET('/api/v1/auth/me'));
      queryClient.setQueryData(ME_KEY, me);
      navigate(safeReturn(params.get('zurueck')) ?? homeFor(me.role), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && (e.status === 401 || e.status === 400) ? t.login.failed : explainError(e).title);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PlainLayout>
      <PageHeading title={t.login.title}>{t.login.title}</PageHeading>
      {reason === 'abgelaufen' && (
        <p className="notice notice-warning" role="status">
          {t.login.expired}
        </p>
      )}
      {reason === 'abgemeldet' && (
        <p className="notice" role="status">
          {t.login.loggedOut}
        </p>
      )}
      <Form onSubmit={submit} className="form" validationBehavior="aria">
        <TextField label={t.login.email} type="email" name="email" autoComplete="username" value={email} onChange={setEmail} isRequired autoFocus />
        <TextField label={t.login.password} type="password" name="password" autoComplete="current-password" value={password} onChange={setPassword} isRequired />
        {error && (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
        <Button type="submit" variant="primary" isDisabled={busy}>
          {t.login.submit}
        </Button>
      </Form>
    </PlainLayout>
  );
}
