// The one fault vocabulary of the fake DICOM service. Request faults answer every request before authentication, as a
// gateway, a proxy or a sick service would; operation faults hit one operation after the bearer and role checks.
import type { BearerExpectation } from './bearer.ts'
import { unauthorized } from './bearer.ts'
import { empty, text, type Reply } from './http.ts'

export type RequestFault =
  | { kind: 'hang' }
  | { kind: 'reset'; times: number }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'unauthorized'; description?: string }
  | { kind: 'throttled'; retryAfter: string; times: number }
  | { kind: 'unavailable'; times: number; retryAfter?: string }
  | { kind: 'html' }
  | { kind: 'redirect' }

export type OperationFault =
  /** STOW answers this status with this plain-text body and stores nothing (e.g. 400, 409, 413, 415). */
  | { kind: 'store-status'; status: number; body: string }
  /** STOW answers 424 Failed Dependency, as when a customer-managed key is out of reach. */
  | { kind: 'store-failed-dependency' }
  /** STOW answers 202 with every instance in FailedSOPSequence under this FailureReason (e.g. 272 or 0xA700). */
  | { kind: 'store-failure-reason'; reason: number }
  /** DELETE answers this status with a plain-text body, and deletes nothing. */
  | { kind: 'delete-status'; status: number }
  /** Each change feed answer waits this long. */
  | { kind: 'feed-delay'; ms: number }
  /** A new Create entry appears in the change feed only after this many reads of it. */
  | { kind: 'create-hidden'; reads: number }

export type DicomFault = { kind: 'none' } | RequestFault | OperationFault

/** What a request fault does to one request: answer it, drop its connection, or never answer. */
export type FaultEffect = { answer: Reply } | { drop: 'reset' | 'hang' }

const COUNTED = new Set<DicomFault['kind']>(['throttled', 'unavailable', 'reset'])

/** The fault in force, counting the requests a counted fault (throttled, unavailable, reset) has hit. */
export class FaultSwitch {
  #fault: DicomFault = { kind: 'none' }
  #hits = 0

  constructor(fault: DicomFault = { kind: 'none' }) {
    this.set(fault)
  }

  set(fault: DicomFault): void {
    this.#fault = fault
    this.#hits = 0
  }

  /** The fault this request meets: a counted one turns healthy after `times`. */
  next(): DicomFault {
    const fault = this.#fault
    if (!COUNTED.has(fault.kind) || !('times' in fault)) return fault
    if (this.#hits >= fault.times) return { kind: 'none' }
    this.#hits += 1
    return fault
  }

  /** The operation fault in force, when it is of this kind. */
  operation<K extends OperationFault['kind']>(kind: K): Extract<OperationFault, { kind: K }> | undefined {
    const fault = this.#fault
    return fault.kind === kind ? (fault as Extract<OperationFault, { kind: K }>) : undefined
  }
}

/** What a request fault does, or undefined when the request goes on to the service. */
export function requestFaultEffect(
  fault: DicomFault,
  expected: BearerExpectation,
  redirectTo: string
): FaultEffect | undefined {
  switch (fault.kind) {
    case 'hang':
    case 'reset':
      return { drop: fault.kind }
    case 'forbidden':
      return { answer: text(403, 'Authorization failed.') }
    case 'not-found':
      return { answer: empty(404) }
    case 'unauthorized':
      return { answer: unauthorized(expected, fault.description ?? 'The access token is invalid') }
    case 'throttled':
      return {
        answer: text(429, 'Too many requests. Retry after the time in the Retry-After header.', {
          'Retry-After': fault.retryAfter
        })
      }
    case 'unavailable': {
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter }
      return { answer: text(503, 'The service is temporarily unavailable.', headers) }
    }
    case 'html':
      return { answer: { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: SIGN_IN_PAGE } }
    case 'redirect':
      return { answer: empty(302, { Location: redirectTo }) }
    default:
      return undefined
  }
}

const SIGN_IN_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in to continue</title></head>
<body>
<h1>Corporate network sign-in</h1>
<p>Your request was intercepted by a proxy. Sign in to continue to dicom.azurehealthcareapis.com.</p>
<form method="post" action="/login">
<input name="user"><input name="password" type="password"><button>Sign in</button>
</form>
</body>
</html>
`
