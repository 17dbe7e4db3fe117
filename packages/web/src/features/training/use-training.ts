/**
 * The training API, read with react-query through the typed client (paths, parameters and
 * bodies checked against the OpenAPI document); the answers are read as ./types.ts's shapes,
 * which name the literal unions the document leaves as strings.
 *
 * The server's "today" is UTC's unless told: every request sends the viewer's local date (as
 * `to`, or `date`), so this week is the viewer's week. It is in the query keys too, so a page
 * left open past midnight asks again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, unwrap } from '../../api/client.js';
import { today } from './days.js';
import type {
  Achievements,
  Calendar,
  Fitness,
  Goal,
  GoalList,
  NewGoal,
  Period,
  Progress,
  SportFilter,
  YearInReview,
} from './types.js';

/** Refused or not there: asking again will not change the answer. */
const final = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500;
const retry = (failures: number, e: unknown) => !final(e) && failures < 1;

export const trainingKey = (athleteId: string, ...rest: unknown[]) => [
  'training',
  athleteId,
  ...rest,
];
export const goalsKey = (athleteId: string) => ['goals', athleteId] as const;

export function useProgress(athleteId: string, sport: SportFilter, period: Period) {
  const to = today();
  return useQuery({
    queryKey: trainingKey(athleteId, 'progress', sport, period, to),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/athletes/{athlete}/progress', {
          params: { path: { athlete: athleteId }, query: { sport, period, to } },
          signal,
        }),
      ) as Promise<Progress>,
    placeholderData: (previous) => previous,
    retry,
  });
}

export function useCalendar(athleteId: string) {
  const to = today();
  return useQuery({
    queryKey: trainingKey(athleteId, 'calendar', to),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/athletes/{athlete}/calendar', {
          params: { path: { athlete: athleteId }, query: { to } },
          signal,
        }),
      ) as Promise<Calendar>,
    retry,
  });
}

/** Fitness and form: a 403 means the athlete does not share them (see `isPrivate`). */
export function useFitness(athleteId: string) {
  const to = today();
  return useQuery({
    queryKey: trainingKey(athleteId, 'fitness', to),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/athletes/{athlete}/fitness', {
          params: { path: { athlete: athleteId }, query: { to } },
          signal,
        }),
      ) as Promise<Fitness>,
    retry,
  });
}

export const isPrivate = (e: unknown) => e instanceof ApiError && e.status === 403;

export function useAchievements(athleteId: string) {
  const date = today();
  return useQuery({
    queryKey: trainingKey(athleteId, 'achievements', date),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/athletes/{athlete}/achievements', {
          params: { path: { athlete: athleteId }, query: { date } },
          signal,
        }),
      ) as Promise<Achievements>,
    retry,
  });
}

export function useYearInReview(athleteId: string, year: number) {
  return useQuery({
    queryKey: trainingKey(athleteId, 'year', year),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/athletes/{athlete}/year-in-review', {
          params: { path: { athlete: athleteId }, query: { year } },
          signal,
        }),
      ) as Promise<YearInReview>,
    retry,
  });
}

/** The athlete's goals with their progress (others who may see the athlete see them too). */
export function useGoals(athleteId: string, enabled = true) {
  const date = today();
  return useQuery({
    queryKey: [...goalsKey(athleteId), date],
    queryFn: async ({ signal }) =>
      (
        (await unwrap(
          api.GET('/api/v1/athletes/{athlete}/goals', {
            params: { path: { athlete: athleteId }, query: { date } },
            signal,
          }),
        )) as GoalList
      ).items,
    enabled,
    retry,
  });
}

/** Adding, changing and deleting my goals; each refreshes the lists of goals. */
export function useGoalChanges() {
  const queries = useQueryClient();
  const onSuccess = () => queries.invalidateQueries({ queryKey: ['goals'] });
  // The answer's progress is counted to the viewer's today, as the lists are.
  const params = () => ({ query: { date: today() } });
  const add = useMutation({
    mutationFn: (goal: NewGoal) =>
      unwrap(api.POST('/api/v1/me/goals', { body: goal, params: params() })) as Promise<Goal>,
    onSuccess,
  });
  const update = useMutation({
    mutationFn: ({ id, target }: { id: string; target: number }) =>
      unwrap(
        api.PATCH('/api/v1/me/goals/{goal}', {
          body: { target },
          params: { path: { goal: id }, ...params() },
        }),
      ) as Promise<Goal>,
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/me/goals/{goal}', { params: { path: { goal: id } } })),
    onSuccess,
  });
  return { add, update, remove };
}
