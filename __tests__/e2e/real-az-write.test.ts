// End to end for `smoke-test: write`: the bundled action with the real Azure CLI logged in offline against the loopback
// identity, and the HTTPS front over a real Orthanc. Skipped, with one line saying why, without az or Orthanc.
import { DEFAULT_OBJECT_ID } from '../../test-support/azure/identity-endpoint.ts'
import { findRealAz } from '../../test-support/azure/azure-login.ts'
import { startAzureWorld, type AzureWorld } from '../../test-support/azure/azure-world.ts'
import { startDicomService, type DicomService } from '../../test-support/dicom/service.ts'
import { findLeaks, runPlaces } from '../../test-support/runner/leak-check.ts'
import { orthancUnavailable, startOrthanc, type Orthanc } from '../../test-support/dicom/orthanc.ts'
import { runAction } from '../../test-support/runner/run-action.ts'
import { dirname } from 'node:path'

const az = findRealAz()
const missing = az
  ? await orthancUnavailable()
  : 'the Azure CLI (az) is not on PATH (Debian: apt-get install -y azure-cli)'
if (missing !== undefined) process.stderr.write(`e2e write round trip skipped: ${missing}\n`)
const describeWhenReady = missing === undefined ? describe : describe.skip

describeWhenReady('smoke-test: write with the real Azure CLI, offline, against a real Orthanc', () => {
  let azure: AzureWorld
  let orthanc: Orthanc
  let front: DicomService

  beforeAll(async () => {
    azure = await startAzureWorld()
    const started = await startOrthanc()
    if (typeof started === 'string') throw new Error(started)
    orthanc = started
    const roles = { [azure.identity.objectId]: 'owner' } as const
    front = await startDicomService({
      certificate: azure.certificate,
      orthanc,
      roles,
      tenantId: azure.identity.tenantId
    })
  }, 60_000)
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await Promise.allSettled([front?.close(), orthanc?.stop(), azure?.close()])
  })

  it('passes, and leaves Orthanc empty', async () => {
    expect(azure.identity.objectId).toBe(DEFAULT_OBJECT_ID)
    const result = await runAction({
      inputs: { 'dicom-url': front.url, 'smoke-test': 'write', 'timeout-seconds': '30' },
      path: [dirname(az ?? ''), dirname(process.execPath)],
      env: { ...azure.session.env, NODE_EXTRA_CA_CERTS: azure.certificate.certPath }
    })
    for (const issued of azure.identity.issued) expect(findLeaks(issued, runPlaces(result))).toEqual([])
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs['smoke-test-result']).toBe('passed')
    expect(Number(result.outputs['round-trip-ms'])).toBeGreaterThan(0)
    expect(front.feed.map((entry) => entry.action)).toEqual(['Create', 'Delete'])
    expect(await orthanc.json('GET', '/studies')).toEqual([])
  })
})
