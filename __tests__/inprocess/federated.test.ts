// run() in-process signing in without az (client-id) and falling back after az's AADSTS700024: each refusal and each
// diagnosis as a user sees it (the one failure line and its anchor, no outputs), against the loopback Entra over
// plain http (loopback only), with the recording runner's getIDToken handing out a GitHub-shaped OIDC token.
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import {
  FEDERATED_CLIENT_ID,
  FEDERATED_TENANT_ID,
  startEntraEndpoint
} from '../../test-support/azure/entra-endpoint.ts'
import type { EntraEndpoint } from '../../test-support/azure/entra-endpoint.ts'
import { writeFederatedFakeAz } from '../../test-support/azure/fake-az-federated-command.ts'
import type { FederatedFakeAz } from '../../test-support/azure/fake-az-federated-command.ts'
import { DEFAULT_OIDC_SUBJECT, githubOidcClaims } from '../../test-support/azure/github-oidc-endpoint.ts'
import { makeJwt } from '../../test-support/azure/jwt.ts'
import { unusedLoopbackPort } from '../../test-support/net/loopback-server.ts'
import { makeSelfSignedCertificate, removeCertificate } from '../../test-support/net/tls-cert.ts'
import type { Certificate } from '../../test-support/net/tls-cert.ts'
import { fakeRunner } from '../../test-support/runner/fake-runner.ts'
import {
  azCalls,
  expectNoLeaks,
  runAction,
  summaryTable,
  useInProcessRunner
} from '../../test-support/runner/in-process.ts'

useInProcessRunner()
const REQUEST_TOKEN = 'request-token-of-the-job-0123456789'
const DIRECT = { 'client-id': FEDERATED_CLIENT_ID, tenant: FEDERATED_TENANT_ID }
let certificate: Certificate
let entra: EntraEndpoint
let oidcEnv: Record<string, string>

beforeAll(async () => {
  certificate = await makeSelfSignedCertificate('entra')
  entra = await startEntraEndpoint({ certificate, protocol: 'http' })
})
afterAll(async () => {
  await entra.close()
  await removeCertificate(certificate)
})
beforeEach(() => {
  entra.setFault({ kind: 'none' })
  entra.requests.length = 0
  oidcEnv = {
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://127.0.0.1:9/idtoken?api-version=2.0',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
    AZURE_AUTHORITY_HOST: entra.authorityHost
  }
})

function oidcToken(subject = DEFAULT_OIDC_SUBJECT): string {
  const token = makeJwt(githubOidcClaims({ subject, audience: 'api://AzureADTokenExchange', lifetimeSeconds: 300 }))
  fakeRunner.idToken = token
  return token
}

function expectOneFailure(what: string | RegExp, anchor: string): string {
  const failures = fakeRunner.messages('setFailed')
  expect(failures).toHaveLength(1)
  const [failure = ''] = failures
  expect(failure).toMatch(what)
  expect(failure.endsWith(`#${anchor}`)).toBe(true)
  expect(fakeRunner.outputs).toEqual({})
  return failure
}

describe('signing in without az', () => {
  it('masks the token first, outputs it with its expiry and tenant, and says how it was obtained', async () => {
    const presented = oidcToken()
    await runAction(DIRECT, 'missing', oidcEnv)
    expect(fakeRunner.messages('setFailed')).toEqual([])
    const [issued = ''] = entra.issued.slice(-1)
    expect([...new Set(fakeRunner.secrets)]).toEqual([REQUEST_TOKEN, presented, issued])
    expect(fakeRunner.calls.findIndex((call) => call.kind !== 'setSecret' && call.kind !== 'debug')).toBeGreaterThan(
      fakeRunner.calls.findIndex((call) => call.kind === 'setSecret' && call.value === issued)
    )
    expect(fakeRunner.outputs).toMatchObject({ token: issued, 'tenant-id': FEDERATED_TENANT_ID })
    const expiresOn = Date.parse(fakeRunner.outputs['expires-on'] ?? '')
    expect(Math.abs(expiresOn - (Date.now() + 3599_000))).toBeLessThan(10_000)
    expect(fakeRunner.messages('info')).toContainEqual(
      expect.stringMatching(
        `^Got a token for ${DEFAULT_RESOURCE} from a federated exchange as client ${FEDERATED_CLIENT_ID} `
      )
    )
    expect(summaryTable()).toMatchObject({ Obtained: `from a federated exchange as client ${FEDERATED_CLIENT_ID}` })
    expect(entra.requests.map((request) => request.form.client_assertion)).toEqual([presented])
    for (const secret of [issued, presented]) expectNoLeaks(secret)
  })

  it.each([
    [{ 'client-id': FEDERATED_CLIENT_ID }, "Input 'client-id' is set but 'tenant' is empty."],
    [{ ...DIRECT, subscription: 'Contoso Imaging' }, "Inputs 'client-id' and 'subscription' were both given."]
  ])('refuses %j before anything runs', async (inputs, message) => {
    oidcToken()
    await runAction(inputs, 'missing', oidcEnv)
    expectOneFailure(message, 'invalid-input')
    expect(fakeRunner.secrets).toEqual([])
    expect(entra.requests).toEqual([])
  })

  it('says to grant id-token: write when the runner gave no OIDC request variables', async () => {
    await runAction(DIRECT, 'missing', { AZURE_AUTHORITY_HOST: entra.authorityHost })
    const failure = expectOneFailure(/^The job cannot ask GitHub for an OIDC token/, 'no-id-token-permission')
    expect(failure).toContain("Grant the job 'permissions: id-token: write'")
    expect(entra.requests).toEqual([])
  })

  it.each([
    [
      { code: 700016, description: 'Application was not found in the directory.' },
      /^Entra ID has no application with client ID/,
      'aadsts700016-client-id-not-found-in-the-tenant'
    ],
    [
      { code: 900023, description: 'Specified tenant identifier is neither a valid DNS name.' },
      /^Entra ID does not know the tenant/,
      'aadsts900023-tenant-not-found'
    ],
    [
      { code: 500011, description: 'The resource principal was not found in the tenant.' },
      /^Entra ID does not know the resource/,
      'aadsts500011-resource-not-found-in-tenant'
    ],
    [
      { code: 7000215, description: 'Invalid client secret provided.' },
      /\(AADSTS7000215\) — Entra said: AADSTS7000215: Invalid client secret provided/,
      'other-aadsts-errors'
    ]
  ])('diagnoses AADSTS%j with its own entry', async (error, what, anchor) => {
    oidcToken()
    entra.setFault({ kind: 'error', ...error })
    await runAction(DIRECT, 'missing', oidcEnv)
    expectOneFailure(what, anchor)
    expect(entra.requests).toHaveLength(1) // Entra's 4xx is not tried again
  })

  it('names what the token presented when no federated credential matches its subject', async () => {
    oidcToken('repo:octo-org/Octo-Repo:environment:production') // subjects are compared case-sensitively
    await runAction(DIRECT, 'missing', oidcEnv)
    const failure = expectOneFailure(/\(AADSTS700213\)/, 'aadsts700213-no-matching-federated-credential')
    expect(failure).toContain("subject 'repo:octo-org/Octo-Repo:environment:production'")
    expect(failure).toContain("issuer 'https://token.actions.githubusercontent.com'")
    expect(failure).toContain('az identity federated-credential create')
  })

  it('tries a throttled Entra again and gives up at the deadline, naming the authority', async () => {
    oidcToken()
    entra.setFault({ kind: 'throttled', retryAfter: '0', times: 1000 })
    await runAction({ ...DIRECT, 'timeout-seconds': '2' }, 'missing', oidcEnv)
    const failure = expectOneFailure(
      /answered HTTP 429 \(unavailable or throttled\): tried \d+ times/,
      'entra-id-authority-unreachable'
    )
    expect(failure).toContain(entra.authorityHost)
    expect(entra.requests.length).toBeGreaterThan(1)
    expect(fakeRunner.messages('info')).toContainEqual(
      expect.stringMatching(/attempt 1 failed \(HTTP 429\); retrying in/)
    )
  })

  it('says the authority cannot be reached when nothing listens there', async () => {
    oidcToken()
    const port = await unusedLoopbackPort()
    await runAction({ ...DIRECT, 'timeout-seconds': '1' }, 'missing', {
      ...oidcEnv,
      AZURE_AUTHORITY_HOST: `http://127.0.0.1:${port}`
    })
    expectOneFailure(/could not be reached \(ECONNREFUSED\)/, 'entra-id-authority-unreachable')
  })

  it('never follows a redirect with the OIDC token', async () => {
    oidcToken()
    entra.setFault({ kind: 'redirect' })
    await runAction(DIRECT, 'missing', oidcEnv)
    expectOneFailure(
      /with a redirect \(HTTP 302 to 127\.0\.0\.1:\d+\), which is not followed/,
      'unexpected-answer-from-entra-id'
    )
    expect(entra.otherRequests.filter((request) => request.startsWith('POST'))).toEqual([])
  })
})

describe('the fallback after AADSTS700024', () => {
  let az: FederatedFakeAz | undefined
  afterEach(async () => {
    await az?.remove()
    az = undefined
  })

  it('keeps az error and says to grant id-token: write when the job cannot ask for a fresh token', async () => {
    az = await writeFederatedFakeAz()
    await runAction({}, { dir: az.dir }, { AZURE_AUTHORITY_HOST: entra.authorityHost })
    const failure = expectOneFailure(
      /^Entra ID refused the OIDC client assertion \(AADSTS700024\)/,
      'aadsts700024-client-assertion-expired'
    )
    expect(failure).toContain("grant the job 'permissions: id-token: write'")
    expect(failure).toContain('which lasts about 5 minutes') // as before: running azure/login again also helps
    expect(failure).toContain('or run azure/login again right before it')
    expect((await az.calls()).map((argv) => argv[1])).toEqual(['get-access-token']) // no account show without a token to use
  })

  it('says there is nothing to fall back to after a sign-in as a user', async () => {
    az = await writeFederatedFakeAz({ account: 'user' })
    oidcToken()
    await runAction({}, { dir: az.dir }, oidcEnv)
    expectOneFailure(
      /not a service principal with a federated credential: nothing to fall back to/,
      'aadsts700024-client-assertion-expired'
    )
    expect(entra.requests).toEqual([])
  })

  it("says the fallback failed, and why, when az's service principal has no credential for the job", async () => {
    az = await writeFederatedFakeAz()
    oidcToken('repo:octo-org/octo-repo:ref:refs/heads/main')
    await runAction({}, { dir: az.dir }, oidcEnv)
    expectOneFailure(
      /^az's sign-in had expired \(AADSTS700024\), and the federated exchange that replaces it failed: Entra ID found no federated credential/,
      'aadsts700213-no-matching-federated-credential'
    )
  })

  it('exchanges as the service principal az names, in its tenant', async () => {
    az = await writeFederatedFakeAz()
    const presented = oidcToken()
    await runAction({}, { dir: az.dir }, oidcEnv)
    expect(fakeRunner.messages('setFailed')).toEqual([])
    expect(entra.requests).toEqual([expect.objectContaining({ tenant: FEDERATED_TENANT_ID, outcome: 'issued' })])
    expect((await az.calls()).map((argv) => argv.slice(0, 2).join(' '))).toEqual([
      'account get-access-token',
      'account show'
    ])
    expect(await azCalls()).toEqual([])
    expectNoLeaks(presented)
  })
})
