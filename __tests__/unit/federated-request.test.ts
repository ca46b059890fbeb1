// The token request as Entra ID documents it, and sending it: one bounded POST per attempt, 429/5xx/connection errors
// tried again within the deadline, Entra's 4xx and TLS failures not, a redirect never followed.
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import {
  closeServer,
  listenOnLoopback,
  trackSockets,
  unusedLoopbackPort
} from '../../test-support/net/loopback-server.ts'
import { makeSelfSignedCertificate, removeCertificate } from '../../test-support/net/tls-cert.ts'
import type { RetryClock } from '../../src/retry.ts'
import { exchangeToken, postForm } from '../../src/sign-in/federated/exchange.ts'
import { CLIENT_ASSERTION_TYPE, scopeFor, tokenRequest } from '../../src/sign-in/federated/request.ts'
import type { FederatedIdentity } from '../../src/sign-in/federated/request.ts'

const CLIENT_ID = 'a1b2c3d4-0000-4000-8000-0123456789ab'
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const OIDC_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm8vcjpyZWY6cmVmcy9oZWFkcy9tYWluIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ'

function identityAt(url: string): FederatedIdentity {
  return { clientId: CLIENT_ID, tenant: TENANT, authority: { url, source: 'AZURE_AUTHORITY_HOST' } }
}

describe('the token request', () => {
  it('is the form of the client credentials flow with the OIDC token as the client assertion', () => {
    const request = tokenRequest(
      identityAt('https://login.microsoftonline.com'),
      'https://dicom.healthcareapis.azure.com',
      OIDC_TOKEN
    )
    expect(request.url.href).toBe(`https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`)
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: OIDC_TOKEN,
      scope: 'https://dicom.healthcareapis.azure.com/.default'
    })
  })

  it('makes the scope as az does, keeping a trailing slash', () => {
    expect(scopeFor('https://management.core.windows.net/')).toBe('https://management.core.windows.net//.default')
    expect(scopeFor('a1b2c3d4-0000-4000-8000-0123456789ab')).toBe('a1b2c3d4-0000-4000-8000-0123456789ab/.default')
  })

  it('keeps the authority path and encodes the tenant into one path segment', () => {
    const request = tokenRequest(
      { ...identityAt('http://127.0.0.1:9/entra'), tenant: 'contoso.onmicrosoft.com' },
      'r',
      't'
    )
    expect(request.url.href).toBe('http://127.0.0.1:9/entra/contoso.onmicrosoft.com/oauth2/v2.0/token')
  })
})

interface Received {
  method?: string
  path?: string
  contentType?: string
  body: string
}

/** A token endpoint that answers each request with the next of `answers`, and records what it received. */
async function tokenEndpoint(
  answers: ((res: ServerResponse) => void)[]
): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = []
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      received.push({ method: req.method, path: req.url, contentType: req.headers['content-type'], body })
      const answer = answers[Math.min(received.length, answers.length) - 1]
      answer?.(res)
    })
  })
  const sockets = trackSockets(server)
  const port = await listenOnLoopback(server)
  return { url: `http://127.0.0.1:${port}`, received, close: () => closeServer(server, sockets) }
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers })
    res.end(JSON.stringify(body))
  }
const SUCCESS = json(200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'x.y.z' })
const INVALID_CLIENT = json(401, {
  error: 'invalid_client',
  error_description: 'AADSTS700213: No matching federated identity record found.',
  error_codes: [700213]
})

/** A clock whose sleeps take no time, so the backoff between attempts costs nothing. */
function instantClock(): RetryClock & { slept: number[] } {
  let offset = 0
  const slept: number[] = []
  return {
    slept,
    now: () => Date.now() + offset,
    sleep: (ms) => {
      slept.push(ms)
      offset += ms
      return Promise.resolve()
    },
    random: () => 0
  }
}

describe('sending the token request', () => {
  let endpoint: Awaited<ReturnType<typeof tokenEndpoint>> | undefined
  afterEach(async () => {
    await endpoint?.close()
    endpoint = undefined
  })

  it('POSTs the form to the token endpoint once and returns the 200 answer', async () => {
    endpoint = await tokenEndpoint([SUCCESS])
    const request = tokenRequest(identityAt(endpoint.url), 'https://dicom.healthcareapis.azure.com', OIDC_TOKEN)
    const exchange = await exchangeToken(request, { deadlineMs: Date.now() + 10_000 })
    expect(exchange.answer.status).toBe(200)
    expect(JSON.parse(exchange.answer.body ?? '')).toMatchObject({ access_token: 'x.y.z' })
    expect(exchange.attempts).toBe(1)
    expect(endpoint.received).toEqual([
      {
        method: 'POST',
        path: `/${TENANT}/oauth2/v2.0/token`,
        contentType: 'application/x-www-form-urlencoded',
        body: request.body
      }
    ])
  })

  it('tries 429 and 5xx again, honouring Retry-After, until Entra answers', async () => {
    endpoint = await tokenEndpoint([
      json(429, { error: 'temporarily_unavailable' }, { 'retry-after': '2' }),
      json(503, {}),
      SUCCESS
    ])
    const clock = instantClock()
    const retries: string[] = []
    const exchange = await exchangeToken(tokenRequest(identityAt(endpoint.url), 'r', OIDC_TOKEN), {
      deadlineMs: clock.now() + 60_000,
      clock,
      onRetry: (attempt, reason) => retries.push(`${attempt}: ${reason}`)
    })
    expect(exchange.answer.status).toBe(200)
    expect(exchange.attempts).toBe(3)
    expect(retries).toEqual(['1: HTTP 429', '2: HTTP 503'])
    expect(clock.slept[0]).toBe(2000)
  })

  it("does not try Entra's 4xx again", async () => {
    endpoint = await tokenEndpoint([INVALID_CLIENT, SUCCESS])
    const exchange = await exchangeToken(tokenRequest(identityAt(endpoint.url), 'r', OIDC_TOKEN), {
      deadlineMs: Date.now() + 60_000,
      clock: instantClock()
    })
    expect(exchange.answer.status).toBe(401)
    expect(exchange).toMatchObject({ attempts: 1, gaveUp: undefined })
    expect(endpoint.received).toHaveLength(1)
  })

  it('never follows a redirect: the token goes to the token endpoint only', async () => {
    const elsewhere = await tokenEndpoint([SUCCESS])
    try {
      endpoint = await tokenEndpoint([(res) => res.writeHead(307, { location: `${elsewhere.url}/steal` }).end()])
      const exchange = await exchangeToken(tokenRequest(identityAt(endpoint.url), 'r', OIDC_TOKEN), {
        deadlineMs: Date.now() + 10_000
      })
      expect(exchange.answer).toMatchObject({ status: 307, locationHost: new URL(elsewhere.url).host })
      expect(exchange.attempts).toBe(1)
      expect(elsewhere.received).toEqual([])
    } finally {
      await elsewhere.close()
    }
  })

  it('tries a refused connection again until the deadline, then says it gave up', async () => {
    const port = await unusedLoopbackPort()
    const clock = instantClock()
    const exchange = await exchangeToken(tokenRequest(identityAt(`http://127.0.0.1:${port}`), 'r', OIDC_TOKEN), {
      deadlineMs: clock.now() + 5_000,
      clock
    })
    expect(exchange.answer.errorCode).toBe('ECONNREFUSED')
    expect(exchange.attempts).toBeGreaterThan(1)
    expect(exchange.gaveUp).toBe('deadline')
  })

  it('stops waiting for an answer when its own timeout passes', async () => {
    endpoint = await tokenEndpoint([() => undefined]) // never answers
    const started = Date.now()
    const answer = await postForm(new URL(`${endpoint.url}/t/oauth2/v2.0/token`), 'a=b', 300)
    expect(answer.errorCode).toBe('TimeoutError')
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('sends nothing over plain http to a host that is not loopback', async () => {
    const answer = await postForm(new URL('http://login.example.com/t/oauth2/v2.0/token'), 'client_assertion=x', 1000)
    expect(answer.errorCode).toBe('ERR_INSECURE_AUTHORITY')
  })

  it('verifies the certificate whatever NODE_TLS_REJECT_UNAUTHORIZED says, and sends nothing to an untrusted one', async () => {
    const certificate = await makeSelfSignedCertificate()
    let bodies = 0
    const server = createTlsServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
      req.on('data', () => (bodies += 1))
      SUCCESS(res)
    })
    const sockets = trackSockets(server)
    const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'
    try {
      const port = await listenOnLoopback(server)
      const exchange = await exchangeToken(tokenRequest(identityAt(`https://127.0.0.1:${port}`), 'r', OIDC_TOKEN), {
        deadlineMs: Date.now() + 10_000
      })
      expect(exchange.answer.errorCode).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/)
      expect(exchange.attempts).toBe(1)
      expect(bodies).toBe(0)
    } finally {
      if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous
      await closeServer(server, sockets)
      await removeCertificate(certificate)
    }
  })
})
