import { type TaskName, type Tasks, tasks } from './tasks.js';

/** The compute pool's thread module: runs the named task (see compute-pool.ts). */
export default function run<K extends TaskName>(job: {
  task: K;
  input: Parameters<Tasks[K]>[0];
}): ReturnType<Tasks[K]> {
  return (tasks[job.task] as (input: typeof job.input) => ReturnType<Tasks[K]>)(job.input);
}
