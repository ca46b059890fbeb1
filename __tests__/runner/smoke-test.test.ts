// The bundled action's change feed smoke test against the HTTPS DICOM emulator, with a stand-in az for the token.
import { rm } from 'node:fs/promises'
import net from 'node:net'
import { dirname } from 'node:path'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import type { DicomFault } from '../../test-support/dicom/faults.ts'
import type { DicomService } from '../../test-support/dicom/service.ts'
import { startDicomService } from '../../test-support/dicom/service.ts'
import { unusedLoopbackPort } from '../../test-support/net/loopback-server.ts'
import { accessTokenClaims, makeJwt } from '../../test-support/azure/jwt.ts'
import { startConnectProxy } from '../../test-support/net/connect-proxy.ts'
import { findLeaks, runPlaces } from '../../test-support/runner/leak-check.ts'
import { closeServer, listenOnLoopback, trackSockets } from '../../test-support/net/loopback-server.ts'
import type { ActionRun } from '../../test-support/runner/run-action.ts'
import { fakeAzDirectory, runAction } from '../../test-support/runner/run-action.ts'
import type { Certificate } from '../../test-support/net/tls-cert.ts'
import { makeSelfSignedCertificate, removeCertificate } from '../../test-support/net/tls-cert.ts'

const TENANT = '3c7e9a1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d'
const OBJECT_ID = '7a6b5c4d-3e2f-4109-8a7b-6c5d4e3f2a1b'

let azDir: string
let trusted: Certificate
let untrusted: Certificate
let dicom: DicomService

beforeAll(async () => {
  ;[azDir, trusted, untrusted] = await Promise.all([
    fakeAzDirectory(),
    makeSelfSignedCertificate('dicom-emulator'),
    makeSelfSignedCertificate('untrusted')
  ])
  dicom = await startDicomService({ certificate: trusted, tenantId: TENANT, entries: 3 })
})
afterAll(async () => {
  await dicom.close()
  await rm(azDir, { recursive: true, force: true })
  await Promise.all([removeCertificate(trusted), removeCertificate(untrusted)])
})
beforeEach(() => {
  dicom.setFault({ kind: 'none' })
  dicom.setEntries(3)
  dicom.requests.length = 0
  dicom.otherOrigin.requests.length = 0
})

function token(audience = DEFAULT_RESOURCE, overrides: { tenantId?: string; lifetimeSeconds?: number } = {}): string {
  return makeJwt(
    accessTokenClaims({
      audience,
      tenantId: overrides.tenantId ?? TENANT,
      objectId: OBJECT_ID,
      appId: 'c0ffee00-1111-4222-8333-944455556666',
      lifetimeSeconds: overrides.lifetimeSeconds ?? 3600
    })
  )
}

interface SmokeRun extends ActionRun {
  jwt: string
}

async function smokeTest(
  inputs: Record<string, string> = {},
  jwt = token(),
  env: Record<string, string> = {}
): Promise<SmokeRun> {
  const result = await runAction({
    inputs: { 'dicom-url': dicom.url, 'smoke-test': 'true', 'timeout-seconds': '10', ...inputs },
    path: [azDir, dirname(process.execPath)],
    env: { FAKE_AZ_TOKEN: jwt, FAKE_AZ_TENANT: TENANT, NODE_EXTRA_CA_CERTS: trusted.certPath, ...env }
  })
  // Wherever the run ends, the token shows nowhere but in its mask command and the token output,
  // and the emulators saw it only in Authorization headers of the DICOM origin.
  expect(findLeaks(jwt, runPlaces(result))).toEqual([])
  expect(dicom.otherOrigin.requests.filter((r) => JSON.stringify(r).includes(jwt.split('.')[2] ?? '-'))).toEqual([])
  return { ...result, jwt }
}

function expectFailedSmokeTest(result: SmokeRun, message: string | RegExp, anchor: string): void {
  expect(result.exitCode).toBe(1)
  expect(result.errors).toHaveLength(1)
  expect(result.errors[0]).toMatch(message)
  expect(result.errors[0]?.endsWith(`#${anchor}`)).toBe(true)
  // The token outputs stay set for later `if: always()` steps.
  expect(result.outputs.token).toBe(result.jwt)
  expect(result.outputs['smoke-test-result']).toBe('failed')
  expect(result.outputs['latest-sequence']).toBeUndefined()
  expect(result.stdout).not.toMatch(/^\s+at /m)
}

describe('a healthy DICOM service', () => {
  it.each(['v2', 'v1', 'v1.0-prerelease'])(
    'passes on %s: both change feed requests, with the token, over one TLS connection',
    async (version) => {
      const before = dicom.connections
      const result = await smokeTest({ 'api-version': version })
      expect(result.exitCode).toBe(0)
      expect(result.outputs).toMatchObject({
        'smoke-test-result': 'passed',
        'latest-sequence': '3',
        'dicom-base-url': `${dicom.url}/${version}`
      })
      expect(
        dicom.requests.map((r) => `${r.method} ${r.path}?${new URLSearchParams(r.query).toString()}`).sort()
      ).toEqual([
        `GET /${version}/changefeed/latest?includeMetadata=false`,
        `GET /${version}/changefeed?offset=0&limit=1&includeMetadata=false`
      ])
      for (const request of dicom.requests) {
        expect(request.headers.authorization).toBe(`Bearer ${result.jwt}`)
        expect(request.headers.accept).toBe('application/json')
      }
      expect(dicom.connections - before).toBe(1)
      expect(result.stdout).toMatch(
        /Smoke test passed in \d+ ms: the change feed answered in \d+ ms; latest sequence 3\./
      )
      expect(result.summary).toContain(`<td>GET /${version}/changefeed/latest</td><td>200 in `)
      expect(result.summary).toContain('<td>Latest sequence</td><td>3</td>')
    }
  )

  it('opens its one TLS connection while az is still running, then sends both requests on it', async () => {
    const before = dicom.connections
    const running = smokeTest({}, token(), { FAKE_AZ_DELAY_MS: '1500' })
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const duringAz = { connections: dicom.connections - before, requests: dicom.requests.length }
    const result = await running
    expect(duringAz).toEqual({ connections: 1, requests: 0 })
    expect(result.exitCode).toBe(0)
    expect(dicom.connections - before).toBe(1)
    expect(dicom.requests).toHaveLength(2)
  })

  it('reports latest-sequence 0 for an empty change feed', async () => {
    dicom.setEntries(0)
    const result = await smokeTest()
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({ 'smoke-test-result': 'passed', 'latest-sequence': '0' })
  })
})

describe('behind a proxy', () => {
  it('tunnels through HTTPS_PROXY, which sees only the CONNECT, never the token', async () => {
    const proxy = await startConnectProxy()
    try {
      const result = await smokeTest({}, token(), { HTTPS_PROXY: proxy.url })
      expect(result.exitCode).toBe(0)
      expect(result.outputs['smoke-test-result']).toBe('passed')
      expect(proxy.tunnels.map((t) => t.target)).toEqual([new URL(dicom.url).host])
      expect(JSON.stringify(proxy.tunnels)).not.toContain(result.jwt.split('.')[2])
      expect(dicom.requests).toHaveLength(2)
    } finally {
      await proxy.close()
    }
  })

  it('reads a proxy given without a scheme as http://, as the Azure CLI does', async () => {
    const proxy = await startConnectProxy()
    try {
      const result = await smokeTest({}, token(), { https_proxy: new URL(proxy.url).host })
      expect(result.exitCode).toBe(0)
      expect(proxy.tunnels).toHaveLength(1)
    } finally {
      await proxy.close()
    }
  })

  it(
    'fails the smoke test, not the token, when the ' + 'proxy variable is unusable, without showing its ' + 'value',
    async () => {
      const result = await smokeTest({}, token(), { HTTPS_PROXY: 'http://user:s3cr3t-pw@[not-a-host' })
      expectFailedSmokeTest(
        result,
        /^The proxy in HTTPS_PROXY is not a URL the smoke test can use/,
        'connection-errors'
      )
      expect(result.stdout).not.toContain('s3cr3t-pw')
      expect(result.summary).toContain('<td>Smoke test</td><td>failed</td>')
    }
  )

  it('goes direct to hosts listed in NO_PROXY', async () => {
    const proxy = await startConnectProxy()
    try {
      const result = await smokeTest({}, token(), { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1,localhost' })
      expect(result.exitCode).toBe(0)
      expect(proxy.tunnels).toEqual([])
    } finally {
      await proxy.close()
    }
  })
})

describe('diagnosing a DICOM service that refuses', () => {
  it(
    "401: passes on the service's error_description " + "and compares the token's audience with the " + "service's",
    async () => {
      // A custom audience: a token for another Azure service (Resource Manager, Graph…) is never sent at all.
      const result = await smokeTest({}, token('api://contoso-other-app/'))
      expectFailedSmokeTest(
        result,
        new RegExp(
          String.raw`rejected the token with 401 at .*: "The audience 'api:\/\/contoso-other-app\/' is ` +
            String.raw`invalid"\. The token's audience is 'api:\/\/contoso-other-app\/', but the DICOM ` +
            String.raw`service expects 'https:\/\/dicom\.healthcareapis\.azure\.com'\.`
        ),
        '401-unauthorized'
      )
    }
  )

  it("401: says when the token comes from another tenant than the service's", async () => {
    const otherTenant = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f0'
    const result = await smokeTest({}, token(DEFAULT_RESOURCE, { tenantId: otherTenant }))
    expectFailedSmokeTest(
      result,
      `"The tenant '${otherTenant}' is invalid". The service belongs to tenant ${TENANT}, but the token was ` +
        `issued by tenant ${otherTenant}.`,
      '401-unauthorized'
    )
  })

  it('401: says when the token has already expired', async () => {
    const expiredAt = String(Math.floor(Date.now() / 1000) - 60)
    const result = await smokeTest({}, token(DEFAULT_RESOURCE, { lifetimeSeconds: -60 }), {
      FAKE_AZ_EXPIRES_ON: expiredAt
    })
    expectFailedSmokeTest(
      result,
      /"The token is expired"\. The token expired at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\./,
      '401-unauthorized'
    )
    expect(result.warnings).toEqual([expect.stringContaining('The token expires in 0 minute(s)')])
  })

  it(
    '403: names the principal and the DICOM Data ' + 'Reader/Owner roles, and the delay before role ' + 'changes apply',
    async () => {
      dicom.setFault({ kind: 'forbidden' })
      const result = await smokeTest()
      expectFailedSmokeTest(
        result,
        new RegExp(
          `refused object id ${OBJECT_ID}.* with 403 .*"Authorization failed\\.".*DICOM Data Reader \\(or DICOM ` +
            `Data Owner\\) role.*several minutes`
        ),
        '403-forbidden'
      )
      expect(dicom.requests).toHaveLength(2) // never retried
    }
  )

  it('404: shows the URL that was tried', async () => {
    dicom.setFault({ kind: 'not-found' })
    const result = await smokeTest({ 'api-version': 'v1' })
    expectFailedSmokeTest(result, `The DICOM service answered 404 for ${dicom.url}/v1/changefeed`, '404-not-found')
  })

  it('a body that is not JSON: shows the content type and the first bytes', async () => {
    dicom.setFault({ kind: 'html' })
    const result = await smokeTest()
    expectFailedSmokeTest(
      result,
      /answered 200 with Content-Type 'text\/html[^']*', not JSON; it starts with: "<!DOCTYPE html>/i,
      'unexpected-response'
    )
  })

  it('a redirect to another origin is reported, not followed: the other origin never receives the token', async () => {
    dicom.setFault({ kind: 'redirect' })
    const result = await smokeTest()
    expectFailedSmokeTest(
      result,
      `a redirect to ${dicom.otherOrigin.url}; it was not followed, so the token was not sent there.`,
      'redirects'
    )
    expect(dicom.otherOrigin.requests).toEqual([])
  })

  it.each<Record<string, string>>([{}, { NODE_TLS_REJECT_UNAUTHORIZED: '0' }])(
    'an untrusted certificate is a TLS error, reported at once without retries (env %j)',
    async (env) => {
      const impostor = await startDicomService({ certificate: untrusted })
      try {
        const result = await smokeTest({ 'dicom-url': impostor.url }, token(), env)
        expectFailedSmokeTest(
          result,
          new RegExp(
            String.raw`The TLS certificate of 127\.0\.0\.1:\d+ was not accepted \((DEPTH_ZERO_SELF_SIGNED_CERT|` +
              String.raw`SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)`
          ),
          'tls-certificate-errors'
        )
        expect(impostor.requests).toEqual([])
        expect(result.stdout).not.toContain('retrying')
      } finally {
        await impostor.close()
      }
    }
  )
})

describe('retrying transient failures inside one deadline', () => {
  it.each<[string, DicomFault]>([
    ['503 then healthy', { kind: 'unavailable', times: 2 }],
    ['429 with Retry-After: 1', { kind: 'throttled', retryAfter: '1', times: 2 }],
    ['connection reset', { kind: 'reset', times: 1 }]
  ])('%s: retries, logs each retry in one line, and passes', async (_name, fault) => {
    dicom.setFault(fault)
    const result = await smokeTest()
    expect(result.exitCode).toBe(0)
    expect(result.outputs['smoke-test-result']).toBe('passed')
    const retries = result.stdout
      .split('\n')
      .filter((line) =>
        new RegExp(
          String.raw`^GET https:\/\/127\.0\.0\.1:\d+\/v2\/changefeed\S*: attempt \d failed \((HTTP 503|` +
            String.raw`HTTP 429|ECONNRESET|UND_ERR_SOCKET)\); retrying in \d+\.\d s\.$`
        ).test(line)
      )
    expect(retries.length).toBeGreaterThanOrEqual(1)
    if (fault.kind === 'throttled') expect(retries.every((line) => line.endsWith('retrying in 1.0 s.'))).toBe(true)
  })

  it('gives up at once when Retry-After points past the deadline', async () => {
    dicom.setFault({ kind: 'throttled', retryAfter: '120', times: 100 })
    const result = await smokeTest({ 'timeout-seconds': '5' })
    expectFailedSmokeTest(
      result,
      /still answered 429 .* after 1 attempt\(s\) .* It asked to retry after 120 s, past the deadline\./,
      'throttled-or-unavailable'
    )
    expect(result.durationMs).toBeLessThan(3000)
  })

  it('stops retrying at the deadline when the service stays unavailable', async () => {
    dicom.setFault({ kind: 'unavailable', times: 10_000 })
    const result = await smokeTest({ 'timeout-seconds': '2' })
    expectFailedSmokeTest(
      result,
      /still answered 503 to GET .* after \d+ attempt\(s\) in [0-2]\.\d s/,
      'throttled-or-unavailable'
    )
    expect(dicom.requests.length).toBeGreaterThan(2)
    expect(result.durationMs).toBeLessThan(2000 + 1500)
  })

  it('a hanging service cannot hold the step past the deadline', async () => {
    dicom.setFault({ kind: 'hang' })
    const result = await smokeTest({ 'timeout-seconds': '2' })
    expectFailedSmokeTest(
      result,
      /did not answer GET .* in time \(TimeoutError, after 1 attempt\(s\) in 2\.\d s\)/,
      'timeouts'
    )
    expect(result.durationMs).toBeLessThan(2000 + 1500)
  })

  it('a server that accepts TCP but never completes TLS cannot hold the step past the deadline either', async () => {
    const silent = net.createServer(() => undefined) // accepts, then says nothing
    const port = await listenOnLoopback(silent)
    const sockets = trackSockets(silent)
    try {
      const result = await smokeTest({ 'dicom-url': `https://127.0.0.1:${port}`, 'timeout-seconds': '2' })
      expectFailedSmokeTest(
        result,
        /did not answer GET .* in time \(TimeoutError, after \d+ attempt\(s\) in 2\.\d s\)/,
        'timeouts'
      )
      expect(result.durationMs).toBeLessThan(2000 + 1500)
    } finally {
      await closeServer(silent, sockets)
    }
  })

  it('connection refused is retried until the deadline, then reported with the host', async () => {
    const port = await unusedLoopbackPort()
    const result = await smokeTest({ 'dicom-url': `https://127.0.0.1:${port}`, 'timeout-seconds': '2' })
    expectFailedSmokeTest(
      result,
      new RegExp(
        `Could not reach the DICOM service at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED, after \\d+ attempt\\(s\\)`
      ),
      'connection-errors'
    )
    expect(result.durationMs).toBeLessThan(2000 + 1500)
  })
})
