// A loopback stand-in for the runner's OIDC token service, ACTIONS_ID_TOKEN_REQUEST_URL: it checks the request token
// (Authorization: Bearer) and the audience it is asked for, answers `{"value":"<jwt>"}` with GitHub's claims, records
// each request, and can fail (401, 403, 500, 503, hang, not JSON, no value).
//
// How @actions/core's getIDToken reaches it (read in @actions/core 3.0.1 and @actions/http-client 4.0.1):
// - It requests `${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`: it appends with `&`, so the
//   URL must already have a query. Like the runner's (`.../idtoken?api-version=2.0`), `url` here has one.
// - It uses node's https module with a fresh https.Agent and no `ca` of its own, so it trusts what node trusts:
//   NODE_EXTRA_CA_CERTS (read at node's start-up, so a spawned action gets it from its env), or, in-process,
//   tls.setDefaultCACertificates. `protocol: 'http'` also works (it picks http for an http: URL).
// - Loopback hosts always bypass HTTPS_PROXY in its proxy check.
// - It retries 502, 503 and 504 by itself (10 retries, 10 ms doubling to 5.12 s, about 10 s in all), not 500 or 4xx;
//   a 4xx or 500 rejects with the body's `message` or the body text; 404 or a 200 without JSON `value` rejects with
//   "Response json body do not have ID Token field". Its socket timeout is 3 minutes: a hang is the caller's to bound.
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import { makeJwt, type Claims } from './jwt.ts'
import { closeServer, listenOnLoopback, sendJson, trackSockets } from '../net/loopback-server.ts'

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com'
/** azure/login's default audience, and the action's. */
export const DEFAULT_OIDC_AUDIENCE = 'api://AzureADTokenExchange'
export const DEFAULT_OIDC_SUBJECT = 'repo:octo-org/octo-repo:environment:production'
/** GitHub's OIDC tokens last 5 minutes. */
export const OIDC_TOKEN_LIFETIME_SECONDS = 300

export type GithubOidcFault =
  | { kind: 'none' }
  | { kind: 'unauthorized' }
  | { kind: 'forbidden' }
  | { kind: 'server-error'; times: number }
  | { kind: 'unavailable'; times: number }
  | { kind: 'hang' }
  | { kind: 'not-json' }
  | { kind: 'no-value' }

export interface GithubOidcRequest {
  method: string
  /** Path and query, as sent. */
  path: string
  /** The audience query parameter, decoded; undefined when absent. */
  audience: string | undefined
  authorization: string | undefined
  /** The status answered, or 'hang'. */
  answered: number | 'hang'
  at: number
}

export interface GithubOidcEndpointOptions {
  certificate: { cert: string; key: string }
  /** Default: a random one, like the runner's, valid for the whole job. */
  requestToken?: string
  subject?: string
  lifetimeSeconds?: number
  /** 'http' only to test a client that needs plain http; the runner's is https. Default 'https'. */
  protocol?: 'https' | 'http'
}

export interface GithubOidcEndpoint {
  /** ACTIONS_ID_TOKEN_REQUEST_URL: it has a query already, as the runner's has. */
  url: string
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  requestToken: string
  /** Both variables, for a step's environment. */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string }
  requests: GithubOidcRequest[]
  /** The OIDC tokens issued, in order. */
  issued: string[]
  setFault(fault: GithubOidcFault): void
  setSubject(subject: string): void
  /** exp - iat of the tokens issued from now on; negative issues tokens already expired. */
  setLifetimeSeconds(seconds: number): void
  close(): Promise<void>
}

const OWNER = 'octo-org'
const REPOSITORY = 'octo-org/octo-repo'

/** The claims of a GitHub Actions OIDC token, with nbf 10 minutes before iat as GitHub's documented example has. */
export function githubOidcClaims(options: {
  subject: string
  audience: string
  lifetimeSeconds: number
  nowSeconds?: number
}): Claims {
  const iat = options.nowSeconds ?? Math.floor(Date.now() / 1000)
  return {
    jti: randomUUID(),
    sub: options.subject,
    aud: options.audience,
    ref: 'refs/heads/main',
    sha: randomBytes(20).toString('hex'),
    repository: REPOSITORY,
    repository_owner: OWNER,
    repository_visibility: 'private',
    run_id: '5843214963',
    run_number: '42',
    run_attempt: '1',
    actor: 'octocat',
    workflow: 'deploy',
    event_name: 'push',
    ref_type: 'branch',
    environment: 'production',
    job_workflow_ref: `${REPOSITORY}/.github/workflows/deploy.yml@refs/heads/main`,
    iss: GITHUB_OIDC_ISSUER,
    nbf: iat - 600,
    iat,
    exp: iat + options.lifetimeSeconds
  }
}

const FAULT_STATUS: Partial<Record<GithubOidcFault['kind'], number>> = {
  unauthorized: 401,
  forbidden: 403,
  'server-error': 500,
  unavailable: 503
}

export async function startGithubOidcEndpoint(options: GithubOidcEndpointOptions): Promise<GithubOidcEndpoint> {
  const requestToken = options.requestToken ?? randomBytes(32).toString('base64url')
  let subject = options.subject ?? DEFAULT_OIDC_SUBJECT
  let lifetimeSeconds = options.lifetimeSeconds ?? OIDC_TOKEN_LIFETIME_SECONDS
  let fault: GithubOidcFault = { kind: 'none' }
  let faultsAnswered = 0
  const requests: GithubOidcRequest[] = []
  const issued: string[] = []
  const path = `/_apis/distributedtask/hubs/build/plans/${randomUUID()}/jobs/${randomUUID()}/idtoken`

  /** The status a fault answers this request with, or undefined when it lets it through. */
  const faultStatus = (): number | undefined => {
    const status = FAULT_STATUS[fault.kind]
    if (status === undefined) return undefined
    if ('times' in fault && faultsAnswered >= fault.times) return undefined
    faultsAnswered++
    return status
  }

  const answer = (req: IncomingMessage, res: ServerResponse, record: GithubOidcRequest): number | 'hang' => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1')
    if (req.method !== 'GET' || url.pathname !== path) {
      sendJson(res, 404, { message: `The loopback OIDC endpoint has no ${req.method ?? ''} ${url.pathname}` })
      return 404
    }
    if (record.authorization !== `Bearer ${requestToken}`) {
      sendJson(res, 401, { message: 'Unauthorized: the request token is missing or not this job’s.' })
      return 401
    }
    if (fault.kind === 'hang') return 'hang'
    const status = faultStatus()
    if (status !== undefined) {
      sendJson(res, status, { message: `Loopback OIDC endpoint: simulated ${status}` })
      return status
    }
    // Without an audience, GitHub's token is for the repository owner's URL.
    const audience = record.audience ?? `https://github.com/${OWNER}`
    const token = makeJwt(githubOidcClaims({ subject, audience, lifetimeSeconds }))
    issued.push(token)
    if (fault.kind === 'not-json') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<html><body>value=${token}</body></html>`)
    } else if (fault.kind === 'no-value') sendJson(res, 200, { count: 1 })
    else sendJson(res, 200, { count: 1, value: token })
    return 200
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    req.resume()
    const url = new URL(req.url ?? '/', 'https://127.0.0.1')
    const record: GithubOidcRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      audience: url.searchParams.get('audience') ?? undefined,
      authorization: req.headers.authorization,
      answered: 'hang',
      at: Date.now()
    }
    requests.push(record)
    record.answered = answer(req, res, record)
  }
  const server: Server =
    options.protocol === 'http'
      ? createHttpServer(listener)
      : createHttpsServer({ cert: options.certificate.cert, key: options.certificate.key }, listener)
  const sockets = trackSockets(server)
  const port = await listenOnLoopback(server)
  const url = `${options.protocol ?? 'https'}://127.0.0.1:${port}${path}?api-version=2.0`

  return {
    url,
    requestToken,
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    requests,
    issued,
    setFault(next: GithubOidcFault): void {
      fault = next
      faultsAnswered = 0
    },
    setSubject(next: string): void {
      subject = next
    },
    setLifetimeSeconds(seconds: number): void {
      lifetimeSeconds = seconds
    },
    close: () => closeServer(server, sockets)
  }
}
