/**
 * Typed errors thrown by core. They carry a stable `code` and know nothing of HTTP: the server
 * maps codes to responses in one place (CONVENTIONS.md, habit 8).
 */
export class StrideCoreError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** A session event that the state machine does not allow (pause before start, …). */
export class IllegalTransitionError extends StrideCoreError {
  constructor(
    readonly event: string,
    readonly state: string,
  ) {
    super('CORE_ILLEGAL_TRANSITION', `cannot ${event} a session that is ${state}`, {
      event,
      state,
    });
  }
}

/** A session event timestamped before the previous one. */
export class EventOrderError extends StrideCoreError {
  constructor(at: number, previous: number) {
    super('CORE_EVENT_ORDER', `event at ${at} is earlier than the previous event at ${previous}`, {
      at,
      previous,
    });
  }
}

/** A stream blob that cannot be decoded (wrong version, truncated, corrupt). */
export class CodecError extends StrideCoreError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CORE_CODEC', message, details);
  }
}
