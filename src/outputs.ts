// The step outputs, computed from what the action learned. Pure: main.ts writes them, after the token is masked.
import type { Config } from './inputs.ts'
import type { SmokeTestReport } from './smoke-test/report.ts'
import type { IssuedToken } from './token.ts'
import { formatExpiry } from './token.ts'

/** Output names exactly as action.yml declares them. */
export const OUTPUT_NAMES = [
  'token',
  'expires-on',
  'tenant-id',
  'dicom-base-url',
  'smoke-test-result',
  'latest-sequence',
  'round-trip-ms'
] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]
export type Outputs = Partial<Record<OutputName, string>>

export function tokenOutputs(config: Config, issued: IssuedToken): Outputs {
  const outputs: Outputs = {
    token: issued.value,
    'expires-on': issued.expiresAtMs === undefined ? '' : formatExpiry(issued.expiresAtMs),
    'tenant-id': issued.tenantId ?? ''
  }
  if (config.dicom) outputs['dicom-base-url'] = config.dicom.baseUrl
  return outputs
}

export function smokeTestOutputs(report: SmokeTestReport | undefined): Outputs {
  if (!report) return { 'smoke-test-result': 'skipped' }
  return {
    'smoke-test-result': report.passed ? 'passed' : 'failed',
    // As action.yml says: only when the smoke test passed, though the summary shows what the reads gave.
    ...(report.passed && report.latestSequence !== undefined
      ? { 'latest-sequence': String(report.latestSequence) }
      : {}),
    ...(report.write ? { 'round-trip-ms': String(Math.round(report.write.elapsedMs)) } : {})
  }
}
