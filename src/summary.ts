// The job summary: a small table of what was checked. Pure; it never sees the token, only its non-secret claims.
import type { Config } from './inputs.ts'
import type { SmokeTestReport } from './smoke-test/report.ts'
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
  if (report) {
    for (const endpoint of report.endpoints) {
      const { exchange } = endpoint
      const outcome = exchange.errorCode ?? String(exchange.status ?? '')
      const attempts = endpoint.attempts > 1 ? `, ${endpoint.attempts} attempts` : ''
      rows.push([`GET ${new URL(endpoint.url).pathname}`, `${outcome} in ${latency(exchange.latencyMs)}${attempts}`])
    }
    rows.push(['Latest sequence', report.latestSequence === undefined ? '—' : String(report.latestSequence)])
    if (report.write) {
      for (const step of report.write.steps) {
        const answer = step.answer ? ` (${step.answer}${step.attempts > 1 ? `, ${step.attempts} attempts` : ''})` : ''
        rows.push([
          `Write: ${step.title}`,
          step.outcome === 'skipped' ? 'skipped' : `${step.outcome} in ${latency(step.elapsedMs)}${answer}`
        ])
      }
      rows.push(['Round trip', latency(report.write.elapsedMs)])
    }
  }
  rows.push(['Smoke test', report ? (report.passed ? 'passed' : 'failed') : 'skipped'])
  return rows
}
