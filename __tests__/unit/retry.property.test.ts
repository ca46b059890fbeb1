// Properties of the retry loop over random servers, budgets and draws, on a fake clock: how many requests it can
// make, that it stays inside the deadline, and that it uses the budget rather than giving up early.
import fc from 'fast-check'
import {
  MIN_ATTEMPT_MS,
  MIN_RETRY_DELAY_MS,
  backoffFloorMs,
  maxAttempts,
  parseRetryAfter,
  withRetry,
  type AttemptOutcome,
  type RetryClock
} from '../../src/retry.ts'

const START_MS = Date.UTC(2026, 10, 23, 20, 32, 40)

/** What one request does: how it ends, how long it takes (as a share of the time it was given), what it says. */
interface Answer {
  kind: 'transient' | 'done' | 'fatal'
  share: number
  /** Milliseconds a request runs past the time it was given, as a real timeout firing late might. */
  lateMs: number
  retryAfter: { header: string } | { dateInMs: number } | undefined
}

const retryAfterArb = fc.oneof(
  fc.constant(undefined),
  fc.constant({ header: '0' }),
  fc.integer({ min: 1, max: 5 }).map((s) => ({ header: String(s) })),
  fc.integer({ min: 6, max: 100_000 }).map((s) => ({ header: String(s) })),
  fc.constantFrom({ header: 'soon' }, { header: '1.5' }, { header: '' }),
  // An HTTP date, in the past or the future; whole seconds, as the header carries them.
  fc.integer({ min: -30_000, max: 3_600_000 }).map((dateInMs) => ({ dateInMs }))
)

const answerArb: fc.Arbitrary<Answer> = fc.record({
  kind: fc.constantFrom('transient', 'transient', 'transient', 'transient', 'transient', 'transient', 'done', 'fatal'),
  share: fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
  lateMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 })),
  retryAfter: retryAfterArb
})

const budgetArb = fc.oneof(
  fc.integer({ min: 1, max: 2000 }),
  fc.integer({ min: 2000, max: 120_000 }),
  fc.constantFrom(4000, 6000, 10_000, 60_000, 3_600_000)
)

function httpDate(ms: number): string {
  return new Date(ms).toUTCString()
}

const drawArb = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })

interface Run {
  budgetMs: number
  deadlineMs: number
  attempts: { startMs: number; remainingMs: number; endMs: number; retryAfterMs?: number }[]
  sleeps: number[]
  report: Awaited<ReturnType<typeof withRetry<string>>>
  endMs: number
}

async function play(budgetMs: number, answers: Answer[], draws: number[], transientWhenOut: boolean): Promise<Run> {
  let nowMs = START_MS
  const sleeps: number[] = []
  let drawn = 0
  const clock: RetryClock = {
    now: () => nowMs,
    sleep: (ms) => {
      if (sleeps.length > 10_000) return Promise.reject(new Error('still retrying after 10000 waits'))
      sleeps.push(ms)
      nowMs += ms
      return Promise.resolve()
    },
    random: () => draws[drawn++ % draws.length] ?? 0
  }
  const deadlineMs = START_MS + budgetMs
  const attempts: Run['attempts'] = []
  const report = await withRetry<string>(
    (n, remainingMs) => {
      const answer = answers[(n - 1) % answers.length]
      const kind = answer && (n <= answers.length || !transientWhenOut) ? answer.kind : 'transient'
      const startMs = nowMs
      nowMs += Math.floor((answer?.share ?? 0) * remainingMs) + (answer?.lateMs ?? 0)
      const retryAfter = answer?.retryAfter
      const header = retryAfter && ('header' in retryAfter ? retryAfter.header : httpDate(nowMs + retryAfter.dateInMs))
      const retryAfterMs = parseRetryAfter(header, nowMs)
      attempts.push({ startMs, remainingMs, endMs: nowMs, retryAfterMs })
      const value = `attempt ${n}`
      const outcome: AttemptOutcome<string> =
        kind === 'transient' ? { kind, reason: 'HTTP 503', retryAfterMs, last: value } : { kind, value }
      return Promise.resolve(outcome)
    },
    { deadlineMs, clock }
  )
  return { budgetMs, deadlineMs, attempts, sleeps, report, endMs: nowMs }
}

const runArb = fc.record({
  budgetMs: budgetArb,
  answers: fc.array(answerArb, { minLength: 1, maxLength: 30 }),
  draws: fc.array(drawArb, { minLength: 1, maxLength: 10 }),
  transientWhenOut: fc.boolean()
})

const settings = { numRuns: 300 }

describe('withRetry, over random servers, budgets and draws', () => {
  it('makes at most maxAttempts(budget) requests, whatever the server answers', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ budgetMs, answers, draws, transientWhenOut }) => {
        const run = await play(budgetMs, answers, draws, transientWhenOut)
        expect(run.attempts.length).toBe(run.report.attempts)
        expect(run.report.attempts).toBeLessThanOrEqual(maxAttempts(budgetMs))
      }),
      settings
    )
  })

  it('starts each attempt before the deadline, each retry with MIN_ATTEMPT_MS left, given the time left', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ budgetMs, answers, draws, transientWhenOut }) => {
        const run = await play(budgetMs, answers, draws, transientWhenOut)
        run.attempts.forEach((attempt, index) => {
          expect(attempt.startMs).toBeLessThan(run.deadlineMs)
          expect(attempt.remainingMs).toBe(run.deadlineMs - attempt.startMs)
          if (index > 0) expect(attempt.remainingMs).toBeGreaterThanOrEqual(MIN_ATTEMPT_MS)
        })
      }),
      settings
    )
  })

  it('overruns the deadline by no more than the last request overran the time it was given', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ budgetMs, answers, draws, transientWhenOut }) => {
        const run = await play(budgetMs, answers, draws, transientWhenOut)
        const last = run.attempts.at(-1)
        if (!last) throw new Error('no attempt was made')
        const lateMs = last.endMs - last.startMs - last.remainingMs
        expect(run.endMs).toBeLessThanOrEqual(run.deadlineMs + Math.max(0, lateMs))
        // No wait runs into the time the next request needs.
        const lastStartMs = run.deadlineMs - MIN_ATTEMPT_MS
        for (const retry of run.attempts.slice(1)) expect(retry.startMs).toBeLessThanOrEqual(lastStartMs)
      }),
      settings
    )
  })

  it('waits at least the backoff floor and what Retry-After asked; only the last wait may be cut short', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ budgetMs, answers, draws, transientWhenOut }) => {
        const run = await play(budgetMs, answers, draws, transientWhenOut)
        run.sleeps.forEach((sleepMs, index) => {
          expect(sleepMs).toBeGreaterThanOrEqual(MIN_RETRY_DELAY_MS)
          // Retry-After is always honoured, even by the last wait; a longer one is a reason to give up instead.
          expect(sleepMs).toBeGreaterThanOrEqual(run.attempts[index]?.retryAfterMs ?? 0)
          if (index < run.sleeps.length - 1) expect(sleepMs).toBeGreaterThanOrEqual(backoffFloorMs(index + 1))
        })
      }),
      settings
    )
  })

  it('uses the budget: at the deadline, the last request ends within MIN_ATTEMPT_MS + MIN_RETRY_DELAY_MS', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ budgetMs, answers, draws, transientWhenOut }) => {
        const run = await play(budgetMs, answers, draws, transientWhenOut)
        const last = run.attempts.at(-1)
        if (!last) throw new Error('no attempt was made')
        if (run.report.gaveUp?.reason === 'deadline') {
          expect(last.endMs).toBeGreaterThan(run.deadlineMs - MIN_ATTEMPT_MS - MIN_RETRY_DELAY_MS)
        }
        if (run.report.gaveUp?.reason === 'retry-after-past-deadline') {
          const retryAfterMs = run.report.gaveUp.retryAfterMs ?? 0
          // Never "retry after 0 s": the time left was worth a wait, and the server asked for more.
          expect(retryAfterMs).toBeGreaterThan(MIN_RETRY_DELAY_MS)
          expect(last.endMs + retryAfterMs).toBeGreaterThan(run.deadlineMs - MIN_ATTEMPT_MS)
          expect(last.endMs).toBeLessThanOrEqual(run.deadlineMs - MIN_ATTEMPT_MS - MIN_RETRY_DELAY_MS)
        }
        if (!run.report.gaveUp) expect(run.report.value).toBe(`attempt ${run.attempts.length}`)
      }),
      settings
    )
  })

  it('reaches the bound against a server that answers an instant Retry-After: 0', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 600_000 }), async (budgetMs) => {
        const instantZero: Answer = { kind: 'transient', share: 0, lateMs: 0, retryAfter: { header: '0' } }
        const run = await play(budgetMs, [instantZero], [0.5], true)
        expect(run.report.attempts).toBe(maxAttempts(budgetMs))
      }),
      { numRuns: 100 }
    )
  })
})
