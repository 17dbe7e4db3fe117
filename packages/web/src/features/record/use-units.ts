import { useEffect } from 'react';
import { useMe } from '../auth/use-me.js';
import type { Units } from './format.js';

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
