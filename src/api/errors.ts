// One catalog of API errors with stable codes. 5xx details are logged, never sent.

export const ERRORS = {
  VALIDATION: { status: 400, message: 'the request does not fit the schema' },
  UNAUTHORIZED: { status: 401, message: 'an API token is required: Authorization: Bearer <token>' },
  FORBIDDEN: { status: 403, message: 'this token’s role may not do this' },
  FORBIDDEN_ORIGIN: { status: 403, message: 'without API tokens this server answers only requests to and from loopback (127.0.0.1, ::1, localhost)' },
  NOT_FOUND: { status: 404, message: 'not found' },
  CONFLICT: { status: 409, message: 'it exists already' },
  ARTICLE_UNREADABLE: { status: 422, message: 'the article could not be read' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'the request body is too large' },
  RATE_LIMITED: { status: 429, message: 'too many requests; slow down' },
  INTERNAL: { status: 500, message: 'internal error' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly fields?: Array<{ field: string; reason: string }>,
  ) {
    super(detail ?? ERRORS[code].message);
    this.status = ERRORS[code].status;
  }
}
