import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../src/platform/db/data-dir-lock.js';
import { openDatabase } from '../src/platform/db/dialect.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'stride-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A real process that is alive while the test runs. */
function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  return child;
}

describe('data directory lock', () => {
  it('refuses a data directory held by another live process, naming the pid', () => {
    const dir = tempDir();
    const child = otherProcess();
    try {
      writeFileSync(join(dir, 'stride.lock'), String(child.pid));
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(`in use by another Stride process (pid ${child.pid})`);
    } finally {
      child.kill();
    }
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dir = tempDir();
    const child = otherProcess();
    const pid = child.pid!;
    child.kill();
    await new Promise((r) => child.once('exit', r));
    writeFileSync(join(dir, 'stride.lock'), String(pid));
    const lock = lockDataDir(dir);
    lock.release();
  });

  it('refuses to open the same embedded database twice and frees it on close', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/already open in this process/);
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    await again.ping();
    await again.close();
  });
});
