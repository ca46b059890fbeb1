// The job summary: a small table of what was checked. Pure; it never sees the token, only its non-secret claims.
import type { Config } from './inputs.ts'
import type { SmokeTestReport, WriteStepReport } from './smoke-test/report.ts'
import type { IssuedToken } from './token.ts'
import { describePrincipal, formatExpiry } from './token.ts'

export type SummaryRow = [string, string]

export const SUMMARY_HEADING = 'DICOM access token'

function latency(ms: number): string {
  return `${Math.round(ms)} ms`
}

export function summaryRows(config: Config, issued: IssuedToken, report: SmokeTestReport | undefined): SummaryRow[] {
  const { claims } = issued
  const rows: SummaryRow[] = [
    ['Resource', config.resource],
    ['Tenant', issued.tenantId ?? 'unknown'],
    ['Principal', describePrincipal(claims) ?? 'unknown'],
    ['Token expires', issued.expiresAtMs === undefined ? 'unknown' : formatExpiry(issued.expiresAtMs)]
  ]
  if (config.dicom) rows.push(['Service URL', config.dicom.url], ['API version', config.dicom.apiVersion])
  if (report) rows.push(...smokeTestRows(report))
  rows.push(['Smoke test', report ? (report.passed ? 'passed' : 'failed') : 'skipped'])
  return rows
}

function smokeTestRows(report: SmokeTestReport): SummaryRow[] {
  const rows = report.endpoints.map(({ url, exchange, attempts }): SummaryRow => {
    const outcome = exchange.errorCode ?? String(exchange.status ?? '')
    const tries = attempts > 1 ? `, ${attempts} attempts` : ''
    return [`GET ${new URL(url).pathname}`, `${outcome} in ${latency(exchange.latencyMs)}${tries}`]
  })
  rows.push(['Latest sequence', report.latestSequence === undefined ? '—' : String(report.latestSequence)])
  if (report.write) rows.push(...report.write.steps.map(writeStepRow), ['Round trip', latency(report.write.elapsedMs)])
  return rows
}

function writeStepRow(step: WriteStepReport): SummaryRow {
  if (step.outcome === 'skipped') return [`Write: ${step.title}`, 'skipped']
  const answer = step.answer ? ` (${step.answer}${step.attempts > 1 ? `, ${step.attempts} attempts` : ''})` : ''
  return [`Write: ${step.title}`, `${step.outcome} in ${latency(step.elapsedMs)}${answer}`]
}
