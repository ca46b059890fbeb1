// The job summary: a heading that names the use and says passed or failed, why it failed with its troubleshooting
// link, then what was checked. Pure; it never sees the token, only its non-secret claims, and whatever it says reaches
// the summary through the sanitiser (Runner.writeSummary behind sanitising()).
import { ActionError, failureSentence, troubleshootingUrl, unexpectedSentence } from './errors.ts'
import type { FailureKind } from './errors.ts'
import type { Config } from './inputs.ts'
import type { SummaryCell, SummaryRow } from './runner.ts'
import type { SmokeTestReport, WriteStepReport } from './smoke-test/report.ts'
import type { IssuedToken } from './token.ts'
import { describePrincipal, describeSource, formatExpiry } from './token.ts'

export type { SummaryRow }

export const SUMMARY_TITLE = 'DICOM access token'
export const PASSED_MARK = '✅'
export const FAILED_MARK = '❌'

/** What the step knew when it ended: each part is there once the step got that far. */
export interface SummaryFacts {
  config?: Config
  issued?: IssuedToken
  report?: SmokeTestReport
  /** What failed the step; unset when it passed. */
  failure?: unknown
}

export interface JobSummary {
  heading: string
  rows: SummaryRow[]
}

type RunnerEnv = Record<string, string | undefined>

export function jobSummary(facts: SummaryFacts, env: RunnerEnv = process.env): JobSummary {
  const { config, issued, report, failure } = facts
  const failed = failure !== undefined
  const rows: SummaryRow[] = [['Result', failed ? failedResult(facts) : 'passed']]
  if (failed) rows.push(...failureRows(failure, env))
  if (config && issued) rows.push(...tokenRows(config, issued))
  if (config?.dicom) rows.push(['Service URL', config.dicom.url], ['API version', config.dicom.apiVersion])
  if (report) rows.push(...smokeTestRows(report))
  if (issued) rows.push(['Smoke test', report ? (report.passed ? 'passed' : 'failed') : 'skipped'])
  return { heading: summaryHeading(config, failed), rows }
}

/** The mark, and what the use was for (the DICOM host, else the resource), so two uses in one job differ. */
function summaryHeading(config: Config | undefined, failed: boolean): string {
  const target = config && (config.dicom?.host ?? config.resource)
  return `${failed ? FAILED_MARK : PASSED_MARK} ${SUMMARY_TITLE}${target ? ` for ${target}` : ''}`
}

/** Whether later steps have a token: the first thing a reader of a failed run needs. */
function failedResult({ issued, report }: SummaryFacts): string {
  if (!issued) return 'failed: no token was issued'
  if (report && !report.passed) return 'failed in the smoke test; the token outputs are set'
  return 'failed after the token was issued'
}

function failureRows(failure: unknown, env: RunnerEnv): SummaryRow[] {
  const [sentence, kind]: [string, FailureKind] =
    failure instanceof ActionError
      ? [failureSentence(failure), failure.kind]
      : [unexpectedSentence(failure), 'unexpected']
  const url = troubleshootingUrl(kind, env)
  const link: SummaryCell = { text: url.slice(url.lastIndexOf('/') + 1), href: url }
  return [
    ['Why', sentence],
    ['Troubleshooting', link]
  ]
}

function tokenRows(config: Config, issued: IssuedToken): SummaryRow[] {
  return [
    ['Resource', config.resource],
    ['Tenant', issued.tenantId ?? 'unknown'],
    ['Principal', describePrincipal(issued.claims) ?? 'unknown'],
    ['Obtained', describeSource(issued.source)],
    ['Token expires', issued.expiresAtMs === undefined ? 'unknown' : formatExpiry(issued.expiresAtMs)]
  ]
}

function milliseconds(ms: number): string {
  return `${Math.round(ms)} ms`
}

/** A request's or step's whole time, retries and waits included, and how many attempts it took. */
function timeTaken(elapsedMs: number, attempts: number): string {
  return `${milliseconds(elapsedMs)}${attempts > 1 ? ` over ${attempts} attempts` : ''}`
}

function smokeTestRows(report: SmokeTestReport): SummaryRow[] {
  const rows = report.endpoints.map(({ url, exchange, attempts, elapsedMs }): SummaryRow => {
    const outcome = exchange.errorCode ?? String(exchange.status ?? '')
    return [`GET ${new URL(url).pathname}`, `${outcome} in ${timeTaken(elapsedMs, attempts)}`]
  })
  rows.push(['Latest sequence', report.latestSequence === undefined ? '—' : String(report.latestSequence)])
  if (report.write) {
    rows.push(...report.write.steps.map(writeStepRow), ['Round trip', milliseconds(report.write.elapsedMs)])
  }
  return rows
}

function writeStepRow(step: WriteStepReport): SummaryRow {
  if (step.outcome === 'skipped') return [`Write: ${step.title}`, 'skipped']
  const answer = step.answer ? ` (${step.answer})` : ''
  return [`Write: ${step.title}`, `${step.outcome} in ${timeTaken(step.elapsedMs, step.attempts)}${answer}`]
}
