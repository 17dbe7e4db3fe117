import { useEffect } from 'react';
import type { Units } from '../../lib/format.js';
import { useMe } from '../auth/use-me.js';

const KEY = 'stride.units';

/**
 * The athlete's units from /api/v1/me, remembered on the device so a run started (or reloaded)
 * with no signal still shows miles to those who chose miles.
 */
export function useUnits(): Units {
  const units = useMe().data?.units;
  useEffect(() => {
    if (units) localStorage.setItem(KEY, units);
  }, [units]);
  return units ?? (localStorage.getItem(KEY) === 'imperial' ? 'imperial' : 'metric');
}
