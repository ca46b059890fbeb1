// The loopback Azure world driven by the real Azure CLI: these tests pin what az 2.45 does and prints,
// so that the action's classification of az output rests on observed behaviour, not on guesses.
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { findRealAz, prepareAzEnv, runAz, type AzSession } from '../../test-support/azure/azure-login.ts'
import { startAzureWorld, type AzureWorld } from '../../test-support/azure/azure-world.ts'
import { decodeJwtPayload } from '../../test-support/azure/jwt.ts'

const DICOM_RESOURCE = 'https://dicom.healthcareapis.azure.com'
const KOLKATA_OFFSET_SECONDS = 5 * 3600 + 30 * 60

const realAz = findRealAz()
// Straight to stderr: jest drops the console output of a file whose tests are all skipped.
if (realAz === undefined) {
  process.stderr.write('SKIPPED __tests__/support/azure-world.test.ts: no `az` on PATH. Install the Azure CLI.\n')
}
const describeWithAz = realAz === undefined ? describe.skip : describe

interface TokenOutput {
  accessToken: string
  expiresOn: string
  subscription?: string
  tenant: string
  tokenType: string
  expires_on?: number
}

function localWallClock(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000)
  const pad = (value: number): string => String(value).padStart(2, '0')
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.000000`
  )
}

/** Reads az's zone-less `expiresOn` as if it were UTC, which is exactly the mistake the action must not make. */
function wallClockAsUtcSeconds(expiresOn: string): number {
  return Date.parse(`${expiresOn.slice(0, 19).replace(' ', 'T')}Z`) / 1000
}

describeWithAz('the loopback Azure world with the real Azure CLI', () => {
  let world: AzureWorld
  const stderrs: string[] = []

  const getToken = async (args: string[], session: AzSession = world.session) => {
    const result = await runAz(session, ['account', 'get-access-token', ...args, '--output', 'json'])
    stderrs.push(result.stderr)
    return result
  }

  const parseToken = (stdout: string): { output: TokenOutput; claims: Record<string, unknown> } => {
    const output = JSON.parse(stdout) as TokenOutput
    return { output, claims: decodeJwtPayload(output.accessToken) }
  }

  beforeAll(async () => {
    world = await startAzureWorld()
  }, 60_000)

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
  afterAll(() => world?.close())

  afterEach(() => {
    world.identity.setFault('none')
    world.identity.setLifetimeSeconds(3600)
  })

  test(
    'every az call is pinned to loopback: own config dir, ' + 'loopback MSI endpoint, refused proxy for anything else',
    () => {
      const env = world.session.env
      expect(env.AZURE_CONFIG_DIR).toBe(world.session.configDir)
      expect(world.session.configDir.startsWith(tmpdir())).toBe(true)
      expect(env.MSI_ENDPOINT).toBe(world.identity.url)
      expect(env.MSI_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/msi\/token$/)
      expect(env.REQUESTS_CA_BUNDLE).toBe(world.certificate.certPath)
      expect(env.AZURE_CORE_COLLECT_TELEMETRY).toBe('0')
      expect(env.HTTPS_PROXY).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(env.NO_PROXY).toBe('127.0.0.1,localhost')
      expect(world.arm.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/)
    }
  )

  test(
    'az logs in with the managed identity and issues a ' + 'DICOM token for the tenant, expiresOn in local time',
    async () => {
      // The login in beforeAll asked for an ARM token and listed subscriptions over TLS.
      expect(world.identity.requests.some((r) => r.resource === 'https://management.core.windows.net/')).toBe(true)
      expect(world.arm.requests.map((r) => `${r.method} ${r.path}`)).toContain(
        'GET /subscriptions?api-version=2019-11-01'
      )

      const before = world.identity.requests.length
      const result = await getToken(['--resource', DICOM_RESOURCE])

      expect(result.exitCode).toBe(0)
      expect(result.stderr).toBe('')
      const { output, claims } = parseToken(result.stdout)
      expect(claims.aud).toBe(DICOM_RESOURCE)
      expect(claims.tid).toBe(world.identity.tenantId)
      expect(output.tenant).toBe(world.identity.tenantId)
      expect(output.subscription).toBe(world.arm.subscriptionId)
      expect(output.tokenType).toBe('Bearer')
      expect(world.identity.issued).toContain(output.accessToken)
      expect(output.expiresOn).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.000000$/)
      expect(output.expiresOn).toBe(localWallClock(claims.exp as number))
      // az 2.54+ adds the epoch; 2.45 does not. Either way it must agree with the token.
      if (output.expires_on !== undefined) expect(output.expires_on).toBe(claims.exp)

      const asked = world.identity.requests.slice(before)
      expect(asked.length).toBeGreaterThanOrEqual(1)
      for (const request of asked) {
        expect(request).toMatchObject({ method: 'POST', resource: DICOM_RESOURCE })
        expect(request.headers.metadata).toBe('true')
      }
    }
  )

  test('a custom resource reaches the identity endpoint exactly as asked', async () => {
    const resource = 'https://example.test/api'
    const before = world.identity.requests.length

    const result = await getToken(['--resource', resource])

    expect(result.exitCode).toBe(0)
    expect(parseToken(result.stdout).claims.aud).toBe(resource)
    expect(new Set(world.identity.requests.slice(before).map((r) => r.resource))).toEqual(new Set([resource]))
  })

  test('expiresOn follows the token lifetime the identity endpoint grants', async () => {
    world.identity.setLifetimeSeconds(300)

    const result = await getToken(['--resource', DICOM_RESOURCE])

    const { output, claims } = parseToken(result.stdout)
    expect((claims.exp as number) - (claims.iat as number)).toBe(305)
    expect(output.expiresOn).toBe(localWallClock(claims.exp as number))
  })

  test(
    'with TZ=Asia/Kolkata expiresOn is the same ' + 'instant written as +05:30 wall-clock time, with ' + 'no zone',
    async () => {
      const inZone = (tz: string): AzSession => ({ ...world.session, env: { ...world.session.env, TZ: tz } })

      const [kolkata, utc] = await Promise.all([
        getToken(['--resource', DICOM_RESOURCE], inZone('Asia/Kolkata')),
        getToken(['--resource', DICOM_RESOURCE], inZone('UTC'))
      ])

      const k = parseToken(kolkata.stdout)
      const u = parseToken(utc.stdout)
      expect(wallClockAsUtcSeconds(k.output.expiresOn) - (k.claims.exp as number)).toBe(KOLKATA_OFFSET_SECONDS)
      expect(wallClockAsUtcSeconds(u.output.expiresOn) - (u.claims.exp as number)).toBe(0)
      expect(k.output.expiresOn).not.toMatch(/Z|[+-]\d{2}:?\d{2}$/)
    }
  )

  test('not logged in: az exits 1 with "Please run \'az login\'" and never asks the identity endpoint', async () => {
    const fresh = await prepareAzEnv({ identityUrl: world.identity.url, caBundlePath: world.certificate.certPath })
    const before = world.identity.requests.length
    try {
      const result = await getToken(['--resource', DICOM_RESOURCE], fresh)

      expect(result).toMatchObject({
        exitCode: 1,
        stdout: '',
        stderr: "ERROR: Please run 'az login' to setup account.\n"
      })
      expect(world.identity.requests.length).toBe(before)
    } finally {
      await rm(fresh.configDir, { recursive: true, force: true })
    }
  })

  test('the identity endpoint answering 500: az exits 1 and prints only the status, not the body', async () => {
    world.identity.setFault('server-error')
    const before = world.identity.requests.length
    const issued = world.identity.issued.length

    const result = await getToken(['--resource', DICOM_RESOURCE])

    expect(result).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr:
        'ERROR: Failed to connect to MSI. Please make sure MSI is configured correctly.\nGet Token request ' +
        'returned: <Response [500]>\n'
    })
    expect(world.identity.requests.length).toBeGreaterThan(before)
    expect(world.identity.issued.length).toBe(issued)
  })

  test('the identity endpoint answering 400 AADSTS500011: az exits 1 and drops the AADSTS text', async () => {
    world.identity.setFault('bad-request')

    const result = await getToken(['--resource', 'https://unknown.example.test'])

    expect(result).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr:
        'ERROR: Failed to connect to MSI. Please make sure MSI is configured correctly.\nGet Token request ' +
        'returned: <Response [400]>\n'
    })
    expect(result.stderr).not.toContain('AADSTS')
  })

  test(
    'the identity endpoint refusing connections: az exits 1 ' +
      'with "Connection refused", and recovers when it is back',
    async () => {
      world.identity.setFault('refuse')

      const refused = await getToken(['--resource', DICOM_RESOURCE])

      expect(refused.exitCode).toBe(1)
      expect(refused.stdout).toBe('')
      expect(refused.stderr).toMatch(
        new RegExp(
          String.raw`^ERROR: Failed to connect to MSI\. Please make sure MSI is configured correctly ` +
            String.raw`and check the network connection\.\nError detail: HTTPConnectionPool\(host='127\.0\.0\.1', ` +
            String.raw`port=\d+\): Max retries exceeded with url: \/msi\/token \(Caused by NewConnectionError\('.*:` +
            String.raw` Failed to establish a new connection: \[Errno 111\] Connection refused'\)\)\n$`
        )
      )

      world.identity.setFault('none')
      const recovered = await getToken(['--resource', DICOM_RESOURCE])
      expect(recovered.exitCode).toBe(0)
    }
  )

  test('--tenant with the managed identity: az exits 1 before asking the identity endpoint', async () => {
    const before = world.identity.requests.length

    const result = await getToken(['--resource', DICOM_RESOURCE, '--tenant', world.identity.tenantId])

    expect(result).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: "ERROR: Tenant shouldn't be specified for managed identity account\n"
    })
    expect(world.identity.requests.length).toBe(before)
  })

  test('no token the identity endpoint issued ever appears on az stderr', () => {
    // Runs last (jest keeps a file's test order), so it covers every az call above, failures included.
    expect(stderrs.length).toBeGreaterThan(5)
    expect(world.identity.issued.length).toBeGreaterThan(0)
    for (const token of world.identity.issued) {
      for (const segment of token.split('.').slice(1)) {
        for (const stderr of stderrs) expect(stderr).not.toContain(segment)
      }
    }
  })
})
