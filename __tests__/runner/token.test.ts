// The bundled action, spawned as the runner spawns it, with a stand-in az on PATH for each behaviour.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { stillRunning } from '../../src/sign-in/azure-cli/process-tree.ts'
import { accessTokenClaims, makeJwt } from '../../test-support/azure/jwt.ts'
import { findLeaks, runPlaces } from '../../test-support/runner/leak-check.ts'
import type { ActionRun } from '../../test-support/runner/run-action.ts'
import { fakeAzDirectory, runAction } from '../../test-support/runner/run-action.ts'

const TENANT = '8f2c1a9e-4b7d-4e21-9c3a-5d6e7f8a9b0c'
const OBJECT_ID = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9'
const APP_ID = '9e8d7c6b-5a49-4382-9170-f6e5d4c3b2a1'
// No system directories: /bin and /usr/bin hold the real az on machines that have it.
const SYSTEM_PATH = [dirname(process.execPath)]

let azDir: string
let calls: string
// Temp directories a test made, removed after it.
const made: string[] = []

async function tempDirectory(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

beforeAll(async () => {
  azDir = await fakeAzDirectory()
})
afterAll(() => rm(azDir, { recursive: true, force: true }))
beforeEach(async () => {
  calls = join(await tempDirectory('az-calls-'), 'calls.jsonl')
})
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

function token(overrides: { audience?: string; lifetimeSeconds?: number } = {}): string {
  return makeJwt(
    accessTokenClaims({
      audience: overrides.audience ?? DEFAULT_RESOURCE,
      tenantId: TENANT,
      objectId: OBJECT_ID,
      appId: APP_ID,
      lifetimeSeconds: overrides.lifetimeSeconds ?? 3600
    })
  )
}

async function azCalls(): Promise<string[][]> {
  if (!existsSync(calls)) return []
  return (await readFile(calls, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { argv: string[] }).argv)
}

function run(
  inputs: Record<string, string>,
  env: Record<string, string>,
  path = [azDir, ...SYSTEM_PATH]
): Promise<ActionRun> {
  return runAction({ inputs, path, env: { FAKE_AZ_CALLS: calls, ...env } })
}

function expectNoLeaks(jwt: string, result: ActionRun, allowedVariable?: string): void {
  expect(findLeaks(jwt, runPlaces(result, allowedVariable))).toEqual([])
}

/** Lines the runner shows, without the debug ones. */
function visibleLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line !== '' && !line.startsWith('::debug::'))
}

describe('getting a token', () => {
  it(
    'masks the token before any other line, then outputs the token, its UTC expiry, the tenant and the versioned ' +
      'service URL',
    async () => {
      const jwt = token()
      const expiresOn = 1_900_000_000 // 2030-03-17T17:46:40Z
      const result = await run(
        { 'dicom-url': 'https://contoso-dicom.dicom.azurehealthcareapis.com/' },
        {
          FAKE_AZ_TOKEN: jwt,
          FAKE_AZ_EXPIRES_ON: String(expiresOn),
          FAKE_AZ_TENANT: TENANT,
          FAKE_AZ_STDERR: 'WARNING: A new version of Azure CLI is available.\n'
        }
      )
      expect(result.exitCode).toBe(0)
      expect(result.stdout.split('\n')[0]).toBe(`::add-mask::${jwt}`)
      expect(result.masks).toEqual([jwt])
      expect(result.outputs).toEqual({
        token: jwt,
        'expires-on': '2030-03-17T17:46:40Z',
        'tenant-id': TENANT,
        'dicom-base-url': 'https://contoso-dicom.dicom.azurehealthcareapis.com/v2',
        'smoke-test-result': 'skipped'
      })
      expect(result.errors).toEqual([])
      expect(result.warnings).toEqual([])
      // az's WARNING lines are debug, not annotations.
      expect(result.stdout).toContain('::debug::az: WARNING: A new version of Azure CLI is available.')
      expect(result.stdout).toContain(`object id ${OBJECT_ID}, app id ${APP_ID}, tenant ${TENANT}`)
      expect(result.summary).toContain('2030-03-17T17:46:40Z')
      expectNoLeaks(jwt, result)
    }
  )

  it('runs az exactly once, silently, with the resource and --output json', async () => {
    const jwt = token()
    const result = await run({}, { FAKE_AZ_TOKEN: jwt })
    expect(result.exitCode).toBe(0)
    expect(await azCalls()).toEqual([
      ['account', 'get-access-token', '--resource', DEFAULT_RESOURCE, '--output', 'json']
    ])
    expect(result.stdout).not.toContain('[command]')
    expect(result.stdout).not.toContain('"accessToken"')
    expect(result.outputs['dicom-base-url']).toBeUndefined()
  })

  it('passes a custom resource, and the tenant or the subscription, to az', async () => {
    const resource = 'https://example.test/api'
    const tenantRun = await run({ resource, tenant: TENANT }, { FAKE_AZ_TOKEN: token({ audience: resource }) })
    const subscriptionRun = await run({ subscription: 'Contoso Imaging' }, { FAKE_AZ_TOKEN: token() })
    expect(tenantRun.exitCode).toBe(0)
    expect(subscriptionRun.exitCode).toBe(0)
    expect(await azCalls()).toEqual([
      ['account', 'get-access-token', '--resource', resource, '--tenant', TENANT, '--output', 'json'],
      [
        'account',
        'get-access-token',
        '--resource',
        DEFAULT_RESOURCE,
        '--subscription',
        'Contoso Imaging',
        '--output',
        'json'
      ]
    ])
    expect(tenantRun.warnings).toEqual([])
  })

  it(
    'takes the expiry from the token when az 2.45 ' + 'prints only local time, on a runner that is not ' + 'on UTC',
    async () => {
      const jwt = token({ lifetimeSeconds: 3600 })
      const exp = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as { exp: number }
      const result = await run(
        {},
        { FAKE_AZ_TOKEN: jwt, FAKE_AZ_FORMAT: '2.45', FAKE_AZ_EXPIRES_ON: String(exp.exp), TZ: 'Asia/Kolkata' }
      )
      expect(result.exitCode).toBe(0)
      expect(result.outputs['expires-on']).toBe(new Date(exp.exp * 1000).toISOString().replace('.000Z', 'Z'))
      expectNoLeaks(jwt, result)
    }
  )

  it('succeeds without a job summary file, as on runners or local tools that have none', async () => {
    const jwt = token()
    const result = await runAction({
      inputs: {},
      path: [azDir, ...SYSTEM_PATH],
      env: { FAKE_AZ_TOKEN: jwt, GITHUB_STEP_SUMMARY: '' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.errors).toEqual([])
    expect(result.outputs.token).toBe(jwt)
  })

  it("keeps every segment of the token out of az's WARNING lines in the debug log", async () => {
    const jwt = token()
    const [, payload, signature] = jwt.split('.')
    const result = await run(
      {},
      { FAKE_AZ_TOKEN: jwt, FAKE_AZ_STDERR: `WARNING: cached ${signature ?? ''} and ${payload ?? ''}\n` }
    )
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('::debug::az: WARNING: cached *** and ***')
    expectNoLeaks(jwt, result)
  })

  it('also exports the token as the named environment variable, and nowhere else', async () => {
    const jwt = token()
    const result = await run({ 'export-variable': 'DICOM_TOKEN' }, { FAKE_AZ_TOKEN: jwt })
    expect(result.exitCode).toBe(0)
    expect(result.exportedEnv).toEqual({ DICOM_TOKEN: jwt })
    expectNoLeaks(jwt, result, 'DICOM_TOKEN')
  })

  it("warns when the token's audience is not the requested resource", async () => {
    const jwt = token({ audience: 'https://management.azure.com/' })
    const result = await run({}, { FAKE_AZ_TOKEN: jwt })
    expect(result.exitCode).toBe(0)
    expect(result.warnings).toEqual([
      expect.stringContaining(
        `audience is 'https://management.azure.com/', not the requested resource '${DEFAULT_RESOURCE}'`
      )
    ])
    expectNoLeaks(jwt, result)
  })

  it('warns when the token expires within 10 minutes', async () => {
    const jwt = token({ lifetimeSeconds: 300 })
    const expiresOn = String(Math.floor(Date.now() / 1000) + 300)
    const result = await run({}, { FAKE_AZ_TOKEN: jwt, FAKE_AZ_EXPIRES_ON: expiresOn })
    expect(result.exitCode).toBe(0)
    expect(result.warnings).toEqual([expect.stringMatching(/^The token expires in [45] minute\(s\)/)])
  })
})

describe('refusing bad input before anything runs', () => {
  it.each([
    [{ 'dicom-url': 'http://contoso.dicom.azurehealthcareapis.com' }, "Input 'dicom-url' is invalid"],
    [{ 'dicom-url': 'contoso.dicom.azurehealthcareapis.com' }, "Input 'dicom-url' is invalid"],
    [{ 'dicom-url': 'https://contoso.dicom.azurehealthcareapis.com/v2' }, "set 'api-version: v2' instead"],
    [{ 'api-version': 'v3' }, "Input 'api-version' is invalid: 'v3'. Allowed: v1.0-prerelease, v1, v2."],
    [{ 'smoke-test': 'yes' }, "Input 'smoke-test' is invalid: 'yes'"],
    [{ 'smoke-test': 'true' }, "Input 'smoke-test' is true but 'dicom-url' is empty."],
    [{ 'timeout-seconds': '0' }, "Input 'timeout-seconds' is invalid: '0'"],
    [{ 'timeout-seconds': 'ten' }, "Input 'timeout-seconds' is invalid: 'ten'"],
    [{ 'export-variable': 'DICOM-TOKEN' }, "Input 'export-variable' is invalid: 'DICOM-TOKEN'"],
    [{ 'export-variable': 'GITHUB_TOKEN' }, "Input 'export-variable' is invalid: 'GITHUB_TOKEN'"],
    [{ tenant: TENANT, subscription: 'Contoso Imaging' }, "Inputs 'tenant' and 'subscription' were both given."],
    [{ resource: '--debug' }, "Input 'resource' is invalid: '--debug'"]
  ])('refuses %j with one line naming the input, without running az', async (inputs, message) => {
    const result = await run(inputs, { FAKE_AZ_TOKEN: token() })
    expect(result.exitCode).toBe(1)
    expect(visibleLines(result.stdout)).toEqual([expect.stringContaining(message)])
    expect(result.errors[0]).toContain('docs/troubleshooting.md#invalid-input')
    expect(await azCalls()).toEqual([])
    expect(result.outputs).toEqual({})
  })
})

describe('when az is missing or fails', () => {
  it('names the Azure CLI and how to install it when az is not on PATH', async () => {
    const result = await run({}, {}, SYSTEM_PATH)
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(/^The Azure CLI \(az\) was not found on PATH\..*install-azure-cli.*#azure-cli-not-found$/)
    ])
    expect(result.stderr).toBe('')
  })

  it.each([
    [
      "ERROR: Please run 'az login' to setup account.\n",
      'The Azure CLI is not logged in',
      'Run azure/login earlier in the same job',
      '#not-logged-in'
    ],
    [
      'ERROR: AADSTS700024: Client assertion is not within its valid time range. Current time: ' +
        '2026-11-23T20:40:02Z, assertion valid from 2026-11-23T20:30:00Z, expiry time of assertion ' +
        '2026-11-23T20:35:00Z.\nInteractive authentication is needed. Please run:\naz login\n',
      'AADSTS700024',
      'which lasts about 5 minutes',
      '#aadsts700024-client-assertion-expired'
    ],
    [
      'ERROR: AADSTS500011: The resource principal named https://dicom.healthcareapis.azure.com was not found in ' +
        'the tenant named Contoso.\n',
      `Entra ID does not know the resource '${DEFAULT_RESOURCE}' in this tenant (AADSTS500011)`,
      "Check the 'resource' input",
      '#aadsts500011-resource-not-found-in-tenant'
    ],
    [
      "ERROR: Tenant shouldn't be specified for managed identity account\n",
      'logged in with a managed identity',
      "Remove the 'tenant' input",
      '#tenant-with-managed-identity'
    ],
    [
      'ERROR: Failed to connect to MSI. Please make sure MSI is configured correctly and check the network ' +
        'connection.\n',
      'The managed identity endpoint did not give az a token',
      'managed identity',
      '#managed-identity-endpoint-unreachable'
    ],
    [
      "ERROR: HTTPSConnectionPool(host='login.microsoftonline.com', port=443): Max retries exceeded with url: " +
        "/common/oauth2/token (Caused by NewConnectionError('Failed to establish a new connection: [Errno -3] " +
        "Temporary failure in name resolution'))\n",
      'The Azure CLI could not reach Entra ID',
      'HTTPS_PROXY',
      '#network-errors-from-the-azure-cli'
    ]
  ])('turns az stderr %j into an actionable error', async (stderr, what, fix, anchor) => {
    const result = await run({}, { FAKE_AZ_MODE: 'fail', FAKE_AZ_STDERR: `WARNING: Some warning from az\n${stderr}` })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    const [error = ''] = result.errors
    expect(error).toContain(what)
    expect(error).toContain(fix)
    expect(error.endsWith(anchor)).toBe(true)
    expect(error).not.toContain('Some warning from az')
    expect(result.stdout).not.toMatch(/^\s+at /m) // no stack trace
    expect(result.outputs).toEqual({})
  })

  it('fails without echoing anything when az prints something that is not JSON', async () => {
    const jwt = token()
    const result = await run({}, { FAKE_AZ_MODE: 'garbage', FAKE_AZ_TOKEN: jwt })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringContaining('not the expected JSON with an accessToken (not shown: it may contain the token)')
    ])
    expectNoLeaks(jwt, result)
    expect(result.masks).toEqual([])
  })

  it.each(['exec', 'child'] as const)(
    'stops az, and what its launcher started (%s), and says it timed out when az hangs past timeout-seconds',
    async (launcher) => {
      const pidFile = join(await tempDirectory('az-pid-'), 'pid')
      const launcherAz = await fakeAzDirectory(launcher)
      made.push(launcherAz)
      const result = await runAction({
        inputs: { 'timeout-seconds': '1.5' },
        path: [launcherAz, ...SYSTEM_PATH],
        env: { FAKE_AZ_CALLS: calls, FAKE_AZ_MODE: 'hang', FAKE_AZ_PIDFILE: pidFile }
      })
      expect(result.exitCode).toBe(1)
      expect(result.errors).toEqual([
        expect.stringContaining('az account get-access-token did not finish within 1.5 s and was stopped.')
      ])
      expect(result.durationMs).toBeLessThan(4000)
      const pid = Number(await readFile(pidFile, 'utf8'))
      // The hung az (python, behind a launcher or not) is gone: not even running unreaped, as a container's init may
      // leave it.
      expect(await stillRunning([pid])).toEqual([])
    }
  )
})
