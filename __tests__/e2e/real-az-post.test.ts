// End to end for the post step: a main step of `smoke-test: write` killed outright (no handler runs) after its STOW,
// with the real Azure CLI logged in offline against the loopback identity and the HTTPS front over a real Orthanc;
// then dist/post/index.js, with the same inputs and the state the main step saved, deletes the study it left.
// Skipped, with one line saying why, without az or Orthanc.
import { dirname } from 'node:path'
import { findRealAz } from '../../test-support/azure/azure-login.ts'
import { startAzureWorld, type AzureWorld } from '../../test-support/azure/azure-world.ts'
import { isDelete, isFeed, isStow } from '../../test-support/dicom/gate.ts'
import { orthancUnavailable, startOrthanc, type Orthanc } from '../../test-support/dicom/orthanc.ts'
import { startDicomService, type DicomService } from '../../test-support/dicom/service.ts'
import { runAndCancel, runPostStep, until } from '../../test-support/runner/cancel.ts'
import { findLeaks, runPlaces } from '../../test-support/runner/leak-check.ts'

const az = findRealAz()
const missing = az
  ? await orthancUnavailable()
  : 'the Azure CLI (az) is not on PATH (Debian: apt-get install -y azure-cli)'
if (missing !== undefined) process.stderr.write(`e2e post step skipped: ${missing}\n`)
const describeWhenReady = missing === undefined ? describe : describe.skip

/** More change feed reads than the main step makes before it is killed: the Create never shows for it. */
const HIDDEN_FOR_READS = 1000

describeWhenReady('the post step with the real Azure CLI, offline, after a main step killed after its STOW', () => {
  let azure: AzureWorld
  let orthanc: Orthanc
  let front: DicomService

  beforeAll(async () => {
    azure = await startAzureWorld()
    const started = await startOrthanc()
    if (typeof started === 'string') throw new Error(started)
    orthanc = started
    front = await startDicomService({
      certificate: azure.certificate,
      orthanc,
      roles: { [azure.identity.objectId]: 'owner' },
      tenantId: azure.identity.tenantId
    })
  }, 60_000)
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed
    await Promise.allSettled([front?.close(), orthanc?.stop(), azure?.close()])
  })

  it('deletes the study the killed main step left, in one line, and leaves Orthanc empty', async () => {
    const options = {
      inputs: { 'dicom-url': front.url, 'smoke-test': 'write', 'timeout-seconds': '60' },
      path: [dirname(az ?? ''), dirname(process.execPath)],
      env: { ...azure.session.env, NODE_EXTRA_CA_CERTS: azure.certificate.certPath },
      killAfterMs: 90_000
    }
    // The Create stays out of the change feed, so after its STOW the main step polls the feed and cannot reach its
    // delete before the deadline; a kill of the whole group then is what a runner's hard cancel or an OOM kill does.
    front.setFault({ kind: 'create-hidden', reads: HIDDEN_FOR_READS })
    const pollingAfterStow = () =>
      until(() => {
        const stow = front.requests.findIndex((r) => isStow(r) && r.status !== undefined && r.status < 300)
        return stow >= 0 && front.requests.slice(stow + 1).some((r) => isFeed(r))
      }, 60_000)
    const main = await runAndCancel(options, pollingAfterStow, 'kill')
    expect(main.signals.map((s) => s.signal)).toEqual(['SIGKILL'])
    expect(main.leftovers).toEqual([])
    expect(front.requests.some(isDelete)).toBe(false)
    const uid = main.state['synthetic-study'] ?? 'none'
    expect(uid).toMatch(/^2\.25\.\d+$/)
    expect(await orthanc.json('GET', '/studies')).toHaveLength(1)

    front.setFault({ kind: 'none' })
    front.requests.length = 0
    const post = await runPostStep(options, main.state)
    expect(post.errors).toEqual([])
    expect(post.exitCode).toBe(0)
    const lines = post.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('::'))
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^Deleted the synthetic study ${uid.replace(/\./g, '\\.')} `))
    ])
    const deletes = front.requests.filter(isDelete)
    expect(deletes.map((r) => r.path.endsWith(`/studies/${uid}`))).toEqual([true])
    // Signed in as the main step was: every request carried a token az got from the loopback identity.
    expect(front.requests.every((r) => r.oid === azure.identity.objectId)).toBe(true)
    expect(await orthanc.json('GET', '/studies')).toEqual([])
    expect(front.feed.map((entry) => entry.action)).toEqual(['Create', 'Delete'])
    expect(post.leftovers).toEqual([])
    for (const issued of azure.identity.issued) {
      expect(findLeaks(issued, runPlaces(main))).toEqual([])
      expect(findLeaks(issued, runPlaces(post))).toEqual([])
    }
  }, 120_000)
})
