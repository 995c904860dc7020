// Typed errors that cross the host boundary. A handler throws HostError; transports carry
// { code, message, details } and the client rethrows it as a HostError, so the renderer can branch
// on `code` and show `message` (which always says what happened and, where it can, what to do).

export const ErrorCode = {
  InvalidArgument: 'invalid-argument',
  UnknownMethod: 'unknown-method',
  NotFound: 'not-found',
  AlreadyExists: 'already-exists',
  NoWorkspace: 'no-workspace',
  PermissionDenied: 'permission-denied',
  Unsupported: 'unsupported',
  Unavailable: 'unavailable',
  Unauthorized: 'unauthorized',
  Internal: 'internal',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface WireError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class HostError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'HostError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromWire(error: WireError): HostError {
    return new HostError(error.code, error.message, error.details);
  }
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** Turns anything thrown by a handler into a wire error without leaking stack traces. */
export function toWireError(error: unknown): WireError {
  if (error instanceof HostError) return error.toWire();
  if (isWireError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: ErrorCode.Internal, message: `Internal error: ${message}` };
}

export function isWireError(value: unknown): value is WireError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && KNOWN_CODES.has(v.code) && typeof v.message === 'string';
}
