import type { Upload } from '@stride/client';
import { describe, expect, it } from 'vitest';
import { archiveProgress, inProgress } from './archive-progress.js';

const upload = (change: Partial<Upload>): Upload => ({
  id: 'u',
  kind: 'archive',
  status: 'ready',
  activity_id: null,
  activity_ids: [],
  error: null,
  warnings: [],
  file_name: 'export.zip',
  external_id: null,
  archive_id: null,
  counts: { files: 3, ready: 1, duplicate: 0, error: 0, queued: 2 },
  created_at: '2026-01-01T00:00:00Z',
  ...change,
});

describe('archive progress', () => {
  it('counts imported files of all, then duplicates and errors when there are any', () => {
    expect(archiveProgress({ files: 1204, ready: 312, duplicate: 3, error: 1, queued: 888 })).toBe(
      '312 of 1,204 activities imported · 3 duplicates · 1 error',
    );
    expect(archiveProgress({ files: 1, ready: 1, duplicate: 0, error: 0, queued: 0 })).toBe(
      '1 of 1 activity imported',
    );
    expect(archiveProgress({ files: 5, ready: 0, duplicate: 1, error: 2, queued: 2 })).toBe(
      '0 of 5 activities imported · 1 duplicate · 2 errors',
    );
  });

  it('keeps polling an archive until none of its files is queued', () => {
    expect(inProgress(upload({}))).toBe(true);
    expect(inProgress(upload({ status: 'processing', counts: null }))).toBe(true);
    expect(
      inProgress(upload({ counts: { files: 3, ready: 3, duplicate: 0, error: 0, queued: 0 } })),
    ).toBe(false);
    expect(inProgress(upload({ status: 'error', counts: null }))).toBe(false);
    expect(inProgress(upload({ kind: 'file', counts: null }))).toBe(false);
    expect(inProgress(upload({ kind: 'file', status: 'queued', counts: null }))).toBe(true);
  });
});
