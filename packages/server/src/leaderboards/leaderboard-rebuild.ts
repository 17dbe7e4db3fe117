/**
 * Leaderboards are derived data: a rebuild clears them and refills them from the database (after
 * switching adapters, or if Redis lost its data). Each kind of board contributes one step; the
 * steps run in order, each clearing its own store first.
 */
export interface RebuildStep {
  name: string;
  /** Clears this step's boards and refills them; returns how many records it wrote. */
  run(signal: AbortSignal): Promise<number>;
}

export class LeaderboardRebuild {
  constructor(
    private readonly steps: RebuildStep[],
    private readonly log?: { info(obj: object, msg: string): void },
  ) {}

  /** Adds a step (e.g. segment boards) after those given at construction. */
  add(step: RebuildStep): void {
    this.steps.push(step);
  }

  async run(signal: AbortSignal): Promise<'success'> {
    for (const step of this.steps) {
      const written = await step.run(signal);
      this.log?.info({ step: step.name, written }, 'leaderboards rebuilt');
    }
    return 'success';
  }
}
