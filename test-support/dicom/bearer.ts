// The service's bearer check: which tokens it accepts, the 401 challenge it answers the others with, and who a token
// names (its oid), so roles can be checked and the request log can tell tokens apart.
import { createHash } from 'node:crypto'
import { decodeJwtPayload } from '../azure/jwt.ts'
import { empty, type Reply } from './http.ts'

export const DICOM_AUDIENCE = 'https://dicom.healthcareapis.azure.com'

/** DICOM Data Reader may read (GET); DICOM Data Owner may also store and delete. */
export type DicomRole = 'reader' | 'owner'

export interface BearerExpectation {
  /** Without a trailing slash; a token's aud matches with or without one. */
  audience: string
  /** When set, a token from another tenant is refused. */
  tenantId?: string | undefined
}

export function bearerExpectation(audience = DICOM_AUDIENCE, tenantId?: string): BearerExpectation {
  return { audience: trimTrailingSlash(audience), tenantId }
}

export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1]
}

/** Why the service would refuse this Authorization header with a 401, or undefined when it would accept the token. */
export function bearerProblem(header: string | undefined, expected: BearerExpectation): string | undefined {
  const token = bearerToken(header)
  if (token === undefined) return 'No bearer token was presented'
  const claims = decodeJwtPayload(token)
  if (Object.keys(claims).length === 0) return 'The token is malformed'
  const aud = typeof claims.aud === 'string' ? claims.aud : JSON.stringify(claims.aud ?? '')
  if (trimTrailingSlash(aud) !== expected.audience) return `The audience '${aud}' is invalid`
  if (typeof claims.exp !== 'number') return 'The token has no expiration time'
  if (claims.exp * 1000 <= Date.now()) return 'The token is expired'
  if (expected.tenantId !== undefined && claims.tid !== expected.tenantId) {
    return `The tenant '${typeof claims.tid === 'string' ? claims.tid : ''}' is invalid`
  }
  return undefined
}

/** A 401 with an empty body and the service's Bearer challenge, whose error_description gives the reason. */
export function unauthorized(expected: BearerExpectation, reason: string): Reply {
  const tenant = expected.tenantId ?? 'common'
  const challenge = [
    `authorization_uri="https://login.microsoftonline.com/${tenant}"`,
    `resource_id="${expected.audience}"`,
    `realm="${expected.audience}"`,
    'error="invalid_token"',
    `error_description="${headerSafe(reason)}"`
  ].join(', ')
  return empty(401, { 'WWW-Authenticate': `Bearer ${challenge}` })
}

/** Identifies a token without keeping it: the first 16 hex digits of its SHA-256. */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16)
}

/** The principal a token names: its oid claim. */
export function principalOf(token: string): string | undefined {
  const oid = decodeJwtPayload(token).oid
  return typeof oid === 'string' ? oid : undefined
}

function trimTrailingSlash(value: string): string {
  return value.endsWith('/') ? value.slice(0, -1) : value
}

/** Header values must be printable ASCII, and a quote would end the challenge parameter early. */
function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?').replace(/["\\]/g, "'")
}
