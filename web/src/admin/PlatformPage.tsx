import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { fill, label, t } from '../i18n';
import { tPlatform } from '../i18n/platform';
import { tUsers } from '../i18n/users';
import { Button, ErrorNotice, PageHeading, QueryView, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { formatDate, formatDateTime } from '../ui/format';
import { generatePassword, OncePassword } from '../users/OncePassword';

type Authority = Schemas['AuthorityDto'];
const KINDS: Authority['kind'][] = ['city', 'district', 'other'];

/** An authority's office users; the admin creates the first ones (with a password shown once). */
function OfficeUsers({ authority }: { authority: Authority }) {
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users', 'office', authority.id], queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { authorityId: authority.id, role: 'office', limit: 200 } } })) });
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [shown, setShown] = useState<{ name: string; password: string } | null>(null);
  const create = useMutation({
    mutationFn: (body: Schemas['CreateUserDto']) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: (user, body) => {
      setShown({ name: user.displayName, password: body.password });
      setDisplayName('');
      setEmail('');
      void queryClient.invalidateQueries({ queryKey: ['users', 'office', authority.id] });
    },
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const { ref } = useFocusOnRefusal(create.error);
  const title = fill(tPlatform.offices, { name: authority.name });
  return (
    <section aria-labelledby="platform-office" className="panel">
      <h2 id="platform-office">{title}</h2>
      <QueryView query={users} empty={<p>{tPlatform.noOffice}</p>}>
        {(data) => (
          <ul>
            {data.items.map((u) => (
              <li key={u.id}>
                {u.displayName} ({u.email}) · {tUsers.lastLogin}: {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : tUsers.never}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {shown && <OncePassword title={fill(tUsers.initialPassword, { name: shown.name })} password={shown.password} onDone={() => setShown(null)} />}
      <h3>{tPlatform.createOffice}</h3>
      <p>{tPlatform.officeHint}</p>
      <form
        className="form"
        noValidate
        ref={ref}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ displayName, email, role: 'office', authorityId: authority.id, password: generatePassword() });
        }}
      >
        <div className="form-grid">
          <TextField label={tUsers.name} value={displayName} onChange={setDisplayName} isRequired serverError={error?.fieldError('displayName')} />
          <TextField label={tUsers.email} type="email" value={email} onChange={setEmail} isRequired serverError={error?.fieldError('email')} />
        </div>
        {create.error && <ErrorNotice error={create.error} />}
        <div className="actions">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {tPlatform.createOffice}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The platform admin's screen: authorities (list, create) and their first office users; no school data. */
export default function PlatformPage() {
  const queryClient = useQueryClient();
  const authorities = useQuery({ queryKey: ['authorities'], queryFn: () => unwrap(api.GET('/api/v1/authorities')) });
  const [selected, setSelected] = useState<string | null>(null);
  const [v, setV] = useState({ name: '', slug: '', state: '' });
  const [kind, setKind] = useState<Authority['kind']>('city');
  const [message, setMessage] = useState('');
  const create = useMutation({
    mutationFn: (body: Schemas['CreateAuthorityDto']) => unwrap(api.POST('/api/v1/authorities', { body })),
    onSuccess: (a) => {
      setMessage(fill(tPlatform.created, { name: a.name }));
      setV({ name: '', slug: '', state: '' });
      setSelected(a.id);
      void queryClient.invalidateQueries({ queryKey: ['authorities'] });
    },
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const { ref } = useFocusOnRefusal(create.error);
  const current = authorities.data?.find((a) => a.id === selected);
  return (
    <>
      <PageHeading title={tPlatform.title}>{tPlatform.title}</PageHeading>
      <p>{tPlatform.intro}</p>
      <QueryView query={authorities} empty={<p>{t.nothingFound}</p>}>
        {(data) => (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{tPlatform.authorities}</caption>
              <thead>
                <tr>
                  <th scope="col">{tPlatform.name}</th>
                  <th scope="col">{tPlatform.slug}</th>
                  <th scope="col">{tPlatform.kind}</th>
                  <th scope="col">{tPlatform.state}</th>
                  <th scope="col">{tPlatform.createdAt}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {data.map((a) => (
                  <tr key={a.id} aria-current={a.id === selected ? 'true' : undefined}>
                    <th scope="row">{a.name}</th>
                    <td>{a.slug}</td>
                    <td>{label('authorityKind', a.kind)}</td>
                    <td>{a.state ?? '–'}</td>
                    <td>{formatDate(a.createdAt)}</td>
                    <td>
                      <Button aria-label={fill(tPlatform.show, { name: a.name })} onPress={() => setSelected(a.id)}>
                        {tPlatform.showShort}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      <p role="status">{message}</p>
      {current && <OfficeUsers key={current.id} authority={current} />}
      <section aria-labelledby="platform-create" className="panel">
        <h2 id="platform-create">{tPlatform.create}</h2>
        <form
          className="form"
          noValidate
          ref={ref}
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ name: v.name.trim(), slug: v.slug.trim(), kind, ...(v.state.trim() ? { state: v.state.trim().toUpperCase() } : {}) });
          }}
        >
          <div className="form-grid">
            <TextField label={tPlatform.name} value={v.name} onChange={(x) => setV({ ...v, name: x })} isRequired serverError={error?.fieldError('name')} />
            <TextField label={tPlatform.slug} description={tPlatform.slugHelp} value={v.slug} onChange={(x) => setV({ ...v, slug: x })} isRequired serverError={error?.fieldError('slug')} />
            <Select label={tPlatform.kind} selectedKey={kind} onSelectionChange={(k) => setKind(k as Authority['kind'])} options={KINDS.map((k) => ({ value: k, label: label('authorityKind', k) }))} />
            <TextField label={tPlatform.state} description={tPlatform.stateHelp} value={v.state} onChange={(x) => setV({ ...v, state: x })} serverError={error?.fieldError('state')} />
          </div>
          {create.error && <ErrorNotice error={create.error} />}
          <div className="actions">
            <Button type="submit" variant="primary" isPending={create.isPending}>
              {tPlatform.create}
            </Button>
          </div>
        </form>
      </section>
    </>
  );
}
