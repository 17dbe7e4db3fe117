import type { Me, MeUpdate } from '@stride/client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client.js';
import { useScrollToHash } from '../../components/scroll-to-hash.js';
import { VisibilitySelect } from '../../components/visibility-select.js';
import { useMe } from '../auth/use-me.js';
import { useSignOut } from '../auth/use-sign-out.js';
import { NotificationSettings } from '../notifications/notification-settings.js';
import { paceText, parsePace, THRESHOLD_SPEED } from '../training/pace-input.js';
import type { MeTrainingFields } from '../training/types.js';
import { FollowersSettings } from './followers-settings.js';
import { PrivacyZones } from './privacy-zones.js';
import { TwoFactor } from './two-factor.js';
import { YourData } from './your-data.js';

/**
 * Profile and settings: units, default visibility, hidden start/end, body data, training
 * thresholds and sharing; followers, requests and blocks; two-factor login; downloading my data
 * and deleting my account.
 */
export function SettingsPage() {
  const me = useMe();
  const client = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const signOut = useSignOut();
  const save = useMutation({
    // The training fields are sent with the rest; a server without them drops them.
    mutationFn: (changes: MeUpdate & MeTrainingFields) =>
      unwrap(api.PATCH('/api/v1/me', { body: changes })),
    onSuccess: (updated) => {
      client.setQueryData(['me'], updated);
      setMessage('Saved.');
    },
    onError: (e) =>
      setMessage(e instanceof ApiError ? e.message : 'Could not save: no connection.'),
  });

  useScrollToHash(me.isSuccess);
  if (!me.data)
    return <main className="page">{me.isError ? 'Could not load your profile.' : 'Loading…'}</main>;
  const m: Me & MeTrainingFields = me.data;
  // The threshold pace is typed per km or per mile, in the units saved when the page opened.
  const paceShown = paceText(m.run_threshold_speed, m.units);
  const paceUnit = m.units === 'imperial' ? 'mile' : 'km';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const num = (k: string) => (f.get(k) === '' ? null : Number(f.get(k)));
    const text = (k: string) => String(f.get(k) ?? '').trim() || null;
    const pace = String(f.get('threshold_pace') ?? '').trim();
    const speed = pace === '' ? null : parsePace(pace, m.units);
    if (pace !== '' && speed === null) {
      const [fast, slow] = [THRESHOLD_SPEED.max, THRESHOLD_SPEED.min].map((v) =>
        paceText(v, m.units),
      );
      setMessage(`Threshold pace: minutes and seconds per ${paceUnit}, from ${fast} to ${slow}.`);
      return;
    }
    save.mutate({
      display_name: String(f.get('display_name')),
      units: f.get('units') as Me['units'],
      default_visibility: f.get('default_visibility') as Me['default_visibility'],
      hide_start: Number(f.get('hide_start')),
      hide_end: Number(f.get('hide_end')),
      weight: num('weight'),
      birth_year: num('birth_year'),
      max_heartrate: num('max_heartrate'),
      resting_hr: num('resting_hr'),
      ftp_w: num('ftp_w'),
      // Sent only when changed: typed again, a pace rounded to the second would move the speed.
      ...(pace !== paceShown ? { run_threshold_speed: speed } : {}),
      share_training: f.get('share_training') === 'on',
      sex: (f.get('sex') || null) as Me['sex'],
      country: text('country'),
      region: text('region'),
      city: text('city'),
    });
  }

  return (
    <main className="page">
      <h1>Settings</h1>
      <form onSubmit={submit} className="card section stack" aria-label="Profile and preferences">
        <label>
          Display name
          <input name="display_name" defaultValue={m.display_name} required maxLength={80} />
        </label>
        <label>
          Units
          <select name="units" defaultValue={m.units}>
            <option value="metric">Metric (km, m)</option>
            <option value="imperial">Imperial (mi, ft)</option>
          </select>
        </label>
        <VisibilitySelect
          label="Who can see new activities"
          name="default_visibility"
          value={m.default_visibility}
        />
        <fieldset>
          <legend>Hide the start and end of every activity from others</legend>
          <label>
            Start (metres)
            <input
              name="hide_start"
              type="number"
              min={0}
              max={3200}
              step={50}
              defaultValue={m.hide_start}
            />
          </label>
          <label>
            End (metres)
            <input
              name="hide_end"
              type="number"
              min={0}
              max={3200}
              step={50}
              defaultValue={m.hide_end}
            />
          </label>
        </fieldset>
        <label>
          Weight (kg, for calories)
          <input
            name="weight"
            type="number"
            min={1}
            max={500}
            step={0.1}
            defaultValue={m.weight ?? ''}
          />
        </label>
        <label>
          Birth year (for age-group leaderboards and estimated heart-rate zones)
          <input
            name="birth_year"
            type="number"
            min={1900}
            max={2100}
            defaultValue={m.birth_year ?? ''}
          />
        </label>
        <label>
          Maximum heart rate (bpm, for heart-rate zones)
          <input
            name="max_heartrate"
            type="number"
            min={100}
            max={240}
            defaultValue={m.max_heartrate ?? ''}
          />
        </label>
        <fieldset id="training">
          <legend>
            Training (for relative effort, fitness and form; estimated when left empty)
          </legend>
          <label>
            Resting heart rate (bpm)
            <input
              name="resting_hr"
              type="number"
              min={25}
              max={120}
              defaultValue={m.resting_hr ?? ''}
            />
          </label>
          <label>
            FTP: functional threshold power (W, for rides)
            <input name="ftp_w" type="number" min={30} max={700} defaultValue={m.ftp_w ?? ''} />
          </label>
          <label>
            Threshold pace for runs (min:ss per {paceUnit})
            <input
              name="threshold_pace"
              pattern="[0-9]{1,2}:[0-5][0-9]"
              placeholder={m.units === 'imperial' ? '7:15' : '4:30'}
              title={`Minutes and seconds per ${paceUnit}, like ${m.units === 'imperial' ? '7:15' : '4:30'}`}
              defaultValue={paceShown}
            />
          </label>
          <label className="row">
            <input
              name="share_training"
              type="checkbox"
              defaultChecked={m.share_training ?? false}
            />
            Share fitness and form with people who can see my profile
          </label>
        </fieldset>
        <label>
          Sex (for leaderboards)
          <select name="sex" defaultValue={m.sex ?? ''}>
            <option value="">Not set</option>
            <option value="F">Female</option>
            <option value="M">Male</option>
            <option value="X">Non-binary</option>
          </select>
        </label>
        <fieldset>
          <legend>Where you are (for local leaderboards)</legend>
          {(
            [
              ['country', 'Country', m.country],
              ['region', 'Region', m.region],
              ['city', 'City', m.city],
            ] as const
          ).map(([name, label, value]) => (
            <label key={name}>
              {label}
              <input name={name} defaultValue={value ?? ''} maxLength={80} />
            </label>
          ))}
        </fieldset>
        {message && <p role="status">{message}</p>}
        <button type="submit" disabled={save.isPending}>
          Save
        </button>
      </form>
      <PrivacyZones />
      <FollowersSettings me={m} />
      <NotificationSettings />
      <TwoFactor />
      <YourData me={m} />
      <button type="button" className="ghost sign-out" onClick={signOut}>
        Log out
      </button>
    </main>
  );
}
