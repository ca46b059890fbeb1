// Deadline-bounded retries on a fake clock: no test here sleeps for real.
import {
  BASE_DELAY_MS,
  MAX_DELAY_MS,
  MIN_ATTEMPT_MS,
  MIN_RETRY_DELAY_MS,
  RETRYABLE_STATUSES,
  backoffDelayMs,
  decideRetry,
  isRetryableStatus,
  parseRetryAfter,
  withRetry,
  type AttemptOutcome,
  type RetryClock
} from '../../src/retry.ts'

const NOW_MS = Date.UTC(2026, 10, 23, 20, 32, 40)
const ALMOST_ONE = 1 - Number.EPSILON

/** Time moves only when the code under test sleeps, or when an attempt says it took a while. */
class FakeClock implements RetryClock {
  nowMs = NOW_MS
  readonly sleeps: number[] = []
  readonly randomValue: number
  constructor(randomValue = 0.5) {
    this.randomValue = randomValue
  }
  // Arrow functions, like systemClock's: these tests are about retry decisions, not about `this`.
  now = (): number => this.nowMs
  sleep = (ms: number): Promise<void> => {
    // A retry loop that never stops would spin forever on resolved promises; fail instead.
    if (this.sleeps.length >= 1000) return Promise.reject(new Error('still retrying after 1000 waits'))
    this.sleeps.push(ms)
    this.nowMs += ms
    return Promise.resolve()
  }
  random = (): number => this.randomValue
  advance(ms: number): void {
    this.nowMs += ms
  }
}

/** An attempt that plays the given outcomes in order, one per attempt. */
function script(outcomes: AttemptOutcome<string>[]): (attemptNumber: number) => Promise<AttemptOutcome<string>> {
  return (attemptNumber) => {
    const outcome = outcomes[attemptNumber - 1]
    return outcome ? Promise.resolve(outcome) : Promise.reject(new Error(`no outcome scripted for attempt ${attemptNumber}`))
  }
}

function cap(retry: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1))
}

describe('isRetryableStatus', () => {
  test.each([...RETRYABLE_STATUSES, 501, 505, 599])('retries HTTP %i', (status) => {
    expect(isRetryableStatus(status)).toBe(true)
  })

  test.each([200, 204, 301, 302, 400, 401, 403, 404, 409, 600])('does not retry HTTP %i', (status) => {
    expect(isRetryableStatus(status)).toBe(false)
  })
})

describe('parseRetryAfter', () => {
  test.each([
    ['0', 0],
    ['1', 1000],
    ['120', 120_000],
    [' 5 ', 5000]
  ])('reads delta-seconds %j as %i ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW_MS)).toBe(expected)
  })

  it('reads an HTTP date as the time from now until then', () => {
    expect(parseRetryAfter(new Date(NOW_MS + 30_000).toUTCString(), NOW_MS)).toBe(30_000)
    expect(parseRetryAfter('Mon, 23 Nov 2026 20:33:40 GMT', NOW_MS)).toBe(60_000)
  })

  it('reads an HTTP date in the past as no wait', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 20:00:00 GMT', NOW_MS)).toBe(0)
  })

  it('is undefined when the header is absent', () => {
    expect(parseRetryAfter(undefined, NOW_MS)).toBeUndefined()
  })

  test.each(['', 'soon', 'later, maybe', '5 minutes', '120s', 'NaN', '0x10', '1.5', '-5', '2.0'])(
    'ignores the unreadable Retry-After %j rather than retrying at once',
    (value) => {
      expect(parseRetryAfter(value, NOW_MS)).toBeUndefined()
    }
  )
})

describe('backoffDelayMs', () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 20, 100, 2000])('waits nothing on retry %i when the random draw is 0', (retry) => {
    expect(backoffDelayMs(retry, () => 0)).toBe(0)
  })

  test.each([
    [1, BASE_DELAY_MS],
    [2, BASE_DELAY_MS * 2],
    [3, BASE_DELAY_MS * 4],
    [5, BASE_DELAY_MS * 16],
    [6, MAX_DELAY_MS],
    [20, MAX_DELAY_MS],
    [2000, MAX_DELAY_MS]
  ])('waits just under the cap on retry %i when the random draw is almost 1 (cap %i ms)', (retry, expectedCap) => {
    expect(cap(retry)).toBe(expectedCap)
    const delay = backoffDelayMs(retry, () => ALMOST_ONE)
    expect(delay).toBeLessThan(expectedCap)
    expect(delay).toBeGreaterThanOrEqual(expectedCap - 1)
  })

  it('never waits longer than MAX_DELAY_MS', () => {
    for (let retry = 1; retry <= 64; retry++) expect(backoffDelayMs(retry, () => ALMOST_ONE)).toBeLessThan(MAX_DELAY_MS)
  })

  it('spreads waits uniformly over the cap', () => {
    expect(backoffDelayMs(3, () => 0.5)).toBe(cap(3) / 2)
    expect(backoffDelayMs(3, () => 0.25)).toBe(cap(3) / 4)
  })

  it('gives whole milliseconds', () => {
    expect(Number.isInteger(backoffDelayMs(1, () => 0.123456))).toBe(true)
  })
})

describe('decideRetry', () => {
  const base = { retry: 1, nowMs: NOW_MS, deadlineMs: NOW_MS + 60_000, random: () => 0.5 }

  it('waits exactly as long as Retry-After asks when that fits before the deadline', () => {
    expect(decideRetry({ ...base, retryAfterMs: 7000 })).toEqual({ retry: true, delayMs: 7000 })
  })

  it('honours Retry-After even when it is shorter than the backoff would be', () => {
    expect(decideRetry({ ...base, retry: 10, retryAfterMs: 200 })).toEqual({ retry: true, delayMs: 200 })
  })

  it('waits a little even for Retry-After: 0, so a server cannot drive a tight loop', () => {
    expect(decideRetry({ ...base, retryAfterMs: 0 })).toEqual({ retry: true, delayMs: MIN_RETRY_DELAY_MS })
  })

  it('gives up rather than retry with too little time left for the request itself', () => {
    const nearlyOut = { ...base, deadlineMs: NOW_MS + 1000 }
    expect(decideRetry({ ...nearlyOut, retryAfterMs: 1000 - MIN_ATTEMPT_MS + 1 })).toMatchObject({
      retry: false,
      reason: 'retry-after-past-deadline'
    })
    expect(decideRetry({ ...nearlyOut, retryAfterMs: 1000 - MIN_ATTEMPT_MS - 1 })).toMatchObject({ retry: true })
    expect(decideRetry({ ...nearlyOut, random: () => 0.99, retry: 2 })).toEqual({ retry: false, reason: 'deadline' })
  })

  test.each([60_000, 120_000])('refuses a Retry-After of %i ms that reaches the deadline, keeping the wait asked for', (retryAfterMs) => {
    expect(decideRetry({ ...base, retryAfterMs })).toEqual({ retry: false, reason: 'retry-after-past-deadline', retryAfterMs })
  })

  it('backs off with jitter when there is no Retry-After', () => {
    expect(decideRetry({ ...base, retry: 3 })).toEqual({ retry: true, delayMs: backoffDelayMs(3, () => 0.5) })
  })

  it('stops when the backoff would pass the deadline', () => {
    expect(decideRetry({ ...base, retry: 5, deadlineMs: NOW_MS + 1000, random: () => ALMOST_ONE })).toEqual({
      retry: false,
      reason: 'deadline'
    })
  })

  it('stops when the deadline has already passed, even with no wait at all', () => {
    expect(decideRetry({ ...base, deadlineMs: NOW_MS - 1, random: () => 0 })).toEqual({ retry: false, reason: 'deadline' })
  })
})

describe('withRetry', () => {
  const transient = (reason: string, last: string, retryAfterMs?: number): AttemptOutcome<string> => ({
    kind: 'transient',
    reason,
    retryAfterMs,
    last
  })

  it('returns at once when the first attempt is done', async () => {
    const clock = new FakeClock()
    const report = await withRetry(script([{ kind: 'done', value: 'ok' }]), { deadlineMs: NOW_MS + 60_000, clock })
    expect(report).toEqual({ value: 'ok', attempts: 1 })
    expect(clock.sleeps).toEqual([])
  })

  it('retries transient outcomes with backoff until one is done', async () => {
    const clock = new FakeClock(0.5)
    const outcomes: AttemptOutcome<string>[] = [
      transient('HTTP 503', 'first'),
      transient('ECONNRESET', 'second'),
      { kind: 'done', value: 'third' }
    ]
    const report = await withRetry(script(outcomes), { deadlineMs: NOW_MS + 60_000, clock })
    expect(report).toEqual({ value: 'third', attempts: 3 })
    expect(clock.sleeps).toEqual([backoffDelayMs(1, () => 0.5), backoffDelayMs(2, () => 0.5)])
  })

  it('stops at the first fatal outcome without waiting', async () => {
    const clock = new FakeClock()
    const outcomes: AttemptOutcome<string>[] = [
      transient('HTTP 503', 'first'),
      { kind: 'fatal', value: 'HTTP 401' },
      { kind: 'done', value: 'never' }
    ]
    const called: number[] = []
    const play = script(outcomes)
    const report = await withRetry(
      (n) => {
        called.push(n)
        return play(n)
      },
      { deadlineMs: NOW_MS + 60_000, clock }
    )
    expect(report).toEqual({ value: 'HTTP 401', attempts: 2 })
    expect(called).toEqual([1, 2])
    expect(clock.sleeps).toHaveLength(1)
  })

  it('waits as long as Retry-After asks', async () => {
    const clock = new FakeClock()
    const outcomes: AttemptOutcome<string>[] = [transient('HTTP 429', 'throttled', 3000), { kind: 'done', value: 'ok' }]
    const report = await withRetry(script(outcomes), { deadlineMs: NOW_MS + 60_000, clock })
    expect(report.value).toBe('ok')
    expect(clock.sleeps).toEqual([3000])
  })

  it('gives up at the deadline with the last outcome, never waiting past it', async () => {
    const clock = new FakeClock(ALMOST_ONE)
    const deadlineMs = NOW_MS + 20_000
    const report = await withRetry(
      (n) => {
        clock.advance(1000) // each request takes a second
        return Promise.resolve(transient('HTTP 503', `attempt ${n}`))
      },
      { deadlineMs, clock }
    )
    expect(report.gaveUp).toEqual({ reason: 'deadline', retryAfterMs: undefined })
    expect(report.value).toBe(`attempt ${report.attempts}`)
    expect(report.attempts).toBeGreaterThan(2)
    expect(clock.now()).toBeLessThanOrEqual(deadlineMs)
  })

  it('gives up at once when Retry-After asks for more time than is left, and says how long it asked', async () => {
    const clock = new FakeClock()
    const report = await withRetry(() => Promise.resolve(transient('HTTP 503', 'busy', 120_000)), { deadlineMs: NOW_MS + 60_000, clock })
    expect(report).toEqual({ value: 'busy', attempts: 1, gaveUp: { reason: 'retry-after-past-deadline', retryAfterMs: 120_000 } })
    expect(clock.sleeps).toEqual([])
  })

  it('reports each retry with the attempt number that failed, its reason and the wait', async () => {
    const clock = new FakeClock(0.5)
    const outcomes: AttemptOutcome<string>[] = [
      transient('HTTP 503', 'a'),
      transient('ECONNRESET', 'b', 2500),
      { kind: 'done', value: 'c' }
    ]
    const retries: [number, string, number][] = []
    await withRetry(script(outcomes), { deadlineMs: NOW_MS + 60_000, clock, onRetry: (...call) => retries.push(call) })
    expect(retries).toEqual([
      [1, 'HTTP 503', backoffDelayMs(1, () => 0.5)],
      [2, 'ECONNRESET', 2500]
    ])
  })

  it('does not report a retry when it gives up', async () => {
    const retries: unknown[] = []
    await withRetry(() => Promise.resolve(transient('HTTP 503', 'busy', 120_000)), {
      deadlineMs: NOW_MS + 60_000,
      clock: new FakeClock(),
      onRetry: (...call) => retries.push(call)
    })
    expect(retries).toEqual([])
  })

  it('tells each attempt how much time is left before the deadline', async () => {
    const clock = new FakeClock(0.5)
    const remaining: number[] = []
    const play = script([transient('HTTP 503', 'a', 4000), { kind: 'done', value: 'b' }])
    await withRetry(
      (n, remainingMs) => {
        remaining.push(remainingMs)
        return play(n)
      },
      { deadlineMs: NOW_MS + 10_000, clock }
    )
    expect(remaining).toEqual([10_000, 6000])
  })

  it('works with a clock written as a class, whose methods use this', async () => {
    class MethodClock implements RetryClock {
      nowMs = NOW_MS
      now(): number {
        return this.nowMs
      }
      sleep(ms: number): Promise<void> {
        this.nowMs += ms
        return Promise.resolve()
      }
      random(): number {
        return this.nowMs > 0 ? 0.5 : 0
      }
    }
    const outcomes: AttemptOutcome<string>[] = [transient('HTTP 503', 'a'), { kind: 'done', value: 'b' }]
    const report = await withRetry(script(outcomes), { deadlineMs: NOW_MS + 60_000, clock: new MethodClock() })
    expect(report).toEqual({ value: 'b', attempts: 2 })
  })
})
