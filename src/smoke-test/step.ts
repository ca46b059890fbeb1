// One step of a check, as both checks run it: its attempt retried under withRetry until it is done, fails, or the
// deadline leaves no room, with one log line per retry; then what the summary shows of it, and a failure diagnosed
// with what the retries saw.
import type { CancelWatch } from '../cancellation.ts'
import type { ActionError } from '../errors.ts'
import type { Log } from '../log.ts'
import type { RetryClock } from '../retry.ts'
import { parseRetryAfter, withRetry } from '../retry.ts'
import type { IssuedToken } from '../token.ts'
import type { DiagnosisContext } from './diagnose.ts'
import type { Answer, DicomRequest, Exchange, SendRequest } from './exchange.ts'
import { exchangeOnce, requestTimeoutMs, retryReason } from './exchange.ts'
import type { WriteStepReport } from './report.ts'

/** What every step of the smoke test shares: the connection, the token, the clock and the log. */
export interface CheckContext {
  send: SendRequest
  issued: IssuedToken
  /** The variable of the proxy the requests go through, for messages. */
  proxyVariable?: string
  clock: RetryClock
  log: Log
  /** Aborts the request in flight and ends the retries: the runner's cancel, or for cleanup the kill's deadline. */
  cancel?: CancelWatch
  /** Aborts only the requests already in flight when it fires (cleanup: one sent before the cancel may hang). */
  interrupt?: AbortSignal
}

/** One request with the token, given `remainingMs` at most (and never more than one request may take). */
export function exchangeWithin(context: CheckContext, request: DicomRequest, remainingMs: number): Promise<Exchange> {
  const { send, issued, clock } = context
  const signals = [context.cancel?.signal, context.interrupt?.aborted ? undefined : context.interrupt]
  const present = signals.filter((signal) => signal !== undefined)
  const abort = present.length > 1 ? AbortSignal.any(present) : present[0]
  return exchangeOnce(send, request, issued.value, requestTimeoutMs(remainingMs), clock, abort)
}

/** Whether the runner has cancelled the step. */
export function isCancelled(context: CheckContext): boolean {
  return context.cancel?.signal.aborted === true
}

/** The clock, with a wait that ends early once the step is cancelled (the next attempt then ends at once). */
function cancellableClock(context: CheckContext): RetryClock {
  const signal = context.cancel?.signal
  if (signal === undefined) return context.clock
  const base = context.clock
  return {
    ...base,
    now: () => base.now(),
    random: () => base.random(),
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (signal.aborted) return resolve()
        const done = (): void => {
          signal.removeEventListener('abort', done)
          resolve()
        }
        signal.addEventListener('abort', done, { once: true })
        void base.sleep(ms).then(done)
      })
  }
}

/** What one attempt saw, and what that means. */
export interface Attempt<T, P = string> {
  exchange: Exchange
  answer: Answer<T, P>
}

export interface Step<T, P> {
  /** Names the step in its retry lines: the request (`GET <url>`) or the round trip step's title. */
  label: string
  deadlineMs: number
  /** Given the time left before the deadline. */
  attempt: (remainingMs: number) => Promise<Attempt<T, P>>
  /** The failure, from the last answer and the problem found in it, if any. */
  diagnose: (last: Exchange, context: DiagnosisContext, problem: P | undefined) => ActionError
  /** Where the time a failure reports starts; by default when the step starts. */
  startedAtMs?: number
}

export type StepResult<T> = { exchange: Exchange; attempts: number; elapsedMs: number } & (
  { ok: true; value: T } | { ok: false; failure: ActionError }
)

export function retryLine(label: string, attempt: number, reason: string, delayMs: number): string {
  return `${label}: attempt ${attempt} failed (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s.`
}

export async function runStep<T, P>(step: Step<T, P>, context: CheckContext): Promise<StepResult<T>> {
  const { log } = context
  const clock = cancellableClock(context)
  const startedAt = step.startedAtMs ?? clock.now()
  const report = await withRetry<Attempt<T, P>>(
    async (_attempt, remainingMs) => {
      const last = await step.attempt(remainingMs)
      const { answer, exchange } = last
      if (answer.verdict === 'ok') return { kind: 'done', value: last }
      // A cancelled step is not retried: what it saw last is its end.
      if (answer.verdict === 'fatal' || isCancelled(context)) return { kind: 'fatal', value: last }
      const retryAfterMs = parseRetryAfter(exchange.retryAfter, clock.now())
      return { kind: 'transient', reason: answer.reason ?? retryReason(exchange), retryAfterMs, last }
    },
    {
      deadlineMs: step.deadlineMs,
      clock,
      onRetry: (attempt, reason, delayMs) => log.info(retryLine(step.label, attempt, reason, delayMs))
    }
  )
  const { exchange, answer } = report.value
  const done = { exchange, attempts: report.attempts, elapsedMs: clock.now() - startedAt }
  if (answer.verdict === 'ok') return { ...done, ok: true, value: answer.value }
  const diagnosis: DiagnosisContext = {
    issued: context.issued,
    proxyVariable: context.proxyVariable,
    nowMs: clock.now(),
    attempts: report.attempts,
    elapsedMs: done.elapsedMs,
    gaveUp: report.gaveUp
  }
  return { ...done, ok: false, failure: step.diagnose(exchange, diagnosis, answer.problem) }
}

/** A step's row in the job summary: how it ended, how long it took, and its last answer. */
export function stepRow(title: string, result: StepResult<unknown>): WriteStepReport {
  const { exchange, attempts, elapsedMs } = result
  const answer = exchange.errorCode ?? String(exchange.status ?? '')
  return { title, outcome: result.ok ? 'passed' : 'failed', elapsedMs, attempts, answer }
}

export function skippedRow(title: string): WriteStepReport {
  return { title, outcome: 'skipped', elapsedMs: 0, attempts: 0 }
}
