import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.js';
import { profileKey } from '../athletes/follow-actions.js';

/** The athlete a training page is about, by handle or id (the profile the athlete page reads). */
export function useProfile(athlete: string) {
  return useQuery({
    queryKey: profileKey(athlete),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/athletes/{athlete}', { params: { path: { athlete } }, signal })),
  });
}
