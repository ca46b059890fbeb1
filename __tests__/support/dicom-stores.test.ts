// The fake DICOM service's write side on each store (in memory, and a real Orthanc): STOW stores, QIDO finds, WADO
// returns and DELETE removes the synthetic instance, behind the service's routes, roles, change feed and failure
// modes. The Orthanc half is skipped, with one line saying why, where Orthanc is missing.
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Agent, request } from 'undici'
import { stowRequestBody, syntheticInstance, type SyntheticInstance } from '../../src/smoke-test/write/instance.ts'
import { accessTokenClaims, makeJwt, type Claims } from '../../test-support/azure/jwt.ts'
import { DICOM_AUDIENCE, tokenFingerprint } from '../../test-support/dicom/bearer.ts'
import type { DicomFault } from '../../test-support/dicom/faults.ts'
import { orthancUnavailable, startOrthanc, type Orthanc } from '../../test-support/dicom/orthanc.ts'
import { startDicomService, type DicomService } from '../../test-support/dicom/service.ts'
import { ALREADY_STORED, type DicomJson } from '../../test-support/dicom/store.ts'
import { makeSelfSignedCertificate, type Certificate } from '../../test-support/net/tls-cert.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const OWNER = 'a3f0c9d2-0000-4000-8000-00000000000a'
const READER = 'b4e1d0c3-0000-4000-8000-00000000000b'
const STRANGER = 'c5f2e1d4-0000-4000-8000-00000000000c'

const unavailable = await orthancUnavailable()
// One line, not jest's console block: a skipped suite must say why where CI logs show it.
if (unavailable !== undefined) process.stderr.write(`dicom service tests on Orthanc skipped: ${unavailable}\n`)
const stores = [['in memory', false] as const, ...(unavailable === undefined ? [['on Orthanc', true] as const] : [])]

describe.each(stores)('the fake DICOM service, store %s', (_store, withOrthanc) => {
  let orthanc: Orthanc | undefined
  let cert: Certificate | undefined
  let agent: Agent | undefined
  const fronts: DicomService[] = []

  // afterAll releases whatever beforeAll got, even when a later step of it failed.
  beforeAll(async () => {
    cert = await makeSelfSignedCertificate()
    agent = new Agent({ connect: { ca: cert.cert } })
    if (!withOrthanc) return
    const started = await startOrthanc()
    if (typeof started === 'string') throw new Error(started)
    orthanc = started
  })

  afterEach(async () => {
    await Promise.all(fronts.splice(0).map((front) => front.close()))
    await orthanc?.clear()
  })

  afterAll(async () => {
    await orthanc?.stop()
    await agent?.destroy()
    if (cert !== undefined) await rm(dirname(cert.certPath), { recursive: true, force: true })
  })

  async function front(fault: DicomFault = { kind: 'none' }): Promise<DicomService> {
    if (cert === undefined) throw new Error('beforeAll did not make the certificate')
    const roles = { [OWNER]: 'owner', [READER]: 'reader' } as const
    const started = await startDicomService({ certificate: cert, orthanc, roles, tenantId: TENANT, fault })
    fronts.push(started)
    return started
  }

  function token(oid = OWNER, overrides: Claims = {}): string {
    const identity = { tenantId: TENANT, objectId: oid, appId: 'app-1' }
    const claims = accessTokenClaims({ audience: DICOM_AUDIENCE, ...identity, lifetimeSeconds: 3600 })
    return makeJwt({ ...claims, ...overrides })
  }

  interface Answer {
    status: number
    contentType: string | undefined
    text: string
    challenge: string | undefined
    ms: number
  }

  async function call(method: 'GET' | 'POST' | 'DELETE', url: string, bearer = token(), body?: Buffer, type?: string) {
    const headers: Record<string, string> = { authorization: `Bearer ${bearer}`, accept: 'application/dicom+json' }
    if (type !== undefined) headers['content-type'] = type
    const started = Date.now()
    const timeouts = { headersTimeout: 15000, bodyTimeout: 15000 }
    const response = await request(url, { method, dispatcher: agent, headers, body, ...timeouts })
    const text = await response.body.text()
    const contentType = response.headers['content-type']?.toString()
    const challenge = response.headers['www-authenticate']?.toString()
    return { status: response.statusCode, contentType, text, challenge, ms: Date.now() - started } satisfies Answer
  }

  async function stow(dicom: DicomService, instance: SyntheticInstance, bearer = token(), version = 'v2') {
    const { contentType, body } = stowRequestBody(instance.part10)
    return call('POST', `${dicom.url}/${version}/studies`, bearer, body, contentType)
  }

  async function feed(dicom: DicomService, query = '', version = 'v2'): Promise<Record<string, unknown>[]> {
    const answer = await call('GET', `${dicom.url}/${version}/changefeed${query}`)
    expect(answer.status).toBe(200)
    return JSON.parse(answer.text) as Record<string, unknown>[]
  }

  const value = (data: DicomJson | undefined, tag: string): unknown => data?.[tag]?.Value?.[0]
  const studyUrl = (dicom: DicomService, instance: SyntheticInstance, version = 'v2') =>
    `${dicom.url}/${version}/studies/${instance.studyInstanceUid}`
  const search = (dicom: DicomService, instance: SyntheticInstance, version = 'v2') =>
    call('GET', `${dicom.url}/${version}/studies?StudyInstanceUID=${instance.studyInstanceUid}`)
  /** The studies the store holds, asked through the service itself so that it works for every store. */
  const storedStudies = async (dicom: DicomService): Promise<unknown[]> => {
    const answer = await call('GET', `${dicom.url}/v2/studies`)
    return answer.status === 204 ? [] : (JSON.parse(answer.text) as unknown[])
  }
  const newInstance = () => syntheticInstance({ now: new Date(), runLabel: 'octo/dicom run 1 attempt 1' })

  test('round trip: STOW stores, QIDO finds, WADO returns, the feed has Create, DELETE empties Orthanc', async () => {
    const dicom = await front()
    const instance = await newInstance()
    const before = await call('GET', `${dicom.url}/v2/changefeed/latest`)
    expect(before).toMatchObject({ status: 204, text: '' })

    const stored = await stow(dicom, instance)
    expect(stored.status).toBe(200)
    expect(stored.contentType).toBe('application/dicom+json')
    const response = JSON.parse(stored.text) as DicomJson
    const [referenced] = (response['00081199']?.Value ?? []) as DicomJson[]
    expect(value(referenced, '00081155')).toBe(instance.sopInstanceUid)
    expect(value(referenced, '00081150')).toBe(instance.sopClassUid)
    const seriesUrl = `${studyUrl(dicom, instance)}/series/${instance.seriesInstanceUid}`
    const instanceUrl = `${seriesUrl}/instances/${instance.sopInstanceUid}`
    expect(value(referenced, '00081190')).toBe(instanceUrl)
    expect(response['00081198']?.Value).toBeUndefined()

    const found = await search(dicom, instance)
    expect(found.status).toBe(200)
    const studies = JSON.parse(found.text) as DicomJson[]
    expect(studies.map((study) => value(study, '0020000D'))).toEqual([instance.studyInstanceUid])
    expect(value(studies[0], '00100010')).toEqual({ Alphabetic: 'SMOKE^TEST' })

    const metadata = await call('GET', `${studyUrl(dicom, instance)}/metadata`)
    expect(metadata.status).toBe(200)
    expect(metadata.contentType).toBe('application/dicom+json')
    const [first] = JSON.parse(metadata.text) as DicomJson[]
    expect([value(first, '0020000D'), value(first, '0020000E'), value(first, '00080018')]).toEqual([
      instance.studyInstanceUid,
      instance.seriesInstanceUid,
      instance.sopInstanceUid
    ])

    const [created] = await feed(dicom)
    expect(created).toEqual({
      sequence: 1,
      studyInstanceUid: instance.studyInstanceUid,
      seriesInstanceUid: instance.seriesInstanceUid,
      sopInstanceUid: instance.sopInstanceUid,
      action: 'Create',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      state: 'Current',
      metadata: expect.objectContaining({ '00080018': { vr: 'UI', Value: [instance.sopInstanceUid] } }),
      partitionName: 'Microsoft.Default',
      filePath: `${instance.studyInstanceUid}/${instance.seriesInstanceUid}/${instance.sopInstanceUid}.dcm`
    })

    const deleted = await call('DELETE', studyUrl(dicom, instance))
    expect(deleted).toMatchObject({ status: 204, text: '' })
    expect(await storedStudies(dicom)).toEqual([])
    const entries = await feed(dicom)
    expect(entries.map(({ sequence, action, state }) => ({ sequence, action, state }))).toEqual([
      { sequence: 1, action: 'Create', state: 'Deleted' },
      { sequence: 2, action: 'Delete', state: 'Deleted' }
    ])
    expect(entries[1]).toMatchObject({ sopInstanceUid: instance.sopInstanceUid })
    expect(entries[1]).not.toHaveProperty('metadata')
    const latest = await call('GET', `${dicom.url}/v2/changefeed/latest`)
    expect(JSON.parse(latest.text)).toMatchObject({ sequence: 2, action: 'Delete' })
    expect((await search(dicom, instance)).status).toBe(204)
  })

  test('records what arrived, with the fingerprint and the oid of the token', async () => {
    const dicom = await front()
    const bearer = token()
    await stow(dicom, await newInstance(), bearer)
    await call('GET', `${dicom.url}/v2/changefeed/latest?includeMetadata=false`, bearer)
    const seen = dicom.requests.map(({ method, path, query, status }) => ({ method, path, query, status }))
    expect(seen).toEqual([
      { method: 'POST', path: '/v2/studies', query: {}, status: 200 },
      { method: 'GET', path: '/v2/changefeed/latest', query: { includeMetadata: 'false' }, status: 200 }
    ])
    expect(dicom.requests.map((received) => received.oid)).toEqual([OWNER, OWNER])
    const [post] = dicom.requests
    expect(post?.tokenFingerprint).toBe(tokenFingerprint(bearer))
    expect(post?.headers['content-type']).toMatch(/^multipart\/related; type="application\/dicom"; boundary=/)
    expect(post?.bodyBytes).toBeGreaterThan(1000)
  })

  test('v1 and v1.0-prerelease reach the same studies, and v1 feed offsets are sequence numbers', async () => {
    const dicom = await front()
    const instance = await newInstance()
    expect((await stow(dicom, instance, token(), 'v1')).status).toBe(200)
    for (const version of ['v1', 'v1.0-prerelease']) {
      expect((await search(dicom, instance, version)).status).toBe(200)
    }
    const [entry] = await feed(dicom, '?offset=0&limit=1', 'v1')
    expect(entry).toMatchObject({ sequence: 1, action: 'Create' })
    expect(entry).not.toHaveProperty('partitionName')
    expect(await feed(dicom, '?offset=1', 'v1')).toEqual([])
  })

  test('a reader may read but gets 403 for STOW and DELETE; a principal without a role gets it for all', async () => {
    const dicom = await front()
    const instance = await newInstance()
    const refused = await stow(dicom, instance, token(READER))
    expect(refused).toMatchObject({ status: 403, text: 'Authorization failed.' })
    expect(refused.contentType).toMatch(/^text\/plain/)
    expect(await storedStudies(dicom)).toEqual([])

    expect((await stow(dicom, instance)).status).toBe(200)
    expect((await call('GET', `${studyUrl(dicom, instance)}/metadata`, token(READER))).status).toBe(200)
    expect((await call('DELETE', studyUrl(dicom, instance), token(READER))).status).toBe(403)
    expect(await storedStudies(dicom)).toHaveLength(1)
    expect((await call('GET', `${dicom.url}/v2/changefeed`, token(STRANGER))).status).toBe(403)

    dicom.roles.set(STRANGER, 'owner')
    expect((await call('DELETE', studyUrl(dicom, instance), token(STRANGER))).status).toBe(204)
  })

  test.each([
    ['another audience', { aud: 'https://storage.azure.com/' }, "The audience 'https://storage.azure.com/' is invalid"],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 60 }, 'The token is expired']
  ])('%s is a 401 with the service challenge, and reaches nothing', async (_case, overrides, reason) => {
    const dicom = await front()
    const answer = await stow(dicom, await newInstance(), token(OWNER, overrides))
    expect(answer).toMatchObject({ status: 401, text: '' })
    expect(answer.challenge).toContain(`error_description="${reason}"`)
    expect(await storedStudies(dicom)).toEqual([])
  })

  test('the 401 challenge names the tenant, the audience and the reason', async () => {
    const dicom = await front()
    const headers = { authorization: 'Bearer x.y.z' }
    const response = await request(`${dicom.url}/v2/changefeed`, { dispatcher: agent, headers })
    await response.body.dump()
    expect(response.statusCode).toBe(401)
    expect(response.headers['www-authenticate']).toBe(
      `Bearer authorization_uri="https://login.microsoftonline.com/${TENANT}", resource_id="${DICOM_AUDIENCE}", ` +
        `realm="${DICOM_AUDIENCE}", error="invalid_token", error_description="The token is malformed"`
    )
  })

  test('an unsupported API version is a 400, and a path without one a 404', async () => {
    const dicom = await front()
    const unsupported = await call('GET', `${dicom.url}/v3/studies`)
    expect(unsupported.status).toBe(400)
    expect(unsupported.text).toContain("'v3'")
    expect((await call('GET', `${dicom.url}/studies`)).status).toBe(404)
  })

  test('storing the same instance again is a 409 with FailureReason 45070, and no second Create', async () => {
    const dicom = await front()
    const instance = await newInstance()
    expect((await stow(dicom, instance)).status).toBe(200)
    const again = await stow(dicom, instance)
    expect(again.status).toBe(409)
    const [failure] = ((JSON.parse(again.text) as DicomJson)['00081198']?.Value ?? []) as DicomJson[]
    expect([value(failure, '00081155'), value(failure, '00081197')]).toEqual([instance.sopInstanceUid, ALREADY_STORED])
    expect(await feed(dicom)).toHaveLength(1)
    expect(await storedStudies(dicom)).toHaveLength(1)
  })

  test('a DELETE of a study nobody stored is a 404 with a plain-text body', async () => {
    const dicom = await front()
    const answer = await call('DELETE', `${dicom.url}/v2/studies/2.25.1234`)
    expect(answer).toMatchObject({ status: 404, text: 'The specified study cannot be found.' })
    expect(answer.contentType).toMatch(/^text\/plain/)
  })

  describe('faults', () => {
    test('store-failed-dependency answers STOW with 424 and plain text, and stores nothing', async () => {
      const dicom = await front({ kind: 'store-failed-dependency' })
      const answer = await stow(dicom, await newInstance())
      expect(answer.status).toBe(424)
      expect(answer.contentType).toMatch(/^text\/plain/)
      expect(answer.text).toMatch(/cannot access a resource it depends on/)
      expect(await storedStudies(dicom)).toEqual([])
      expect(dicom.feed).toEqual([])
    })

    test('store-failure-reason answers 202 with the instance in FailedSOPSequence, and stores nothing', async () => {
      const dicom = await front({ kind: 'store-failure-reason', reason: 0xa700 })
      const instance = await newInstance()
      const answer = await stow(dicom, instance)
      expect(answer.status).toBe(202)
      expect(answer.contentType).toBe('application/dicom+json')
      const response = JSON.parse(answer.text) as DicomJson
      const [failure] = (response['00081198']?.Value ?? []) as DicomJson[]
      expect(failure).toEqual({
        '00081150': { vr: 'UI', Value: [instance.sopClassUid] },
        '00081155': { vr: 'UI', Value: [instance.sopInstanceUid] },
        '00081197': { vr: 'US', Value: [0xa700] }
      })
      expect(response['00081199']?.Value).toBeUndefined()
      expect(await storedStudies(dicom)).toEqual([])
      expect((await call('GET', `${dicom.url}/v2/changefeed/latest`)).status).toBe(204)
    })

    test('delete-status answers DELETE with that status and deletes nothing; cleared, DELETE works', async () => {
      const dicom = await front({ kind: 'delete-status', status: 500 })
      const instance = await newInstance()
      await stow(dicom, instance)
      const failed = await call('DELETE', studyUrl(dicom, instance))
      expect(failed.status).toBe(500)
      expect(failed.contentType).toMatch(/^text\/plain/)
      expect(await storedStudies(dicom)).toHaveLength(1)
      expect((await feed(dicom)).map((entry) => entry.action)).toEqual(['Create'])

      dicom.setFault({ kind: 'none' })
      expect((await call('DELETE', studyUrl(dicom, instance))).status).toBe(204)
      expect(await storedStudies(dicom)).toEqual([])
    })

    test('feed-delay holds every change feed answer that long', async () => {
      const dicom = await front({ kind: 'feed-delay', ms: 400 })
      const answer = await call('GET', `${dicom.url}/v2/changefeed/latest`)
      expect(answer.status).toBe(204)
      expect(answer.ms).toBeGreaterThanOrEqual(390)
    })

    test('create-hidden keeps a new Create out of the feed for that many reads', async () => {
      const dicom = await front({ kind: 'create-hidden', reads: 2 })
      const instance = await newInstance()
      await stow(dicom, instance)
      expect((await call('GET', `${dicom.url}/v2/changefeed/latest`)).status).toBe(204)
      expect(await feed(dicom)).toEqual([])
      const created = expect.objectContaining({ sopInstanceUid: instance.sopInstanceUid, action: 'Create' })
      expect(await feed(dicom)).toEqual([created])
    })

    test('close() ends a change feed request the delay still holds', async () => {
      const dicom = await front({ kind: 'feed-delay', ms: 60_000 })
      const pending = call('GET', `${dicom.url}/v2/changefeed`).then(
        () => 'answered',
        () => 'failed'
      )
      while (dicom.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10))
      const started = Date.now()
      await dicom.close()
      expect(await pending).toBe('failed')
      expect(Date.now() - started).toBeLessThan(1000)
    })
  })

  test('stop() ends Orthanc and removes its temp folder', async () => {
    if (!withOrthanc) return
    const second = await startOrthanc()
    if (typeof second === 'string') throw new Error(second)
    expect(existsSync(second.directory)).toBe(true)
    expect((await second.request('GET', '/system')).status).toBe(200)
    await second.stop()
    expect(existsSync(second.directory)).toBe(false)
    // Signal 0 only asks whether the process exists.
    expect(() => process.kill(second.pid, 0)).toThrow(/ESRCH/)
    await second.stop()
  })
})

describe('without Orthanc', () => {
  test('startOrthanc gives the reason instead of a server when Orthanc is not installed', async () => {
    expect(await startOrthanc({ binary: '/nonexistent/Orthanc' })).toBe(
      'Orthanc is not installed (/nonexistent/Orthanc): apt-get install orthanc'
    )
    const withoutPlugin = await startOrthanc({ plugin: '/nonexistent/libOrthancDicomWeb.so' })
    expect(withoutPlugin).toMatch(/^the Orthanc DICOMweb plugin is not installed/)
  })
})
