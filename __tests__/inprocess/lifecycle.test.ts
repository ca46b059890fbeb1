// run() and the post step's cleanup in-process, against the DICOM emulator with its store in memory: the branches of
// the runner's lifecycle that the spawned bundle (__tests__/runner/cancel.test.ts, post.test.ts) does not show. The
// runner's signals are emitted on this process: listenForCancel's listeners hear them, and Node's default (exit at
// once) does not apply while a listener is there, so jest goes on.
import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import tls from 'node:tls'
import { OBJECT_ID, TENANT_ID } from '../../test-support/azure/ids.ts'
import { startDicomService, type DicomService } from '../../test-support/dicom/service.ts'
import { fakeRunner } from '../../test-support/runner/fake-runner.ts'
import {
  azCalls,
  expectNoLeaks,
  runAction,
  runPostCleanup,
  summaryTable,
  token,
  useInProcessRunner
} from '../../test-support/runner/in-process.ts'
import { releasedAfterAll } from '../../test-support/runner/release-after-all.ts'
import { makeSelfSignedCertificate, removeCertificate, type Certificate } from '../../test-support/net/tls-cert.ts'

useInProcessRunner()

const failures = (): string[] => fakeRunner.messages('setFailed')
const infos = (): string[] => fakeRunner.messages('info')

/** Resolves once `condition` holds, checking every 5 ms; rejects after `timeoutMs` so a test fails rather than hangs. */
async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const ends = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > ends) throw new Error(`the awaited condition did not hold within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Whether a process runs (signal 0 checks without signalling). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('a cancel by SIGTERM first (another canceller than the runner, which sends SIGINT first)', () => {
  const pidFile = join(tmpdir(), `lifecycle-az-${String(process.pid)}.pid`)
  afterEach(() => rm(pidFile, { force: true }))

  it('while az runs: az is stopped, the one line names SIGTERM (a later SIGINT does not change it), no outputs', async () => {
    const step = runAction({}, { FAKE_AZ_MODE: 'hang', FAKE_AZ_PIDFILE: pidFile })
    await until(() => readFile(pidFile, 'utf8').then(Boolean, () => false))
    const azPid = Number(await readFile(pidFile, 'utf8'))
    const started = Date.now()
    // As Node delivers a signal: the listener is given its name.
    process.emit('SIGTERM', 'SIGTERM')
    process.emit('SIGINT', 'SIGINT')
    await step
    expect(Date.now() - started).toBeLessThan(2000)
    expect(failures()).toEqual([
      expect.stringMatching(
        /^The step was cancelled \(SIGTERM\) while az account get-access-token ran; az was stopped\./
      )
    ])
    expect(fakeRunner.outputs).toEqual({})
    await until(() => !running(azPid), 2000)
    // The listeners are gone once run() has ended: the next signal is Node's again.
    expect(process.listenerCount('SIGTERM')).toBe(0)
  })
})

describe('the write round trip and the post step, on a store in memory', () => {
  const systemCertificates = tls.getCACertificates('default')
  let certificate: Certificate
  let service: DicomService
  const release = releasedAfterAll()
  beforeAll(async () => {
    certificate = await makeSelfSignedCertificate('lifecycle-in-process')
    release(() => removeCertificate(certificate))
    tls.setDefaultCACertificates([...systemCertificates, certificate.cert])
    release(() => tls.setDefaultCACertificates(systemCertificates))
    service = await startDicomService({ certificate, roles: { [OBJECT_ID]: 'owner' }, tenantId: TENANT_ID })
    release(() => service.close())
  })
  afterEach(() => {
    service.setFault({ kind: 'none' })
    service.requests.length = 0
  })

  /** The studies the service holds: a Create in its feed not followed by a Delete. */
  const studiesLeft = (): string[] => {
    const current = new Map<string, string>()
    for (const r of service.feed) {
      if (r.action === 'Create') current.set(r.sopInstanceUid, r.studyInstanceUid)
      else current.delete(r.sopInstanceUid)
    }
    return [...new Set(current.values())]
  }
  const inputs = (timeoutSeconds = '10') => ({
    'dicom-url': service.url,
    'smoke-test': 'write',
    'timeout-seconds': timeoutSeconds
  })
  const az = (jwt: string) => ({ FAKE_AZ_TOKEN: jwt, FAKE_AZ_TENANT: TENANT_ID })
  const deletes = () => service.requests.filter((r) => r.method === 'DELETE')

  it('a SIGINT while the feed is polled for the Create: the study is deleted, the line says so, nothing passed', async () => {
    // The Create stays out of the feed, so the round trip is still polling for it when the cancel comes.
    service.setFault({ kind: 'create-hidden', reads: 1000 })
    const jwt = token()
    const step = runAction(inputs(), az(jwt))
    await until(() => service.requests.some((r) => r.method === 'POST' && r.status !== undefined))
    process.emit('SIGINT', 'SIGINT')
    await step
    const [line = ''] = failures()
    expect(failures()).toEqual([
      expect.stringMatching(/^The step was cancelled \(SIGINT\) during the write round trip; the synthetic study /)
    ])
    const uid = /2\.25\.\d+/.exec(line)?.[0] ?? 'none'
    expect(line).toContain(`the synthetic study ${uid} was deleted`)
    expect(studiesLeft()).toEqual([])
    expect(deletes().map((r) => [r.path, r.status])).toEqual([[expect.stringContaining(`/studies/${uid}`), 204]])
    expect(fakeRunner.outputs['smoke-test-result']).not.toBe('passed')
    expect(fakeRunner.log.join('\n')).not.toMatch(/passed/)
    expect(summaryTable()['Smoke test']).not.toBe('passed')
    // Saved before the STOW, cleared once the delete was confirmed: the post step has nothing to do.
    expect(fakeRunner.state['synthetic-study']).toBe('')
    expectNoLeaks(jwt)
  })

  /** A main step whose DELETE the service refused: the study is left, its UID in the state for the post step. */
  async function studyLeftByMainStep(): Promise<string> {
    service.setFault({ kind: 'delete-status', status: 500 })
    await runAction(inputs('4'), az(token()))
    const uid = fakeRunner.state['synthetic-study'] ?? 'none'
    expect(studiesLeft()).toEqual([uid])
    fakeRunner.reset()
    service.requests.length = 0
    return uid
  }

  it('the post step deletes the study a main step left, sees it gone, and names it in one line', async () => {
    const uid = await studyLeftByMainStep()
    service.setFault({ kind: 'none' })
    const jwt = token()
    await runPostCleanup(uid, inputs(), az(jwt))
    expect(failures()).toEqual([])
    expect(infos()).toEqual([expect.stringMatching(new RegExp(`^Deleted the synthetic study ${uid} that the main`))])
    expect(studiesLeft()).toEqual([])
    expect(deletes().map((r) => r.status)).toEqual([204])
    expectNoLeaks(jwt)
  })

  it('the post step with a study already gone (deleted by hand before a re-run): the 404 is done, no failure', async () => {
    const uid = await studyLeftByMainStep()
    service.setFault({ kind: 'none' })
    await runPostCleanup(uid, inputs(), az(token()))
    fakeRunner.reset()
    await runPostCleanup(uid, inputs(), az(token()))
    expect(failures()).toEqual([])
    expect(infos()).toEqual([expect.stringMatching(new RegExp(`^Deleted the synthetic study ${uid} `))])
    expect(deletes().map((r) => r.status)).toEqual([204, 404])
  })

  it('the post step when the service refuses the DELETE: fails with the UID and the request to delete by hand', async () => {
    const uid = await studyLeftByMainStep()
    await runPostCleanup(uid, inputs('4'), az(token()))
    expect(failures()).toEqual([expect.stringMatching(new RegExp(`${uid}.*DELETE ${service.url}/v2/studies/${uid}`))])
    expect(failures()[0]).toMatch(/#cleanup-failed-synthetic-study-left-behind$/)
    // Only its retries were printed: no line says the study was deleted.
    expect(infos().length).toBeGreaterThan(0)
    for (const line of infos()) expect(line).toMatch(/^Delete the study: attempt \d+ failed \(HTTP 500\)/)
    expect(studiesLeft()).toEqual([uid])
    service.setFault({ kind: 'none' })
    await runPostCleanup(uid, inputs(), az(token())) // leaves the store empty for the next test
    expect(studiesLeft()).toEqual([])
  })

  it('the post step with a saved UID the action does not make: a warning, nothing deleted, no az, no request', async () => {
    await runPostCleanup('1.2.840.10008.1', inputs(), az(token()))
    expect(fakeRunner.messages('warning')).toEqual([
      'The post step found a saved study UID that is not one the action makes, so it deleted nothing.'
    ])
    expect(failures()).toEqual([])
    expect(service.requests).toEqual([])
    expect(await azCalls()).toEqual([])
  })
})
