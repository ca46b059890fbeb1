// A loopback stand-in for Microsoft Entra ID's token endpoint, for the federated exchange of a GitHub OIDC token
// (`POST <authority>/<tenant>/oauth2/v2.0/token`, client credentials with a JWT-bearer client assertion). It judges each
// assertion the way Entra does, against the federated credentials registered here (issuer, subject case-sensitive,
// audience) and its time range, answers with Entra's success and error bodies, records what it received, and can fail
// in the transient ways (429, 503, hang, reset, redirect). It also answers the discovery GETs that MSAL (the real az)
// makes first. Its access tokens pass the DICOM emulator's bearer check.
import { randomUUID } from 'node:crypto'
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { accessTokenClaims, decodeJwtPayload, makeJwt } from './jwt.ts'
import { closeServer, listenOnLoopback, sendJson, trackSockets } from '../net/loopback-server.ts'
import { GITHUB_OIDC_ISSUER, DEFAULT_OIDC_AUDIENCE, DEFAULT_OIDC_SUBJECT } from './github-oidc-endpoint.ts'

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
export const ACCESS_TOKEN_LIFETIME_SECONDS = 3599

// Fixed so that failures are reproducible; random-looking so that no test mistakes them for real ones.
export const FEDERATED_TENANT_ID = '3f6a9c2e-58d1-4b7e-a0c4-e91b2d7f5a36'
export const FEDERATED_CLIENT_ID = '9b1e4d7a-2c60-4f83-b5a9-0d3e6f8c1a72'
export const FEDERATED_OBJECT_ID = 'e4c27a19-6b3d-4e05-9f81-5a2d0c7b3e64'

/** One federated identity credential of an app registration or a user-assigned managed identity. */
export interface FederatedCredential {
  issuer: string
  /** Compared case-sensitively, as Entra has done since 2024. */
  subject: string
  audiences: string[]
}

export interface EntraApplication {
  clientId: string
  /** The service principal's (or managed identity's) object id: the token's oid. */
  objectId: string
  federatedCredentials: FederatedCredential[]
}

export interface EntraTenant {
  tenantId: string
  applications: EntraApplication[]
}

export type EntraFault =
  | { kind: 'none' }
  | { kind: 'throttled'; retryAfter: string; times: number }
  | { kind: 'unavailable'; times: number; retryAfter?: string }
  | { kind: 'hang' }
  | { kind: 'reset'; times: number }
  /** A 302 to another path of this server: a client must not follow it with the assertion. */
  | { kind: 'redirect' }
  /** Any other Entra error, e.g. 7000215, with its status (400 unless given) and description. */
  | { kind: 'error'; code: number; error?: string; description?: string; status?: number }

/** What was asked of the token endpoint, and what it answered (AADSTS code, fault or 'issued'). */
export interface EntraTokenRequest {
  method: string
  path: string
  tenant: string
  headers: Record<string, string | string[] | undefined>
  /** The form fields as received (client_assertion included: tests check it, and must never print it). */
  form: Record<string, string>
  contentType: string
  outcome: string
  at: number
}

export interface EntraEndpointOptions {
  certificate: { cert: string; key: string }
  /** Default: one tenant, FEDERATED_TENANT_ID, with one app that trusts the GitHub OIDC endpoint's default subject. */
  tenants?: EntraTenant[]
  /** 'http' only to test how a client treats a plain-http loopback authority. Default 'https'. */
  protocol?: 'https' | 'http'
  tokenLifetimeSeconds?: number
}

export interface EntraEndpoint {
  /** The authority host, e.g. https://127.0.0.1:1234 (AZURE_AUTHORITY_HOST, or az's endpoints.activeDirectory). */
  authorityHost: string
  tokenUrl(tenant?: string): string
  /** Requests to the token path (every tenant), in order. */
  requests: EntraTokenRequest[]
  /** Every other request (discovery GETs, redirect targets, unknown paths), as `METHOD path`. */
  otherRequests: string[]
  /** Access tokens issued, in order. */
  issued: string[]
  tenants: EntraTenant[]
  setFault(fault: EntraFault): void
  /** Moves this server's clock: `advanceClock(301)` judges a fresh GitHub OIDC token as one 5 minutes older. */
  advanceClock(seconds: number): void
  close(): Promise<void>
}

export function defaultTenant(): EntraTenant {
  return {
    tenantId: FEDERATED_TENANT_ID,
    applications: [
      {
        clientId: FEDERATED_CLIENT_ID,
        objectId: FEDERATED_OBJECT_ID,
        federatedCredentials: [
          { issuer: GITHUB_OIDC_ISSUER, subject: DEFAULT_OIDC_SUBJECT, audiences: [DEFAULT_OIDC_AUDIENCE] }
        ]
      }
    ]
  }
}

/** An Entra error answer: the body shape every AADSTS failure has. */
export interface EntraError {
  status: number
  error: string
  code: number
  description: string
}

/** Entra's time format in its messages: seven fractional digits, e.g. 2023-10-31T11:44:49.0000000Z. */
function entraTime(epochSeconds: number): string {
  return new Date(Math.floor(epochSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, '.0000000Z')
}

export function entraErrorBody(failure: EntraError, nowSeconds: number): Record<string, unknown> {
  const traceId = randomUUID()
  const correlationId = randomUUID()
  const timestamp = entraTime(nowSeconds).replace('T', ' ').replace('.0000000', '')
  return {
    error: failure.error,
    error_description:
      `AADSTS${failure.code}: ${failure.description} Trace ID: ${traceId} Correlation ID: ${correlationId} ` +
      `Timestamp: ${timestamp}`,
    error_codes: [failure.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${failure.code}`
  }
}

const TENANT_SHAPE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i
const REQUIRED_FIELDS = ['grant_type', 'client_id', 'scope'] as const

function missingField(name: string): EntraError {
  return {
    status: 400,
    error: 'invalid_request',
    code: 900144,
    description: `The request body must contain the following parameter: '${name}'.`
  }
}

/** The tenant a token request names, or the error Entra gives for a tenant it cannot find. */
export function findTenant(tenants: EntraTenant[], tenant: string): EntraTenant | EntraError {
  const found = tenants.find((t) => t.tenantId.toLowerCase() === tenant.toLowerCase())
  if (found !== undefined) return found
  if (!TENANT_SHAPE.test(tenant)) {
    return {
      status: 400,
      error: 'invalid_request',
      code: 900023,
      description: `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`
    }
  }
  return {
    status: 400,
    error: 'invalid_tenant',
    code: 90002,
    description:
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the ` +
      'correct cloud. Check with your subscription administrator, this may happen if there are no active ' +
      'subscriptions for the tenant.'
  }
}

/** The resource of a client-credentials scope (`<resource>/.default`), or undefined when it is not one. */
export function resourceOfScope(scope: string): string | undefined {
  const scopes = scope.split(' ').filter((s) => s !== '')
  const only = scopes.length === 1 ? scopes[0] : undefined
  return only?.endsWith('/.default') ? only.slice(0, -'/.default'.length) : undefined
}

function checkRequestShape(form: Record<string, string>): EntraError | undefined {
  for (const name of REQUIRED_FIELDS) if (!form[name]) return missingField(name)
  if (form.grant_type !== 'client_credentials') {
    return {
      status: 400,
      error: 'unsupported_grant_type',
      code: 70003,
      description: `The app requested an unsupported grant type '${form.grant_type ?? ''}'.`
    }
  }
  if (!form.client_assertion || form.client_assertion_type !== CLIENT_ASSERTION_TYPE) {
    return {
      status: 401,
      error: 'invalid_client',
      code: 7000216,
      description:
        "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type."
    }
  }
  if (resourceOfScope(form.scope ?? '') === undefined) {
    return {
      status: 400,
      error: 'invalid_scope',
      code: 1002012,
      description:
        `The provided value for scope ${form.scope ?? ''} is not valid. Client credential flows must have a scope ` +
        'value with /.default suffixed to the resource identifier (application ID URI).'
    }
  }
  return undefined
}

function claimText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? '')
}

/** Entra's verdict on a client assertion's time range (nbf and exp, in seconds), at `nowSeconds`. */
export function assertionTimeProblem(claims: Record<string, unknown>, nowSeconds: number): EntraError | undefined {
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined
  const nbf = typeof claims.nbf === 'number' ? claims.nbf : typeof claims.iat === 'number' ? claims.iat : undefined
  if (exp !== undefined && nbf !== undefined && nowSeconds < exp && nowSeconds >= nbf) return undefined
  return {
    status: 401,
    error: 'invalid_client',
    code: 700024,
    description:
      `Client assertion is not within its valid time range. Current time: ${entraTime(nowSeconds)}, assertion ` +
      `valid from ${nbf === undefined ? 'unknown' : entraTime(nbf)}, expiry time of assertion ` +
      `${exp === undefined ? 'unknown' : entraTime(exp)}. Review the documentation at ` +
      'https://learn.microsoft.com/entra/identity-platform/certificate-credentials .'
  }
}

/**
 * Entra's verdict on which federated credential the assertion matches: 700213 when one has its issuer and audience but
 * the subject differs (in case too), 70021 when none has even those.
 */
export function federatedCredentialProblem(
  application: EntraApplication,
  claims: Record<string, unknown>
): EntraError | undefined {
  const [iss, sub, aud] = [claimText(claims.iss), claimText(claims.sub), claims.aud]
  const audiences = Array.isArray(aud) ? aud.map(claimText) : [claimText(aud)]
  const issuerAndAudience = application.federatedCredentials.filter(
    (c) => c.issuer === iss && c.audiences.some((a) => audiences.includes(a))
  )
  if (issuerAndAudience.some((c) => c.subject === sub)) return undefined
  if (issuerAndAudience.length > 0) {
    return {
      status: 401,
      error: 'invalid_client',
      code: 700213,
      description:
        `No matching federated identity record found for presented assertion subject '${sub}'. Please note that ` +
        'the matching is done using a case-sensitive comparison. Check your federated identity credential Subject, ' +
        'Audience and Issuer against the presented assertion. ' +
        'https://learn.microsoft.com/entra/workload-id/workload-identity-federation'
    }
  }
  return {
    status: 400,
    error: 'invalid_request',
    code: 70021,
    description:
      `No matching federated identity record found for presented assertion. Assertion Issuer: '${iss}'. ` +
      `Assertion Subject: '${sub}'. Assertion Audience: '${audiences.join(',')}'. ` +
      'https://learn.microsoft.com/entra/workload-id/workload-identity-federation'
  }
}

function applicationProblem(tenant: EntraTenant, clientId: string): EntraApplication | EntraError {
  const application = tenant.applications.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase())
  if (application !== undefined) return application
  return {
    status: 400,
    error: 'unauthorized_client',
    code: 700016,
    description:
      `Application with identifier '${clientId}' was not found in the directory '${tenant.tenantId}'. This can ` +
      'happen if the application has not been installed by the administrator of the tenant or consented to by any ' +
      'user in the tenant. You may have sent your authentication request to the wrong tenant.'
  }
}

/** The whole verdict on one token request: the application and resource it is for, or Entra's error. */
export function judgeTokenRequest(
  tenants: EntraTenant[],
  tenantInPath: string,
  form: Record<string, string>,
  nowSeconds: number
): { application: EntraApplication; tenantId: string; resource: string } | EntraError {
  const tenant = findTenant(tenants, tenantInPath)
  if ('code' in tenant) return tenant
  const shape = checkRequestShape(form)
  if (shape !== undefined) return shape
  const application = applicationProblem(tenant, form.client_id ?? '')
  if ('code' in application) return application
  const claims = decodeJwtPayload(form.client_assertion ?? '')
  if (Object.keys(claims).length === 0) {
    return { status: 400, error: 'invalid_request', code: 50027, description: 'JWT token is invalid or malformed.' }
  }
  const problem = assertionTimeProblem(claims, nowSeconds) ?? federatedCredentialProblem(application, claims)
  if (problem !== undefined) return problem
  return { application, tenantId: tenant.tenantId, resource: resourceOfScope(form.scope ?? '') ?? '' }
}

// Large enough for any assertion, small enough that a runaway client cannot fill memory.
const MAX_BODY_BYTES = 64 * 1024

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new Error('request body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/
const OPENID_CONFIGURATION_PATH = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/
const INSTANCE_DISCOVERY_PATH = '/common/discovery/instance'
const REDIRECT_TARGET_PATH = '/redirected/oauth2/v2.0/token'

/** The OpenID configuration MSAL reads before its first token request: only the endpoints it uses matter. */
function openidConfiguration(authorityHost: string, tenant: string): Record<string, unknown> {
  return {
    token_endpoint: `${authorityHost}/${tenant}/oauth2/v2.0/token`,
    authorization_endpoint: `${authorityHost}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${authorityHost}/${tenant}/oauth2/v2.0/devicecode`,
    issuer: `${authorityHost}/${tenant}/v2.0`,
    jwks_uri: `${authorityHost}/${tenant}/discovery/v2.0/keys`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    tenant_region_scope: 'WW',
    cloud_instance_name: 'microsoftonline.com'
  }
}

/**
 * MSAL's instance discovery answer (it asks login.microsoftonline.com about any authority it does not know): the
 * tenant discovery endpoint, on this server, of the authority it asked about.
 */
function instanceDiscovery(authorityHost: string, authorizationEndpoint: string): Record<string, unknown> {
  const tenant = /^https:\/\/[^/]+\/([^/]+)\//.exec(authorizationEndpoint)?.[1] ?? 'common'
  const host = new URL(authorityHost).host
  return {
    tenant_discovery_endpoint: `${authorityHost}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
  }
}

function formFields(body: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body))
}

interface FaultState {
  fault: EntraFault
  used: number
}

/** Applies a transient fault to this token request; true when it answered (or never will). */
function answerWithFault(state: FaultState, res: ServerResponse, redirectTo: string): string | undefined {
  const fault = state.fault
  if (fault.kind === 'hang') return 'hang'
  if (fault.kind === 'redirect') {
    res.writeHead(302, { Location: redirectTo, 'Content-Length': 0 }).end()
    return 'redirect'
  }
  if (fault.kind === 'error') return undefined
  if (fault.kind === 'none' || state.used >= fault.times) return undefined
  state.used++
  if (fault.kind === 'reset') {
    res.socket?.destroy()
    return 'reset'
  }
  if (fault.kind === 'throttled') {
    const body = JSON.stringify({ error: 'temporarily_unavailable', error_description: 'Too many requests' })
    res.writeHead(429, { 'Retry-After': fault.retryAfter, 'Content-Type': 'application/json' }).end(body)
    return '429'
  }
  const headers: Record<string, string> = { 'Content-Type': 'text/html' }
  if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter
  res.writeHead(503, headers).end('<html><body>Service Unavailable</body></html>')
  return '503'
}

export async function startEntraEndpoint(options: EntraEndpointOptions): Promise<EntraEndpoint> {
  const tenants = options.tenants ?? [defaultTenant()]
  const lifetimeSeconds = options.tokenLifetimeSeconds ?? ACCESS_TOKEN_LIFETIME_SECONDS
  const requests: EntraTokenRequest[] = []
  const otherRequests: string[] = []
  const issued: string[] = []
  const faultState: FaultState = { fault: { kind: 'none' }, used: 0 }
  let clockOffsetSeconds = 0
  let authorityHost = ''
  const now = (): number => Math.floor(Date.now() / 1000) + clockOffsetSeconds

  const answerToken = (tenantInPath: string, form: Record<string, string>, res: ServerResponse): string => {
    const fault = faultState.fault
    const verdict =
      fault.kind === 'error'
        ? {
            status: fault.status ?? 400,
            error: fault.error ?? 'invalid_request',
            code: fault.code,
            description: fault.description ?? 'Loopback Entra: a scripted error.'
          }
        : judgeTokenRequest(tenants, tenantInPath, form, now())
    if ('code' in verdict) {
      sendJson(res, verdict.status, entraErrorBody(verdict, now()))
      return `AADSTS${verdict.code}`
    }
    const { application, tenantId, resource } = verdict
    const claims = accessTokenClaims(
      { audience: resource, tenantId, objectId: application.objectId, appId: application.clientId, lifetimeSeconds },
      now()
    )
    const token = makeJwt(claims)
    issued.push(token)
    sendJson(res, 200, {
      token_type: 'Bearer',
      expires_in: lifetimeSeconds,
      ext_expires_in: lifetimeSeconds,
      access_token: token
    })
    return 'issued'
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', 'https://127.0.0.1')
    const body = await readBody(req)
    const tokenPath = TOKEN_PATH.exec(url.pathname)
    if (method === 'POST' && tokenPath !== null && url.pathname !== REDIRECT_TARGET_PATH) {
      const tenant = decodeURIComponent(tokenPath[1] ?? '')
      const record: EntraTokenRequest = {
        method,
        path: req.url ?? '/',
        tenant,
        headers: { ...req.headers },
        form: formFields(body),
        contentType: req.headers['content-type'] ?? '',
        outcome: '',
        at: Date.now()
      }
      requests.push(record)
      record.outcome =
        answerWithFault(faultState, res, `${authorityHost}${REDIRECT_TARGET_PATH}`) ??
        answerToken(tenant, record.form, res)
      return
    }
    otherRequests.push(`${method} ${req.url ?? '/'}`)
    const openid = OPENID_CONFIGURATION_PATH.exec(url.pathname)
    if (method === 'GET' && openid !== null) {
      const tenant = findTenant(tenants, decodeURIComponent(openid[1] ?? ''))
      if ('code' in tenant) sendJson(res, 400, entraErrorBody(tenant, now()))
      else sendJson(res, 200, openidConfiguration(authorityHost, tenant.tenantId))
    } else if (method === 'GET' && url.pathname === INSTANCE_DISCOVERY_PATH) {
      sendJson(res, 200, instanceDiscovery(authorityHost, url.searchParams.get('authorization_endpoint') ?? ''))
    } else {
      sendJson(res, 404, { error: 'not_found', error_description: `Loopback Entra has no ${method} ${url.pathname}` })
    }
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'loopback_failure', error_description: String(error) })
      else res.destroy()
    })
  }
  const server: Server =
    options.protocol === 'http'
      ? createHttpServer(listener)
      : createHttpsServer({ cert: options.certificate.cert, key: options.certificate.key }, listener)
  const sockets = trackSockets(server)
  const port = await listenOnLoopback(server)
  authorityHost = `${options.protocol ?? 'https'}://127.0.0.1:${port}`

  return {
    authorityHost,
    tokenUrl: (tenant = tenants[0]?.tenantId ?? FEDERATED_TENANT_ID) => `${authorityHost}/${tenant}/oauth2/v2.0/token`,
    requests,
    otherRequests,
    issued,
    tenants,
    setFault(fault: EntraFault): void {
      faultState.fault = fault
      faultState.used = 0
    },
    advanceClock(seconds: number): void {
      clockOffsetSeconds += seconds
    },
    close: () => closeServer(server, sockets)
  }
}
