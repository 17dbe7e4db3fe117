/** "1 activity" / "3 activities" waiting to upload. */
export function waitingText(n: number): string {
  return `${n} ${n === 1 ? 'activity' : 'activities'} waiting to upload`;
}
