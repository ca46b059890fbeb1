// The write round trip against answers the real service gives and the fake behind the gate does not: a 202 that
// stored the instance with a warning, a 200 that cannot be read, a metadata answer for "another instance" that is
// huge and holds a secret, a busy v2 change feed, a service on another clock, a read check that leaves no time for the
// write; and what the round trip writes (the run in StudyDescription, one constant synthetic patient) and says (how
// long what took). Each checks what a user sees, and that the service is left empty.
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { FeedRecord } from '../../test-support/dicom/change-feed.ts'
import { isFeed, isMetadata, isStow, type Forwarded, type GatePolicy } from '../../test-support/dicom/gate.ts'
import {
  TENANT,
  describeWithGatedFront,
  ownerToken,
  useGatedFront,
  type GatedFront
} from '../../test-support/dicom/gated-front.ts'
import { expectNoTokenShown } from '../../test-support/runner/expect-run.ts'
import { fakeAzDirectory, runAction, type ActionRun } from '../../test-support/runner/run-action.ts'
import { makeSelfSignedCertificate, removeCertificate, type Certificate } from '../../test-support/net/tls-cert.ts'

const REFERENCED_SOP_SEQUENCE = '00081199'
const WARNING_REASON = '00081196'
/** Azure's WarningReason 45063 (0xB007): the data set does not match the SOP class; the instance is stored anyway. */
const DATASET_DOES_NOT_MATCH_SOP_CLASS = 45063

let cert: Certificate
let azDir: string
beforeAll(async () => {
  ;[cert, azDir] = await Promise.all([makeSelfSignedCertificate('write-answers'), fakeAzDirectory('exec')])
})
afterAll(async () => {
  await removeCertificate(cert)
  await rm(azDir, { recursive: true, force: true })
})

/** A rewrite of the answers the policy picks; everything else passes. */
function rewriting(picks: (r: { method: string; path: string }) => boolean, answer: (f: Forwarded) => Forwarded) {
  const policy: GatePolicy = (r) => (picks(r) ? { kind: 'rewrite', answer } : { kind: 'pass' })
  return policy
}

const describeWithOrthanc = await describeWithGatedFront('write answers')

describeWithOrthanc('the write round trip against answers the fake does not give by itself', () => {
  let world: GatedFront
  useGatedFront(
    () => cert,
    (started) => (world = started)
  )

  async function write(inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
    const jwt = ownerToken()
    const result = await runAction({
      inputs: { 'dicom-url': world.gate.url, 'smoke-test': 'write', 'timeout-seconds': '20', ...inputs },
      path: [azDir, dirname(process.execPath)],
      env: { FAKE_AZ_TOKEN: jwt, FAKE_AZ_TENANT: TENANT, NODE_EXTRA_CA_CERTS: cert.certPath, ...env }
    })
    expectNoTokenShown(result, jwt)
    return result
  }
  const deletes = (): (number | undefined)[] =>
    world.gate.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)
  /** The data set of the round trip's Create, as the service stored it. */
  const storedElement = (tag: string): unknown =>
    world.front.feed.findLast((entry) => entry.action === 'Create')?.metadata?.[tag]?.Value?.[0]

  it('a v2 202 that lists the instance with a WarningReason and no FailedSOPSequence: warns, goes on, cleans up', async () => {
    world.gate.setPolicy(
      rewriting(isStow, (forwarded) => {
        const body = JSON.parse(forwarded.body.toString('utf8')) as Record<string, { Value?: object[] }>
        for (const item of body[REFERENCED_SOP_SEQUENCE]?.Value ?? [])
          Object.assign(item, { [WARNING_REASON]: { vr: 'US', Value: [DATASET_DOES_NOT_MATCH_SOP_CLASS] } })
        return { ...forwarded, status: 202, body: Buffer.from(JSON.stringify(body)) }
      })
    )
    const result = await write()
    expect(result.exitCode).toBe(0)
    expect(result.warnings).toEqual([
      expect.stringMatching(/stored the synthetic instance with a warning: WarningReason 45063 \(0xB007/)
    ])
    expect(result.outputs['smoke-test-result']).toBe('passed')
    expect(deletes()).toEqual([204])
    expect(await world.storedStudies()).toEqual([])
  })

  it.each<[string, Partial<Forwarded>]>([
    ['an HTML page', { headers: { 'content-type': 'text/html' }, body: Buffer.from('<html><body>OK</body></html>') }],
    ['an empty body', { body: Buffer.alloc(0) }],
    [
      'a list of other UIDs',
      {
        body: Buffer.from(
          JSON.stringify({
            [REFERENCED_SOP_SEQUENCE]: { vr: 'SQ', Value: [{ '00081155': { vr: 'UI', Value: ['1.2.3'] } }] }
          })
        )
      }
    ]
  ])(
    'a 200 STOW answer with %s may have stored: cleanup runs, and the line does not blame a change feed',
    async (_name, answer) => {
      world.gate.setPolicy(rewriting(isStow, (forwarded) => ({ ...forwarded, status: 200, ...answer })))
      const result = await write()
      expect(result.exitCode).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).not.toMatch(/change feed/)
      expect(result.errors[0]).toMatch(/STOW-RS/)
      expect(deletes()).toContain(204)
      expect(await world.storedStudies()).toEqual([])
    }
  )

  it('metadata for "another instance" with huge UIDs holding a secret: one short line, the secret not shown', async () => {
    const secret = `ghp_${'aB3xY7'.repeat(7)}` // 46 characters of base64url, as a GitHub token looks
    const huge = [{ '0020000D': { vr: 'UI', Value: [`${secret} ${'9'.repeat(900_000)}`] } }]
    world.gate.setPolicy(
      rewriting(isMetadata, (forwarded) => ({ ...forwarded, status: 200, body: Buffer.from(JSON.stringify(huge)) }))
    )
    const result = await write()
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/another instance/)
    expect(result.errors[0]?.length).toBeLessThan(1500)
    expect(result.stdout).not.toContain(secret.slice(0, 20))
    expect(result.stdout.length).toBeLessThan(20_000)
    expect(await world.storedStudies()).toEqual([])
  })

  it('a busy v2 change feed (40,000 entries in the last minutes) finds the Create in a few requests', async () => {
    const feed = world.front.feed as FeedRecord[]
    const base = Date.now() - 5 * 60_000
    for (let i = 0; i < 40_000; i++) {
      feed.push({
        sequence: feed.length + 1,
        studyInstanceUid: '1.2.3',
        seriesInstanceUid: '1.2.3.4',
        sopInstanceUid: `1.2.3.4.${i}`,
        action: 'Create',
        timestamp: new Date(base + i).toISOString(),
        metadata: null,
        hiddenReads: 0
      })
    }
    try {
      const result = await write()
      expect(result.errors).toEqual([])
      expect(result.exitCode).toBe(0)
      const stowAt = world.gate.requests.findIndex(isStow)
      expect(world.gate.requests.slice(stowAt).filter(isFeed).length).toBeLessThanOrEqual(6)
    } finally {
      // Out of sight for the later tests; removing them would let the fake reuse their sequence numbers.
      for (const record of feed) if (record.studyInstanceUid === '1.2.3') record.hiddenReads = Number.MAX_SAFE_INTEGER
    }
    expect(await world.storedStudies()).toEqual([])
  })

  it("a service whose clock is 20 minutes behind the runner's: the v2 window follows the service's Date", async () => {
    const skewMs = -20 * 60_000
    const shiftTime = (iso: string, by: number): string => new Date(Date.parse(iso) + by).toISOString()
    world.gate.setPolicy((r) => {
      const serverClock = (forwarded: Forwarded): Forwarded => {
        const headers = { ...forwarded.headers, date: new Date(Date.now() + skewMs).toUTCString() }
        if (!isFeed(r) || forwarded.status !== 200) return { ...forwarded, headers }
        const entries = JSON.parse(forwarded.body.toString('utf8')) as unknown
        const shifted = (Array.isArray(entries) ? entries : [entries]).map((e: { timestamp?: string }) =>
          e.timestamp ? { ...e, timestamp: shiftTime(e.timestamp, skewMs) } : e
        )
        const body = JSON.stringify(Array.isArray(entries) ? shifted : shifted[0])
        return { ...forwarded, headers, body: Buffer.from(body) }
      }
      if (!isFeed(r)) return { kind: 'rewrite', answer: serverClock }
      // The service reads startTime and endTime on its own clock: the fake behind it runs on the runner's.
      const url = new URL(r.path, 'https://gate')
      for (const name of ['startTime', 'endTime']) {
        const value = url.searchParams.get(name)
        if (value) url.searchParams.set(name, shiftTime(value, -skewMs))
      }
      return { kind: 'redirect-path', path: `${url.pathname}${url.search}`, answer: serverClock }
    })
    const result = await write()
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(await world.storedStudies()).toEqual([])
  })

  it('a read check that leaves too little time: no STOW is sent, and the line says why', async () => {
    // The two change feed reads of the read check take about 2.8 s of the 4 s.
    world.front.setFault({ kind: 'feed-delay', ms: 1400 })
    const result = await write({ 'timeout-seconds': '4' })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        /too little for the write round trip and its cleanup; nothing was stored\..*#no-time-left-for-the-write-round-trip$/
      )
    ])
    expect(world.gate.requests.filter(isStow)).toEqual([])
  })

  it('StudyDescription names the run first and cuts the repository, so an 11-digit run ID survives', async () => {
    const result = await write(
      {},
      {
        GITHUB_REPOSITORY: `octo-org/${'red-team-'.repeat(10)}x`,
        GITHUB_RUN_ID: '12345678901',
        GITHUB_RUN_ATTEMPT: '3'
      }
    )
    expect(result.exitCode).toBe(0)
    const description = String(storedElement('00081030'))
    expect(description).toMatch(/^dicom-token-action smoke test, run 12345678901 attempt 3, octo-o/)
    expect(description.length).toBeLessThanOrEqual(64)
    expect(await world.storedStudies()).toEqual([])
  })

  it('the synthetic patient is one constant patient, marked as identity removed', async () => {
    const first = await write()
    expect(first.exitCode).toBe(0)
    const patient = [storedElement('00100020'), storedElement('00100010'), storedElement('00120062')]
    expect(patient).toEqual(['SMOKE-TEST', { Alphabetic: 'SMOKE^TEST' }, 'YES'])
    await write()
    expect([storedElement('00100020'), storedElement('00120062')]).toEqual(['SMOKE-TEST', 'YES'])
    expect(await world.storedStudies()).toEqual([])
  })

  it("the pass line says what took how long: the change feed's own time, the round trip's, the whole", async () => {
    const result = await write()
    expect(result.exitCode).toBe(0)
    const line = /^Smoke test passed in (\d+) ms: the change feed answered in (\d+) ms; latest sequence \d+\.$/m.exec(
      result.stdout
    )
    expect(line).not.toBeNull()
    const [whole, feed] = [Number(line?.[1]), Number(line?.[2])]
    const roundTrip = Number(result.outputs['round-trip-ms'])
    expect(feed + roundTrip).toBeLessThanOrEqual(whole + 5)
    expect(result.stdout).toMatch(new RegExp(`^Write round trip passed: .* in ${roundTrip} ms\\.$`, 'm'))
  })
})

describe('values passed to az through cmd.exe', () => {
  it('a % in subscription is refused before az runs (cmd.exe would expand %VAR%)', async () => {
    const result = await runAction({
      inputs: { subscription: 'Prod %USERPROFILE% sub' },
      path: [azDir, dirname(process.execPath)],
      env: { FAKE_AZ_MODE: 'fail' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([expect.stringMatching(/^Input 'subscription' is invalid: .*'%'.*#invalid-input$/)])
  })
})
