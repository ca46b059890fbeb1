// Turns a failed step of the write round trip into the one error a person can act on. Pure. What is not special to
// writing (401, 404, timeouts, network, 5xx) goes to diagnoseExchange, as for the read check.
import { ActionError } from '../../errors.ts'
import { describePrincipal } from '../../token.ts'
import type { DiagnosisContext } from '../diagnose.ts'
import { accessNeverApplied, diagnoseExchange, preview, triedFor } from '../diagnose.ts'
import type { Exchange } from '../exchange.ts'
import type { WriteProblem } from './answers.ts'

const BODY_PREVIEW_CHARS = 160
/** A UID has at most 64 characters; what a server puts there instead is cut a little after. */
const UID_PREVIEW_CHARS = 70
/** What the failure reasons Azure and PS3.4 define mean (0008,1197), for the ones a smoke test can meet. */
export const FAILURE_REASONS: Record<number, string> = {
  0x0110: 'processing failure',
  0x0122: 'SOP class not supported',
  0x0124: 'not authorized',
  0xa700: 'out of resources',
  0xa900: 'validation failure: the data set does not pass the service checks',
  0xa901: 'the instance does not belong to the study in the URL',
  0xb00e: 'the instance is already stored',
  0xb00f: 'the instance is being created by another request',
  0xc000: 'cannot understand',
  0xc122: 'referenced transfer syntax not supported'
}

/** The attribute a refusal names, when its body does: a tag such as (0010,0020), with any keyword after it. */
export function refusedAttribute(body: string | undefined): string | undefined {
  const match = /\(([0-9A-F]{4}),\s?([0-9A-F]{4})\)(?:\s*[-:]?\s*([A-Z][A-Za-z]+)\b)?/i.exec(body ?? '')
  if (match) return `(${match[1]?.toUpperCase()},${match[2]?.toUpperCase()})${match[3] ? ` ${match[3]}` : ''}`
  const tag = /"([0-9A-F]{8})"/i.exec(body ?? '')?.[1]
  return tag ? `(${tag.slice(0, 4).toUpperCase()},${tag.slice(4).toUpperCase()})` : undefined
}

/** What the warning reasons PS3.4 defines mean (0008,1196); API v2 stores an instance with one and answers 202. */
export const WARNING_REASONS: Record<number, string> = {
  0xb000: 'coercion of data elements',
  0xb006: 'elements discarded',
  0xb007: 'data set does not match SOP class'
}

/** "45063 (0xB007, data set does not match SOP class)". */
export function describeWarningReason(reason: number): string {
  const meaning = WARNING_REASONS[reason]
  return `${reason} (0x${reason.toString(16).toUpperCase().padStart(4, '0')}${meaning ? `, ${meaning}` : ''})`
}

/** "272 (0x0110, processing failure)". */
export function describeFailureReason(reason: number | undefined): string {
  if (reason === undefined) return 'no failure reason'
  const meaning = FAILURE_REASONS[reason]
  return `${reason} (0x${reason.toString(16).toUpperCase().padStart(4, '0')}${meaning ? `, ${meaning}` : ''})`
}

/** The STOW's own failures: the status says what the service thought of the instance or of the caller. */
export function diagnoseStow(
  exchange: Exchange,
  context: DiagnosisContext,
  problem: WriteProblem | undefined
): ActionError {
  const token = context.issued.value
  const request = `POST ${exchange.url}`
  const said = exchange.body ? `: "${preview(exchange.body, token, BODY_PREVIEW_CHARS)}"` : ''
  const fromBody = stowBodyProblem(exchange, problem, said)
  if (fromBody) return fromBody
  switch (exchange.status) {
    case 403:
      if (context.gaveUp) return accessNeverApplied(exchange, context, 'DICOM Data Owner')
      return new ActionError(
        'write-forbidden',
        `The DICOM service refused to store the synthetic instance for ` +
          `${describePrincipal(context.issued.claims) ?? 'the signed-in identity'} with 403 at ${exchange.url}: it ` +
          `can read, so it has a reader role only; smoke-test: write needs DICOM Data Owner.`,
        'Assign that principal the DICOM Data Owner role on the DICOM service (or use smoke-test: read); with ' +
          'wait-for-access: true the action waits for a new assignment to apply.'
      )
    case 409:
      return new ActionError(
        'write-conflict',
        `The DICOM service answered 409 to ${request}: the instance already exists, although its UIDs were made ` +
          `fresh for this run.`,
        'Re-run the step; if it happens again, the service may be rejecting by another rule: check the 409 body ' +
          'in the debug log.'
      )
    case 400:
    case 415: {
      const attribute = refusedAttribute(exchange.body)
      return new ActionError(
        'write-refused',
        `The DICOM service refused the synthetic instance with ${exchange.status} at ` +
          `${exchange.url}${attribute ? `, naming attribute ${attribute}` : ''}${said}.`,
        'The service checks instances more strictly than the smoke test expects; please open an issue with this ' +
          'line. Check also that nothing between the runner and the service rewrites the multipart body.'
      )
    }
    case 413:
      return new ActionError(
        'write-too-large',
        `The DICOM service (or a proxy in front of it) answered 413 to ${request}: request too large, for one ` +
          `small synthetic instance.`,
        'A proxy or gateway between the runner and the service limits request bodies: raise its limit, or use ' +
          'smoke-test: read.'
      )
  }
  return diagnoseExchange(exchange, context, problem === undefined ? undefined : 'a DICOM JSON STOW-RS response')
}

/** The UIDs a metadata answer gave, as server text: each quoted (sanitised and cut), never as they came. */
function foundUids(
  found: Partial<Record<'studyInstanceUid' | 'seriesInstanceUid' | 'sopInstanceUid', string>>,
  token: string
) {
  const shown = (name: string, value: string | undefined): string =>
    `${name} ${value === undefined ? 'none' : `'${preview(value, token, UID_PREVIEW_CHARS)}'`}`
  return [
    shown('study', found.studyInstanceUid),
    shown('series', found.seriesInstanceUid),
    shown('instance', found.sopInstanceUid)
  ].join(', ')
}

function reasonGiven(reason: number | undefined): string {
  return reason === undefined ? 'no failure reason' : `failure reason ${describeFailureReason(reason)}`
}

/** What the STOW answer's body showed: the instance listed as failed, or an answer that does not say it was stored. */
function stowBodyProblem(exchange: Exchange, problem: WriteProblem | undefined, said: string): ActionError | undefined {
  if (problem?.kind === 'failed-sop') {
    return new ActionError(
      'write-failed-sop',
      `The DICOM service answered 202 to POST ${exchange.url} but did not store the synthetic instance: its ` +
        `FailedSOPSequence gives ${reasonGiven(problem.failureReason)}.`,
      'Look the reason code up in the DICOM service documentation (STOW-RS response status codes); a validation ' +
        'failure usually means the service has stricter checks than the smoke test expects — please open an issue ' +
        'with the code.'
    )
  }
  if (problem?.kind !== 'unreadable' && problem?.kind !== 'not-stored') return undefined
  // A 200 or 202 that does not say the instance was stored: it may have been, so cleanup ran.
  return new ActionError(
    'smoke-response',
    `The DICOM service answered ${exchange.status ?? '?'} to POST ${exchange.url}, but not with a STOW-RS response ` +
      `that lists the synthetic instance as stored${said}; it may have stored it all the same, so cleanup ran for ` +
      `it.`,
    'Something other than the DICOM service may be answering (a proxy, a gateway, another server): check dicom-url.'
  )
}

/** A later step found the service's answer wrong for what was just stored. */
export function diagnoseWriteCheck(
  step: string,
  exchange: Exchange,
  context: DiagnosisContext,
  problem: WriteProblem | undefined
): ActionError {
  if (problem === undefined) return diagnoseExchange(exchange, context, 'unexpected')
  const request = `${exchange.method} ${exchange.url}`
  const tried = triedFor(context)
  const what: Record<WriteProblem['kind'], () => string> = {
    'failed-sop': () => `${request} listed the instance as failed`,
    'not-stored': () => `${request} answered 200 without listing the synthetic instance as stored`,
    'not-found': () => `the search ${request} did not find the study that was just stored (${tried})`,
    'uid-mismatch': () =>
      `the metadata from ${request} is for another instance ` +
      `(${problem.kind === 'uid-mismatch' ? foundUids(problem.found, context.issued.value) : ''})`,
    unreadable: () =>
      `${request} answered ${exchange.status ?? '?'}, but not with ` +
      (problem.kind === 'unreadable' ? problem.expected : 'what was expected'),
    'not-in-feed': () =>
      `the change feed did not list the ${problem.kind === 'not-in-feed' ? problem.action : ''} of the synthetic ` +
      `instance (${tried})`,
    'still-found': () => `the study was still found after its DELETE (${tried})`
  }
  return new ActionError(
    'write-check',
    `The write round trip failed at '${step}': ${what[problem.kind]()}.`,
    'The service may lag under load: raise timeout-seconds; if it persists, open an issue with the debug log.'
  )
}

/** Cleanup failed: the synthetic study is still there, and a person has to delete it. */
export function cleanupFailed(
  studyInstanceUid: string,
  baseUrl: string,
  cause: ActionError,
  earlier?: ActionError
): ActionError {
  return new ActionError(
    'write-cleanup',
    `Could not delete the synthetic study ${studyInstanceUid} that the smoke test stored: ` +
      `${cause.message}${earlier ? ` (Before that the round trip had failed: ${earlier.message})` : ''}`,
    `Delete it by hand with a DICOM Data Owner token: DELETE ${baseUrl}/studies/${studyInstanceUid}.`
  )
}
