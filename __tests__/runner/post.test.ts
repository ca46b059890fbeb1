// The post step, spawned as the runner spawns it after the job's steps: the same inputs, and the state the main step
// saved as STATE_<name>. With nothing in the state it ends at once; after a main step killed outright (no handler
// runs) right after its STOW, it deletes the study the main step left, or says which UID to delete by hand.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startDirectModeWorld, type DirectModeWorld } from '../../test-support/azure/direct-mode-world.ts'
import { tokenFingerprint } from '../../test-support/dicom/bearer.ts'
import { isStow } from '../../test-support/dicom/gate.ts'
import {
  TENANT,
  describeWithGatedFront,
  ownerToken,
  useGatedFront,
  type GatedFront
} from '../../test-support/dicom/gated-front.ts'
import { expectNoTokenShown } from '../../test-support/runner/expect-run.ts'
import { findLeaks, runPlaces } from '../../test-support/runner/leak-check.ts'
import { fakeAzDirectory } from '../../test-support/runner/run-action.ts'
import { POST_ENTRY, runAndCancel, runPostStep, until } from '../../test-support/runner/cancel.ts'
import { makeSelfSignedCertificate, removeCertificate, type Certificate } from '../../test-support/net/tls-cert.ts'

let cert: Certificate
let azDir: string
let work: string

beforeAll(async () => {
  ;[cert, azDir, work] = await Promise.all([
    makeSelfSignedCertificate('lifecycle-post'),
    fakeAzDirectory('exec'),
    mkdtemp(join(tmpdir(), 'post-test-'))
  ])
})
afterAll(async () => {
  await removeCertificate(cert)
  await Promise.all([azDir, work].map((dir) => rm(dir, { recursive: true, force: true })))
})

const azCalls = async (file: string): Promise<string[][]> =>
  (await readFile(file, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { argv: string[] }).argv)

describe('the post step with nothing in the state', () => {
  it('ends at once: exit 0, no az, no request, nothing printed', async () => {
    const calls = join(work, 'calls-empty')
    const started = Date.now()
    const post = await runPostStep(
      {
        inputs: { 'dicom-url': 'https://127.0.0.1:9', 'smoke-test': 'write' },
        path: [azDir, dirname(process.execPath)],
        env: { FAKE_AZ_CALLS: calls }
      },
      {}
    )
    expect(post.exitCode).toBe(0)
    expect(post.stderr).toBe('')
    expect(post.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('::debug::'))).toEqual([])
    expect(await azCalls(calls)).toEqual([])
    // A Node.js start and a small bundle: nothing else loads.
    expect(Date.now() - started).toBeLessThan(1500)
    expect((await readFile(POST_ENTRY, 'utf8')).length).toBeLessThan(200_000)
  })
})

const describeWithOrthanc = await describeWithGatedFront('post step')

describeWithOrthanc('the post step after a main step killed right after its STOW', () => {
  let world: GatedFront
  useGatedFront(
    () => cert,
    (started) => (world = started)
  )

  async function killedAfterStow(calls: string, jwt: string) {
    const options = {
      inputs: { 'dicom-url': world.gate.url, 'smoke-test': 'write', 'timeout-seconds': '30', subscription: 'Sub One' },
      path: [azDir, dirname(process.execPath)],
      env: { FAKE_AZ_TOKEN: jwt, FAKE_AZ_TENANT: TENANT, NODE_EXTRA_CA_CERTS: cert.certPath, FAKE_AZ_CALLS: calls }
    }
    const stowAnswered = () => until(() => world.gate.requests.some((r) => isStow(r) && r.answeredAt !== undefined))
    const main = await runAndCancel(options, stowAnswered, 'kill')
    expect(main.signals.map((s) => s.signal)).toEqual(['SIGKILL'])
    expect(main.leftovers).toEqual([])
    expect(await world.storedStudies()).toHaveLength(1)
    return { main, options }
  }

  it('gets a token as the main step did, deletes the study, confirms it and names it in one line', async () => {
    const calls = join(work, 'calls-kill')
    const jwt = ownerToken()
    const { main, options } = await killedAfterStow(calls, jwt)
    const uid = main.state['synthetic-study'] ?? 'none'
    expect(uid).toMatch(/^2\.25\.\d+$/)

    const post = await runPostStep(options, main.state)
    expect(post.exitCode).toBe(0)
    expect(post.errors).toEqual([])
    const lines = post.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('::'))
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^Deleted the synthetic study ${uid} `))])
    expect(await world.storedStudies()).toEqual([])
    // The same az call both times: the post step signs in the way the main step did.
    const [mainCall, postCall, ...more] = await azCalls(calls)
    expect(postCall).toEqual(mainCall)
    expect(more).toEqual([])
    expect(post.leftovers).toEqual([])
    expectNoTokenShown(post, jwt)
  })

  it('when az no longer gives a token, fails with one line giving the UID to delete by hand', async () => {
    const calls = join(work, 'calls-kill-az-fails')
    const jwt = ownerToken()
    const { main, options } = await killedAfterStow(calls, jwt)
    const uid = main.state['synthetic-study'] ?? 'none'
    const post = await runPostStep(
      { ...options, env: { ...options.env, FAKE_AZ_MODE: 'fail', FAKE_AZ_STDERR: 'ERROR: Please run az login' } },
      main.state
    )
    expect(post.exitCode).toBe(1)
    expect(post.errors).toEqual([expect.stringMatching(new RegExp(`${uid}.*DELETE .*/studies/${uid}`))])
    expect(post.errors[0]).toMatch(/#cleanup-failed-synthetic-study-left-behind$/)
    expect(await world.storedStudies()).toHaveLength(1)
    // Re-run once az works again (a job re-run gives the post step the same state): it is deleted.
    const again = await runPostStep(options, main.state)
    expect(again.exitCode).toBe(0)
    expect(await world.storedStudies()).toEqual([])
  })
})

describe('the post step after a main step that signed in without az (client-id) was killed right after its STOW', () => {
  let direct: DirectModeWorld
  beforeAll(async () => {
    direct = await startDirectModeWorld()
  })
  afterAll(() => direct.close())

  /** The studies the service holds: a Create in its feed not followed by a Delete. */
  const studiesLeft = (): string[] => {
    const current = new Map<string, string>()
    for (const r of direct.dicom.feed) {
      if (r.action === 'Create') current.set(r.sopInstanceUid, r.studyInstanceUid)
      else current.delete(r.sopInstanceUid)
    }
    return [...new Set(current.values())]
  }

  it('signs in the same way (the federated exchange, no az), deletes the study and names it in one line', async () => {
    const options = {
      inputs: { ...direct.inputs, 'smoke-test': 'write', 'timeout-seconds': '30' },
      env: direct.actionEnv,
      path: [dirname(process.execPath)] // no az anywhere
    }
    const stowAnswered = () => until(() => direct.dicom.requests.some((r) => isStow(r) && r.status !== undefined))
    const main = await runAndCancel(options, stowAnswered, 'kill')
    expect(main.signals.map((s) => s.signal)).toEqual(['SIGKILL'])
    const uid = main.state['synthetic-study'] ?? 'none'
    expect(uid).toMatch(/^2\.25\.\d+$/)
    expect(studiesLeft()).toEqual([uid])
    const exchangesBefore = direct.entra.issued.length

    const post = await runPostStep(options, main.state)
    expect(post.errors).toEqual([])
    expect(post.exitCode).toBe(0)
    const lines = post.stdout.split('\n').filter((line) => line !== '' && !line.startsWith('::'))
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^Deleted the synthetic study ${uid} `))])
    expect(studiesLeft()).toEqual([])
    // One more exchange with Entra, and the DELETE carried the token it issued.
    expect(direct.entra.issued).toHaveLength(exchangesBefore + 1)
    const deletes = direct.dicom.requests.filter((r) => r.method === 'DELETE')
    expect(deletes.map((r) => [r.path, r.tokenFingerprint])).toEqual([
      [expect.stringContaining(`/studies/${uid}`), tokenFingerprint(direct.entra.issued.at(-1) ?? 'none')]
    ])
    // Whole tokens only, as in federated.test.ts: 16-character windows of the access token's payload also occur in the
    // OIDC tokens' own mask lines (both encode `","iss":"htt` at one alignment), so a window check cannot tell here.
    for (const secret of [...direct.entra.issued, ...direct.oidc.issued]) {
      expect(findLeaks(secret, runPlaces(post))).toEqual([])
    }
    expect(post.leftovers).toEqual([])
  })
})
