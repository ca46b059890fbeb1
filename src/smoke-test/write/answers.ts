// The write check's answers, each read once: what a STOW, search, metadata or DELETE answer means for the round trip
// (done, worth another try, or a failure with what was wrong). Pure. The change feed's answers are in feed.ts.
import type { Answer as AnyAnswer, Exchange } from '../exchange.ts'
import { classifyExchange, fieldOf } from '../exchange.ts'

/** DICOM JSON tags (PS3.18 F.2) the round trip reads. */
export const TAGS = {
  studyInstanceUid: '0020000D',
  seriesInstanceUid: '0020000E',
  sopInstanceUid: '00080018',
  referencedSopInstanceUid: '00081155',
  warningReason: '00081196',
  failureReason: '00081197',
  failedSopSequence: '00081198',
  referencedSopSequence: '00081199'
} as const

export interface InstanceUids {
  studyInstanceUid: string
  seriesInstanceUid: string
  sopInstanceUid: string
}

/** What was wrong with an answer whose status alone does not say it (the status-based failures go by the status). */
export type WriteProblem =
  | { kind: 'failed-sop'; failureReason?: number }
  | { kind: 'not-stored' }
  | { kind: 'not-found' }
  | { kind: 'uid-mismatch'; found: Partial<InstanceUids> }
  | { kind: 'unreadable'; expected: string }
  | { kind: 'not-in-feed'; action: 'Create' | 'Delete' }
  | { kind: 'still-found' }

/** A round trip answer: a fatal one's `problem` is unset when the status says it all (403, 409, 424, …). */
export type Answer<T> = AnyAnswer<T, WriteProblem>

type DicomJson = Record<string, { Value?: unknown[] } | undefined>

export function parseJson(exchange: Exchange): unknown {
  try {
    return JSON.parse(exchange.body ?? '')
  } catch {
    return undefined
  }
}

function isDataSet(value: unknown): value is DicomJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function firstValue(dataSet: DicomJson, tag: string): unknown {
  return fieldOf(dataSet, tag)?.Value?.[0]
}

function items(dataSet: DicomJson, tag: string): DicomJson[] {
  return (fieldOf(dataSet, tag)?.Value ?? []).filter(isDataSet)
}

/** The FailureReason (0008,1197) of each instance in a STOW answer's FailedSOPSequence (0008,1198). */
export function failedSops(body: unknown): { sopInstanceUid?: string; failureReason?: number }[] {
  if (!isDataSet(body)) return []
  return items(body, TAGS.failedSopSequence).map((item) => {
    const sop = firstValue(item, TAGS.referencedSopInstanceUid)
    const reason = firstValue(item, TAGS.failureReason)
    return {
      sopInstanceUid: typeof sop === 'string' ? sop : undefined,
      failureReason: typeof reason === 'number' ? reason : undefined
    }
  })
}

/** A stored instance: the WarningReason (0008,1196) the service gave it, if any (v2 answers 202 for one). */
export interface Stored {
  warningReason?: number
}

/** Our instance's item in ReferencedSOPSequence (0008,1199), if the answer lists it as stored. */
function storedItem(body: unknown, sopInstanceUid: string): DicomJson | undefined {
  if (!isDataSet(body)) return undefined
  return items(body, TAGS.referencedSopSequence).find(
    (item) => firstValue(item, TAGS.referencedSopInstanceUid) === sopInstanceUid
  )
}

/**
 * A STOW-RS answer. `afterUncertainAttempt`: an earlier attempt timed out or got a 5xx, so it may have stored the
 * instance; its fresh UIDs cannot be anyone else's, so a 409 then means that attempt did store it. A 202 is not a
 * refusal: API v2 answers 202 for an instance stored with a warning (an optional attribute that fails validation),
 * listed in ReferencedSOPSequence with a WarningReason and in no FailedSOPSequence.
 */
export function readStowAnswer(
  exchange: Exchange,
  uids: InstanceUids,
  waitForAccess: boolean,
  afterUncertainAttempt: boolean
): Answer<Stored> {
  if (exchange.status === 409 && afterUncertainAttempt) return { verdict: 'ok', value: {} }
  const body = parseJson(exchange)
  const failed = failedSops(body).find((f) => f.sopInstanceUid === uids.sopInstanceUid)
  if (exchange.status === 202 && failed)
    return { verdict: 'fatal', problem: { kind: 'failed-sop', failureReason: failed.failureReason } }
  const verdict = exchange.status === 202 ? 'ok' : classifyExchange(exchange, waitForAccess)
  if (verdict !== 'ok') return { verdict }
  if (!isDataSet(body))
    return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a DICOM JSON STOW-RS response' } }
  const item = storedItem(body, uids.sopInstanceUid)
  if (item === undefined) return { verdict: 'fatal', problem: { kind: 'not-stored' } }
  const warningReason = firstValue(item, TAGS.warningReason)
  return { verdict: 'ok', value: typeof warningReason === 'number' ? { warningReason } : {} }
}

/**
 * Whether a STOW attempt may have stored the instance, so cleanup must run: anything but a clear refusal. Clear are
 * a 4xx (the service said no before storing) and a FailedSOPSequence that names the instance; a timeout, a reset,
 * a 5xx, or a 200/202 that cannot be read or lists other UIDs all may have stored it.
 */
export function mayHaveStored(exchange: Exchange, answer: Answer<Stored>): boolean {
  if (answer.verdict === 'ok') return true
  if (answer.verdict === 'fatal' && answer.problem?.kind === 'failed-sop') return false
  const status = exchange.status
  return status === undefined || status < 400 || status >= 500
}

/** A QIDO-RS search for the study: whether it lists it (204 and [] list nothing). */
export function readSearchAnswer(
  exchange: Exchange,
  studyInstanceUid: string,
  waitForAccess: boolean
): Answer<boolean> {
  const verdict = classifyExchange(exchange, waitForAccess)
  if (verdict !== 'ok') return { verdict }
  if (exchange.status === 204 || (exchange.body ?? '').trim() === '') return { verdict: 'ok', value: false }
  const body = parseJson(exchange)
  if (!Array.isArray(body))
    return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a DICOM JSON array of studies' } }
  const found = body.some((study) => isDataSet(study) && firstValue(study, TAGS.studyInstanceUid) === studyInstanceUid)
  return { verdict: 'ok', value: found }
}

/** WADO-RS metadata of the instance: its study, series and SOP instance UIDs must be the ones stored. */
export function readMetadataAnswer(exchange: Exchange, uids: InstanceUids, waitForAccess: boolean): Answer<void> {
  const verdict = classifyExchange(exchange, waitForAccess)
  if (verdict === 'transient') return { verdict }
  if (verdict === 'fatal' || exchange.status === 204) return { verdict: 'fatal' }
  const body = parseJson(exchange)
  const instance = Array.isArray(body) ? (body as unknown[])[0] : undefined
  if (!isDataSet(instance))
    return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a DICOM JSON array with the instance' } }
  const found: Partial<InstanceUids> = {}
  for (const name of ['studyInstanceUid', 'seriesInstanceUid', 'sopInstanceUid'] as const) {
    const value = firstValue(instance, TAGS[name])
    if (typeof value === 'string') found[name] = value
  }
  const matches = found.studyInstanceUid === uids.studyInstanceUid && found.seriesInstanceUid === uids.seriesInstanceUid
  return matches && found.sopInstanceUid === uids.sopInstanceUid
    ? { verdict: 'ok', value: undefined }
    : { verdict: 'fatal', problem: { kind: 'uid-mismatch', found } }
}

/** A study DELETE: done when the study is gone, also when it was not there (404); the confirmation step checks. */
export function readDeleteAnswer(exchange: Exchange, waitForAccess: boolean): Answer<void> {
  if (exchange.status === 202 || exchange.status === 404) return { verdict: 'ok', value: undefined }
  const verdict = classifyExchange(exchange, waitForAccess)
  return verdict === 'ok' ? { verdict, value: undefined } : { verdict }
}
