// The bundled action signing in without az (client-id) and falling back after az's AADSTS700024, as the runner runs
// it: @actions/core's getIDToken against the loopback GitHub OIDC endpoint, the exchange at the loopback Entra (both
// TLS, trusted through NODE_EXTRA_CA_CERTS), the DICOM service reading the token Entra issued. Each diagnosis and
// refusal is tested in-process (__tests__/inprocess/federated.test.ts); here, what only the real runner path shows.
import { dirname } from 'node:path'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { startDirectModeWorld } from '../../test-support/azure/direct-mode-world.ts'
import type { DirectModeWorld } from '../../test-support/azure/direct-mode-world.ts'
import { FEDERATED_CLIENT_ID, FEDERATED_TENANT_ID } from '../../test-support/azure/entra-endpoint.ts'
import { writeFederatedFakeAz } from '../../test-support/azure/fake-az-federated-command.ts'
import type { FederatedFakeAz } from '../../test-support/azure/fake-az-federated-command.ts'
import { DEFAULT_OIDC_SUBJECT } from '../../test-support/azure/github-oidc-endpoint.ts'
import { findLeaks, runPlaces } from '../../test-support/runner/leak-check.ts'
import type { ActionRun } from '../../test-support/runner/run-action.ts'
import { runAction } from '../../test-support/runner/run-action.ts'

const NODE_DIR = dirname(process.execPath)
let world: DirectModeWorld

beforeAll(async () => {
  world = await startDirectModeWorld()
})
afterAll(async () => {
  await world.close()
})
beforeEach(() => {
  world.oidc.setFault({ kind: 'none' })
  world.entra.setFault({ kind: 'none' })
  world.oidc.requests.length = 0
  world.entra.requests.length = 0
  world.oidc.issued.length = 0
  world.entra.issued.length = 0
})

/** Neither the access token, nor any OIDC token issued, nor the request token shows anywhere a person reads. */
function expectNoSecretShown(run: ActionRun): void {
  const places = runPlaces(run)
  const secrets = [...world.entra.issued, ...world.oidc.issued]
  for (const secret of secrets) expect(findLeaks(secret, places)).toEqual([])
  const visible = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  expect(visible).not.toContain(world.oidc.requestToken)
}

describe('signing in without az (client-id)', () => {
  it('exchanges the job OIDC token with Entra and smoke-tests the service with the token it gets', async () => {
    const run = await runAction({
      inputs: { ...world.inputs, 'smoke-test': 'read' },
      env: world.actionEnv,
      path: [NODE_DIR] // no az anywhere
    })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    const [issued] = world.entra.issued
    expect(run.outputs).toMatchObject({
      token: issued,
      'tenant-id': FEDERATED_TENANT_ID,
      'smoke-test-result': 'passed'
    })
    expect(run.outputs['expires-on']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(world.oidc.requests).toEqual([expect.objectContaining({ audience: 'api://AzureADTokenExchange' })])
    expect(world.entra.requests).toEqual([
      expect.objectContaining({
        tenant: FEDERATED_TENANT_ID,
        outcome: 'issued',
        form: expect.objectContaining({
          client_id: FEDERATED_CLIENT_ID,
          client_assertion: world.oidc.issued[0],
          scope: `${DEFAULT_RESOURCE}/.default`
        })
      })
    ])
    expect(run.stdout).toContain(
      `Got a token for ${DEFAULT_RESOURCE} from a federated exchange as client ${FEDERATED_CLIENT_ID}`
    )
    expect(run.summary).toContain(
      `<td>Obtained</td><td>from a federated exchange as client ${FEDERATED_CLIENT_ID}</td>`
    )
    // Both tokens are masked before the first line the action shows (core's own debug lines come first).
    const lines = run.stdout.split('\n')
    const firstShown = lines.findIndex((line) => !/^::(add-mask|debug)::/.test(line))
    for (const secret of [world.oidc.issued[0], issued]) {
      const mask = lines.indexOf(`::add-mask::${secret ?? ''}`)
      expect(mask).toBeGreaterThanOrEqual(0)
      expect(mask).toBeLessThan(firstShown)
    }
    expectNoSecretShown(run)
  })

  it('names the subject the job presented, and the command that adds it, when no credential matches', async () => {
    world.oidc.setSubject('repo:octo-org/octo-repo:ref:refs/heads/feature')
    try {
      const run = await runAction({ inputs: world.inputs, env: world.actionEnv, path: [NODE_DIR] })
      expect(run.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      const [error = ''] = run.errors
      expect(error).toContain(
        `(AADSTS700213): the token presented subject 'repo:octo-org/octo-repo:ref:refs/heads/feature'`
      )
      expect(error).toContain(`az ad app federated-credential create --id '${FEDERATED_CLIENT_ID}'`)
      expect(error).toMatch(/#aadsts700213-no-matching-federated-credential$/)
      expect(run.outputs).toEqual({})
      expectNoSecretShown(run)
    } finally {
      world.oidc.setSubject(DEFAULT_OIDC_SUBJECT)
    }
  })

  it('says GitHub gave no OIDC token when its token service keeps failing, without showing the request token', async () => {
    world.oidc.setFault({ kind: 'forbidden' })
    const run = await runAction({ inputs: world.inputs, env: world.actionEnv, path: [NODE_DIR] })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(/^GitHub did not give the job an OIDC token: asking for one failed/)
    ])
    expect(world.entra.requests).toEqual([])
    expectNoSecretShown(run)
  })

  it('refuses a plain http AZURE_AUTHORITY_HOST before asking GitHub for anything', async () => {
    const env = { ...world.actionEnv, AZURE_AUTHORITY_HOST: 'http://login.example.com' }
    const run = await runAction({ inputs: world.inputs, env, path: [NODE_DIR] })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(/^The AZURE_AUTHORITY_HOST environment variable is not an authority/)
    ])
    expect(world.oidc.requests).toEqual([])
  })
})

describe('the fallback after az fails with AADSTS700024', () => {
  let az: FederatedFakeAz | undefined
  afterEach(async () => {
    await az?.remove()
    az = undefined
  })

  it("exchanges a fresh OIDC token as az's service principal, at az's cloud, and says why in one line", async () => {
    az = await writeFederatedFakeAz({ authority: world.entra.authorityHost })
    // Without AZURE_AUTHORITY_HOST: the authority comes from az cloud show.
    const env = Object.fromEntries(Object.entries(world.actionEnv).filter(([name]) => name !== 'AZURE_AUTHORITY_HOST'))
    const run = await runAction({
      inputs: { 'dicom-url': world.inputs['dicom-url'] ?? '', 'smoke-test': 'read' },
      env,
      path: [az.dir, NODE_DIR]
    })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect((await az.calls()).map((argv) => argv.slice(0, 2).join(' '))).toEqual([
      'account get-access-token',
      'account show',
      'cloud show'
    ])
    expect(run.outputs).toMatchObject({ token: world.entra.issued[0], 'smoke-test-result': 'passed' })
    expect(run.stdout).toContain(
      `az could not get the token: the OIDC token azure/login gave it had expired (AADSTS700024; GitHub's lasts 5 ` +
        `minutes). A fresh OIDC token from GitHub was exchanged with Entra ID as client ${FEDERATED_CLIENT_ID} instead.`
    )
    expect(run.summary).toContain(`from a federated exchange as client ${FEDERATED_CLIENT_ID}`)
    expectNoSecretShown(run)
  })

  it('has nothing to fall back to after a managed-identity sign-in, and fails as az did', async () => {
    az = await writeFederatedFakeAz({ account: 'system-assigned-identity', authority: world.entra.authorityHost })
    const run = await runAction({ inputs: {}, env: world.actionEnv, path: [az.dir, NODE_DIR] })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringContaining('az is signed in with a managed identity, which has no OIDC token to renew')
    ])
    expect(run.errors[0]).toMatch(/#aadsts700024-client-assertion-expired$/)
    expect(world.oidc.requests).toEqual([])
    expect(world.entra.requests).toEqual([])
  })
})
