// run() in-process with `smoke-test: write` against the HTTPS front over a real Orthanc: the round trip's branches
// as a user sees them (outputs, the one failure line, the summary rows), and that Orthanc is left empty.
import tls from 'node:tls'
import { fakeRunner } from '../../test-support/runner/fake-runner.ts'
import type { DicomFault } from '../../test-support/dicom/faults.ts'
import { startDicomService, type DicomService } from '../../test-support/dicom/service.ts'
import { OBJECT_ID, TENANT_ID } from '../../test-support/azure/ids.ts'
import {
  expectNoLeaks,
  runAction,
  summaryTable,
  token,
  useInProcessRunner
} from '../../test-support/runner/in-process.ts'
import { orthancUnavailable, startOrthanc, type Orthanc } from '../../test-support/dicom/orthanc.ts'
import { releasedAfterAll } from '../../test-support/runner/release-after-all.ts'
import { makeSelfSignedCertificate, removeCertificate, type Certificate } from '../../test-support/net/tls-cert.ts'

const unavailable = await orthancUnavailable()
if (unavailable !== undefined) process.stderr.write(`in-process write round trip tests skipped: ${unavailable}\n`)
const describeWithOrthanc = unavailable === undefined ? describe : describe.skip

useInProcessRunner()

describeWithOrthanc('smoke-test: write, in-process', () => {
  const systemCertificates = tls.getCACertificates('default')
  let certificate: Certificate
  let orthanc: Orthanc
  let front: DicomService

  // The front's certificate is self-signed; in-process it joins this process's default CA list for these tests.
  const release = releasedAfterAll()
  beforeAll(async () => {
    certificate = await makeSelfSignedCertificate('dicom-front-in-process')
    release(() => removeCertificate(certificate))
    tls.setDefaultCACertificates([...systemCertificates, certificate.cert])
    release(() => tls.setDefaultCACertificates(systemCertificates))
    const started = await startOrthanc()
    if (typeof started === 'string') throw new Error(started)
    orthanc = started
    release(() => started.stop())
    front = await startDicomService({ certificate, orthanc, roles: { [OBJECT_ID]: 'owner' }, tenantId: TENANT_ID })
    release(() => front.close())
  })
  afterEach(async () => {
    front.setFault({ kind: 'none' })
    front.roles.set(OBJECT_ID, 'owner')
    await orthanc.clear()
  })

  async function write(fault: DicomFault = { kind: 'none' }, inputs: Record<string, string> = {}): Promise<string> {
    front.setFault(fault)
    const jwt = token()
    await runAction(
      { 'dicom-url': front.url, 'smoke-test': 'write', 'timeout-seconds': '10', ...inputs },
      {
        FAKE_AZ_TOKEN: jwt,
        FAKE_AZ_TENANT: TENANT_ID
      }
    )
    expectNoLeaks(jwt)
    return jwt
  }

  const storedStudies = async (): Promise<unknown[]> => (await orthanc.json('GET', '/studies')) as unknown[]
  const failures = (): string[] => fakeRunner.messages('setFailed')

  it(
    'passes: one instance stored, found, read, seen in ' +
      'the feed and deleted; round-trip-ms set; Orthanc ' +
      'empty',
    async () => {
      await write()
      expect(failures()).toEqual([])
      expect(fakeRunner.outputs['smoke-test-result']).toBe('passed')
      expect(Number(fakeRunner.outputs['round-trip-ms'])).toBeGreaterThan(0)
      expect(front.feed.map((entry) => entry.action)).toEqual(['Create', 'Delete'])
      expect(summaryTable()).toMatchObject({ 'Smoke test': 'passed' })
      expect(await storedStudies()).toEqual([])
    }
  )

  it.each<[string, DicomFault, RegExp]>([
    ['424 on the store', { kind: 'store-failed-dependency' }, /424/],
    ['202 with a failed instance', { kind: 'store-failure-reason', reason: 272 }, /272/],
    ['409 for an instance that exists', { kind: 'store-status', status: 409, body: 'exists' }, /409/],
    ['413 for a request too large', { kind: 'store-status', status: 413, body: 'too large' }, /413/]
  ])('%s: one failure line naming it, nothing left in Orthanc', async (_, fault, said) => {
    await write(fault)
    expect(failures()).toEqual([expect.stringMatching(said)])
    expect(fakeRunner.outputs['smoke-test-result']).toBe('failed')
    expect(await storedStudies()).toEqual([])
  })

  it('a reader role: 403 on the store says write needs DICOM Data Owner', async () => {
    front.roles.set(OBJECT_ID, 'reader')
    await write()
    expect(failures()).toEqual([expect.stringMatching(/DICOM Data Owner/)])
  })

  it('a DELETE that fails: the step fails and names the study to delete by hand', async () => {
    await write({ kind: 'delete-status', status: 500 }, { 'timeout-seconds': '4' })
    expect(failures()).toEqual([expect.stringMatching(/2\.25\.\d+/)])
    await orthanc.clear()
  })
})
