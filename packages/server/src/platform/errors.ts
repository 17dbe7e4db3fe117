/**
 * The one catalogue of API errors. Every failure leaves the server as
 * `{ "error": { "code", "message", "details"? } }` with the status given here; codes are stable
 * and documented, messages are for people.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

type ErrorFactory = (message?: string, details?: Record<string, unknown>) => AppError;

const codes: string[] = [];

function define(code: string, statusCode: number, defaultMessage: string): ErrorFactory {
  codes.push(code);
  return (message = defaultMessage, details) => new AppError(code, statusCode, message, details);
}

export const Errors = {
  validation: define('VALIDATION_FAILED', 400, 'the request is not valid'),
  badRequest: define('BAD_REQUEST', 400, 'the request could not be understood'),
  unauthenticated: define('UNAUTHENTICATED', 401, 'sign in to do this'),
  invalidCredentials: define('INVALID_CREDENTIALS', 401, 'wrong login or password'),
  invalidToken: define('INVALID_TOKEN', 401, 'the token is invalid or has expired'),
  totpRequired: define(
    'TOTP_REQUIRED',
    401,
    'this account asks for a code from its authenticator app: send it with the challenge to /auth/login/totp',
  ),
  invalidCode: define('INVALID_CODE', 401, 'the code is wrong or was already used'),
  forbidden: define('FORBIDDEN', 403, 'you may not do this'),
  notFound: define('NOT_FOUND', 404, 'not found'),
  conflict: define('CONFLICT', 409, 'this conflicts with the current state'),
  illegalTransition: define(
    'ILLEGAL_TRANSITION',
    409,
    'this event does not follow the activity’s state',
  ),
  eventOutOfOrder: define('EVENT_OUT_OF_ORDER', 409, 'this event is earlier than the previous one'),
  handleTaken: define('HANDLE_TAKEN', 409, 'this handle is already taken'),
  emailTaken: define('EMAIL_TAKEN', 409, 'an account with this email already exists'),
  payloadTooLarge: define('PAYLOAD_TOO_LARGE', 413, 'the request body is too large'),
  unsupportedMediaType: define('UNSUPPORTED_MEDIA_TYPE', 415, 'this content type is not supported'),
  unprocessable: define('UNPROCESSABLE', 422, 'the request is well-formed but cannot be processed'),
  rateLimited: define('RATE_LIMITED', 429, 'too many requests, try again later'),
  unavailable: define('UNAVAILABLE', 503, 'the service is not ready'),
  internal: define('INTERNAL', 500, 'something went wrong on our side'),
} as const;

/** A 400 naming one field: invalidField('querystring.from', 'must be a day'). */
export function invalidField(field: string, message: string): AppError {
  return Errors.validation(`${field} ${message}`, { fields: [{ field, message }] });
}

/** Every code the catalogue can produce (for the API document). */
export const ERROR_CODES: readonly string[] = codes;
