// Deadline-bounded retries: exponential backoff with full jitter, Retry-After honoured when it fits.
// Timing is pure arithmetic over an injectable clock, sleep and random, so backoff tests take milliseconds.

export const BASE_DELAY_MS = 500
export const MAX_DELAY_MS = 10_000
/** Besides these, every 5xx is retried. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429])
/** A retry that would leave less time than this for its request is not worth making: the last real answer is reported. */
export const MIN_ATTEMPT_MS = 500
/** Even `Retry-After: 0` waits this long, so a confused server cannot drive a tight loop. */
export const MIN_RETRY_DELAY_MS = 100

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status) || (status >= 500 && status <= 599)
}

/** Retry-After as a wait in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // Only an HTTP date (always in GMT): Date.parse alone would read '1.5' or '-5' as dates and mean "retry now".
  const date = text.endsWith('GMT') ? Date.parse(text) : NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}

/** Full jitter: a uniform wait between 0 and the exponential cap for this retry (1-based). */
export function backoffDelayMs(retry: number, random: () => number): number {
  const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1))
  return Math.floor(random() * cap)
}

export type RetryDecision =
  { retry: true; delayMs: number } | { retry: false; reason: 'deadline' | 'retry-after-past-deadline'; retryAfterMs?: number }

/** Whether to try again after a transient failure, and how long to wait first. */
export function decideRetry(input: {
  retry: number
  retryAfterMs?: number
  nowMs: number
  deadlineMs: number
  random: () => number
}): RetryDecision {
  // The wait and the next request must both fit before the deadline; otherwise stop now and report the last failure.
  const remaining = input.deadlineMs - input.nowMs - MIN_ATTEMPT_MS
  if (input.retryAfterMs !== undefined) {
    const delayMs = Math.max(input.retryAfterMs, MIN_RETRY_DELAY_MS)
    return delayMs < remaining
      ? { retry: true, delayMs }
      : { retry: false, reason: 'retry-after-past-deadline', retryAfterMs: input.retryAfterMs }
  }
  const delayMs = Math.max(backoffDelayMs(input.retry, input.random), MIN_RETRY_DELAY_MS)
  return delayMs < remaining ? { retry: true, delayMs } : { retry: false, reason: 'deadline' }
}

export type AttemptOutcome<T> =
  { kind: 'done'; value: T } | { kind: 'transient'; reason: string; retryAfterMs?: number; last: T } | { kind: 'fatal'; value: T }

export interface RetryClock {
  now(): number
  sleep(ms: number): Promise<void>
  random(): number
}

export const systemClock: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random()
}

export interface RetryReport<T> {
  value: T
  attempts: number
  /** Set when the last outcome was transient and retrying stopped. */
  gaveUp?: { reason: 'deadline' | 'retry-after-past-deadline'; retryAfterMs?: number }
}

/** Runs `attempt` until it is done, fatal, or the deadline leaves no room for another try. */
export async function withRetry<T>(
  attempt: (attemptNumber: number, remainingMs: number) => Promise<AttemptOutcome<T>>,
  options: { deadlineMs: number; clock?: RetryClock; onRetry?: (attemptNumber: number, reason: string, delayMs: number) => void }
): Promise<RetryReport<T>> {
  const clock = options.clock ?? systemClock
  for (let attemptNumber = 1; ; attemptNumber++) {
    const outcome = await attempt(attemptNumber, Math.max(0, options.deadlineMs - clock.now()))
    if (outcome.kind !== 'transient') return { value: outcome.value, attempts: attemptNumber }
    const decision = decideRetry({
      retry: attemptNumber,
      retryAfterMs: outcome.retryAfterMs,
      nowMs: clock.now(),
      deadlineMs: options.deadlineMs,
      random: () => clock.random()
    })
    if (!decision.retry) {
      return { value: outcome.last, attempts: attemptNumber, gaveUp: { reason: decision.reason, retryAfterMs: decision.retryAfterMs } }
    }
    options.onRetry?.(attemptNumber, outcome.reason, decision.delayMs)
    await clock.sleep(decision.delayMs)
  }
}
