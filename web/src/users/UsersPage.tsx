import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { useMe } from '../app/session';
import { fill, label, t } from '../i18n';
import { tUsers } from '../i18n/users';
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
      <PageHeading title={tUsers.title}>{tUsers.title}</PageHeading>
      <p>{tUsers.intro}</p>
      <QueryView query={users} empty={<p>{t.nothingFound}</p>}>
        {(data) => (
          <div className="table-wrap">
            <table className="users-table stack-table">
              <caption className="visually-hidden">{tUsers.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{tUsers.name}</th>
                  <th scope="col">{tUsers.email}</th>
                  <th scope="col">{tUsers.role}</th>
                  <th scope="col">{tUsers.schools}</th>
                  <th scope="col">{tUsers.status}</th>
                  <th scope="col">{tUsers.lastLogin}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {data.items.map((u) => (
                  <tr key={u.id} aria-current={u.id === selected ? 'true' : undefined}>
                    <th scope="row">{u.displayName}</th>
                    <td data-label={tUsers.email}>{u.email}</td>
                    <td data-label={tUsers.role}>{label('role', u.role)}</td>
                    <td data-label={tUsers.schools}>{u.schoolIds.length ? u.schoolIds.map(schoolName).join(', ') : '–'}</td>
                    <td data-label={tUsers.status}>{u.active ? tUsers.active : <span className="badge badge-danger">{tUsers.inactive}</span>}</td>
                    <td data-label={tUsers.lastLogin}>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : tUsers.never}</td>
                    <td>
                      <Button onPress={() => setSelected(u.id)} aria-label={fill(tUsers.edit, { name: u.displayName })}>
                        {tUsers.editShort}
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
