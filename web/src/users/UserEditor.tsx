import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import type { School } from '../app/school';
import type { Me } from '../app/session';
import { fill, label, t } from '../i18n';
import { tUsers } from '../i18n/users';
import { Button, CheckboxGroup, ErrorNotice, Select } from '../ui/components';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { AUTHORITY_ROLES } from './CreateUserForm';
import { generatePassword, OncePassword } from './OncePassword';

type User = Schemas['UserDto'];

/** One user's role, schools, activity and password; the office cannot change its own role or deactivate itself. */
export function UserEditor({ user, me, schools, onClose }: { user: User; me: Me; schools: School[]; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [role, setRole] = useState(user.role);
  const [schoolIds, setSchoolIds] = useState(user.schoolIds);
  const [message, setMessage] = useState('');
  const [password, setPassword] = useState<string | null>(null);
  const self = user.id === me.id;
  const done = (text: string) => () => {
    setMessage(text);
    void queryClient.invalidateQueries({ queryKey: ['users'] });
  };
  const patch = useMutation({
    mutationFn: (body: Schemas['UpdateUserDto']) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body })),
  });
  const assign = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/users/{id}/schools', { params: { path: { id: user.id } }, body: { schoolIds } })),
    onSuccess: done(tUsers.schoolsSaved),
  });
  const saveRole = () => patch.mutate({ role }, { onSuccess: done(tUsers.roleSaved) });
  const toggleActive = () => patch.mutate({ active: !user.active }, { onSuccess: done(fill(user.active ? tUsers.deactivated : tUsers.activated, { name: user.displayName })) });
  const reset = () => {
    const next = generatePassword();
    patch.mutate({ password: next }, { onSuccess: () => setPassword(next) });
  };
  // Both lock the person out at once (the old password stops working): asked first.
  const [asking, setAsking] = useState<'reset' | 'deactivate' | null>(null);
  const confirm = () => {
    if (asking === 'reset') reset();
    else toggleActive();
    setAsking(null);
  };
  const title = fill(tUsers.editTitle, { name: user.displayName });
  return (
    <section aria-labelledby="user-edit" className="panel">
      <h2 id="user-edit">{title}</h2>
      <p>{user.email}</p>
      {self && <p className="notice">{tUsers.self}</p>}
      {password && <OncePassword title={fill(tUsers.resetFor, { name: user.displayName })} password={password} onDone={() => setPassword(null)} />}
      {!self && (
        <div className="filters">
          <Select label={tUsers.role} selectedKey={role} onSelectionChange={(k) => setRole(k as User['role'])} options={AUTHORITY_ROLES.map((r) => ({ value: r, label: label('role', r) }))} />
          <Button onPress={saveRole} isDisabled={role === user.role} isPending={patch.isPending}>
            {tUsers.saveRole}
          </Button>
        </div>
      )}
      {user.role === 'coordinator' ? (
        <>
          <CheckboxGroup label={tUsers.schools} options={schools.map((s) => ({ value: s.id, label: s.name }))} value={schoolIds} onChange={setSchoolIds} />
          <div className="actions">
            <Button onPress={() => assign.mutate()} isPending={assign.isPending}>
              {tUsers.saveSchools}
            </Button>
          </div>
        </>
      ) : (
        <p>{tUsers.schoolsHelp}</p>
      )}
      {!self && (
        <div className="actions">
          <Button variant={user.active ? 'danger' : 'secondary'} onPress={user.active ? () => setAsking('deactivate') : toggleActive} isPending={patch.isPending}>
            {user.active ? tUsers.deactivate : tUsers.activate}
          </Button>
          <Button onPress={() => setAsking('reset')} isPending={patch.isPending}>
            {tUsers.resetPassword}
          </Button>
          <Button variant="quiet" onPress={onClose}>
            {t.close}
          </Button>
        </div>
      )}
      {(patch.error || assign.error) && <ErrorNotice error={patch.error ?? assign.error} />}
      <ConfirmDialog
        isOpen={asking !== null}
        title={fill(asking === 'reset' ? tUsers.confirmResetTitle : tUsers.confirmDeactivateTitle, { name: user.displayName })}
        confirmLabel={asking === 'reset' ? tUsers.resetPassword : tUsers.deactivate}
        onConfirm={confirm}
        onCancel={() => setAsking(null)}
      >
        <p>{asking === 'reset' ? tUsers.confirmReset : tUsers.confirmDeactivate}</p>
      </ConfirmDialog>
      <p role="status">{message}</p>
    </section>
  );
}
