import type { ArchiveCounts, Upload } from '@stride/client';

const number = new Intl.NumberFormat('en');
const plural = (n: number, one: string, many: string) =>
  `${number.format(n)} ${n === 1 ? one : many}`;

/** "312 of 1,204 activities imported · 3 duplicates · 1 error" for an archive's files. */
export function archiveProgress(counts: ArchiveCounts): string {
  const parts = [
    `${number.format(counts.ready)} of ${plural(counts.files, 'activity', 'activities')} imported`,
  ];
  if (counts.duplicate) parts.push(plural(counts.duplicate, 'duplicate', 'duplicates'));
  if (counts.error) parts.push(plural(counts.error, 'error', 'errors'));
  return parts.join(' · ');
}

/** Whether the server still has work to do on this upload (an archive: on any of its files). */
export function inProgress(u: Upload | undefined): boolean {
  if (!u) return false;
  if (u.status === 'queued' || u.status === 'processing') return true;
  return u.kind === 'archive' && u.status === 'ready' && (u.counts?.queued ?? 0) > 0;
}
