// Deadline-bounded retries on a fake clock: no test here sleeps for real.
import {
  BASE_DELAY_MS,
  MAX_DELAY_MS,
  MIN_ATTEMPT_MS,
  MIN_RETRY_DELAY_MS,
  RETRYABLE_STATUSES,
  backoffCapMs,
  backoffDelayMs,
  backoffFloorMs,
  decideRetry,
  isRetryableStatus,
  maxAttempts,
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
    return outcome
      ? Promise.resolve(outcome)
      : Promise.reject(new Error(`no outcome scripted for attempt ${attemptNumber}`))
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
  test.each([1, 2, 3, 4, 5, 6, 7, 20, 100, 2000])('waits the floor, half the cap, on retry %i for draw 0', (retry) => {
    expect(backoffDelayMs(retry, () => 0)).toBe(cap(retry) / 2)
    expect(backoffFloorMs(retry)).toBe(cap(retry) / 2)
  })

  it('has a floor that doubles from 250 ms up to half of MAX_DELAY_MS', () => {
    const halfMax = MAX_DELAY_MS / 2
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffFloorMs)).toEqual([250, 500, 1000, 2000, 4000, halfMax, halfMax])
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
    expect(backoffCapMs(retry)).toBe(expectedCap)
    const delay = backoffDelayMs(retry, () => ALMOST_ONE)
    expect(delay).toBeLessThan(expectedCap)
    expect(delay).toBeGreaterThanOrEqual(expectedCap - 1)
  })

  it('never waits longer than MAX_DELAY_MS', () => {
    for (let retry = 1; retry <= 64; retry++) expect(backoffDelayMs(retry, () => ALMOST_ONE)).toBeLessThan(MAX_DELAY_MS)
  })

  it('spreads waits uniformly over the upper half of the cap', () => {
    expect(backoffDelayMs(3, () => 0.5)).toBe((cap(3) * 3) / 4)
    expect(backoffDelayMs(3, () => 0.25)).toBe((cap(3) * 5) / 8)
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

  it('waits at least the backoff floor when Retry-After is shorter, so the floor keeps growing', () => {
    expect(decideRetry({ ...base, retry: 10, retryAfterMs: 200 })).toEqual({ retry: true, delayMs: backoffFloorMs(10) })
    expect(decideRetry({ ...base, retry: 3, retryAfterMs: 200 })).toEqual({ retry: true, delayMs: backoffFloorMs(3) })
  })

  it('waits the backoff floor even for Retry-After: 0, so a server cannot drive a tight loop', () => {
    expect(decideRetry({ ...base, retryAfterMs: 0 })).toEqual({ retry: true, delayMs: backoffFloorMs(1) })
    expect(decideRetry({ ...base, retry: 4, retryAfterMs: 0 })).toEqual({ retry: true, delayMs: backoffFloorMs(4) })
  })

  it('gives up rather than retry with too little time left for the request itself', () => {
    const nearlyOut = { ...base, deadlineMs: NOW_MS + 1000 }
    expect(decideRetry({ ...nearlyOut, retryAfterMs: 1000 - MIN_ATTEMPT_MS + 1 })).toMatchObject({
      retry: false,
      reason: 'retry-after-past-deadline'
    })
    expect(decideRetry({ ...nearlyOut, retryAfterMs: 1000 - MIN_ATTEMPT_MS - 1 })).toMatchObject({ retry: true })
    const spent = { ...base, deadlineMs: NOW_MS + MIN_ATTEMPT_MS + MIN_RETRY_DELAY_MS - 1 }
    expect(decideRetry({ ...spent, random: () => 0 })).toEqual({ retry: false, reason: 'deadline' })
  })

  it('makes one last attempt MIN_ATTEMPT_MS before the deadline when the backoff would overrun it', () => {
    const nearlyOut = { ...base, deadlineMs: NOW_MS + 1000 }
    const lastChance = { retry: true, delayMs: 1000 - MIN_ATTEMPT_MS, last: true }
    expect(decideRetry({ ...nearlyOut, random: () => 0.99, retry: 2 })).toEqual(lastChance)
    const justEnough = { ...base, deadlineMs: NOW_MS + MIN_ATTEMPT_MS + MIN_RETRY_DELAY_MS }
    const shortest = { retry: true, delayMs: MIN_RETRY_DELAY_MS, last: true }
    expect(decideRetry({ ...justEnough, random: () => 0 })).toEqual(shortest)
  })

  it('cuts a floor short for the last attempt when Retry-After itself fits', () => {
    const nearlyOut = { ...base, retry: 5, deadlineMs: NOW_MS + 3000 }
    const lastChance = { retry: true, delayMs: 3000 - MIN_ATTEMPT_MS, last: true }
    expect(decideRetry({ ...nearlyOut, retryAfterMs: 1000 })).toEqual(lastChance)
  })

  test.each([0, 50, 5000])('blames the deadline, not Retry-After %i ms, once the time is spent', (retryAfterMs) => {
    const spent = { ...base, deadlineMs: NOW_MS + MIN_ATTEMPT_MS + MIN_RETRY_DELAY_MS - 1 }
    expect(decideRetry({ ...spent, retryAfterMs })).toEqual({ retry: false, reason: 'deadline' })
  })

  test.each([60_000, 120_000])(
    'refuses a Retry-After of %i ms that reaches the deadline, keeping the wait asked for',
    (retryAfterMs) => {
      expect(decideRetry({ ...base, retryAfterMs })).toEqual({
        retry: false,
        reason: 'retry-after-past-deadline',
        retryAfterMs
      })
    }
  )

  it('backs off with jitter when there is no Retry-After', () => {
    expect(decideRetry({ ...base, retry: 3 })).toEqual({ retry: true, delayMs: backoffDelayMs(3, () => 0.5) })
  })

  it('waits only until the last moment a request fits when the backoff would pass the deadline', () => {
    expect(decideRetry({ ...base, retry: 5, deadlineMs: NOW_MS + 1000, random: () => ALMOST_ONE })).toEqual({
      retry: true,
      delayMs: 1000 - MIN_ATTEMPT_MS,
      last: true
    })
  })

  it('stops when the deadline has already passed, even with no wait at all', () => {
    expect(decideRetry({ ...base, deadlineMs: NOW_MS - 1, random: () => 0 })).toEqual({
      retry: false,
      reason: 'deadline'
    })
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
      (n, remainingMs) => {
        clock.advance(Math.min(1000, remainingMs)) // each request takes a second, or times out at the deadline
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
    const report = await withRetry(() => Promise.resolve(transient('HTTP 503', 'busy', 120_000)), {
      deadlineMs: NOW_MS + 60_000,
      clock
    })
    expect(report).toEqual({
      value: 'busy',
      attempts: 1,
      gaveUp: { reason: 'retry-after-past-deadline', retryAfterMs: 120_000 }
    })
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

describe('the retry budget', () => {
  const busy = (retryAfterMs?: number): (() => Promise<AttemptOutcome<string>>) => {
    return () => Promise.resolve({ kind: 'transient', reason: 'HTTP 503', retryAfterMs, last: 'busy' })
  }

  /** Runs instant attempts until withRetry gives up; returns when each attempt started, relative to the start. */
  async function attemptTimes(budgetMs: number, clock: FakeClock, retryAfterMs?: number): Promise<number[]> {
    const starts: number[] = []
    const play = busy(retryAfterMs)
    await withRetry(
      () => {
        starts.push(clock.now() - NOW_MS)
        return play()
      },
      { deadlineMs: NOW_MS + budgetMs, clock }
    )
    return starts
  }

  test.each([
    [100, 1],
    [MIN_ATTEMPT_MS + MIN_RETRY_DELAY_MS - 1, 1],
    [MIN_ATTEMPT_MS + MIN_RETRY_DELAY_MS, 2],
    [4000, 5],
    [6000, 6],
    [10_000, 7],
    [60_000, 17],
    [3_600_000, 725]
  ])('allows at most maxAttempts(%i) = %i attempts', (budgetMs, expected) => {
    expect(maxAttempts(budgetMs)).toBe(expected)
  })

  it('sends at most 6 requests in 6 s to a server that answers Retry-After: 0 at once (it was 86)', async () => {
    const starts = await attemptTimes(6000, new FakeClock(), 0)
    expect(starts).toHaveLength(maxAttempts(6000))
    expect(starts).toEqual([0, 250, 750, 1750, 3750, 6000 - MIN_ATTEMPT_MS])
  })

  test.each([1000, 4000, 6000, 10_000, 60_000, 600_000])(
    'reaches exactly maxAttempts in a %i ms budget when every answer is an instant Retry-After: 0',
    async (budgetMs) => {
      expect(await attemptTimes(budgetMs, new FakeClock(), 0)).toHaveLength(maxAttempts(budgetMs))
    }
  )

  test.each([
    [4000, ALMOST_ONE],
    [4000, 0],
    [10_000, ALMOST_ONE],
    [10_000, 0.5],
    [60_000, ALMOST_ONE]
  ])('tries until about MIN_ATTEMPT_MS before a %i ms deadline (draw %d)', async (budgetMs, draw) => {
    const last = (await attemptTimes(budgetMs, new FakeClock(draw))).at(-1) ?? 0
    expect(last).toBeLessThanOrEqual(budgetMs - MIN_ATTEMPT_MS)
    // Less room than MIN_RETRY_DELAY_MS is not worth a wait.
    expect(last).toBeGreaterThan(budgetMs - MIN_ATTEMPT_MS - MIN_RETRY_DELAY_MS)
  })

  it('gives up at once, saying what was asked, when Retry-After leaves the request too little time', async () => {
    const clock = new FakeClock()
    const tooLate = 10_000 - MIN_ATTEMPT_MS + 1
    const report = await withRetry(busy(tooLate), { deadlineMs: NOW_MS + 10_000, clock })
    const gaveUp = { reason: 'retry-after-past-deadline', retryAfterMs: tooLate }
    expect(report).toEqual({ value: 'busy', attempts: 1, gaveUp })
    expect(clock.sleeps).toEqual([])
  })

  it('tries once more at the last moment when Retry-After fits but the backoff floor does not', async () => {
    const clock = new FakeClock()
    const starts = await attemptTimes(8000, clock, 1000)
    // Floors 1000 (Retry-After), 1000, 1000, 2000: the next floor, 4000, would overrun; the wait is cut to 2500.
    expect(starts).toEqual([0, 1000, 2000, 3000, 5000, 8000 - MIN_ATTEMPT_MS])
  })
})
