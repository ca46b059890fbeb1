// End to end for the fallback after AADSTS700024: the bundled action with the real Azure CLI signed in as azure/login
// leaves it with OIDC (`az login --service-principal --federated-token`), fully offline, once the OIDC token az holds
// has expired. az's own request fails at the loopback Entra; the action asks the loopback GitHub OIDC endpoint for a
// fresh token and exchanges it as az's service principal, at the Entra endpoint of az's cloud.
import { dirname } from 'node:path'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { findRealAz } from '../../test-support/azure/azure-login.ts'
import { CLIENT_ASSERTION_TYPE } from '../../test-support/azure/entra-endpoint.ts'
import { startFederatedAzWorld, type FederatedAzWorld } from '../../test-support/azure/federated-az-world.ts'
import { OIDC_TOKEN_LIFETIME_SECONDS } from '../../test-support/azure/github-oidc-endpoint.ts'
import { startDicomService, type DicomService } from '../../test-support/dicom/service.ts'
import { findLeaks, runPlaces } from '../../test-support/runner/leak-check.ts'
import { runAction, type ActionRun } from '../../test-support/runner/run-action.ts'

const az = findRealAz()
// Straight to stderr: jest drops the console output of a file whose tests are all skipped.
if (!az) process.stderr.write('SKIPPED __tests__/e2e/real-az-fallback.test.ts: no `az` on PATH.\n')
const describeWithAz = az ? describe : describe.skip

/** How far Entra's clock is moved: past the 5 minutes of the OIDC token az signed in with. */
const DEPLOYMENT_SECONDS = OIDC_TOKEN_LIFETIME_SECONDS + 1
const FEED_ENTRIES = 3

describeWithAz('the fallback with the real Azure CLI, offline, after its OIDC token expired', () => {
  let world: FederatedAzWorld
  let dicom: DicomService

  beforeAll(async () => {
    world = await startFederatedAzWorld()
    dicom = await startDicomService({
      certificate: world.certificate,
      tenantId: world.tenantId,
      entries: FEED_ENTRIES
    })
    // A deployment longer than 5 minutes: Entra now judges az's stored assertion expired. GitHub's endpoint runs on
    // the real clock, so a fresh token must last past Entra's moved one to be judged fresh there.
    world.entra.advanceClock(DEPLOYMENT_SECONDS)
    world.oidc.setLifetimeSeconds(OIDC_TOKEN_LIFETIME_SECONDS + DEPLOYMENT_SECONDS)
  }, 60_000)
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await Promise.allSettled([dicom?.close(), world?.close()])
  })
  beforeEach(() => {
    world.entra.requests.length = 0
    world.oidc.requests.length = 0
    dicom.requests.length = 0
  })

  async function run(env: Record<string, string>): Promise<ActionRun> {
    return runAction({
      inputs: { 'dicom-url': dicom.url, 'smoke-test': 'true', 'timeout-seconds': '60' },
      path: [dirname(az ?? ''), dirname(process.execPath)],
      env: { ...world.session.env, NODE_EXTRA_CA_CERTS: world.certificate.certPath, ...env },
      killAfterMs: 90_000
    })
  }

  /** Neither a DICOM token Entra issued, nor any OIDC token, nor the request token shows anywhere a person reads. */
  function expectNoSecretShown(result: ActionRun): void {
    const places = runPlaces(result)
    for (const secret of [...world.entra.issued, ...world.oidc.issued]) expect(findLeaks(secret, places)).toEqual([])
    // The action masks the request token too: its mask line is the one place it may appear.
    for (const [where, text] of Object.entries(places)) {
      const visible = text
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n')
      expect({ where, leaked: visible.includes(world.oidc.requestToken) }).toEqual({ where, leaked: false })
    }
  }

  it("exchanges a fresh OIDC token as az's service principal at az's cloud, says so in one line, and passes the smoke test", async () => {
    const issuedBefore = world.entra.issued.length
    const startedMs = Date.now()
    const result = await run(world.oidc.env)
    const endedMs = Date.now()
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)

    // az's own attempt with the assertion it stored at sign-in, then the action's one exchange with a fresh one.
    const fresh = world.oidc.issued.at(-1) ?? ''
    expect(world.oidc.requests).toEqual([expect.objectContaining({ audience: 'api://AzureADTokenExchange' })])
    expect(world.entra.requests.map((request) => request.outcome)).toEqual(['AADSTS700024', 'issued'])
    expect(world.entra.requests[0]?.form).toMatchObject({
      client_assertion: world.oidc.issued[0],
      scope: `${DEFAULT_RESOURCE}/.default`
    })
    expect(world.entra.requests[1]).toMatchObject({
      method: 'POST',
      tenant: world.tenantId,
      contentType: 'application/x-www-form-urlencoded',
      form: {
        grant_type: 'client_credentials',
        client_id: world.clientId,
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: fresh,
        scope: `${DEFAULT_RESOURCE}/.default`
      }
    })
    expect(fresh).not.toBe(world.oidc.issued[0])

    const token = world.entra.issued.at(-1) ?? ''
    expect(world.entra.issued).toHaveLength(issuedBefore + 1)
    expect(result.outputs).toMatchObject({ token, 'tenant-id': world.tenantId, 'smoke-test-result': 'passed' })
    const expiresOnMs = Date.parse(result.outputs['expires-on'] ?? '')
    expect(expiresOnMs).toBeGreaterThanOrEqual(Math.floor(startedMs / 1000) * 1000 + 3599_000 - 1000)
    expect(expiresOnMs).toBeLessThanOrEqual(endedMs + 3599_000)
    expect(result.outputs['latest-sequence']).toBe(String(FEED_ENTRIES))

    const fallbackLines = result.stdout.split('\n').filter((line) => line.includes('A fresh OIDC token from GitHub'))
    expect(fallbackLines).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^az could not get the token: the OIDC token azure/login gave it had expired \(AADSTS700024; ` +
            String.raw`GitHub's lasts 5 minutes\)\. A fresh OIDC token from GitHub was exchanged with Entra ID as ` +
            String.raw`client ${world.clientId} instead\.$`
        )
      )
    ])
    expect(result.summary).toContain(`from a federated exchange as client ${world.clientId}`)
    expect(dicom.requests.length).toBeGreaterThan(0)
    expect(dicom.requests.every((request) => request.headers.authorization === `Bearer ${token}`)).toBe(true)
    expect(world.proxy.refused.every((target) => target === 'azure.microsoft.com:443')).toBe(true)
    expectNoSecretShown(result)
  }, 90_000)

  it("fails with az's AADSTS700024 explanation and the id-token: write hint when the job has no id-token variables", async () => {
    const issuedBefore = world.entra.issued.length
    const result = await run({})
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    const [error = ''] = result.errors
    expect(error).toMatch(/^Entra ID refused the OIDC client assertion \(AADSTS700024\) — az said: AADSTS700024: /)
    expect(error).toContain('which lasts about 5 minutes')
    expect(error).toContain('or run azure/login again right before it')
    expect(error).toContain("grant the job 'permissions: id-token: write'")
    expect(error).toMatch(/#aadsts700024-client-assertion-expired$/)
    expect(result.outputs).toEqual({})
    expect(world.oidc.requests).toEqual([])
    expect(world.entra.requests.map((request) => request.outcome)).toEqual(['AADSTS700024'])
    expect(world.entra.issued).toHaveLength(issuedBefore)
    expect(dicom.requests).toEqual([])
    expectNoSecretShown(result)
  }, 90_000)
})
