/**
 * The training API, read with react-query. Its paths are not in the generated client types
 * yet, so they go through the same client (bearer token, refresh, `unwrap`'s ApiError) with
 * the path written out; the answers are typed from the contract in ./types.ts.
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

type Query = Record<string, string | number | undefined>;
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}
/** The client's methods with any path (openapi-fetch sends what it is given). */
interface Init {
  params?: { query?: Query };
  body?: unknown;
  signal?: AbortSignal;
}
interface UntypedClient {
  GET(path: string, init: Init): Promise<Answer>;
  POST(path: string, init: Init): Promise<Answer>;
  PATCH(path: string, init: Init): Promise<Answer>;
  DELETE(path: string, init: Init): Promise<Answer>;
}
const client = api as unknown as UntypedClient;

const athletePath = (athleteId: string, what: string) =>
  `/api/v1/athletes/${encodeURIComponent(athleteId)}/${what}`;

function get<T>(path: string, signal: AbortSignal, query?: Query): Promise<T> {
  return unwrap(client.GET(path, { params: { query: query ?? {} }, signal })) as Promise<T>;
}

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
      get<Progress>(athletePath(athleteId, 'progress'), signal, { sport, period, to }),
    placeholderData: (previous) => previous,
    retry,
  });
}

export function useCalendar(athleteId: string) {
  const to = today();
  return useQuery({
    queryKey: trainingKey(athleteId, 'calendar', to),
    queryFn: ({ signal }) => get<Calendar>(athletePath(athleteId, 'calendar'), signal, { to }),
    retry,
  });
}

/** Fitness and form: a 403 means the athlete does not share them (see `isPrivate`). */
export function useFitness(athleteId: string) {
  const to = today();
  return useQuery({
    queryKey: trainingKey(athleteId, 'fitness', to),
    queryFn: ({ signal }) => get<Fitness>(athletePath(athleteId, 'fitness'), signal, { to }),
    retry,
  });
}

export const isPrivate = (e: unknown) => e instanceof ApiError && e.status === 403;

export function useAchievements(athleteId: string) {
  const date = today();
  return useQuery({
    queryKey: trainingKey(athleteId, 'achievements', date),
    queryFn: ({ signal }) =>
      get<Achievements>(athletePath(athleteId, 'achievements'), signal, { date }),
    retry,
  });
}

export function useYearInReview(athleteId: string, year: number) {
  return useQuery({
    queryKey: trainingKey(athleteId, 'year', year),
    queryFn: ({ signal }) =>
      get<YearInReview>(athletePath(athleteId, 'year-in-review'), signal, { year }),
    retry,
  });
}

/** The athlete's goals with their progress (others who may see the athlete see them too). */
export function useGoals(athleteId: string, enabled = true) {
  const date = today();
  return useQuery({
    queryKey: [...goalsKey(athleteId), date],
    queryFn: async ({ signal }) =>
      (await get<GoalList>(athletePath(athleteId, 'goals'), signal, { date })).items,
    enabled,
    retry,
  });
}

const goalPath = (id?: string) => `/api/v1/me/goals${id ? `/${encodeURIComponent(id)}` : ''}`;

/** Adding, changing and deleting my goals; each refreshes the lists of goals. */
export function useGoalChanges() {
  const queries = useQueryClient();
  const onSuccess = () => queries.invalidateQueries({ queryKey: ['goals'] });
  // The answer's progress is counted to the viewer's today, as the lists are.
  const params = () => ({ query: { date: today() } });
  const add = useMutation({
    mutationFn: (goal: NewGoal) =>
      unwrap(client.POST(goalPath(), { body: goal, params: params() })) as Promise<Goal>,
    onSuccess,
  });
  const update = useMutation({
    mutationFn: ({ id, target }: { id: string; target: number }) =>
      unwrap(client.PATCH(goalPath(id), { body: { target }, params: params() })) as Promise<Goal>,
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE(goalPath(id), {})),
    onSuccess,
  });
  return { add, update, remove };
}
