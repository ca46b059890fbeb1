// The write check: one synthetic instance stored, found, retrieved and seen in the change feed, then deleted and seen
// gone. Each step is one attempt, retried as a step (step.ts); what an answer means is in answers.ts and feed.ts, what a
// failure says in diagnose.ts. Once the STOW may have stored the instance, cleanup runs whatever happens next.
import { cancelled, untilCancelDeadline } from '../../cancellation.ts'
import type { ActionError } from '../../errors.ts'
import type { DicomTarget } from '../../inputs.ts'
import type { DiagnosisContext } from '../diagnose.ts'
import type { DicomRequest, Exchange } from '../exchange.ts'
import type { WriteReport, WriteStepReport } from '../report.ts'
import type { Attempt, CheckContext, StepResult } from '../step.ts'
import { exchangeWithin, isCancelled, runStep, skippedRow, stepRow } from '../step.ts'
import type { InstanceUids, WriteProblem } from './answers.ts'
import { mayHaveStored, readDeleteAnswer, readMetadataAnswer, readSearchAnswer, readStowAnswer } from './answers.ts'
import { cleanupReserveMs } from './budget.ts'
import { cleanupFailed, describeWarningReason, diagnoseStow, diagnoseWriteCheck } from './diagnose.ts'
import type { FeedRequest, FeedTarget, StowClock } from './feed.ts'
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

export { CLEANUP_RESERVE_SHARE, MAX_CLEANUP_RESERVE_MS, cleanupReserveMs } from './budget.ts'

export interface WriteCheckInput {
  dicom: Pick<DicomTarget, 'baseUrl' | 'apiVersion' | 'waitForAccess'>
  /** The `latest` sequence the read check saw: the round trip's entries come after it. */
  sequenceBefore: number
  deadlineMs: number
  timeoutMs: number
  runLabel?: string
  /** Keeps the study's UID for the post step before the STOW is sent; '' once its delete is confirmed. */
  keepStudy?: (studyInstanceUid: string) => void
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
  /** An answer that was no clear refusal: it may have stored the instance, so cleanup runs even if the store failed. */
  mayBeStored: boolean
  /** The STOW's answer on the service's clock, where the v2 change feed is read from. */
  stowClock?: StowClock
  /** The WarningReason the service stored the instance with, if any. */
  warningReason?: number
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

/** The search for one study (QIDO-RS): the round trip's find and its confirmation, and the post step's. */
export function studySearchRequest(baseUrl: string, studyInstanceUid: string): DicomRequest {
  const study = encodeURIComponent(studyInstanceUid)
  return { url: new URL(`${baseUrl}/studies?StudyInstanceUID=${study}`), accept: DICOM_JSON }
}

/** The study's DELETE: the round trip's cleanup, and the post step's. */
export function studyDeleteRequest(baseUrl: string, studyInstanceUid: string): DicomRequest {
  return { method: 'DELETE', url: new URL(`${baseUrl}/studies/${studyInstanceUid}`), accept: DICOM_JSON }
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
    if (mayHaveStored(last, answer)) trip.mayBeStored = true
    if (answer.verdict !== 'ok') return { exchange: last, answer }
    trip.stowClock = { date: last.date, latencyMs: last.latencyMs }
    trip.warningReason = answer.value.warningReason
    return { exchange: last, answer: PASSED }
  },
  diagnose: diagnoseStow
}

// 2–4. Find it, read it back, see it in the change feed; the first failure skips the rest but not cleanup.
const CHECKS: readonly WriteStep[] = [
  {
    title: WRITE_STEPS.search,
    attempt: async (trip, deadlineMs) => {
      const last = await send(trip, studySearchRequest(trip.baseUrl, trip.uids.studyInstanceUid), deadlineMs)
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
    const last = await send(trip, studyDeleteRequest(trip.baseUrl, trip.uids.studyInstanceUid), deadlineMs)
    return { exchange: last, answer: readDeleteAnswer(last, trip.waitForAccess) }
  },
  diagnose: checkFailure(WRITE_STEPS.delete)
}

const CONFIRM_DELETE: WriteStep = {
  title: WRITE_STEPS.confirmDelete,
  attempt: async (trip, deadlineMs) => {
    const last = await send(trip, studySearchRequest(trip.baseUrl, trip.uids.studyInstanceUid), deadlineMs)
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

type RunStep = (step: WriteStep, deadlineMs: number, context?: CheckContext) => Promise<StepResult<void>>

export async function runWriteCheck(input: WriteCheckInput, context: CheckContext): Promise<WriteReport> {
  const { clock } = context
  const instance = await syntheticInstance({ runLabel: input.runLabel, now: new Date(clock.now()) })
  const startedAt = clock.now()
  const trip = roundTrip(input, context, instance, startedAt)
  const stepsDeadline = input.deadlineMs - cleanupReserveMs(input.timeoutMs)
  const rows: WriteStepReport[] = []
  const run: RunStep = async (step, deadlineMs, stepContext = context) => {
    const attempt = (): Promise<Attempt<void, WriteProblem>> => step.attempt(trip, deadlineMs)
    const result = await runStep({ label: step.title, deadlineMs, attempt, diagnose: step.diagnose }, stepContext)
    rows.push(stepRow(step.title, result))
    return result
  }
  const report = (failure?: ActionError): WriteReport => {
    const elapsedMs = clock.now() - startedAt
    return { steps: rows, elapsedMs, studyInstanceUid: instance.studyInstanceUid, failure }
  }

  if (isCancelled(context)) {
    rows.push(...[STORE, ...CHECKS, DELETE, CONFIRM_DELETE].map((step) => skippedRow(step.title)))
    return report(cancelledWrite(context, trip, 'nothing was stored'))
  }
  input.keepStudy?.(instance.studyInstanceUid) // before the STOW: a kill from here on leaves the post step its UID
  const { stored, failure } = await storeAndCheck(trip, instance, { run, rows }, stepsDeadline)
  if (!stored && !trip.mayBeStored) {
    rows.push(skippedRow(WRITE_STEPS.delete), skippedRow(WRITE_STEPS.confirmDelete))
    return report(isCancelled(context) ? cancelledWrite(context, trip, 'nothing was stored') : failure)
  }
  const deleted = await cleanUp(trip, input, context, run)
  if (deleted === true) input.keepStudy?.('')
  else if (!rows.some((row) => row.title === WRITE_STEPS.confirmDelete))
    rows.push(skippedRow(WRITE_STEPS.confirmDelete))
  if (isCancelled(context)) return report(cancelledWrite(context, trip, deleted))
  return report(deleted === true ? failure : cleanupFailed(instance.studyInstanceUid, trip.baseUrl, deleted, failure))
}

/** 1–4: store, then find it, read it back and see it in the feed; the first failure, or a cancel, skips the rest. */
async function storeAndCheck(
  trip: RoundTrip,
  instance: SyntheticInstance,
  { run, rows }: { run: RunStep; rows: WriteStepReport[] },
  deadlineMs: number
): Promise<{ stored: boolean; failure?: ActionError }> {
  const { log } = trip.context
  const stored = await run(STORE, deadlineMs)
  if (stored.ok) {
    log.info(
      `Stored the synthetic study ${instance.studyInstanceUid} (${instance.studyDescription}); it is deleted at the end.`
    )
  }
  if (trip.warningReason !== undefined) {
    log.warning(
      `The DICOM service stored the synthetic instance with a warning: WarningReason ` +
        `${describeWarningReason(trip.warningReason)}; the round trip goes on, and deletes it at the end.`
    )
  }
  let failure = stored.ok ? undefined : stored.failure
  for (const check of CHECKS) {
    if (failure || isCancelled(trip.context)) {
      rows.push(skippedRow(check.title))
      continue
    }
    const checked = await run(check, deadlineMs)
    if (!checked.ok) failure = checked.failure
  }
  return { stored: stored.ok, failure }
}

/**
 * Cleanup: delete the study, then see it gone. Its own deadline, never earlier than the reserve from now; after a
 * cancel, the time left before the runner's kill, with requests that the cancel itself does not abort. True when
 * the study is gone, else why not.
 */
async function cleanUp(
  trip: RoundTrip,
  input: WriteCheckInput,
  context: CheckContext,
  run: RunStep
): Promise<true | ActionError> {
  const { clock } = context
  const cancelDeadline = context.cancel?.deadlineMs ?? Infinity
  const deadline = Math.min(cancelDeadline, Math.max(input.deadlineMs, clock.now() + cleanupReserveMs(input.timeoutMs)))
  // The cleanup's requests, too, go out with the watch that ends at the kill rather than at the cancel.
  const cleanupContext: CheckContext = {
    ...context,
    cancel: untilCancelDeadline(context.cancel),
    interrupt: context.cancel?.signal
  }
  trip.context = cleanupContext
  const deleted = await run(DELETE, deadline, cleanupContext)
  const confirmed = deleted.ok ? await run(CONFIRM_DELETE, deadline, cleanupContext) : deleted
  return confirmed.ok ? true : confirmed.failure
}

/** The one line of a round trip the runner cancelled: whether the study was deleted, or its UID to delete by hand. */
function cancelledWrite(context: CheckContext, trip: RoundTrip, outcome: true | ActionError | string): ActionError {
  const uid = trip.uids.studyInstanceUid
  const said =
    typeof outcome === 'string'
      ? outcome
      : outcome === true
        ? `the synthetic study ${uid} was deleted`
        : `the synthetic study ${uid} may be left: delete it by hand with a DICOM Data Owner token: ` +
          `DELETE ${trip.baseUrl}/studies/${uid} (the post step tries again after the job's steps)`
  return cancelled(context.cancel?.by ?? 'SIGINT', 'during the write round trip', said)
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
  const trip: RoundTrip = {
    context,
    baseUrl,
    waitForAccess,
    uids: instance,
    stow: stowRequestBody(instance.part10),
    sequenceBefore,
    pollFeed: (target, deadlineMs) => pollFeed(target, deadlineMs),
    mayBeStored: false
  }
  const stowClock = (): StowClock | undefined => trip.stowClock
  const pollFeed = feedPoller(readPage, {
    apiVersion,
    sequenceBefore,
    writeStartedAtMs: startedAt,
    waitForAccess,
    stowClock
  })
  return trip
}
