// The write check: one synthetic instance stored, found, retrieved and seen in the change feed, then deleted and seen
// gone. Each step is one attempt, retried as a step (step.ts); what an answer means is in answers.ts and feed.ts, what a
// failure says in diagnose.ts. Once the STOW may have stored the instance, cleanup runs whatever happens next.
import type { ActionError } from '../../errors.ts'
import type { DicomTarget } from '../../inputs.ts'
import type { DiagnosisContext } from '../diagnose.ts'
import type { DicomRequest, Exchange } from '../exchange.ts'
import type { WriteReport, WriteStepReport } from '../report.ts'
import type { Attempt, CheckContext } from '../step.ts'
import { exchangeWithin, runStep, skippedRow, stepRow } from '../step.ts'
import type { InstanceUids, WriteProblem } from './answers.ts'
import { readDeleteAnswer, readMetadataAnswer, readSearchAnswer, readStowAnswer } from './answers.ts'
import { cleanupFailed, diagnoseStow, diagnoseWriteCheck } from './diagnose.ts'
import type { FeedRequest, FeedTarget } from './feed.ts'
import { feedPoller } from './feed.ts'
import type { StowRequestBody, SyntheticInstance } from './instance.ts'
import { stowRequestBody, syntheticInstance } from './instance.ts'

export const WRITE_STEPS = {
  store: 'Store (STOW-RS)',
  search: 'Search (QIDO-RS)',
  retrieve: 'Retrieve metadata (WADO-RS)',
  feedCreate: 'Change feed lists the Create',
  delete: 'Delete the study',
  confirmDelete: 'Change feed or search shows it deleted'
} as const

/**
 * Cleanup's reserve: the steps before cleanup stop this long before the deadline, so the DELETE and its confirmation
 * always get time, also after a step spent its retries. A quarter of timeout-seconds, at most 15 s (a DELETE takes well
 * under a second). Should the deadline have passed anyway, cleanup still gets the reserve from when it starts: a study
 * left behind is worse than a step that overruns timeout-seconds by a few seconds.
 */
export const CLEANUP_RESERVE_SHARE = 0.25
export const MAX_CLEANUP_RESERVE_MS = 15_000
export function cleanupReserveMs(timeoutMs: number): number {
  return Math.min(MAX_CLEANUP_RESERVE_MS, Math.round(timeoutMs * CLEANUP_RESERVE_SHARE))
}

export interface WriteCheckInput {
  dicom: Pick<DicomTarget, 'baseUrl' | 'apiVersion' | 'waitForAccess'>
  /** The `latest` sequence the read check saw: the round trip's entries come after it. */
  sequenceBefore: number
  deadlineMs: number
  timeoutMs: number
  runLabel?: string
}

const DICOM_JSON = 'application/dicom+json'

/** What the steps share: the instance, where it goes, the feed's reading position, and what the store may have left. */
interface RoundTrip {
  context: CheckContext
  baseUrl: string
  waitForAccess: boolean
  uids: InstanceUids
  stow: StowRequestBody
  sequenceBefore: number
  pollFeed: ReturnType<typeof feedPoller>
  /** An attempt timed out or got a 5xx: it may have stored the instance, so cleanup runs even if the store failed. */
  mayBeStored: boolean
}

type Diagnose = (last: Exchange, context: DiagnosisContext, problem: WriteProblem | undefined) => ActionError

/** One step: its title in the summary, one attempt before a deadline, and what its failure says. */
interface WriteStep {
  title: string
  attempt: (trip: RoundTrip, deadlineMs: number) => Promise<Attempt<void, WriteProblem>>
  diagnose: Diagnose
}

function send(trip: RoundTrip, request: DicomRequest, deadlineMs: number): Promise<Exchange> {
  return exchangeWithin(trip.context, request, deadlineMs - trip.context.clock.now())
}

function searchRequest(trip: RoundTrip): DicomRequest {
  const study = encodeURIComponent(trip.uids.studyInstanceUid)
  return { url: new URL(`${trip.baseUrl}/studies?StudyInstanceUID=${study}`), accept: DICOM_JSON }
}

function feedTarget(trip: RoundTrip, action: FeedTarget['action']): FeedTarget {
  return { action, sopInstanceUid: trip.uids.sopInstanceUid, afterSequence: trip.sequenceBefore }
}

const PASSED = { verdict: 'ok', value: undefined } as const

function notYet(reason: string, problem: WriteProblem): Attempt<void, WriteProblem>['answer'] {
  return { verdict: 'transient', reason, problem }
}

const checkFailure =
  (title: string): Diagnose =>
  (last, context, problem) =>
    diagnoseWriteCheck(title, last, context, problem)

// 1. Store. An attempt that timed out or got a 5xx may have stored it, so cleanup runs then too.
const STORE: WriteStep = {
  title: WRITE_STEPS.store,
  attempt: async (trip, deadlineMs) => {
    const body = { contentType: trip.stow.contentType, bytes: trip.stow.body }
    const request: DicomRequest = { method: 'POST', url: new URL(`${trip.baseUrl}/studies`), accept: DICOM_JSON, body }
    const last = await send(trip, request, deadlineMs)
    const answer = readStowAnswer(last, trip.uids, trip.waitForAccess, trip.mayBeStored)
    if (last.errorCode !== undefined || (last.status ?? 0) >= 500) trip.mayBeStored = true
    return { exchange: last, answer }
  },
  diagnose: diagnoseStow
}

// 2–4. Find it, read it back, see it in the change feed; the first failure skips the rest but not cleanup.
const CHECKS: readonly WriteStep[] = [
  {
    title: WRITE_STEPS.search,
    attempt: async (trip, deadlineMs) => {
      const last = await send(trip, searchRequest(trip), deadlineMs)
      const answer = readSearchAnswer(last, trip.uids.studyInstanceUid, trip.waitForAccess)
      if (answer.verdict !== 'ok') return { exchange: last, answer }
      return {
        exchange: last,
        answer: answer.value ? PASSED : notYet('the study is not found yet', { kind: 'not-found' })
      }
    },
    diagnose: checkFailure(WRITE_STEPS.search)
  },
  {
    title: WRITE_STEPS.retrieve,
    attempt: async (trip, deadlineMs) => {
      const { studyInstanceUid: study, seriesInstanceUid: series, sopInstanceUid: instance } = trip.uids
      const path = `/studies/${study}/series/${series}/instances/${instance}/metadata`
      const last = await send(trip, { url: new URL(`${trip.baseUrl}${path}`), accept: DICOM_JSON }, deadlineMs)
      return { exchange: last, answer: readMetadataAnswer(last, trip.uids, trip.waitForAccess) }
    },
    diagnose: checkFailure(WRITE_STEPS.retrieve)
  },
  {
    title: WRITE_STEPS.feedCreate,
    attempt: async (trip, deadlineMs) => {
      const { exchange, answer } = await trip.pollFeed(feedTarget(trip, 'Create'), deadlineMs)
      if (answer.verdict !== 'ok') return { exchange, answer }
      const missing = notYet('the Create is not in the change feed yet', { kind: 'not-in-feed', action: 'Create' })
      return { exchange, answer: answer.value ? PASSED : missing }
    },
    diagnose: checkFailure(WRITE_STEPS.feedCreate)
  }
]

// 5–6. Cleanup: delete the study, then see it gone from the search, or its Delete in the change feed.
const DELETE: WriteStep = {
  title: WRITE_STEPS.delete,
  attempt: async (trip, deadlineMs) => {
    const url = new URL(`${trip.baseUrl}/studies/${trip.uids.studyInstanceUid}`)
    const last = await send(trip, { method: 'DELETE', url, accept: DICOM_JSON }, deadlineMs)
    return { exchange: last, answer: readDeleteAnswer(last, trip.waitForAccess) }
  },
  diagnose: checkFailure(WRITE_STEPS.delete)
}

const CONFIRM_DELETE: WriteStep = {
  title: WRITE_STEPS.confirmDelete,
  attempt: async (trip, deadlineMs) => {
    const last = await send(trip, searchRequest(trip), deadlineMs)
    const search = readSearchAnswer(last, trip.uids.studyInstanceUid, trip.waitForAccess)
    if (search.verdict === 'ok' && !search.value) return { exchange: last, answer: PASSED }
    if (search.verdict !== 'ok') return { exchange: last, answer: search }
    const feed = await trip.pollFeed(feedTarget(trip, 'Delete'), deadlineMs)
    if (feed.answer.verdict !== 'ok') return { exchange: feed.exchange, answer: feed.answer }
    if (feed.answer.value) return { exchange: feed.exchange, answer: PASSED }
    return { exchange: last, answer: notYet('the Delete is not in the change feed yet', { kind: 'still-found' }) }
  },
  diagnose: checkFailure(WRITE_STEPS.confirmDelete)
}

export async function runWriteCheck(input: WriteCheckInput, context: CheckContext): Promise<WriteReport> {
  const { clock, log } = context
  const instance = await syntheticInstance({ runLabel: input.runLabel, now: new Date(clock.now()) })
  const startedAt = clock.now()
  const trip = roundTrip(input, context, instance, startedAt)
  const reserveMs = cleanupReserveMs(input.timeoutMs)
  const stepsDeadline = input.deadlineMs - reserveMs
  const rows: WriteStepReport[] = []
  const run = async (step: WriteStep, deadlineMs: number): Promise<{ ok: boolean; failure?: ActionError }> => {
    const attempt = (): Promise<Attempt<void, WriteProblem>> => step.attempt(trip, deadlineMs)
    const result = await runStep({ label: step.title, deadlineMs, attempt, diagnose: step.diagnose }, context)
    rows.push(stepRow(step.title, result))
    return result
  }

  const stored = await run(STORE, stepsDeadline)
  if (stored.ok) {
    log.info(
      `Stored the synthetic study ${instance.studyInstanceUid} (${instance.studyDescription}); it is deleted at the end.`
    )
  }
  let failure = stored.failure
  for (const check of CHECKS) {
    if (failure) rows.push(skippedRow(check.title))
    else failure = (await run(check, stepsDeadline)).failure
  }

  if (stored.ok || trip.mayBeStored) {
    // Its own deadline, never earlier than the reserve from now.
    const cleanupDeadline = Math.max(input.deadlineMs, clock.now() + reserveMs)
    const deleted = await run(DELETE, cleanupDeadline)
    const confirmed = deleted.ok ? await run(CONFIRM_DELETE, cleanupDeadline) : deleted
    if (confirmed.failure) failure = cleanupFailed(instance.studyInstanceUid, trip.baseUrl, confirmed.failure, failure)
    if (!deleted.ok) rows.push(skippedRow(WRITE_STEPS.confirmDelete))
  } else {
    rows.push(skippedRow(WRITE_STEPS.delete), skippedRow(WRITE_STEPS.confirmDelete))
  }
  return { steps: rows, elapsedMs: clock.now() - startedAt, studyInstanceUid: instance.studyInstanceUid, failure }
}

/** What the steps share, for an instance whose round trip starts at `startedAt`. */
function roundTrip(
  input: WriteCheckInput,
  context: CheckContext,
  instance: SyntheticInstance,
  startedAt: number
): RoundTrip {
  const { baseUrl, apiVersion, waitForAccess } = input.dicom
  const { sequenceBefore } = input
  const readPage: FeedRequest = (path, deadlineMs) =>
    exchangeWithin(context, { url: new URL(`${baseUrl}${path}`) }, deadlineMs - context.clock.now())
  const pollFeed = feedPoller(readPage, { apiVersion, sequenceBefore, writeStartedAtMs: startedAt, waitForAccess })
  const stow = stowRequestBody(instance.part10)
  return { context, baseUrl, waitForAccess, uids: instance, stow, sequenceBefore, pollFeed, mayBeStored: false }
}
