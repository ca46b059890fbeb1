// What Entra ID's token endpoint answered, read (pure): a success becomes the same IssuedToken that az's answer
// becomes; an error becomes its AADSTS codes and description. Nothing unread is ever echoed: it may hold the token.
import { isTenant } from '../../dicom-service.ts'
import { ActionError } from '../../errors.ts'
import { decodeClaims } from '../../token.ts'
import type { IssuedToken } from '../../token.ts'
import type { FederatedIdentity } from './request.ts'

/** expires_in outside this (seconds) is not a lifetime Entra gives: the token's `exp` is used instead. */
const MAX_EXPIRES_IN_S = 24 * 60 * 60

function jsonObject(body: string | undefined): Record<string, unknown> | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body ?? '')
  } catch {
    return undefined
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined
}

function unreadableSuccess(detail: string): ActionError {
  return new ActionError(
    'federated-answer',
    `Entra ID answered the token request with HTTP 200, but ${detail} (not shown: it may contain the token).`,
    "Check that the authority (AZURE_AUTHORITY_HOST, or az's cloud) is Entra ID itself and not a proxy or " +
      'gateway that rewrites its answers.'
  )
}

function expiresInSeconds(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0 && seconds <= MAX_EXPIRES_IN_S
    ? seconds
    : undefined
}

/**
 * Reads a 200 answer: `{token_type: "Bearer", expires_in, access_token}`. The expiry is `expires_in` from when the
 * answer arrived, else the token's `exp`; the tenant is the token's `tid`, else the tenant asked for.
 */
export function issueFederatedToken(
  body: string,
  answeredAtMs: number,
  identity: Pick<FederatedIdentity, 'clientId' | 'tenant'>
): IssuedToken {
  const answer = jsonObject(body)
  const accessToken = answer?.access_token
  if (!answer || typeof accessToken !== 'string' || accessToken === '') {
    throw unreadableSuccess(`its ${body.length} characters are not the expected JSON with an access_token`)
  }
  // The runner masks a secret line by line, and a header carries only visible ASCII: anything else is no token.
  if (!/^[\x21-\x7e]+$/.test(accessToken)) {
    throw unreadableSuccess(
      `its access_token of ${accessToken.length} characters has whitespace, control or non-ASCII characters`
    )
  }
  const tokenType = answer.token_type
  if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')) {
    throw unreadableSuccess('its token_type is not Bearer, the only kind the DICOM service takes')
  }
  const claims = decodeClaims(accessToken)
  const expiresIn = expiresInSeconds(answer.expires_in)
  return {
    value: accessToken,
    claims,
    expiresAtMs: expiresIn === undefined ? claims.expiresAtMs : answeredAtMs + expiresIn * 1000,
    // An output and a log line: only a tenant ID or domain, never whatever else the token may hold there.
    tenantId: [claims.tenantId, identity.tenant].find((tenant) => tenant !== undefined && isTenant(tenant)),
    source: { kind: 'federated', clientId: identity.clientId }
  }
}

/** An Entra error answer: `{error, error_description: "AADSTS<code>: …", error_codes: [<code>], trace_id, …}`. */
export interface EntraError {
  /** The AADSTS codes, from error_codes or else from the description; empty when there is none. */
  codes: string[]
  /** The OAuth error, e.g. invalid_client. */
  error?: string
  description?: string
  traceId?: string
  correlationId?: string
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** Reads an error body; undefined when it is not Entra's JSON error (an HTML page from a proxy, say). */
export function readEntraError(body: string | undefined): EntraError | undefined {
  const answer = jsonObject(body)
  const error = text(answer?.error)
  const description = text(answer?.error_description)
  if (!answer || (error === undefined && description === undefined)) return undefined
  const listed = Array.isArray(answer.error_codes)
    ? answer.error_codes.filter((code) => Number.isInteger(code)).map(String)
    : []
  const described = [...(description ?? '').matchAll(/AADSTS(\d+)/g)].map((match) => match[1] ?? '')
  return {
    codes: listed.length > 0 ? listed : [...new Set(described)],
    error,
    description,
    traceId: text(answer.trace_id),
    correlationId: text(answer.correlation_id)
  }
}
