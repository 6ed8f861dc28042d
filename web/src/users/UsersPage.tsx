import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useMe } from '../app/session';
import { fill, label, t } from '../i18n';
import { useAllSchools } from '../schools/all-schools';
import { Button, PageHeading, QueryView } from '../ui/components';
import { formatDateTime } from '../ui/format';
import { CreateUserForm } from './CreateUserForm';
import { UserEditor } from './UserEditor';

export const USERS_KEY = ['users', 'list'] as const;

/** The authority's users (office only): list, create, change role, assign schools, deactivate, reset a password. */
export default function UsersPage() {
  const me = useMe();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200 } } })) });
  const schools = useAllSchools();
  const [selected, setSelected] = useState<string | null>(null);
  const schoolName = (id: string) => schools.data?.find((s) => s.id === id)?.name ?? '…';
  const current = users.data?.items.find((u) => u.id === selected);
  return (
    <>
      <PageHeading title={t.users.title}>{t.users.title}</PageHeading>
      <p>{t.users.intro}</p>
      <QueryView query={users} empty={<p>{t.nothingFound}</p>}>
        {(data) => (
          <div className="table-wrap">
            <table className="users-table">
              <caption className="visually-hidden">{t.users.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.users.name}</th>
                  <th scope="col">{t.users.email}</th>
                  <th scope="col">{t.users.role}</th>
                  <th scope="col">{t.users.schools}</th>
                  <th scope="col">{t.users.status}</th>
                  <th scope="col">{t.users.lastLogin}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {data.items.map((u) => (
                  <tr key={u.id} aria-current={u.id === selected ? 'true' : undefined}>
                    <th scope="row">{u.displayName}</th>
                    <td>{u.email}</td>
                    <td>{label('role', u.role)}</td>
                    <td>{u.schoolIds.length ? u.schoolIds.map(schoolName).join(', ') : '–'}</td>
                    <td>{u.active ? t.users.active : <span className="badge badge-danger">{t.users.inactive}</span>}</td>
                    <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t.users.never}</td>
                    <td>
                      <Button onPress={() => setSelected(u.id)} aria-label={fill(t.users.edit, { name: u.displayName })}>
                        {t.users.editShort}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryView>
      {current && me.data && <UserEditor key={current.id} user={current} me={me.data} schools={schools.data ?? []} onClose={() => setSelected(null)} />}
      <CreateUserForm schools={schools.data ?? []} />
    </>
  );
}
