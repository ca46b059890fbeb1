// What the smoke test found, as the outputs and the job summary read it. Types only.
import type { ActionError } from '../errors.ts'
import type { EndpointName } from './read/changefeed.ts'
import type { Exchange } from './exchange.ts'

export interface EndpointReport {
  name: EndpointName
  url: string
  exchange: Exchange
  attempts: number
  /** From the start of the read check to the last answer: every attempt and wait. */
  elapsedMs: number
  sequence?: number
  failure?: ActionError
}

/** One step of the write round trip, as the summary shows it. */
export interface WriteStepReport {
  title: string
  outcome: 'passed' | 'failed' | 'skipped'
  elapsedMs: number
  attempts: number
  /** The last answer's HTTP status or transport error code. */
  answer?: string
}

export interface WriteReport {
  steps: WriteStepReport[]
  /** From the STOW to the end of cleanup. */
  elapsedMs: number
  studyInstanceUid: string
  failure?: ActionError
}

export interface SmokeTestReport {
  passed: boolean
  /** The change feed's latest sequence, whenever the read check gave it (also when a later write step failed). */
  latestSequence?: number
  endpoints: EndpointReport[]
  /** Set when smoke-test is write and the read check passed. */
  write?: WriteReport
  failure?: ActionError
  /** The read check's own time: both change feed endpoints, retries included. Unset when it did not run. */
  readMs?: number
  /** The whole smoke test, the write round trip included. */
  elapsedMs: number
}
