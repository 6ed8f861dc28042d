import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import type { School } from '../app/school';
import { fill, label } from '../i18n';
import { tUsers } from '../i18n/users';
import { Button, CheckboxGroup, ErrorNotice, Select, TextField } from '../ui/components';
import { useFocusOnRefusal } from '../ui/focus';
import { generatePassword, OncePassword } from './OncePassword';

type Role = Schemas['Role'];
export const AUTHORITY_ROLES: Role[] = ['office', 'coordinator', 'viewer'];

/** Creates a user with a generated first password, shown once. Coordinators get their schools right away. */
export function CreateUserForm({ schools }: { schools: School[] }) {
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('coordinator');
  const [schoolIds, setSchoolIds] = useState<string[]>([]);
  const [shown, setShown] = useState<{ name: string; password: string } | null>(null);
  const create = useMutation({
    mutationFn: (body: Schemas['CreateUserDto']) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: (user, body) => {
      setShown({ name: user.displayName, password: body.password });
      setDisplayName('');
      setEmail('');
      setSchoolIds([]);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const error = create.error instanceof ApiError ? create.error : undefined;
  const { ref, refused } = useFocusOnRefusal(create.error);
  // A coordinator without a school could do nothing: one school at least, said at the list.
  const [schoolsMissing, setSchoolsMissing] = useState(false);
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const missing = role === 'coordinator' && schoolIds.length === 0;
    setSchoolsMissing(missing);
    if (missing) return refused();
    create.mutate({ displayName, email, role, password: generatePassword(), ...(role === 'coordinator' ? { schoolIds } : {}) });
  };
  return (
    <section aria-labelledby="user-create" className="panel">
      <h2 id="user-create">{tUsers.createTitle}</h2>
      {shown && <OncePassword title={fill(tUsers.initialPassword, { name: shown.name })} password={shown.password} onDone={() => setShown(null)} />}
      <form onSubmit={onSubmit} className="form" noValidate ref={ref}>
        <div className="form-grid">
          <TextField label={tUsers.name} value={displayName} onChange={setDisplayName} isRequired serverError={error?.fieldError('displayName')} />
          <TextField label={tUsers.email} type="email" value={email} onChange={setEmail} isRequired serverError={error?.fieldError('email')} />
          <Select label={tUsers.role} selectedKey={role} onSelectionChange={(k) => setRole(k as Role)} options={AUTHORITY_ROLES.map((r) => ({ value: r, label: label('role', r) }))} serverError={error?.fieldError('role')} />
        </div>
        {role === 'coordinator' && (
          <CheckboxGroup
            label={tUsers.schools}
            options={schools.map((s) => ({ value: s.id, label: s.name }))}
            value={schoolIds}
            onChange={(ids) => (setSchoolIds(ids), setSchoolsMissing(false))}
            serverError={schoolsMissing ? tUsers.schoolsMissing : error?.fieldError('schoolIds')}
          />
        )}
        {create.error && <ErrorNotice error={create.error} />}
        <div className="actions">
          <Button type="submit" variant="primary" isPending={create.isPending}>
            {tUsers.create}
          </Button>
        </div>
      </form>
    </section>
  );
}
