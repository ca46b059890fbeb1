// Deadline-bounded retries: exponential backoff with jitter, Retry-After honoured when it fits, the whole budget used.
// Timing is pure arithmetic over an injectable clock, sleep and random, so backoff tests take milliseconds.

export const BASE_DELAY_MS = 500
export const MAX_DELAY_MS = 10_000
/** Besides these, every 5xx is retried. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429])
/** Every retry leaves its request at least this long before the deadline: no retry starts later than that. */
export const MIN_ATTEMPT_MS = 500
/** No wait is shorter than this, not even the last one, cut short to fit before the deadline. */
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

/** The exponential cap for this retry (1-based): BASE_DELAY_MS, doubling, at most MAX_DELAY_MS. */
export function backoffCapMs(retry: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1))
}

/**
 * The least wait before this retry, whatever the server says and whatever the draw: half the cap (250 ms, 500 ms,
 * 1 s ... 5 s). It grows exponentially, which is what bounds the number of requests (see maxAttempts): a
 * `Retry-After: 0` from a confused server waits this long too.
 */
export function backoffFloorMs(retry: number): number {
  return backoffCapMs(retry) / 2
}

/**
 * A uniform wait between the floor and the cap ("equal jitter"). Full jitter, from 0, spreads clients a little
 * better, but an unlucky run of small draws would be a tight loop; the floor rules that out.
 */
export function backoffDelayMs(retry: number, random: () => number): number {
  const floor = backoffFloorMs(retry)
  return floor + Math.floor(random() * (backoffCapMs(retry) - floor))
}

/**
 * The most attempts withRetry makes when the first starts `budgetMs` before the deadline, whatever the outcomes,
 * Retry-After values, draws and request durations.
 *
 * Why: with N attempts there are N - 1 waits. Each wait but the last is at least backoffFloorMs(its retry), and
 * the last at least MIN_RETRY_DELAY_MS (decideRetry cuts a wait short only once, for the last attempt). Attempt N
 * starts no later than deadline - MIN_ATTEMPT_MS. So, writing F(m) for backoffFloorMs(1) + ... + backoffFloorMs(m):
 *   F(N - 2) + MIN_RETRY_DELAY_MS <= budgetMs - MIN_ATTEMPT_MS,
 *   i.e. N <= 2 + max{ m >= 0 : F(m) <= budgetMs - MIN_ATTEMPT_MS - MIN_RETRY_DELAY_MS },
 * and N = 1 when not even that fits. F grows by 5 s a retry once the floor stops doubling, so the bound is about
 * budget / 5 s + 7: 6 for 6 s, 17 for 60 s, 725 for an hour. The bound is reached when every answer is an instant
 * `Retry-After: 0` (or every draw is 0).
 */
export function maxAttempts(budgetMs: number): number {
  const room = budgetMs - MIN_ATTEMPT_MS - MIN_RETRY_DELAY_MS
  if (room < 0) return 1
  let retries = 0
  let waited = 0
  while (waited + backoffFloorMs(retries + 1) <= room) waited += backoffFloorMs(++retries)
  return retries + 2
}

/** Why retrying stopped with the last outcome still transient. */
export type GiveUpReason = 'deadline' | 'retry-after-past-deadline'

export interface RetryWait {
  retry: true
  delayMs: number
  /** The wait was cut short to fit one last attempt before the deadline; after it, no more retries. */
  last?: true
}

export interface GiveUp {
  retry: false
  reason: GiveUpReason
  /** What the server asked for, when that is why. */
  retryAfterMs?: number
}

export type RetryDecision = RetryWait | GiveUp

/**
 * Whether to try again after a transient failure, and how long to wait first. The wait is Retry-After when the
 * server sent one, else the jittered backoff, and never less than the backoff floor. A wait that would leave the
 * request less than MIN_ATTEMPT_MS is cut short instead (`last`): the budget is all of timeout-seconds.
 */
export function decideRetry(input: {
  retry: number
  retryAfterMs?: number
  nowMs: number
  deadlineMs: number
  random: () => number
}): RetryDecision {
  // How long we may wait and still give the next request MIN_ATTEMPT_MS before the deadline.
  const slackMs = input.deadlineMs - MIN_ATTEMPT_MS - input.nowMs
  // Checked first, so "retry after 0 s, past the deadline" is never said: time is up, whatever the server asked.
  if (slackMs < MIN_RETRY_DELAY_MS) return { retry: false, reason: 'deadline' }
  const { retry, retryAfterMs, random } = input
  // The server said it will not be ready in time: an earlier retry would be refused again, so report its answer now.
  if (retryAfterMs !== undefined && retryAfterMs > slackMs) {
    return { retry: false, reason: 'retry-after-past-deadline', retryAfterMs }
  }
  const floor = backoffFloorMs(retry)
  const wanted = retryAfterMs === undefined ? backoffDelayMs(retry, random) : Math.max(retryAfterMs, floor)
  // Rather than give up with time left, wait until the last moment a request still fits and try once more.
  // After that attempt the slack is under MIN_RETRY_DELAY_MS, so a wait is cut short at most once.
  return wanted <= slackMs ? { retry: true, delayMs: wanted } : { retry: true, delayMs: slackMs, last: true }
}

export type AttemptOutcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'transient'; reason: string; retryAfterMs?: number; last: T }
  | { kind: 'fatal'; value: T }

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
  gaveUp?: Omit<GiveUp, 'retry'>
}

/**
 * Runs `attempt` until it is done, fatal, or the deadline leaves no room for another try. Each attempt is handed
 * the time left before the deadline and must not take longer, so the whole run ends by the deadline.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number, remainingMs: number) => Promise<AttemptOutcome<T>>,
  options: {
    deadlineMs: number
    clock?: RetryClock
    onRetry?: (attemptNumber: number, reason: string, delayMs: number) => void
  }
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
      return {
        value: outcome.last,
        attempts: attemptNumber,
        gaveUp: { reason: decision.reason, retryAfterMs: decision.retryAfterMs }
      }
    }
    options.onRetry?.(attemptNumber, outcome.reason, decision.delayMs)
    await clock.sleep(decision.delayMs)
  }
}
