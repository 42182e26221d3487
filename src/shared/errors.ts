/**
 * Stable error codes shared by server and web. The web app translates `errors.<code>` through i18n;
 * the server maps them to RFC 9457 problem+json in one place (src/server/errors.ts).
 */
export const errorCodes = [
  'validation.failed',
  'request.malformed_json',
  'request.too_large',
  'request.unsupported_media_type',
  'auth.required',
  'auth.invalid_credentials',
  'auth.csrf',
  'auth.rate_limited',
  'auth.weak_password',
  'tenancy.forbidden',
  'tenancy.not_found',
  'resource.not_found',
  'resource.conflict',
  'database.unavailable',
  'database.disk_full',
  'server.internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number] | `${string}.${string}`;

export interface FieldError {
  /** JSON pointer-like path of the offending field, e.g. "/body/email" or "/querystring/limit". */
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId?: string;
  errors?: FieldError[];
}
