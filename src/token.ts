// The token az issued, as one value: the secret, its non-secret claims (read without verifying) and its expiry. Pure.
// The claims help diagnose auth failures; the token itself is never printed, nor any segment of it.
import type { AzAccessToken } from './sign-in/azure-cli/output.ts'
import { isTenant } from './dicom-service.ts'

/** Expiries outside these (epoch seconds) are not expiries: 1e20 or 1e300 would make no date at all. */
const EARLIEST_EXPIRY_S = Date.UTC(2000, 0, 1) / 1000
const LATEST_EXPIRY_S = Date.UTC(9999, 11, 31) / 1000

function plausibleExpiryMs(epochSeconds: unknown): number | undefined {
  if (typeof epochSeconds !== 'number' || !Number.isFinite(epochSeconds)) return undefined
  return epochSeconds > EARLIEST_EXPIRY_S && epochSeconds < LATEST_EXPIRY_S ? epochSeconds * 1000 : undefined
}

export const EXPIRY_WARNING_MS = 10 * 60 * 1000

export interface TokenClaims {
  audience?: string
  tenantId?: string
  objectId?: string
  appId?: string
  issuer?: string
  /** Expiry as epoch milliseconds, from the `exp` claim. */
  expiresAtMs?: number
}

function stringClaim(payload: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = payload[name]
    if (typeof value === 'string' && value !== '') return value
  }
  return undefined
}

/** Who the token speaks for, as the DICOM service's role assignments name it; undefined for an opaque token. */
export function describePrincipal(claims: TokenClaims): string | undefined {
  const parts = [claims.objectId && `object id ${claims.objectId}`, claims.appId && `app id ${claims.appId}`].filter(
    (part) => !!part
  )
  return parts.length > 0 ? parts.join(', ') : undefined
}

/** Decodes the payload segment; returns {} for anything that is not a JWT (opaque tokens are valid too). */
export function decodeClaims(token: string): TokenClaims {
  const segments = token.split('.')
  if (segments.length !== 3 || !segments[1]) return {}
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(segments[1], 'base64url').toString('utf8'))
  } catch {
    return {}
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return {}
  const claims = payload as Record<string, unknown>
  const aud = claims.aud
  return {
    audience:
      typeof aud === 'string'
        ? aud
        : Array.isArray(aud)
          ? aud.filter((a) => typeof a === 'string').join(', ')
          : undefined,
    tenantId: stringClaim(claims, 'tid'),
    objectId: stringClaim(claims, 'oid'),
    appId: stringClaim(claims, 'appid', 'azp'),
    issuer: stringClaim(claims, 'iss'),
    expiresAtMs: plausibleExpiryMs(claims.exp)
  }
}

/**
 * The expiry to report. az >= 2.54 prints `expires_on` (epoch seconds); older CLIs print only `expiresOn`
 * in the runner's local time with no zone, which is wrong on any runner not set to UTC — so it is never used alone.
 */
export function tokenExpiryMs(expiresOnEpoch: number | undefined, claims: TokenClaims): number | undefined {
  return plausibleExpiryMs(expiresOnEpoch) ?? claims.expiresAtMs
}

/** ISO 8601 in UTC to the second, e.g. 2026-11-23T20:32:40Z. */
export function formatExpiry(expiresAtMs: number): string {
  return new Date(Math.floor(expiresAtMs / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

function normaliseAudience(value: string): string {
  return value.trim().replace(/\/+$/, '').toLowerCase()
}

/** Entra ID puts the resource URI (or its app ID) in `aud`; a mismatch means the service will answer 401. */
export function audienceMatches(audience: string | undefined, resource: string): boolean {
  if (audience === undefined) return true
  const wanted = normaliseAudience(resource)
  return audience.split(',').some((a) => normaliseAudience(a) === wanted)
}

export function tokenWarnings(
  claims: TokenClaims,
  resource: string,
  expiresAtMs: number | undefined,
  nowMs: number
): string[] {
  const warnings: string[] = []
  if (!audienceMatches(claims.audience, resource)) {
    warnings.push(
      `The token's audience is '${claims.audience ?? ''}', not the requested resource '${resource}'. The DICOM ` +
        `service will reject it with 401; check the 'resource' input.`
    )
  }
  if (expiresAtMs !== undefined && expiresAtMs - nowMs < EXPIRY_WARNING_MS) {
    const minutes = Math.max(0, Math.floor((expiresAtMs - nowMs) / 60000))
    warnings.push(
      `The token expires in ${minutes} minute(s) (${formatExpiry(expiresAtMs)}). Steps that run later may get ` +
        `401; get the token right before the steps that use it.`
    )
  }
  if (expiresAtMs === undefined) {
    warnings.push(
      `The token's expiry is unknown: az printed no usable 'expires_on' and the token has no usable 'exp' claim. ` +
        `'expires-on' is left empty.`
    )
  }
  return warnings
}

export interface IssuedToken {
  /** The secret itself: masked before anything else is printed, sent only to the DICOM service. */
  value: string
  claims: TokenClaims
  expiresAtMs?: number
  /** The tenant az names, else the token's `tid`. */
  tenantId?: string
}

/** What the action knows about the token az gave it, decided once for the log, the outputs and the summary. */
export function issueToken(az: AzAccessToken): IssuedToken {
  const claims = decodeClaims(az.accessToken)
  return {
    value: az.accessToken,
    claims,
    expiresAtMs: tokenExpiryMs(az.expiresOnEpoch, claims),
    // An output and a log line: only a tenant ID or domain, never whatever else az or the token may hold there.
    tenantId: [az.tenant, claims.tenantId].find((tenant) => tenant !== undefined && isTenant(tenant))
  }
}
