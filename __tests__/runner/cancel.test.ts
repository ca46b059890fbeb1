// The bundle cancelled as the runner cancels a step (SIGINT; SIGTERM at 7.5 s; a kill of the tree at 10 s) at each
// stage: az running, the read check, right after the STOW, while the change feed is polled, while the DELETE is in
// flight. Each test checks what a person sees (one line saying the step was cancelled and what became of the study, no
// "passed"), how soon the step ended, that the service is left empty and that no az process of the run is left.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { isDelete, isFeed, isStow, type GatePolicy } from '../../test-support/dicom/gate.ts'
import {
  TENANT,
  describeWithGatedFront,
  ownerToken,
  useGatedFront,
  type GatedFront
} from '../../test-support/dicom/gated-front.ts'
import { expectNoTokenShown } from '../../test-support/runner/expect-run.ts'
import { fakeAzDirectory } from '../../test-support/runner/run-action.ts'
import { runAndCancel, runPostStep, until, type CancelledRun } from '../../test-support/runner/cancel.ts'
import { makeSelfSignedCertificate, removeCertificate, type Certificate } from '../../test-support/net/tls-cert.ts'

const CANCELLED = /^The step was cancelled \(SIGINT\)/
const STUDY_UID = /2\.25\.\d+/

let cert: Certificate
let azDir: string
let childAzDir: string
let work: string

beforeAll(async () => {
  ;[cert, azDir, childAzDir, work] = await Promise.all([
    makeSelfSignedCertificate('lifecycle'),
    fakeAzDirectory('exec'),
    fakeAzDirectory('child'),
    mkdtemp(join(tmpdir(), 'cancel-test-'))
  ])
})
afterAll(async () => {
  await removeCertificate(cert)
  await Promise.all([azDir, childAzDir, work].map((dir) => rm(dir, { recursive: true, force: true })))
})

/** Nothing of a cancelled run says it passed: not a line, not an output. */
function expectNothingPassed(result: CancelledRun): void {
  expect(result.stdout).not.toMatch(/passed/i)
  expect(result.outputs['smoke-test-result']).not.toBe('passed')
}

/**
 * The step ended on its own, before the runner's kill (and, unless `signals` says it got SIGTERM too, before that),
 * with one error line saying it was cancelled.
 */
function expectCancelledLine(result: CancelledRun, within: number, signals = ['SIGINT']): string {
  expect(result.signals.map((s) => s.signal)).toEqual(signals)
  expect(result.endedAfterSignalMs).toBeLessThan(within)
  expect(result.exitCode).toBe(1)
  expect(result.errors).toHaveLength(1)
  const line = result.errors[0] ?? ''
  expect(line).toMatch(CANCELLED)
  expect(result.stdout).not.toMatch(/^\s+at /m)
  return line
}

describe('cancelled while az runs', () => {
  it.each([
    ['az itself', () => azDir],
    ['az behind a launcher that started it as a child', () => childAzDir]
  ])('%s: the whole tree is stopped and the step ends within 2 s, saying so', async (_name, dir) => {
    const pidFile = join(work, `az-${Date.now()}.pid`)
    const result = await runAndCancel(
      {
        path: [dir(), dirname(process.execPath)],
        env: { FAKE_AZ_MODE: 'hang', FAKE_AZ_PIDFILE: pidFile }
      },
      () => until(() => readFile(pidFile, 'utf8').then(Boolean, () => false))
    )
    expect(result.leftovers).toEqual([])
    const line = expectCancelledLine(result, 2000)
    expect(line).toMatch(/while az account get-access-token ran; az was stopped/)
    expect(result.outputs).toEqual({})
  })
})

const describeWithOrthanc = await describeWithGatedFront('cancel')

describeWithOrthanc('cancelled during the smoke test', () => {
  let world: GatedFront
  useGatedFront(
    () => cert,
    (started) => (world = started)
  )

  function smokeTest(smokeTest: 'read' | 'write', jwt: string) {
    return {
      inputs: { 'dicom-url': world.gate.url, 'smoke-test': smokeTest, 'timeout-seconds': '30' },
      path: [azDir, dirname(process.execPath)],
      env: { FAKE_AZ_TOKEN: jwt, FAKE_AZ_TENANT: TENANT, NODE_EXTRA_CA_CERTS: cert.certPath }
    }
  }
  const heldOnce = (matches: (r: { method: string; path: string }) => boolean) =>
    until(() => world.gate.requests.some((r) => r.held && matches(r)))
  const stowAnswered = (): boolean => world.gate.requests.some((r) => isStow(r) && r.answeredAt !== undefined)

  it('during the read check: ends within 1 s, saying so; nothing was written', async () => {
    const jwt = ownerToken()
    world.gate.setPolicy((r) => (isFeed(r) ? { kind: 'hold' } : { kind: 'pass' }))
    const result = await runAndCancel(smokeTest('write', jwt), () => heldOnce(isFeed))
    const line = expectCancelledLine(result, 1000)
    expect(line).toMatch(/during the read check/)
    expectNothingPassed(result)
    expect(world.gate.requests.filter(isStow)).toEqual([])
    expect(result.leftovers).toEqual([])
    expectNoTokenShown(result, jwt)
  })

  const holdFeedAfterStow: GatePolicy = (r, earlier) =>
    isFeed(r) && earlier.some(isStow) ? { kind: 'hold' } : { kind: 'pass' }
  const holdFirstDelete: GatePolicy = (r, earlier) =>
    isDelete(r) && !earlier.some(isDelete) ? { kind: 'hold' } : { kind: 'pass' }

  it.each<[string, GatePolicy, () => Promise<void>]>([
    ['right after the STOW', (): { kind: 'pass' } => ({ kind: 'pass' }), () => until(stowAnswered)],
    ['while the change feed is polled', holdFeedAfterStow, () => heldOnce(isFeed)],
    ['while the DELETE is in flight', holdFirstDelete, () => heldOnce(isDelete)]
  ])(
    '%s: aborts, deletes the study, confirms it, and says so before the runner kills it',
    async (_stage, policy, moment) => {
      const jwt = ownerToken()
      world.gate.setPolicy(policy)
      const result = await runAndCancel(smokeTest('write', jwt), moment)
      const line = expectCancelledLine(result, 9000)
      const uid = STUDY_UID.exec(line)?.[0]
      expect(line).toMatch(new RegExp(`the synthetic study ${uid ?? 'none'} was deleted`))
      expectNothingPassed(result)
      expect(await world.storedStudies()).toEqual([])
      const deletes = world.gate.requests.filter(isDelete)
      expect(deletes.at(-1)?.status).toBe(204)
      // The delete was confirmed, so the post step has nothing to do.
      expect(result.state['synthetic-study'] ?? '').toBe('')
      expect(result.leftovers).toEqual([])
      expectNoTokenShown(result, jwt)
    }
  )

  it('a DELETE that never answers: the line gives the UID to delete by hand; the post step deletes it', async () => {
    const jwt = ownerToken()
    world.gate.setPolicy((r) => (isDelete(r) ? { kind: 'hold' } : { kind: 'pass' }))
    const options = smokeTest('write', jwt)
    const result = await runAndCancel(options, () => until(stowAnswered))
    // It outlives the runner's SIGTERM at 7.5 s, to use the time before the kill at 10 s.
    const line = expectCancelledLine(result, 9500, ['SIGINT', 'SIGTERM'])
    const uid = STUDY_UID.exec(line)?.[0] ?? 'none'
    expect(line).toMatch(new RegExp(`the synthetic study ${uid} may be left.*DELETE .*/studies/${uid}`))
    expect(result.state['synthetic-study']).toBe(uid)
    expect(await world.storedStudies()).toHaveLength(1)

    world.gate.setPolicy((): { kind: 'pass' } => ({ kind: 'pass' }))
    const post = await runPostStep(options, result.state)
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toMatch(new RegExp(`^Deleted the synthetic study ${uid} `, 'm'))
    expect(await world.storedStudies()).toEqual([])
    expect(post.leftovers).toEqual([])
  })
})
