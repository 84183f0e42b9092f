/**
 * v1 Status errors with upstream messages. Mirrors apimachinery pkg/api/errors/errors.go.
 */
import type { Status } from './types.ts';
import { aggregate, errorBody, type FieldError } from '../api/field.ts';

export class ApiError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    // A Status is an answer, not a bug: skip the stack capture (kubelets probe with GETs that 404).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(status.message);
    Error.stackTraceLimit = limit;
    this.status = status;
  }
}

function status(code: number, reason: string, message: string, details?: Status['details']): ApiError {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return new ApiError(s);
}

/** `pods "x" not found`; `qualified` is the resource plural with group (`deployments.apps`). */
export const notFound = (qualified: string, name: string, group = '', resource = qualified) =>
  status(404, 'NotFound', `${qualified} "${name}" not found`, { name, group: group || undefined, kind: resource });

export const alreadyExists = (qualified: string, name: string, group = '', resource = qualified) =>
  status(409, 'AlreadyExists', `${qualified} "${name}" already exists`, { name, group: group || undefined, kind: resource });

export const OPTIMISTIC_LOCK_MSG = 'the object has been modified; please apply your changes to the latest version and try again';

export const conflict = (qualified: string, name: string, detail: string, group = '', resource = qualified) =>
  status(409, 'Conflict', `Operation cannot be fulfilled on ${qualified} "${name}": ${detail}`, {
    name,
    group: group || undefined,
    kind: resource,
  });

/** NewInvalid: `Pod "x" is invalid: <aggregate>` with one cause per field error. */
export function invalid(kind: string, group: string, name: string, errs: FieldError[]): ApiError {
  const gk = group ? `${kind}.${group}` : kind;
  return status(422, 'Invalid', `${gk} "${name}" is invalid: ${aggregate(errs)}`, {
    name,
    group: group || undefined,
    kind,
    causes: errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field })),
  });
}

export const badRequest = (message: string) => status(400, 'BadRequest', message);

export const forbidden = (qualified: string, name: string, message: string) =>
  status(403, 'Forbidden', name ? `${qualified} "${name}" is forbidden: ${message}` : `${qualified} is forbidden: ${message}`, {
    name: name || undefined,
    kind: qualified,
  });

export const resourceNotFound = () => status(404, 'NotFound', 'the server could not find the requested resource', {});

export const methodNotAllowed = () => status(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

export const internalError = (msg: string) =>
  status(500, 'InternalError', `Internal error occurred: ${msg}`, { causes: [{ reason: '', message: msg, field: '' }] });

/** Drop undefined members so Status JSON matches upstream (`omitempty`). */
export function cleanStatus(s: Status): Status {
  if (s.details) {
    const d = Object.fromEntries(Object.entries(s.details).filter(([, v]) => v !== undefined));
    return { ...s, details: d };
  }
  return s;
}

/**
 * A validating admission webhook said no (apiserver webhookerrors.ToStatusErr): the message is
 * prefixed with the webhook's name; ingress-nginx answers with no code, which becomes 400, and
 * kubectl prints it as `Error from server (BadRequest)`.
 */
export const webhookDenied = (webhook: string, message: string) => status(400, 'BadRequest', `admission webhook "${webhook}" denied the request: ${message}`);
