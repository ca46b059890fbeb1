// The fake DICOM service's server and change feed: TLS, the bearer check, version routing, the request log, the
// faults, and v1 and v2 paging over a seeded feed. The stores are tested in dicom-stores.test.ts.
import { connect } from 'node:net'
import { Agent, Client, request, type Dispatcher } from 'undici'
import { accessTokenClaims, makeJwt, type Claims } from '../../test-support/azure/jwt.ts'
import { makeSelfSignedCertificate, removeCertificate, type Certificate } from '../../test-support/net/tls-cert.ts'
import { DICOM_AUDIENCE } from '../../test-support/dicom/bearer.ts'
import { seededTimestamp as entryTimestamp } from '../../test-support/dicom/change-feed.ts'
import { startDicomService, type DicomService, type DicomServiceOptions } from '../../test-support/dicom/service.ts'
import { unusedLoopbackPort } from '../../test-support/net/loopback-server.ts'
import { TENANT_ID } from '../../test-support/azure/ids.ts'

let cert: Certificate
let agent: Agent
const running: DicomService[] = []

beforeAll(async () => {
  cert = await makeSelfSignedCertificate()
  agent = new Agent({ connect: { ca: cert.cert } })
})

afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()))
})

afterAll(async () => {
  await agent.destroy()
  await removeCertificate(cert)
})

async function emulator(options: Partial<DicomServiceOptions> = {}): Promise<DicomService> {
  const started = await startDicomService({ certificate: cert, entries: 3, ...options })
  running.push(started)
  return started
}

function token(overrides: Claims = {}): string {
  const claims = accessTokenClaims({
    audience: DICOM_AUDIENCE,
    tenantId: TENANT_ID,
    objectId: 'oid-1',
    appId: 'app-1',
    lifetimeSeconds: 3600
  })
  return makeJwt({ ...claims, ...overrides })
}

interface Answer {
  status: number
  headers: Dispatcher.ResponseData['headers']
  text: string
}

// null sends no Authorization header at all (undefined would pick up the default valid token).
async function get(url: string, bearer: string | null = token(), dispatcher: Dispatcher = agent): Promise<Answer> {
  const headers: Record<string, string> = bearer === null ? {} : { authorization: `Bearer ${bearer}` }
  const response = await request(url, { dispatcher, headers })
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() }
}

async function feed(url: string): Promise<Record<string, unknown>[]> {
  const answer = await get(url)
  expect(answer.status).toBe(200)
  return JSON.parse(answer.text) as Record<string, unknown>[]
}

const sequences = (entries: Record<string, unknown>[]) => entries.map((entry) => entry.sequence)

describe('healthy change feed', () => {
  test('v1 changefeed returns camelCase entries with DICOM JSON metadata in sequence order', async () => {
    const dicom = await emulator()
    const answer = await get(`${dicom.url}/v1/changefeed`)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toMatch(/^application\/json/)
    const entries = JSON.parse(answer.text) as Record<string, unknown>[]
    expect(sequences(entries)).toEqual([1, 2, 3])
    expect(entries[0]).toEqual({
      sequence: 1,
      studyInstanceUid: '1.2.826.0.1.3680043.8.498.1',
      seriesInstanceUid: '1.2.826.0.1.3680043.8.498.1.1',
      sopInstanceUid: '1.2.826.0.1.3680043.8.498.1.1.1',
      action: 'Create',
      timestamp: entryTimestamp(1),
      state: 'Current',
      metadata: expect.objectContaining({ '0020000D': { vr: 'UI', Value: ['1.2.826.0.1.3680043.8.498.1'] } })
    })
    expect(entries[0]?.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
  })

  test('v2 entries also carry the partition name and file path', async () => {
    const dicom = await emulator()
    const [first] = await feed(`${dicom.url}/v2/changefeed`)
    expect(first).toMatchObject({
      sequence: 1,
      partitionName: 'Microsoft.Default',
      filePath: expect.stringMatching(/\.dcm$/)
    })
  })

  test('v1.0-prerelease serves the v1 shape', async () => {
    const dicom = await emulator()
    const entries = await feed(`${dicom.url}/v1.0-prerelease/changefeed`)
    expect(sequences(entries)).toEqual([1, 2, 3])
    expect(entries[0]).not.toHaveProperty('partitionName')
  })

  test('includeMetadata=false leaves the metadata out (the service drops null fields) in every version and latest', async () => {
    const dicom = await emulator()
    for (const version of ['v1', 'v2']) {
      const entries = await feed(`${dicom.url}/${version}/changefeed?includeMetadata=false`)
      expect(entries.map((entry) => 'metadata' in entry)).toEqual([false, false, false])
      const latest = JSON.parse((await get(`${dicom.url}/${version}/changefeed/latest?includeMetadata=FALSE`)).text)
      expect(latest).toMatchObject({ sequence: 3 })
      expect(latest).not.toHaveProperty('metadata')
    }
  })

  test('latest returns the entry with the highest sequence', async () => {
    const dicom = await emulator({ entries: 5 })
    const v1 = await get(`${dicom.url}/v1/changefeed/latest`)
    expect(v1.status).toBe(200)
    expect(JSON.parse(v1.text)).toMatchObject({ sequence: 5, metadata: expect.any(Object) })
    const v2 = await get(`${dicom.url}/v2/changefeed/latest`)
    expect(JSON.parse(v2.text)).toMatchObject({ sequence: 5, partitionName: 'Microsoft.Default' })
  })

  test('v1 offset is an exclusive start sequence', async () => {
    const dicom = await emulator({ entries: 6 })
    expect(sequences(await feed(`${dicom.url}/v1/changefeed?offset=2&limit=3`))).toEqual([3, 4, 5])
    expect(sequences(await feed(`${dicom.url}/v1/changefeed?offset=6`))).toEqual([])
  })

  test('v1 offset and limit are sequence numbers, so a span over a gap holds fewer rows, or none', async () => {
    const dicom = await emulator({ entries: [2, 5, 6, 9] })
    expect(sequences(await feed(`${dicom.url}/v1/changefeed?offset=0&limit=1`))).toEqual([])
    expect(sequences(await feed(`${dicom.url}/v1/changefeed?offset=0&limit=5`))).toEqual([2, 5])
    expect(sequences(await feed(`${dicom.url}/v1/changefeed?offset=5&limit=4`))).toEqual([6, 9])
    expect(JSON.parse((await get(`${dicom.url}/v1/changefeed/latest`)).text)).toMatchObject({ sequence: 9 })
  })

  test('v2 offset counts rows, not sequence numbers, whatever the gaps', async () => {
    const dicom = await emulator({ entries: [2, 5, 6, 9] })
    expect(sequences(await feed(`${dicom.url}/v2/changefeed?offset=1&limit=2`))).toEqual([5, 6])
    expect(sequences(await feed(`${dicom.url}/v2/changefeed?offset=3`))).toEqual([9])
  })

  test('seeded sequence numbers must grow', async () => {
    await expect(emulator({ entries: [3, 3] })).rejects.toThrow(RangeError)
  })

  test('v2 offset skips entries within the time window', async () => {
    const dicom = await emulator({ entries: 6 })
    // The window starts at entry 3, so skipping 1 gives 4 — a v1 offset of 1 would have started at 2.
    const window = `startTime=${entryTimestamp(3)}&endTime=${encodeURIComponent('2025-01-15T10:05:00+01:00')}`
    expect(sequences(await feed(`${dicom.url}/v2/changefeed?${window}`))).toEqual([3, 4, 5])
    expect(sequences(await feed(`${dicom.url}/v2/changefeed?${window}&offset=1`))).toEqual([4, 5])
    expect(sequences(await feed(`${dicom.url}/v2/changefeed?offset=2&limit=2`))).toEqual([3, 4])
  })

  test('the default limit is 10 for v1 and 100 for v2', async () => {
    const dicom = await emulator({ entries: 150 })
    expect(await feed(`${dicom.url}/v1/changefeed`)).toHaveLength(10)
    expect(await feed(`${dicom.url}/v2/changefeed`)).toHaveLength(100)
    expect(await feed(`${dicom.url}/v1/changefeed?limit=100`)).toHaveLength(100)
    expect(await feed(`${dicom.url}/v2/changefeed?limit=200`)).toHaveLength(150)
  })

  test('an empty feed answers [] for changefeed and 204 without a body for latest', async () => {
    const dicom = await emulator({ entries: 0 })
    expect(await feed(`${dicom.url}/v2/changefeed`)).toEqual([])
    const latest = await get(`${dicom.url}/v2/changefeed/latest`)
    expect(latest.status).toBe(204)
    expect(latest.text).toBe('')
    dicom.setEntries(2)
    expect(sequences(await feed(`${dicom.url}/v1/changefeed`))).toEqual([1, 2])
  })

  test('setEntries refuses a negative count', async () => {
    const dicom = await emulator()
    expect(() => dicom.setEntries(-1)).toThrow(RangeError)
  })
})

describe('bad requests', () => {
  test.each([
    ['v1', 'limit=101', 'limit'],
    ['v1', 'limit=0', 'limit'],
    ['v1.0-prerelease', 'limit=101', 'limit'],
    ['v2', 'limit=201', 'limit'],
    ['v2', 'limit=0', 'limit'],
    ['v1', 'offset=abc', 'offset'],
    ['v2', 'offset=-1', 'offset'],
    ['v1', 'offset=1.5', 'offset'],
    ['v2', 'includeMetadata=maybe', 'includeMetadata'],
    ['v2', 'startTime=2025-01-15T09:00:00', 'startTime'],
    ['v2', 'endTime=yesterday', 'endTime'],
    ['v2', 'startTime=2025-01-15T10:00:00Z&endTime=2025-01-15T10:00:00Z', 'endTime']
  ])('%s changefeed?%s is a 400 with a plain-text reason naming %s', async (version, query, parameter) => {
    const dicom = await emulator()
    const answer = await get(`${dicom.url}/${version}/changefeed?${query}`)
    expect(answer.status).toBe(400)
    expect(answer.headers['content-type']).toMatch(/^text\/plain/)
    expect(answer.text).toContain(parameter)
  })

  test('an unsupported API version is a 400 naming the version', async () => {
    const dicom = await emulator()
    const answer = await get(`${dicom.url}/v3/changefeed`)
    expect(answer.status).toBe(400)
    expect(answer.headers['content-type']).toMatch(/^text\/plain/)
    expect(answer.text).toContain("'v3'")
  })

  test('the change feed without a version, or any other path, is a 404', async () => {
    const dicom = await emulator()
    expect((await get(`${dicom.url}/changefeed`)).status).toBe(404)
    expect((await get(`${dicom.url}/changefeed/latest`)).status).toBe(404)
    expect((await get(`${dicom.url}/`)).status).toBe(404)
  })
})

describe('authentication', () => {
  test('a token for the audience with one trailing slash is accepted', async () => {
    const dicom = await emulator()
    expect((await get(`${dicom.url}/v2/changefeed`, token({ aud: `${DICOM_AUDIENCE}/` }))).status).toBe(200)
  })

  test('a missing bearer token is a 401 with an empty body and the full challenge', async () => {
    const dicom = await emulator({ tenantId: TENANT_ID })
    const answer = await get(`${dicom.url}/v2/changefeed`, null)
    expect(answer.status).toBe(401)
    expect(answer.text).toBe('')
    expect(answer.headers['www-authenticate']).toBe(
      `Bearer authorization_uri="https://login.microsoftonline.com/${TENANT_ID}", ` +
        `resource_id="${DICOM_AUDIENCE}", realm="${DICOM_AUDIENCE}", ` +
        'error="invalid_token", error_description="No bearer token was presented"'
    )
  })

  test.each([
    [
      'another audience',
      { aud: 'https://management.azure.com/' },
      "The audience 'https://management.azure.com/' is invalid"
    ],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 60 }, 'The token is expired'],
    ['another tenant', { tid: 'other-tenant' }, "The tenant 'other-tenant' is invalid"]
  ])('%s is a 401 whose challenge gives the reason', async (_case, overrides, reason) => {
    const dicom = await emulator({ tenantId: TENANT_ID })
    const answer = await get(`${dicom.url}/v1/changefeed`, token(overrides))
    expect(answer.status).toBe(401)
    expect(answer.text).toBe('')
    expect(answer.headers['www-authenticate']).toContain(`error_description="${reason}"`)
  })

  test('without an expected tenant any tid passes and the challenge points at common', async () => {
    const dicom = await emulator()
    expect((await get(`${dicom.url}/v2/changefeed`, token({ tid: 'anything' }))).status).toBe(200)
    const answer = await get(`${dicom.url}/v2/changefeed`, 'not-a-jwt')
    expect(answer.status).toBe(401)
    expect(answer.headers['www-authenticate']).toContain('authorization_uri="https://login.microsoftonline.com/common"')
  })

  test('a non-Bearer Authorization header counts as no bearer token', async () => {
    const dicom = await emulator()
    const response = await request(`${dicom.url}/v2/changefeed`, {
      dispatcher: agent,
      headers: { authorization: 'Basic dXNlcjpwYXNz' }
    })
    await response.body.dump()
    expect(response.statusCode).toBe(401)
    expect(response.headers['www-authenticate']).toContain('No bearer token was presented')
  })

  test('authentication is checked before routing, so a bad token on an unknown path is a 401', async () => {
    const dicom = await emulator()
    expect((await get(`${dicom.url}/nowhere`, null)).status).toBe(401)
  })

  test('a configured audience replaces the default one', async () => {
    const dicom = await emulator({ audience: 'https://dicom.example.test/' })
    expect((await get(`${dicom.url}/v2/changefeed`, token({ aud: 'https://dicom.example.test' }))).status).toBe(200)
    expect((await get(`${dicom.url}/v2/changefeed`)).status).toBe(401)
  })
})

describe('faults', () => {
  test('forbidden answers 403 Authorization failed. whatever the token', async () => {
    const dicom = await emulator({ fault: { kind: 'forbidden' } })
    const answer = await get(`${dicom.url}/v2/changefeed`, null)
    expect(answer.status).toBe(403)
    expect(answer.headers['content-type']).toMatch(/^text\/plain/)
    expect(answer.text).toBe('Authorization failed.')
  })

  test('not-found answers 404 for every path, the change feed included', async () => {
    const dicom = await emulator({ fault: { kind: 'not-found' } })
    expect((await get(`${dicom.url}/v2/changefeed`)).status).toBe(404)
  })

  test('unauthorized answers 401 even to a valid token, with the given description', async () => {
    const dicom = await emulator({ fault: { kind: 'unauthorized', description: 'The signature is invalid' } })
    const answer = await get(`${dicom.url}/v2/changefeed`)
    expect(answer.status).toBe(401)
    expect(answer.text).toBe('')
    expect(answer.headers['www-authenticate']).toContain('error_description="The signature is invalid"')
  })

  test('throttled answers 429 with Retry-After for the first `times` requests, then serves the feed', async () => {
    const dicom = await emulator({ fault: { kind: 'throttled', retryAfter: '2', times: 2 } })
    for (let i = 0; i < 2; i += 1) {
      const answer = await get(`${dicom.url}/v2/changefeed`)
      expect(answer.status).toBe(429)
      expect(answer.headers['retry-after']).toBe('2')
    }
    expect((await get(`${dicom.url}/v2/changefeed`)).status).toBe(200)
  })

  test('unavailable answers 503, with Retry-After only when one is given', async () => {
    const dicom = await emulator({ fault: { kind: 'unavailable', times: 1 } })
    const bare = await get(`${dicom.url}/v2/changefeed`)
    expect(bare.status).toBe(503)
    expect(bare.headers['retry-after']).toBeUndefined()
    expect((await get(`${dicom.url}/v2/changefeed`)).status).toBe(200)

    const date = 'Wed, 21 Oct 2015 07:28:00 GMT'
    dicom.setFault({ kind: 'unavailable', times: 1, retryAfter: date })
    const dated = await get(`${dicom.url}/v2/changefeed`)
    expect(dated.status).toBe(503)
    expect(dated.headers['retry-after']).toBe(date)
  })

  test('html answers 200 with a text/html page', async () => {
    const dicom = await emulator({ fault: { kind: 'html' } })
    const answer = await get(`${dicom.url}/v2/changefeed`)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toMatch(/^text\/html/)
    expect(answer.text).toMatch(/^<!DOCTYPE html>/)
  })

  test('redirect sends a 302 to the same path and query on the other origin, which records what arrives', async () => {
    const dicom = await emulator({ fault: { kind: 'redirect' } })
    const answer = await get(`${dicom.url}/v2/changefeed?limit=1`)
    expect(answer.status).toBe(302)
    const location = String(answer.headers.location)
    expect(location).toBe(`${dicom.otherOrigin.url}/v2/changefeed?limit=1`)
    expect(new URL(location).origin).not.toBe(new URL(dicom.url).origin)

    const followed = await get(location, null)
    expect(followed).toMatchObject({ status: 200, text: '[]' })
    expect(dicom.otherOrigin.requests).toEqual([
      expect.objectContaining({ method: 'GET', path: '/v2/changefeed', query: { limit: '1' }, version: 'v2' })
    ])
    expect(dicom.otherOrigin.requests[0]?.headers).not.toHaveProperty('authorization')
    expect(dicom.requests).toHaveLength(1)
  })

  test('reset drops the connection without an answer for the first `times` requests', async () => {
    const dicom = await emulator({ fault: { kind: 'reset', times: 1 } })
    await expect(get(`${dicom.url}/v2/changefeed`)).rejects.toMatchObject({
      code: expect.stringMatching(/ECONNRESET|UND_ERR_SOCKET/)
    })
    expect((await get(`${dicom.url}/v2/changefeed`)).status).toBe(200)
    expect(dicom.requests).toHaveLength(2)
  })

  test('setFault back to none makes the server healthy again', async () => {
    const dicom = await emulator({ fault: { kind: 'forbidden' } })
    dicom.setFault({ kind: 'none' })
    expect((await get(`${dicom.url}/v2/changefeed`)).status).toBe(200)
  })

  test('hang accepts the request and never answers, until close() ends it', async () => {
    const dicom = await emulator({ fault: { kind: 'hang' } })
    const pending = get(`${dicom.url}/v2/changefeed`)
    const outcome = pending.then(
      () => 'answered',
      () => 'failed'
    )
    while (dicom.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(
      await Promise.race([outcome, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 200))])
    ).toBe('still waiting')
    const started = Date.now()
    await dicom.close()
    expect(await outcome).toBe('failed')
    expect(Date.now() - started).toBeLessThan(1000)
  })
})

describe('recording and connections', () => {
  test(
    'every request is recorded in order with query, ' + 'version and headers as received, rejected ones ' + 'included',
    async () => {
      const dicom = await emulator()
      await get(`${dicom.url}/v2/changefeed?offset=1&limit=2`, null)
      const bearer = token()
      await get(`${dicom.url}/v1/changefeed/latest`, bearer)
      await get(`${dicom.url}/changefeed`, bearer)
      expect(dicom.requests.map(({ method, path, query, version }) => ({ method, path, query, version }))).toEqual([
        { method: 'GET', path: '/v2/changefeed', query: { offset: '1', limit: '2' }, version: 'v2' },
        { method: 'GET', path: '/v1/changefeed/latest', query: {}, version: 'v1' },
        { method: 'GET', path: '/changefeed', query: {}, version: undefined }
      ])
      expect(dicom.requests[0]?.headers).not.toHaveProperty('authorization')
      expect(dicom.requests[1]?.headers.authorization).toBe(`Bearer ${bearer}`)
      expect(dicom.requests[1]?.headers.host).toBe(new URL(dicom.url).host)
      expect(dicom.requests[1]?.at).toBeGreaterThanOrEqual(dicom.requests[0]?.at ?? Infinity)
    }
  )

  test('two pipelined requests travel over one TLS connection', async () => {
    const dicom = await emulator()
    const client = new Client(dicom.url, { pipelining: 2, connect: { ca: cert.cert } })
    try {
      const answers = await Promise.all([
        get(`${dicom.url}/v1/changefeed`, token(), client),
        get(`${dicom.url}/v2/changefeed/latest`, token(), client)
      ])
      expect(answers.map((answer) => answer.status)).toEqual([200, 200])
      expect(dicom.requests).toHaveLength(2)
      expect(dicom.connections).toBe(1)
    } finally {
      await client.close()
    }
  })

  test('a client that does not trust the certificate fails the handshake', async () => {
    const dicom = await emulator()
    const untrusting = new Agent()
    try {
      await expect(get(`${dicom.url}/v2/changefeed`, token(), untrusting)).rejects.toMatchObject({
        code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/)
      })
      expect(dicom.requests).toHaveLength(0)
    } finally {
      await untrusting.destroy()
    }
  })

  test('the url is https on 127.0.0.1 with no trailing slash, and close() can be called twice', async () => {
    const dicom = await emulator()
    expect(dicom.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect(dicom.otherOrigin.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    await dicom.close()
    await dicom.close()
  })

  test('unusedLoopbackPort gives a port that refuses connections', async () => {
    const port = await unusedLoopbackPort()
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        reject(new Error(`something is listening on ${port}`))
      })
      socket.once('error', resolve)
    })
    expect(error.code).toBe('ECONNREFUSED')
  })
})
