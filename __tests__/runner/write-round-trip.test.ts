// The bundled action's `smoke-test: write` round trip against the HTTPS front over a real Orthanc, with a stand-in az,
// and wait-for-access. Skipped, with one line saying why, where Orthanc is missing; the read-path check runs anyway.
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import type { DicomFault } from '../../test-support/dicom/faults.ts'
import { startDicomService, type DicomService } from '../../test-support/dicom/service.ts'
import { accessTokenClaims, makeJwt } from '../../test-support/azure/jwt.ts'
import { expectOneError } from '../../test-support/runner/expect-run.ts'
import { findLeaks, runPlaces } from '../../test-support/runner/leak-check.ts'
import { orthancUnavailable, startOrthanc, type Orthanc } from '../../test-support/dicom/orthanc.ts'
import { REPO_ROOT, fakeAzDirectory, runAction, type ActionRun } from '../../test-support/runner/run-action.ts'
import { releasedAfterAll } from '../../test-support/runner/release-after-all.ts'
import { makeSelfSignedCertificate, removeCertificate, type Certificate } from '../../test-support/net/tls-cert.ts'

const TENANT = '3c7e9a1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d'
const OWNER = '7a6b5c4d-3e2f-4109-8a7b-6c5d4e3f2a1b'
const READER = '8b7c6d5e-4f30-4210-9b8c-7d6e5f4a3b2c'
const NEWCOMER = '9c8d7e6f-5041-4321-8c9d-8e7f6a5b4c3d'
const RUN_ENV = { GITHUB_REPOSITORY: 'contoso/pacs', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1' }

const unavailable = await orthancUnavailable()
if (unavailable !== undefined) process.stderr.write(`write round trip runner tests skipped: ${unavailable}\n`)
const describeWithOrthanc = unavailable === undefined ? describe : describe.skip

let azDir: string
let cert: Certificate

const release = releasedAfterAll()
beforeAll(async () => {
  azDir = await fakeAzDirectory()
  release(() => rm(azDir, { recursive: true, force: true }))
  cert = await makeSelfSignedCertificate('dicom-front')
  release(() => removeCertificate(cert))
})

function token(oid: string): string {
  return makeJwt(
    accessTokenClaims({
      audience: DEFAULT_RESOURCE,
      tenantId: TENANT,
      objectId: oid,
      appId: 'app-1',
      lifetimeSeconds: 3600
    })
  )
}

interface RunOptions {
  oid?: string
  env?: Record<string, string>
  entry?: string
  /** Called once the run has started, to change the world while it runs. */
  during?: () => Promise<void>
}

async function runSmokeTest(url: string, inputs: Record<string, string>, options: RunOptions = {}): Promise<ActionRun> {
  const jwt = token(options.oid ?? OWNER)
  const running = runAction({
    inputs: { 'dicom-url': url, 'smoke-test': 'write', 'timeout-seconds': '10', ...inputs },
    path: [azDir, dirname(process.execPath)],
    env: { FAKE_AZ_TOKEN: jwt, FAKE_AZ_TENANT: TENANT, NODE_EXTRA_CA_CERTS: cert.certPath, ...RUN_ENV, ...options.env },
    entry: options.entry
  })
  await options.during?.()
  const result = await running
  expect(findLeaks(jwt, runPlaces(result))).toEqual([])
  return result
}

/** The shared one-error check, plus what a failed write shows: the message, the failed result, no stack trace. */
function expectWriteFailed(result: ActionRun, message: RegExp, anchor: string): void {
  expect(expectOneError(result, anchor)).toMatch(message)
  expect(result.outputs['smoke-test-result']).toBe('failed')
  expect(result.stdout).not.toMatch(/^\s+at /m)
}

describeWithOrthanc('smoke-test: write against the front over a real Orthanc', () => {
  let orthanc: Orthanc
  let front: DicomService

  const releaseServers = releasedAfterAll()
  beforeAll(async () => {
    const started = await startOrthanc()
    if (typeof started === 'string') throw new Error(started)
    orthanc = started
    releaseServers(() => started.stop())
    const roles = { [OWNER]: 'owner', [READER]: 'reader' } as const
    front = await startDicomService({ certificate: cert, orthanc, roles, tenantId: TENANT })
    releaseServers(() => front.close())
  })
  beforeEach(() => {
    front.setFault({ kind: 'none' })
    front.requests.length = 0
    front.roles.delete(NEWCOMER)
  })
  afterEach(() => orthanc.clear())

  const storedStudies = async (): Promise<unknown[]> => (await orthanc.json('GET', '/studies')) as unknown[]
  const requestLines = (): string[] => front.requests.map((r) => `${r.method} ${r.path} ${r.status ?? ''}`)

  async function write(
    fault: DicomFault = { kind: 'none' },
    inputs: Record<string, string> = {},
    options: RunOptions = {}
  ): Promise<ActionRun> {
    front.setFault(fault)
    return runSmokeTest(front.url, inputs, options)
  }

  it(
    'stores, finds, retrieves, sees in the change feed ' + 'and deletes one instance; Orthanc is empty ' + 'afterwards',
    async () => {
      const result = await write()
      expect(result.exitCode).toBe(0)
      expect(result.errors).toEqual([])
      expect(result.outputs['smoke-test-result']).toBe('passed')
      expect(Number(result.outputs['round-trip-ms'])).toBeGreaterThan(0)
      expect(await storedStudies()).toEqual([])
      const lines = requestLines()
      expect(lines.filter((l) => l.startsWith('POST'))).toEqual([expect.stringMatching(/^POST \/v2\/studies 200$/)])
      expect(lines.filter((l) => l.startsWith('DELETE'))).toEqual([
        expect.stringMatching(/^DELETE \/v2\/studies\/2\.25\.\d+ 204$/)
      ])
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/v2\/studies\/.+\/metadata 200$/)]))
      expect(front.feed.map((entry) => entry.action)).toEqual(['Create', 'Delete'])
      const description = front.feed[0]?.metadata?.['00081030']?.Value?.[0]
      expect(description).toBe('dicom-token-action smoke test, run 42 attempt 1, contoso/pacs')
      expect(result.stdout).toMatch(/Write round trip passed: .* in \d+ ms\./)
      for (const step of [
        'Store \\(STOW-RS\\)',
        'Search \\(QIDO-RS\\)',
        'Retrieve metadata \\(WADO-RS\\)',
        'Change feed lists the Create'
      ]) {
        expect(result.summary).toMatch(new RegExp(`<td>Write: ${step}</td><td>passed in \\d+ ms`))
      }
      expect(result.summary).toMatch(/<td>Write: Delete the study<\/td><td>passed in \d+ ms \(204\)/)
      expect(result.summary).toMatch(/<td>Round trip<\/td><td>\d+ ms<\/td>/)
    }
  )

  it('waits for the Create when the change feed lags', async () => {
    const result = await write({ kind: 'create-hidden', reads: 3 })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(
      /Change feed lists the Create: attempt 1 failed \(the Create is not in the change feed yet\); retrying/
    )
    expect(await storedStudies()).toEqual([])
  })

  it('works on v1, whose change feed pages by sequence number', async () => {
    const result = await write({ kind: 'none' }, { 'api-version': 'v1' })
    expect(result.exitCode).toBe(0)
    expect(await storedStudies()).toEqual([])
  })

  it('403 on the write with a reader role: says write needs DICOM Data Owner, and does not retry', async () => {
    const result = await write({ kind: 'none' }, {}, { oid: READER })
    expectWriteFailed(
      result,
      /refused to store .* with 403 .*reader role only; smoke-test: write needs DICOM Data Owner\./,
      '403-on-a-write-reader-role-only'
    )
    expect(requestLines().filter((l) => l.startsWith('POST'))).toHaveLength(1)
    expect(result.outputs['round-trip-ms']).toMatch(/^[1-9]\d*$/)
    expect(result.summary).toMatch(/<td>Write: Delete the study<\/td><td>skipped<\/td>/)
  })

  it.each<[string, DicomFault, RegExp, string]>([
    [
      '409',
      { kind: 'store-status', status: 409, body: 'The instance already exists.' },
      /answered 409 .*the instance already exists/,
      '409-conflict-the-instance-already-exists'
    ],
    [
      '400 naming the attribute',
      { kind: 'store-status', status: 400, body: 'DICOM100: (0010,0020) PatientID - the value is invalid.' },
      /refused the synthetic instance with 400 at .*, naming attribute \(0010,0020\) PatientID: "DICOM100/,
      '400-or-415-the-service-refused-the-instance'
    ],
    [
      '415',
      { kind: 'store-status', status: 415, body: 'Unsupported media type.' },
      /refused the synthetic instance with 415/,
      '400-or-415-the-service-refused-the-instance'
    ],
    [
      '424',
      { kind: 'store-failed-dependency' },
      /answered 424 Failed Dependency .*storage account or its customer-managed key/,
      '424-failed-dependency'
    ],
    [
      '413',
      { kind: 'store-status', status: 413, body: 'Request Entity Too Large' },
      /answered 413 .*request too large/,
      '413-request-too-large'
    ],
    [
      '202 with a FailedSOPSequence',
      { kind: 'store-failure-reason', reason: 272 },
      /answered 202 .*failure reason 272 \(0x0110, processing failure\)/,
      '202-accepted-with-a-failedsopsequence'
    ]
  ])(
    '%s on the STOW: one line saying why, not retried, nothing left in Orthanc',
    async (_name, fault, message, anchor) => {
      const result = await write(fault)
      expectWriteFailed(result, message, anchor)
      expect(requestLines().filter((l) => l.startsWith('POST'))).toHaveLength(1)
      expect(await storedStudies()).toEqual([])
    }
  )

  it('a DELETE that keeps failing fails the step and prints the study UID to delete by hand', async () => {
    const result = await write({ kind: 'delete-status', status: 500 }, { 'timeout-seconds': '4' })
    expectWriteFailed(
      result,
      /^Could not delete the synthetic study (2\.25\.\d+) that the smoke test stored: .*DELETE .*\/studies\/\1\./,
      'cleanup-failed-synthetic-study-left-behind'
    )
    expect(result.durationMs).toBeLessThan(4000 + 3000)
    expect(await storedStudies()).toHaveLength(1)
  })

  it('wait-for-access: a 403 that turns into 200 once the role is granted mid-run passes', async () => {
    const grantAfterTwo403s = async (): Promise<void> => {
      while (front.requests.filter((r) => r.status === 403).length < 2) await new Promise((r) => setTimeout(r, 50))
      front.roles.set(NEWCOMER, 'owner')
    }
    const result = await write(
      { kind: 'none' },
      { 'wait-for-access': 'true', 'timeout-seconds': '20' },
      { oid: NEWCOMER, during: grantAfterTwo403s }
    )
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(
      /attempt 1 failed \(HTTP 403, waiting for the role assignment to apply\); retrying in/
    )
    expect(await storedStudies()).toEqual([])
  })

  it(
    'wait-for-access: still 403 at the deadline gives ' + 'one line with 403, the roles and how long it waited',
    async () => {
      const result = await write(
        { kind: 'none' },
        { 'wait-for-access': 'true', 'timeout-seconds': '3' },
        { oid: NEWCOMER }
      )
      expectWriteFailed(
        result,
        new RegExp(
          String.raw`still answered 403 to GET .* after waiting [1-3]\.\d s \(\d+ attempt\(s\)\) for ` +
            String.raw`object id .* to get a DICOM Data role\. .*DICOM Data Reader`
        ),
        'still-403-after-waiting-for-access'
      )
      expect(result.durationMs).toBeLessThan(3000 + 2500)
    }
  )

  it('without wait-for-access a 403 fails at once', async () => {
    const result = await write({ kind: 'none' }, {}, { oid: NEWCOMER })
    expectWriteFailed(result, /refused .* with 403/, '403-forbidden')
    expect(front.requests).toHaveLength(2)
  })
})

// The same round trip where no Orthanc is installed: the fake service keeps the instance in memory.
describe('smoke-test: write against the fake service storing in memory', () => {
  let service: DicomService
  const releaseService = releasedAfterAll()
  beforeAll(async () => {
    const roles = { [OWNER]: 'owner', [READER]: 'reader' } as const
    service = await startDicomService({ certificate: cert, roles, tenantId: TENANT })
    releaseService(() => service.close())
  })
  beforeEach(() => {
    service.setFault({ kind: 'none' })
    service.setEntries(0)
    service.requests.length = 0
  })

  const requestLines = (): string[] => service.requests.map((r) => `${r.method} ${r.path} ${r.status ?? ''}`)

  it('stores, finds, retrieves, sees in the change feed and deletes one instance; nothing is left', async () => {
    const result = await runSmokeTest(service.url, {})
    expect(result.exitCode).toBe(0)
    expect(result.errors).toEqual([])
    expect(result.outputs['smoke-test-result']).toBe('passed')
    expect(result.outputs['round-trip-ms']).toMatch(/^[1-9]\d*$/)
    expect(service.feed.map((entry) => entry.action)).toEqual(['Create', 'Delete'])
    const description = service.feed[0]?.metadata?.['00081030']?.Value?.[0]
    expect(description).toBe('dicom-token-action smoke test, run 42 attempt 1, contoso/pacs')
    expect(requestLines().filter((l) => /^(POST|DELETE)/.test(l))).toEqual([
      expect.stringMatching(/^POST \/v2\/studies 200$/),
      expect.stringMatching(/^DELETE \/v2\/studies\/2\.25\.\d+ 204$/)
    ])
    expect(result.summary).toMatch(/<td>Write: Delete the study<\/td><td>passed in \d+ ms \(204\)/)
  })

  it('waits for the Create when the change feed lags, on v1 too', async () => {
    service.setFault({ kind: 'create-hidden', reads: 2 })
    const result = await runSmokeTest(service.url, { 'api-version': 'v1' })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(
      /Change feed lists the Create: attempt 1 failed \(the Create is not in the change feed yet\)/
    )
  })

  it('a reader role: one line saying write needs DICOM Data Owner, nothing stored', async () => {
    const result = await runSmokeTest(service.url, {}, { oid: READER })
    expectWriteFailed(
      result,
      /reader role only; smoke-test: write needs DICOM Data Owner\./,
      '403-on-a-write-reader-role-only'
    )
    expect(service.feed).toEqual([])
  })
})

describe('smoke-test: read', () => {
  it('needs no Orthanc and never loads the write check or dcmjs: it passes with their chunks deleted', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'dist-without-write-'))
    const emulator = await startDicomService({ certificate: cert, tenantId: TENANT, entries: 3 })
    try {
      await cp(join(REPO_ROOT, 'dist'), copy, { recursive: true })
      const removed: string[] = []
      for (const name of await readdir(copy)) {
        if (!name.endsWith('.js') || name === 'index.js') continue
        if ((await readFile(join(copy, name), 'utf8')).includes('DicomMetaDictionary')) {
          await rm(join(copy, name))
          removed.push(name)
        }
      }
      expect(removed.length).toBeGreaterThan(0)
      const result = await runSmokeTest(emulator.url, { 'smoke-test': 'read' }, { entry: join(copy, 'index.js') })
      expect(result.exitCode).toBe(0)
      expect(result.outputs['smoke-test-result']).toBe('passed')
      expect(result.outputs['round-trip-ms']).toBeUndefined()
      expect(emulator.requests.every((r) => r.method === 'GET')).toBe(true)
    } finally {
      await emulator.close()
      await rm(copy, { recursive: true, force: true })
    }
  })
})
