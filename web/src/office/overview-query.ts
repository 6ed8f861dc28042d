import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';

/**
 * The Startseite's figures (GET /stats/overview), for the screen and for its prefetch (a click on its nav entry, the
 * app's start on its address). Figures fetched in the last 2 s are not fetched again when the screen mounts.
 */
export const overviewQuery = queryOptions({ queryKey: ['stats', 'overview'], queryFn: () => unwrap(api.GET('/api/v1/stats/overview')), staleTime: 2_000 });
