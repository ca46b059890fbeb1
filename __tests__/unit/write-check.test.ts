// The write round trip's decisions: what each answer means, where the change feed is read next, how long cleanup keeps,
// and what each failure tells the user.
import type { DiagnosisContext } from '../../src/smoke-test/diagnose.ts'
import { diagnoseExchange } from '../../src/smoke-test/diagnose.ts'
import { classifyExchange, retryReason, type Exchange } from '../../src/smoke-test/exchange.ts'
import {
  CLEANUP_RESERVE_SHARE,
  MAX_CLEANUP_RESERVE_MS,
  cleanupReserveMs
} from '../../src/smoke-test/write/round-trip.ts'
import {
  FEED_WINDOW_MARGIN_MS,
  FEED_WINDOW_SKEW_MS,
  feedPagePath,
  firstFeedCursor,
  latestIsTarget,
  readFeedPage
} from '../../src/smoke-test/write/feed.ts'
import { MIN_WRITE_STEPS_MS, noTimeForWrite, writeTimeNeededMs } from '../../src/smoke-test/write/budget.ts'
import {
  failedSops,
  mayHaveStored,
  readDeleteAnswer,
  readMetadataAnswer,
  readSearchAnswer,
  readStowAnswer,
  type InstanceUids
} from '../../src/smoke-test/write/answers.ts'
import {
  cleanupFailed,
  describeFailureReason,
  describeWarningReason,
  diagnoseStow,
  diagnoseWriteCheck,
  refusedAttribute
} from '../../src/smoke-test/write/diagnose.ts'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { issueToken } from '../../src/token.ts'
import { accessTokenClaims, makeJwt } from '../../test-support/azure/jwt.ts'
import { APP_ID, OBJECT_ID, TENANT_ID } from '../../test-support/azure/ids.ts'

const BASE = 'https://contoso-dicom.dicom.azurehealthcareapis.com/v2'
const UIDS: InstanceUids = { studyInstanceUid: '2.25.1', seriesInstanceUid: '2.25.2', sopInstanceUid: '2.25.3' }
const TOKEN = makeJwt(
  accessTokenClaims({
    audience: DEFAULT_RESOURCE,
    tenantId: TENANT_ID,
    objectId: OBJECT_ID,
    appId: APP_ID,
    lifetimeSeconds: 3600
  })
)

function answer(status: number, body?: unknown, fields: Partial<Exchange> = {}): Exchange {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
  return {
    method: 'POST',
    url: `${BASE}/studies`,
    status,
    body: text,
    contentType: 'application/dicom+json',
    latencyMs: 5,
    ...fields
  }
}

function context(fields: Partial<DiagnosisContext> = {}): DiagnosisContext {
  return { issued: issueToken({ accessToken: TOKEN }), nowMs: Date.now(), attempts: 1, elapsedMs: 120, ...fields }
}

const stored = { '00081199': { vr: 'SQ', Value: [{ '00081155': { vr: 'UI', Value: ['2.25.3'] } }] } }
const failed = (reason: number) => ({
  '00081198': {
    vr: 'SQ',
    Value: [{ '00081155': { vr: 'UI', Value: ['2.25.3'] }, '00081197': { vr: 'US', Value: [reason] } }]
  }
})

describe('wait-for-access', () => {
  it('turns a 403 into a retry, and says it waits for the role assignment', () => {
    expect(classifyExchange(answer(403), false)).toBe('fatal')
    expect(classifyExchange(answer(403), true)).toBe('transient')
    expect(retryReason(answer(403))).toBe('HTTP 403, waiting for the role assignment to apply')
    expect(retryReason(answer(503))).toBe('HTTP 503')
  })

  it('at the deadline names 403, the DICOM Data roles and how long it waited', () => {
    const gaveUp = { reason: 'deadline' as const }
    const error = diagnoseExchange(
      answer(403, undefined, { method: 'GET' }),
      context({ gaveUp, attempts: 7, elapsedMs: 61_234 })
    )
    expect(error.kind).toBe('smoke-access-timeout')
    expect(error.message).toMatch(
      /still answered 403 to GET .* after waiting 61\.2 s \(7 attempt\(s\)\) for object id .* DICOM Data role\./
    )
    expect(error.fix).toContain('DICOM Data Reader (or DICOM Data Owner)')
    expect(diagnoseStow(answer(403), context({ gaveUp }), undefined).fix).toContain('the DICOM Data Owner role')
  })
})

describe('reading the STOW answer', () => {
  it('passes when ReferencedSOPSequence lists the instance, fails when it does not', () => {
    expect(readStowAnswer(answer(200, stored), UIDS, false, false).verdict).toBe('ok')
    expect(readStowAnswer(answer(200, { '00081199': { vr: 'SQ' } }), UIDS, false, false)).toEqual({
      verdict: 'fatal',
      problem: { kind: 'not-stored' }
    })
  })

  it('reads the failure reason of a 202 from FailedSOPSequence (0008,1197)', () => {
    expect(failedSops(failed(272))).toEqual([{ sopInstanceUid: '2.25.3', failureReason: 272 }])
    expect(readStowAnswer(answer(202, failed(0xa900)), UIDS, false, false)).toEqual({
      verdict: 'fatal',
      problem: { kind: 'failed-sop', failureReason: 43264 }
    })
    expect(failedSops('not json')).toEqual([])
  })

  it('takes a 202 that lists the instance with a WarningReason and fails none of it as stored, with the warning', () => {
    const warned = {
      '00081199': {
        vr: 'SQ',
        Value: [{ '00081155': { vr: 'UI', Value: ['2.25.3'] }, '00081196': { vr: 'US', Value: [45063] } }]
      }
    }
    expect(readStowAnswer(answer(202, warned), UIDS, false, false)).toEqual({
      verdict: 'ok',
      value: { warningReason: 45063 }
    })
  })

  it('counts every answer but a clear refusal as one that may have stored the instance', () => {
    const read = (status: number, body?: unknown) =>
      mayHaveStored(answer(status, body), readStowAnswer(answer(status, body), UIDS, false, false))
    expect([
      read(200, stored),
      read(200, '<html>'),
      read(200, { '00081199': { vr: 'SQ' } }),
      read(500),
      read(202, {})
    ]).toEqual([true, true, true, true, true])
    expect([read(202, failed(272)), read(400), read(403), read(409), read(424)]).toEqual([
      false,
      false,
      false,
      false,
      false
    ])
    const reset = answer(0, undefined, { status: undefined, errorCode: 'ECONNRESET' })
    expect(mayHaveStored(reset, readStowAnswer(reset, UIDS, false, false))).toBe(true)
  })

  it('counts a 409 after an uncertain attempt as stored by that attempt, and a first 409 as a conflict', () => {
    expect(readStowAnswer(answer(409), UIDS, false, true).verdict).toBe('ok')
    expect(readStowAnswer(answer(409), UIDS, false, false).verdict).toBe('fatal')
  })

  it('retries 5xx and transport errors; never 424', () => {
    expect(readStowAnswer(answer(503), UIDS, false, false).verdict).toBe('transient')
    expect(
      readStowAnswer(answer(0, undefined, { status: undefined, errorCode: 'ECONNRESET' }), UIDS, false, false).verdict
    ).toBe('transient')
    expect(readStowAnswer(answer(424), UIDS, false, false).verdict).toBe('fatal')
  })
})

describe('reading search, metadata and DELETE answers', () => {
  it('a search finds the study in a 200, and nothing in a 204 or []', () => {
    expect(readSearchAnswer(answer(200, [{ '0020000D': { vr: 'UI', Value: ['2.25.1'] } }]), '2.25.1', false)).toEqual({
      verdict: 'ok',
      value: true
    })
    expect(readSearchAnswer(answer(204), '2.25.1', false)).toEqual({ verdict: 'ok', value: false })
    expect(readSearchAnswer(answer(200, []), '2.25.1', false)).toEqual({ verdict: 'ok', value: false })
  })

  it('metadata must carry the stored UIDs', () => {
    const metadata = (sop: string) => [
      { '0020000D': { Value: ['2.25.1'] }, '0020000E': { Value: ['2.25.2'] }, '00080018': { Value: [sop] } }
    ]
    expect(readMetadataAnswer(answer(200, metadata('2.25.3')), UIDS, false).verdict).toBe('ok')
    expect(readMetadataAnswer(answer(200, metadata('2.25.9')), UIDS, false)).toMatchObject({
      problem: { kind: 'uid-mismatch' }
    })
  })

  it('a DELETE is done at 200, 202, 204 and 404; retried at 5xx', () => {
    for (const status of [200, 202, 204, 404]) expect(readDeleteAnswer(answer(status), false).verdict).toBe('ok')
    expect(readDeleteAnswer(answer(500), false).verdict).toBe('transient')
    expect(readDeleteAnswer(answer(400), false).verdict).toBe('fatal')
  })
})

describe('polling the change feed', () => {
  const target = { action: 'Create' as const, sopInstanceUid: '2.25.3', afterSequence: 10 }
  const entry = (sequence: number, sop = '2.25.3', action = 'Create') => ({ sequence, sopInstanceUid: sop, action })

  it('v1 starts after the sequence seen before the write and pages by sequence', () => {
    const cursor = firstFeedCursor('v1', 10, 0)
    expect(feedPagePath('v1', cursor)).toBe('/changefeed?offset=10&limit=100&includeMetadata=false')
    const page = readFeedPage(answer(200, [entry(11, '2.25.8'), entry(14, '2.25.9')]), target, cursor, false)
    expect(page).toEqual({ verdict: 'ok', value: { found: false, next: { offset: 14 } } })
  })

  it("v2 opens the window at the STOW's time on the service's clock, its Date header, less its latency", () => {
    const stow = { date: 'Thu, 01 Jan 2026 11:40:00 GMT', latencyMs: 300 }
    const cursor = firstFeedCursor('v2', 10, Date.UTC(2026, 0, 1, 12), stow)
    expect(cursor.startTime).toBe(new Date(Date.UTC(2026, 0, 1, 11, 40) - 300 - FEED_WINDOW_MARGIN_MS).toISOString())
    expect(firstFeedCursor('v2', 10, 0, { date: 'yesterday', latencyMs: 1 }).startTime).toBe(
      new Date(-FEED_WINDOW_SKEW_MS).toISOString()
    )
  })

  it('/changefeed/latest is the target only when it is the entry itself, after the sequence seen before', () => {
    expect(latestIsTarget(answer(200, entry(11)), target)).toBe(true)
    expect(latestIsTarget(answer(200, entry(9)), target)).toBe(false)
    expect(latestIsTarget(answer(200, entry(12, '2.25.8')), target)).toBe(false)
    expect(latestIsTarget(answer(200, entry(12, '2.25.3', 'Delete')), target)).toBe(false)
    expect(latestIsTarget(answer(204), target)).toBe(false)
  })

  it('v2 without a Date header reads a time window opened before the write, with clock skew to spare, and pages by rows', () => {
    const cursor = firstFeedCursor('v2', 10, Date.UTC(2026, 0, 1, 12))
    expect(cursor.startTime).toBe(new Date(Date.UTC(2026, 0, 1, 12) - FEED_WINDOW_SKEW_MS).toISOString())
    expect(feedPagePath('v2', cursor)).toMatch(
      /^\/changefeed\?offset=0&limit=200&startTime=2026-01-01T11%3A50%3A00\.000Z&includeMetadata=false$/
    )
    const page = readFeedPage(answer(200, [entry(9), entry(11, '2.25.8')]), target, cursor, false)
    expect(page).toEqual({ verdict: 'ok', value: { found: false, next: { ...cursor, offset: 2 } } })
  })

  it('finds the Create only after the sequence before the write, in any casing of the action', () => {
    expect(readFeedPage(answer(200, [entry(12, '2.25.3', 'create')]), target, { offset: 10 }, false)).toMatchObject({
      value: { found: true }
    })
    expect(readFeedPage(answer(200, [entry(12, '2.25.3', 'Delete')]), target, { offset: 10 }, false)).toMatchObject({
      value: { found: false }
    })
  })

  it('an empty page (204) means not yet, with no next page', () => {
    expect(readFeedPage(answer(204), target, { offset: 10 }, false)).toEqual({ verdict: 'ok', value: { found: false } })
  })
})

describe('the time a write needs when it starts', () => {
  it('a read check that left too little: nothing stored, and the fix says by how much to raise timeout-seconds', () => {
    // 30 s: the round trip needs 2 s for its steps and 7.5 s for cleanup; 4.2 s were left.
    expect(writeTimeNeededMs(30_000)).toBe(MIN_WRITE_STEPS_MS + 7500)
    const error = noTimeForWrite(4200, 30_000)
    expect(error.kind).toBe('write-no-time')
    expect(error.message).toBe(
      'The read check left 4.2 s of timeout-seconds (30 s), too little for the write round trip and its cleanup; ' +
        'nothing was stored.'
    )
    expect(error.fix).toMatch(/^Raise timeout-seconds by at least 6 s \(the round trip needs 9\.5 s when it starts/)
    // An overrun deadline reads as none left, not as a negative time.
    expect(noTimeForWrite(-300, 30_000).message).toContain('left 0.0 s of timeout-seconds')
  })
})

describe('cleanup reserve', () => {
  it('keeps a quarter of the time, at most 15 s', () => {
    expect(CLEANUP_RESERVE_SHARE).toBe(0.25)
    expect(cleanupReserveMs(10_000)).toBe(2500)
    expect(cleanupReserveMs(3_600_000)).toBe(MAX_CLEANUP_RESERVE_MS)
  })
})

describe('diagnosing a failed write', () => {
  it.each<[number, string, RegExp]>([
    [403, 'write-forbidden', /reader role only; smoke-test: write needs DICOM Data Owner/],
    [409, 'write-conflict', /409 .*the instance already exists/],
    [400, 'write-refused', /refused the synthetic instance with 400/],
    [415, 'write-refused', /refused the synthetic instance with 415/],
    [413, 'write-too-large', /413 .*request too large/],
    [424, 'smoke-dependency', /424 Failed Dependency .*storage account or its customer-managed key/]
  ])('%i is %s', (status, kind, message) => {
    const error = diagnoseStow(answer(status, 'refused'), context(), undefined)
    expect(error.kind).toBe(kind)
    expect(error.message).toMatch(message)
  })

  it('a 202 names the failure reason code, in decimal and hex, with its meaning', () => {
    const error = diagnoseStow(answer(202), context(), { kind: 'failed-sop', failureReason: 272 })
    expect(error.kind).toBe('write-failed-sop')
    expect(error.message).toContain('failure reason 272 (0x0110, processing failure)')
    expect(describeFailureReason(undefined)).toBe('no failure reason')
    expect(describeFailureReason(0xb00e)).toBe('45070 (0xB00E, the instance is already stored)')
  })

  it('names the attribute a refusal names', () => {
    expect(refusedAttribute('DICOM100: (0010,0020) - PatientID is missing')).toBe('(0010,0020) PatientID')
    expect(refusedAttribute('{"00100020": {"vr": "LO"}}')).toBe('(0010,0020)')
    expect(refusedAttribute('The instance is invalid.')).toBeUndefined()
    expect(diagnoseStow(answer(400, 'Value (0008,0020) StudyDate is invalid'), context(), undefined).message).toContain(
      'naming attribute (0008,0020) StudyDate'
    )
  })

  it('never shows the token a body may echo', () => {
    const error = diagnoseStow(answer(400, `bad token ${TOKEN}`), context(), undefined)
    expect(error.message).not.toContain(TOKEN)
  })

  it('a later step says which step and what was wrong', () => {
    const error = diagnoseWriteCheck(
      'Change feed lists the Create',
      answer(200, [], { method: 'GET' }),
      context({ attempts: 4 }),
      {
        kind: 'not-in-feed',
        action: 'Create'
      }
    )
    expect(error.kind).toBe('write-check')
    expect(error.message).toMatch(
      /^The write round trip failed at 'Change feed lists the Create': the change feed did not list the Create/
    )
  })

  it('a 202 stored with a warning names the WarningReason in decimal and hex, with its meaning when PS3.4 gives one', () => {
    expect(describeWarningReason(0xb000)).toBe('45056 (0xB000, coercion of data elements)')
    expect(describeWarningReason(0xb007)).toBe('45063 (0xB007, data set does not match SOP class)')
    expect(describeWarningReason(0xb123)).toBe('45347 (0xB123)')
  })

  it.each<[string, 'unreadable' | 'not-stored', string]>([
    ['an HTML page', 'unreadable', '<html>Sign in</html>'],
    ['a list of other UIDs', 'not-stored', JSON.stringify(stored).replace('2.25.3', '2.25.99')]
  ])('a 200 STOW answer that is %s: it may have stored, so cleanup ran, and the line says so', (_, kind, body) => {
    const problem = kind === 'unreadable' ? { kind, expected: 'a DICOM JSON STOW-RS response' } : { kind }
    const error = diagnoseStow(answer(200, body), context(), problem)
    expect(error.kind).toBe('smoke-response')
    expect(error.message).toMatch(
      /^The DICOM service answered 200 to POST .*, but not with a STOW-RS response that lists the synthetic instance as stored: ".*"; it may have stored it all the same, so cleanup ran for it\.$/
    )
    expect(error.fix).toMatch(/check dicom-url/)
  })

  it('metadata for another instance: the UIDs it gave, each quoted and cut, a missing one as none, never the token', () => {
    const found = { studyInstanceUid: '2.25.9', seriesInstanceUid: `2.25.${'7'.repeat(200)}${TOKEN}` }
    const error = diagnoseWriteCheck('Metadata (WADO-RS)', answer(200, [], { method: 'GET' }), context(), {
      kind: 'uid-mismatch',
      found
    })
    expect(error.message).toMatch(
      /the metadata from GET .* is for another instance \(study '2\.25\.9', series '2\.25\.7+/
    )
    expect(error.message).toMatch(/, instance none\)/)
    expect(error.message).not.toContain(TOKEN)
    expect(error.message.length).toBeLessThan(1000)
  })

  it('a failed cleanup names the study UID, how to delete it, and the failure before it', () => {
    const cause = diagnoseStow(answer(424), context(), undefined)
    const earlier = diagnoseWriteCheck('Search (QIDO-RS)', answer(204), context(), { kind: 'not-found' })
    const error = cleanupFailed('2.25.1', BASE, cause, earlier)
    expect(error.kind).toBe('write-cleanup')
    expect(error.message).toMatch(
      new RegExp(
        String.raw`^Could not delete the synthetic study 2\.25\.1 that the smoke test stored: .* \(Before ` +
          String.raw`that the round trip had failed: `
      )
    )
    expect(error.fix).toBe(`Delete it by hand with a DICOM Data Owner token: DELETE ${BASE}/studies/2.25.1.`)
  })
})
