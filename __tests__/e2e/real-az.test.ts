// End to end: the bundled action, run as the runner runs it, with the real Azure CLI logged in offline
// against the loopback world, and the DICOM emulator over TLS.
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { findRealAz, prepareAzEnv } from '../../test-support/azure/azure-login.ts'
import { decodeJwtPayload } from '../../test-support/azure/jwt.ts'
import { findLeaks, runPlaces } from '../../test-support/runner/leak-check.ts'
import type { LoopbackWorld } from '../../test-support/loopback-world.ts'
import { startLoopbackWorld } from '../../test-support/loopback-world.ts'
import type { ActionRun } from '../../test-support/runner/run-action.ts'
import { runAction } from '../../test-support/runner/run-action.ts'

const az = findRealAz()
// Straight to stderr: jest drops the console output of a file whose tests are all skipped.
const SKIPPED = 'SKIPPED __tests__/e2e/real-az.test.ts: no `az` on PATH. Install the Azure CLI to run it.'
if (!az) process.stderr.write(`${SKIPPED}\n`)
const describeWithAz = az ? describe : describe.skip

describeWithAz('the action with the real Azure CLI, offline', () => {
  let world: LoopbackWorld

  beforeAll(async () => {
    world = await startLoopbackWorld()
  }, 60_000)
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => world?.close())
  beforeEach(() => {
    world.azure.identity.setFault('none')
    world.azure.identity.requests.length = 0
    world.dicom.requests.length = 0
  })

  async function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
    const result = await runAction({ inputs, path: world.path, env: { ...world.actionEnv, ...env } })
    // Every token the identity endpoint ever issued stays out of everything the run shows.
    for (const issued of world.azure.identity.issued) expect(findLeaks(issued, runPlaces(result))).toEqual([])
    return result
  }

  function lastIssued(): { token: string; exp: number; tid: string } {
    const token = world.azure.identity.issued.at(-1) ?? ''
    const claims = decodeJwtPayload(token) as { exp: number; tid: string }
    return { token, exp: claims.exp, tid: claims.tid }
  }

  const isoSeconds = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z')

  it('gets a DICOM token, masks it first, and outputs it with its UTC expiry and tenant', async () => {
    const result = await run({})
    expect(result.exitCode).toBe(0)
    const issued = lastIssued()
    expect(result.stdout.split('\n')[0]).toBe(`::add-mask::${issued.token}`)
    expect(result.outputs).toEqual({
      token: issued.token,
      'expires-on': isoSeconds(issued.exp),
      'tenant-id': issued.tid,
      'smoke-test-result': 'skipped'
    })
    expect(world.azure.identity.requests.map((r) => r.resource)).toContain(DEFAULT_RESOURCE)
    expect(result.warnings).toEqual([])
  })

  it('asks the identity endpoint for a custom resource', async () => {
    const resource = 'https://example.test/api'
    const result = await run({ resource })
    expect(result.exitCode).toBe(0)
    expect(world.azure.identity.requests.map((r) => r.resource)).toEqual(expect.arrayContaining([resource]))
    expect(world.azure.identity.requests.map((r) => r.resource)).not.toContain(DEFAULT_RESOURCE)
    expect(decodeJwtPayload(result.outputs.token ?? '').aud).toBe(resource)
  })

  it.each(['v1', 'v2'])('passes the change feed smoke test on %s over TLS', async (version) => {
    const result = await run({ 'dicom-url': world.dicom.url, 'api-version': version, 'smoke-test': 'true' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs).toMatchObject({
      'smoke-test-result': 'passed',
      'latest-sequence': '3',
      'dicom-base-url': `${world.dicom.url}/${version}`
    })
    expect(world.dicom.requests.map((r) => r.path).sort()).toEqual([
      `/${version}/changefeed`,
      `/${version}/changefeed/latest`
    ])
    expect(world.dicom.requests.every((r) => r.headers.authorization === `Bearer ${result.outputs.token ?? '-'}`)).toBe(
      true
    )
  })

  it('gives the right UTC expires-on on a runner in Asia/Kolkata, where az 2.45 prints local time', async () => {
    const result = await run({}, { TZ: 'Asia/Kolkata' })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['expires-on']).toBe(isoSeconds(lastIssued().exp))
  })

  it('says to run azure/login first when az is not logged in', async () => {
    const fresh = await prepareAzEnv({
      identityUrl: world.azure.identity.url,
      caBundlePath: world.azure.certificate.certPath
    })
    const result = await run({}, fresh.env)
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^The Azure CLI is not logged in — az said: Please run 'az login' to setup account\. ` +
            String.raw`Run azure\/login earlier in the same job.*#not-logged-in$`
        )
      )
    ])
    expect(result.outputs).toEqual({})
  })

  it('reports a failing identity endpoint as a managed identity problem', async () => {
    world.azure.identity.setFault('server-error')
    const result = await run({})
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^The managed identity endpoint did not give az a token — az said: Failed to connect ` +
            String.raw`to MSI\..*#managed-identity-endpoint-unreachable$`
        )
      )
    ])
  })
})
