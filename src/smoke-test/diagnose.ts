// Turns a failed exchange into the one error a person can act on: what happened, the likely cause, the fix. Pure.
// A transport error goes by its code, an answer by its status; the write check adds what is special to writing.
import { DEFAULT_RESOURCE } from '../dicom-service.ts'
import { ActionError } from '../errors.ts'
import { quote } from '../print.ts'
import type { RetryReport } from '../retry.ts'
import { isRetryableStatus } from '../retry.ts'
import type { IssuedToken } from '../token.ts'
import { audienceMatches, describePrincipal, formatExpiry } from '../token.ts'
import type { Exchange } from './exchange.ts'
import { isProtocolError, isTlsError } from './exchange.ts'

const BODY_PREVIEW_CHARS = 120
const TIMEOUT_CODES = new Set([
  'TimeoutError',
  'AbortError',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT'
])

function challengeParameter(challenge: string | undefined, name: string): string | undefined {
  if (!challenge) return undefined
  return new RegExp(`${name}="([^"]*)"`, 'i').exec(challenge)?.[1]
}

/** A server's words inside a message. */
export function preview(text: string | undefined, token: string, maxChars = BODY_PREVIEW_CHARS): string {
  return quote(text, token, maxChars)
}

export interface DiagnosisContext {
  issued: IssuedToken
  /** The variable of the proxy the requests went through, for messages. */
  proxyVariable?: string
  nowMs: number
  attempts: number
  elapsedMs: number
  /** Set when the deadline ended the retries with the last answer still transient. */
  gaveUp?: RetryReport<unknown>['gaveUp']
}

/** "after 3 attempt(s) in 4.2 s", for messages about a step that was retried. */
export function triedFor(context: Pick<DiagnosisContext, 'attempts' | 'elapsedMs'>): string {
  return `after ${context.attempts} attempt(s) in ${(context.elapsedMs / 1000).toFixed(1)} s`
}

function requestOf(exchange: Exchange): string {
  return `${exchange.method} ${exchange.url}`
}

function diagnoseUnauthorized(exchange: Exchange, context: DiagnosisContext): ActionError {
  const description = challengeParameter(exchange.wwwAuthenticate, 'error_description')
  const serviceTenant = /login\.microsoftonline\.com\/([^/"]+)/i.exec(
    challengeParameter(exchange.wwwAuthenticate, 'authorization_uri') ?? ''
  )?.[1]
  // Server text, like everything else from the challenge: quoted, never as it came.
  const shownTenant = serviceTenant === undefined ? '' : preview(serviceTenant, context.issued.value, 80)
  const said =
    `The DICOM service rejected the token with 401 at ` +
    `${exchange.url}${description ? `: "${preview(description, context.issued.value)}"` : ''}.`
  const { claims, expiresAtMs } = context.issued
  if (!audienceMatches(claims.audience, DEFAULT_RESOURCE)) {
    return new ActionError(
      'smoke-unauthorized',
      `${said} The token's audience is '${claims.audience ?? ''}', but the DICOM service expects ` +
        `'${DEFAULT_RESOURCE}'.`,
      `Leave the 'resource' input at its default (${DEFAULT_RESOURCE}).`
    )
  }
  if (expiresAtMs !== undefined && expiresAtMs <= context.nowMs) {
    return new ActionError(
      'smoke-unauthorized',
      `${said} The token expired at ${formatExpiry(expiresAtMs)}.`,
      'Get the token right before the steps that use it.'
    )
  }
  if (
    serviceTenant &&
    claims.tenantId &&
    !['common', 'organizations'].includes(serviceTenant) &&
    serviceTenant.toLowerCase() !== claims.tenantId.toLowerCase()
  ) {
    return new ActionError(
      'smoke-unauthorized',
      `${said} The service belongs to tenant ${shownTenant}, but the token was issued by tenant ${claims.tenantId}.`,
      `Log in to tenant ${shownTenant} with azure/login (tenant-id), or set the 'tenant' input.`
    )
  }
  return new ActionError(
    'smoke-unauthorized',
    `${said} The token has audience '${claims.audience ?? 'unknown'}' and tenant '${claims.tenantId ?? 'unknown'}'.`,
    `Check that dicom-url is a DICOM service of the tenant azure/login signed in to, and that 'resource' is ` +
      `${DEFAULT_RESOURCE}.`
  )
}

/** wait-for-access ran out of time: still 403 at the deadline. `role` is the role the request needs. */
export function accessNeverApplied(exchange: Exchange, context: DiagnosisContext, role: string): ActionError {
  const who = describePrincipal(context.issued.claims) ?? 'the signed-in identity'
  const waited = `${(context.elapsedMs / 1000).toFixed(1)} s`
  return new ActionError(
    'smoke-access-timeout',
    `The DICOM service still answered 403 to ${exchange.method} ${exchange.url} after waiting ${waited} ` +
      `(${context.attempts} attempt(s)) for ${who} to get a DICOM Data role.`,
    `Check that the principal has the ${role} role on the DICOM service; a new assignment can take about 10 ` +
      `minutes to apply (longer through a group), so raise timeout-seconds if it was just made.`
  )
}

function diagnoseProxyRefusal(variable: string, status: string, exchange: Exchange, tried: string): ActionError {
  const host = new URL(exchange.url).host
  if (status === '407') {
    return new ActionError(
      'smoke-proxy',
      `The proxy in ${variable} answered 407 to the tunnel to ${host}: it wants authentication.`,
      `Give the proxy's user and password in ${variable} (http://user:password@host:port, from a secret), or ` +
        `list the DICOM host in NO_PROXY.`
    )
  }
  return new ActionError(
    'smoke-proxy',
    `The proxy in ${variable} answered ${status} to the tunnel to ${host} (${tried}).`,
    `Check that the proxy may reach the DICOM host, or list it in NO_PROXY.`
  )
}

/**
 * One actionable error for a failed exchange. `bodyProblem` is what reading a good status found wrong with its body
 * (see read/changefeed.ts); the body is not read again here.
 */
export function diagnoseExchange(exchange: Exchange, context: DiagnosisContext, bodyProblem?: string): ActionError {
  if (exchange.errorCode !== undefined) return diagnoseTransportError(exchange, exchange.errorCode, context)
  return diagnoseStatus(exchange, context, bodyProblem)
}

/** No answer: the certificate, the answer's framing, the proxy, the clock or the network. */
function diagnoseTransportError(exchange: Exchange, code: string, context: DiagnosisContext): ActionError {
  const tried = triedFor(context)
  if (isTlsError(code)) {
    return new ActionError(
      'smoke-tls',
      `The TLS certificate of ${new URL(exchange.url).host} was not accepted (${code}).`,
      'Check the dicom-url host name; if a TLS-inspecting proxy is in the way, trust its CA with ' +
        'NODE_EXTRA_CA_CERTS on the runner.'
    )
  }
  if (isProtocolError(code)) {
    const meaning =
      code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE'
        ? 'it is larger than the 1 MiB the action reads'
        : 'it is not valid HTTP/1.1'
    return new ActionError(
      'smoke-response',
      `The answer to ${requestOf(exchange)} could not be read (${code}): ${meaning}.`,
      'Something other than the DICOM service may be answering (a proxy, a firewall, another server): check ' +
        'dicom-url.'
    )
  }
  const proxy = context.proxyVariable
  if (proxy !== undefined && code.startsWith('PROXY_'))
    return diagnoseProxyRefusal(proxy, code.slice(6), exchange, tried)
  if (proxy !== undefined && !TIMEOUT_CODES.has(code)) {
    return new ActionError(
      'smoke-proxy',
      `Could not reach the DICOM service through the proxy in ${proxy} (${code}, ${tried}).`,
      `Check that the proxy in ${proxy} runs and the runner can reach it (its value is not shown: it may hold ` +
        `credentials), or list the DICOM host in NO_PROXY.`
    )
  }
  if (TIMEOUT_CODES.has(code)) {
    return new ActionError(
      'smoke-timeout',
      `The DICOM service did not answer ${requestOf(exchange)} in time (${code}, ${tried}).`,
      'Check that the service is running and reachable from the runner, or raise timeout-seconds.'
    )
  }
  return new ActionError(
    'smoke-network',
    `Could not reach the DICOM service at ${new URL(exchange.url).host} (${code}, ${tried}).`,
    'Check dicom-url and that the runner can reach it (DNS of a new service can take minutes; private ' +
      'endpoints need a runner inside the network).'
  )
}

/** An answer, by its status: the body, the token, the role, the URL, or the service's state. */
function diagnoseStatus(exchange: Exchange, context: DiagnosisContext, bodyProblem: string | undefined): ActionError {
  const status = exchange.status ?? 0
  if (status === 200 || status === 204) return diagnoseBody(exchange, status, context.issued.value, bodyProblem)
  if (status === 401) return diagnoseUnauthorized(exchange, context)
  if (status === 403 && context.gaveUp) {
    return accessNeverApplied(exchange, context, 'DICOM Data Reader (or DICOM Data Owner)')
  }
  if (status === 403) return diagnoseForbidden(exchange, context.issued)
  if (status === 404) {
    return new ActionError(
      'smoke-not-found',
      `The DICOM service answered 404 for ${exchange.url}.`,
      'Check dicom-url (https://<workspace>-<service>.dicom.azurehealthcareapis.com, normally with no path) and ' +
        'api-version (v1.0-prerelease, v1 or v2).'
    )
  }
  if (status >= 300 && status < 400) return diagnoseRedirect(exchange, status)
  if (isRetryableStatus(status)) return diagnoseUnavailable(exchange, status, context)
  return diagnoseRefusal(exchange, status, context.issued.value)
}

function shownContentType(exchange: Exchange, token: string): string {
  return exchange.contentType === undefined ? 'none' : preview(exchange.contentType, token, 80)
}

/** A good status with a body that is not what the check reads. */
function diagnoseBody(exchange: Exchange, status: number, token: string, bodyProblem: string | undefined): ActionError {
  const request = requestOf(exchange)
  if (bodyProblem === 'not-json') {
    return new ActionError(
      'smoke-response',
      `${request} answered ${status} with Content-Type '${shownContentType(exchange, token)}', not JSON; it ` +
        `starts with: "${preview(exchange.body, token)}".`,
      'A proxy, firewall or login page may be answering instead of the DICOM service: check dicom-url.'
    )
  }
  return new ActionError(
    'smoke-response',
    `${request} answered ${status}, but the body is not a change feed: ${bodyProblem ?? 'unreadable'}; it ` +
      `starts with: "${preview(exchange.body, token)}".`,
    'Check that dicom-url points at an Azure Health Data Services DICOM service and api-version is right.'
  )
}

function diagnoseForbidden(exchange: Exchange, issued: IssuedToken): ActionError {
  return new ActionError(
    'smoke-forbidden',
    `The DICOM service refused ${describePrincipal(issued.claims) ?? 'the signed-in identity'} with 403 at ` +
      `${exchange.url}${exchange.body ? ` ("${preview(exchange.body, issued.value)}")` : ''}.`,
    'Assign that principal the DICOM Data Reader (or DICOM Data Owner) role on the DICOM service; new role ' +
      'assignments can take several minutes to apply, so re-run after a few minutes.'
  )
}

function diagnoseRedirect(exchange: Exchange, status: number): ActionError {
  const target =
    exchange.location && URL.canParse(exchange.location, exchange.url)
      ? new URL(exchange.location, exchange.url).origin
      : 'an unknown location'
  return new ActionError(
    'smoke-redirect',
    `${requestOf(exchange)} answered ${status}, a redirect to ${target}; it was not followed, so the token was not ` +
      `sent there.`,
    'Set dicom-url to the service URL itself (the final https://<workspace>-<service>.dicom.azurehealthcareapis.com).'
  )
}

/** Still throttled or not ready when the retries ended. */
function diagnoseUnavailable(exchange: Exchange, status: number, context: DiagnosisContext): ActionError {
  const { gaveUp } = context
  const retryAfter =
    gaveUp?.reason === 'retry-after-past-deadline' && gaveUp.retryAfterMs !== undefined
      ? ` It asked to retry after ${Math.ceil(gaveUp.retryAfterMs / 1000)} s, past the deadline.`
      : ''
  return new ActionError(
    'smoke-unavailable',
    `The DICOM service still answered ${status} to ${requestOf(exchange)} ${triedFor(context)}.${retryAfter}`,
    'The service is throttled or not ready (a new deployment can take minutes): raise timeout-seconds, or run ' +
      'the smoke test later.'
  )
}

/** A status no retry fixes, with the service's own words. */
function diagnoseRefusal(exchange: Exchange, status: number, token: string): ActionError {
  const request = requestOf(exchange)
  const said = exchange.body ? `: "${preview(exchange.body, token)}"` : ''
  if (status === 424) {
    return new ActionError(
      'smoke-dependency',
      `The DICOM service answered 424 Failed Dependency to ${request}${said}: it cannot reach its storage ` +
        `account or its customer-managed key.`,
      "Check the service's linked storage account (or Data Lake) and its key vault key and access; this is not " +
        'retried, as it does not fix itself within a step.'
    )
  }
  // The service answers an API version it does not serve with 400 UnsupportedApiVersion, in plain text.
  if (status === 400 && /UnsupportedApiVersion|api[- ]version/i.test(exchange.body ?? '')) {
    return new ActionError(
      'smoke-response',
      `${request} answered 400${said}: the DICOM service does not support this API version.`,
      'Set api-version to a version the service supports (v2, v1 or v1.0-prerelease).'
    )
  }
  return new ActionError('smoke-response', `${request} answered ${status}${said}.`, 'Check dicom-url and api-version.')
}
