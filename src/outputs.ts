// The step outputs, computed from what the action learned. Pure: main.ts writes them, after the token is masked.
import type { AzAccessToken } from './azure-cli.ts'
import type { SmokeTestReport } from './changefeed.ts'
import type { Config } from './inputs.ts'
import type { TokenClaims } from './token.ts'
import { decodeClaims, formatExpiry, tokenExpiryMs } from './token.ts'

/** Output names exactly as action.yml declares them. */
export const OUTPUT_NAMES = ['token', 'expires-on', 'tenant-id', 'dicom-base-url', 'smoke-test-result', 'latest-sequence'] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]
export type Outputs = Partial<Record<OutputName, string>>

export interface IssuedToken {
  az: AzAccessToken
  claims: TokenClaims
  expiresAtMs?: number
  /** The tenant az names, else the token's `tid`. */
  tenantId?: string
}

/** What the action knows about the token az gave it, decided once for the log, the outputs and the summary. */
export function issueToken(az: AzAccessToken): IssuedToken {
  const claims = decodeClaims(az.accessToken)
  return { az, claims, expiresAtMs: tokenExpiryMs(az.expiresOnEpoch, claims), tenantId: az.tenant ?? claims.tenantId }
}

export function tokenOutputs(config: Config, issued: IssuedToken): Outputs {
  const outputs: Outputs = {
    token: issued.az.accessToken,
    'expires-on': issued.expiresAtMs === undefined ? '' : formatExpiry(issued.expiresAtMs),
    'tenant-id': issued.tenantId ?? ''
  }
  if (config.dicomBaseUrl) outputs['dicom-base-url'] = config.dicomBaseUrl
  return outputs
}

export function smokeTestOutputs(report: SmokeTestReport | undefined): Outputs {
  if (!report) return { 'smoke-test-result': 'skipped' }
  return {
    'smoke-test-result': report.passed ? 'passed' : 'failed',
    ...(report.latestSequence !== undefined ? { 'latest-sequence': String(report.latestSequence) } : {})
  }
}
