import { sportName } from '../../lib/format.js';
import { sync } from '../../offline/start-sync.js';
import { OutboxList } from '../sync/outbox-list.js';
import { GpsStatusLine } from './gps-status.js';
import { LiveStatusLine, SafetyLinks } from './live-panel.js';
import { LIVE_SHARING_AVAILABLE } from './live-share.js';
import { RecordControls } from './record-controls.js';
import { RecordMap, usePreloadMap } from './route-map.js';
import { SaveForm } from './save-form.js';
import { SportPicker } from './sport-picker.js';
import { StatsPanel } from './stats-panel.js';
import { rememberSport, useRecorder } from './use-recorder.js';
import { useUnits } from './use-units.js';
import './record.css';

/**
 * The record screen: choose a sport, Start, Pause / Resume, Finish, then Save or Discard. The
 * numbers, the route and the waiting list all come from what is stored on the device.
 */
export function RecordPage() {
  const [state, recorder] = useRecorder();
  const units = useUnits();
  usePreloadMap();
  const { phase } = state;
  const recording = phase === 'running' || phase === 'paused';
  const canStart = state.gps !== 'denied' && state.gps !== 'unsupported';
  const shareToggle = (
    <label className="rec-toggle">
      <input
        type="checkbox"
        checked={state.liveSharing}
        onChange={(e) => void recorder.setLiveSharing(e.target.checked)}
      />
      <span>
        Share live with followers
        {!LIVE_SHARING_AVAILABLE && (
          <small> Not available on this server yet: nothing will be shared.</small>
        )}
      </span>
    </label>
  );

  return (
    <main
      className={`rec rec-${phase}`}
      data-testid="record-page"
      data-phase={phase}
      data-points={state.points}
    >
      <div className="rec-top">
        {phase !== 'elsewhere' && <GpsStatusLine status={state.gps} accuracyM={state.accuracyM} />}
        {recording && (
          <p className="rec-phase" data-testid="phase-label">
            {phase === 'paused'
              ? 'Paused — not recording'
              : `Recording ${sportName(state.sport).toLowerCase()}`}
          </p>
        )}
      </div>
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {phase === 'loading' && <p>Loading…</p>}
      {phase === 'elsewhere' && (
        <p role="status" className="rec-elsewhere">
          Stride is recording in another tab or window of this browser. Record there, or close it to
          go on here.
        </p>
      )}

      {phase === 'idle' && (
        <div className="rec-setup">
          <SportPicker sport={state.sport} onChange={rememberSport} />
          {shareToggle}
        </div>
      )}

      {phase === 'idle' && (
        <RecordControls phase={phase} disabled={!canStart} onStart={() => void recorder.start()} />
      )}

      {(recording || phase === 'finished') && (
        <div className="rec-body">
          <RecordMap route={state.route} points={state.points} />
          <div className="rec-side">
            <StatsPanel state={state} units={units} />
            {phase === 'finished' ? (
              <SaveForm
                key={state.id}
                sport={state.sport}
                points={state.points}
                onSave={async (details) => {
                  await recorder.save(details);
                  void sync.kick();
                }}
                onDiscard={() => recorder.discard()}
              />
            ) : (
              <RecordControls
                phase={phase}
                onPause={recorder.pause}
                onResume={recorder.resume}
                onFinish={recorder.finish}
              />
            )}
            {recording && (
              <div className="rec-live">
                {shareToggle}
                <LiveStatusLine live={state.live} />
                {state.liveSharing && state.id && (
                  <SafetyLinks activityId={state.id} sport={state.sport} />
                )}
              </div>
            )}
          </div>
        </div>
      )}

      <OutboxList units={units} />
    </main>
  );
}
