export {
  eventsFromPauses,
  type SessionEvent,
  type SessionEventKind,
  SessionLog,
  type SessionState,
  transition,
} from './state-log.js';
