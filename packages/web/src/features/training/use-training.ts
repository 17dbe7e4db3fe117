/**
 * The training API, read with react-query. Its paths are not in the generated client types
 * yet, so they go through the same client (bearer token, refresh, `unwrap`'s ApiError) with
 * the path written out; the answers are typed from the contract in ./types.ts.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, unwrap } from '../../api/client.js';
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
interface UntypedClient {
  GET(path: string, init: { params?: { query?: Query }; signal?: AbortSignal }): Promise<Answer>;
  POST(path: string, init: { body: unknown }): Promise<Answer>;
  PATCH(path: string, init: { body: unknown }): Promise<Answer>;
  DELETE(path: string, init?: Record<string, never>): Promise<Answer>;
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
  return useQuery({
    queryKey: trainingKey(athleteId, 'progress', sport, period),
    queryFn: ({ signal }) =>
      get<Progress>(athletePath(athleteId, 'progress'), signal, { sport, period }),
    placeholderData: (previous) => previous,
    retry,
  });
}

export function useCalendar(athleteId: string) {
  return useQuery({
    queryKey: trainingKey(athleteId, 'calendar'),
    queryFn: ({ signal }) => get<Calendar>(athletePath(athleteId, 'calendar'), signal),
    retry,
  });
}

/** Fitness and form: a 403 means the athlete does not share them (see `isPrivate`). */
export function useFitness(athleteId: string) {
  return useQuery({
    queryKey: trainingKey(athleteId, 'fitness'),
    queryFn: ({ signal }) => get<Fitness>(athletePath(athleteId, 'fitness'), signal),
    retry,
  });
}

export const isPrivate = (e: unknown) => e instanceof ApiError && e.status === 403;

export function useAchievements(athleteId: string) {
  return useQuery({
    queryKey: trainingKey(athleteId, 'achievements'),
    queryFn: ({ signal }) => get<Achievements>(athletePath(athleteId, 'achievements'), signal),
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
  return useQuery({
    queryKey: goalsKey(athleteId),
    queryFn: async ({ signal }) =>
      (await get<GoalList>(athletePath(athleteId, 'goals'), signal)).items,
    enabled,
    retry,
  });
}

const goalPath = (id?: string) => `/api/v1/me/goals${id ? `/${encodeURIComponent(id)}` : ''}`;

/** Adding, changing and deleting my goals; each refreshes the lists of goals. */
export function useGoalChanges() {
  const queries = useQueryClient();
  const onSuccess = () => queries.invalidateQueries({ queryKey: ['goals'] });
  const add = useMutation({
    mutationFn: (goal: NewGoal) => unwrap(client.POST(goalPath(), { body: goal })) as Promise<Goal>,
    onSuccess,
  });
  const update = useMutation({
    mutationFn: ({ id, target }: { id: string; target: number }) =>
      unwrap(client.PATCH(goalPath(id), { body: { target } })) as Promise<Goal>,
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE(goalPath(id))),
    onSuccess,
  });
  return { add, update, remove };
}
