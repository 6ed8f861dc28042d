import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { t } from '../i18n';
import { Button, ErrorNotice, Loading, PageHeading } from '../ui/components';
import { SCHOOL_PAGE_SIZE, STORAGE_KEY } from './early-requests';
import { meQuery, type Me } from './session';

/** A school as the shell knows it: id and name (`GET /schools/names`); a screen that shows more fetches the school. */
export type School = Schemas['SchoolNameDto'];

interface SchoolChoice {
  /** The school the user works for now; null: all their schools (office, viewer). */
  schoolId: string | null;
  school: School | null;
  schools: School[];
  /** A coordinator with several schools who has not picked one yet: the layout shows SchoolPick instead of the screen. */
  needsPick: boolean;
  choose(schoolId: string | null): void;
}

const SchoolContext = createContext<SchoolChoice | null>(null);

export function useSchool(): SchoolChoice {
  const value = useContext(SchoolContext);
  if (!value) throw new Error('useSchool outside SchoolProvider');
  return value;
}

function stored(userId: string): string | null {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, string>;
    return raw[userId] ?? null;
  } catch {
    return null;
  }
}

function store(userId: string, schoolId: string | null) {
  // Only the school's id, per user: nothing personal, and no session (that is the HttpOnly cookie).
  const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, string | null>;
  raw[userId] = schoolId;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(raw));
}

/** Every school the user may see, all keyset pages (5,000 names at a time: a city's or a state's schools in one request). */
export async function fetchAllSchools(): Promise<School[]> {
  const all: School[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/api/v1/schools/names', { params: { query: { limit: SCHOOL_PAGE_SIZE, ...(cursor ? { cursor } : {}) } } }));
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The schools the user may see (the shell waits for them: the school choice and every school filter need them). */
const mySchoolsQuery = queryOptions({ queryKey: ['schools', 'mine'], queryFn: fetchAllSchools, staleTime: 10 * 60_000 });

/**
 * At the app's start, before the first render: who is logged in, and then at once their schools (not after React has
 * rendered the login check). The platform admin has no schools (the API refuses them), a visitor no session: nothing more.
 */
export function startSession(queryClient: QueryClient): void {
  queryClient.fetchQuery(meQuery).then(
    (me) => me.role !== 'admin' && void queryClient.prefetchQuery(mySchoolsQuery),
    () => undefined,
  );
}

/** The schools the user may see, and the one they work for. A coordinator with several schools picks once; the choice is kept. */
export function SchoolProvider({ me, children }: { me: Me; children: ReactNode }) {
  // The platform admin sees no school data (the API answers 403): no schools to choose from.
  const isAdmin = me.role === 'admin';
  const schools = useQuery({ ...mySchoolsQuery, enabled: !isAdmin });
  const [chosen, setChosen] = useState<string | null>(() => stored(me.id));
  if (!isAdmin && schools.isPending) return <Loading />;
  if (schools.error) return <ErrorNotice error={schools.error} onRetry={() => schools.refetch()} />;
  const list = schools.data ?? [];
  const choose = (id: string | null) => {
    store(me.id, id);
    setChosen(id);
  };
  const valid = chosen && list.some((s) => s.id === chosen) ? chosen : null;
  const schoolId = valid ?? (list.length === 1 ? list[0].id : null);
  if (me.role === 'coordinator' && list.length === 0) return <p className="notice">{t.school.none}</p>;
  const needsPick = me.role === 'coordinator' && !schoolId;
  const value: SchoolChoice = { schoolId, school: list.find((s) => s.id === schoolId) ?? null, schools: list, needsPick, choose };
  return <SchoolContext.Provider value={value}>{children}</SchoolContext.Provider>;
}

export function SchoolPick() {
  const { schools, choose } = useSchool();
  return (
    <div className="narrow">
      <PageHeading title={t.school.pickTitle}>{t.school.pickTitle}</PageHeading>
      <p>{t.school.pickIntro}</p>
      <ul className="pick-list">
        {schools.map((s) => (
          <li key={s.id}>
            <Button variant="primary" onPress={() => choose(s.id)}>
              {s.name}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
