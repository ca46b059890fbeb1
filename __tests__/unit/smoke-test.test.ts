// The smoke test's decisions: what a response means, whether to retry it, and what a failure tells the user.
import { errors as undiciErrors } from 'undici'
import {
  CHANGEFEED_ENDPOINTS,
  entrySequence,
  readChangefeedAnswer,
  readChangefeedBody,
  type EndpointName
} from '../../src/smoke-test/read/changefeed.ts'
import { diagnoseExchange, type DiagnosisContext } from '../../src/smoke-test/diagnose.ts'
import { classifyExchange, isTlsError, transportErrorCode, type Exchange } from '../../src/smoke-test/exchange.ts'
import { proxyFor } from '../../src/smoke-test/proxy.ts'
import type { ActionError, FailureKind } from '../../src/errors.ts'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { RETRYABLE_STATUSES } from '../../src/retry.ts'
import { formatExpiry, issueToken } from '../../src/token.ts'
import { REDACTED } from '../../src/print.ts'
import { findLeaks } from '../../test-support/runner/leak-check.ts'
import { accessTokenClaims, makeJwt } from '../../test-support/azure/jwt.ts'
import { APP_ID, OBJECT_ID, OTHER_TENANT_ID, TENANT_ID } from '../../test-support/azure/ids.ts'

const BASE_URL = 'https://contoso-dicom.dicom.azurehealthcareapis.com/v2'
const HOST = 'contoso-dicom.dicom.azurehealthcareapis.com'
const NOW_MS = Date.UTC(2026, 10, 23, 20, 32, 40)

function endpointUrl(name: EndpointName): string {
  const endpoint = CHANGEFEED_ENDPOINTS.find((e) => e.name === name)
  if (!endpoint) throw new Error(`no endpoint ${name}`)
  return `${BASE_URL}${endpoint.path}`
}

function exchange(fields: Partial<Exchange> = {}, name: EndpointName = 'changefeed'): Exchange {
  return { method: 'GET', url: endpointUrl(name), latencyMs: 42, ...fields }
}

function tokenFor(audience = DEFAULT_RESOURCE, lifetimeSeconds = 3600): string {
  return makeJwt(
    accessTokenClaims(
      { audience, tenantId: TENANT_ID, objectId: OBJECT_ID, appId: APP_ID, lifetimeSeconds },
      NOW_MS / 1000
    )
  )
}

function context(token: string = tokenFor(), fields: Partial<DiagnosisContext> = {}): DiagnosisContext {
  return { issued: issueToken({ accessToken: token }), nowMs: NOW_MS, attempts: 1, elapsedMs: 180, ...fields }
}

/** An answer read once, then diagnosed if it failed, as the smoke test does; undefined when it passed. */
function diagnosis(name: EndpointName, seen: Exchange, ctx: DiagnosisContext): ActionError | undefined {
  const answer = readChangefeedAnswer(name, seen)
  if (answer.verdict === 'ok') return undefined
  return diagnoseExchange(seen, ctx, answer.problem)
}

/** The failure reported; a test that expects one fails plainly when there is none. */
function diagnosed(name: EndpointName, seen: Exchange, ctx: DiagnosisContext): ActionError {
  const error = diagnosis(name, seen, ctx)
  if (!error) throw new Error(`expected a failure for ${JSON.stringify(seen)}`)
  return error
}

const JSON_TYPE = 'application/json; charset=utf-8'

describe('isTlsError', () => {
  test.each([
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'EPROTO'
  ])('counts %s as a TLS error', (code) => {
    expect(isTlsError(code)).toBe(true)
  })

  test.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'ETIMEDOUT',
    'TimeoutError',
    'UND_ERR_SOCKET',
    'UNKNOWN',
    undefined
  ])('does not count %s as a TLS error', (code) => {
    expect(isTlsError(code)).toBe(false)
  })
})

describe('transportErrorCode', () => {
  it('takes the code of a Node network error', () => {
    expect(
      transportErrorCode(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }))
    ).toBe('ECONNREFUSED')
  })

  it('takes the code of an undici error', () => {
    expect(transportErrorCode(new undiciErrors.ConnectTimeoutError())).toBe('UND_ERR_CONNECT_TIMEOUT')
    expect(transportErrorCode(new undiciErrors.HeadersTimeoutError())).toBe('UND_ERR_HEADERS_TIMEOUT')
  })

  it('calls an AbortSignal.timeout abort a TimeoutError', () => {
    expect(transportErrorCode(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe(
      'TimeoutError'
    )
  })

  it("calls undici's aborted request a TimeoutError rather than UND_ERR_ABORTED", () => {
    expect(transportErrorCode(new undiciErrors.RequestAbortedError())).toBe('TimeoutError')
  })

  it('finds the code in a nested cause', () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND contoso-dicom.dicom.azurehealthcareapis.com'), {
      code: 'ENOTFOUND'
    })
    expect(transportErrorCode(new TypeError('fetch failed', { cause: new Error('outer', { cause }) }))).toBe(
      'ENOTFOUND'
    )
  })

  it('finds a TLS code in a nested cause', () => {
    const cause = Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' })
    expect(transportErrorCode(new TypeError('fetch failed', { cause }))).toBe('CERT_HAS_EXPIRED')
  })

  it("keeps only the error's name, never its message", () => {
    const token = tokenFor()
    const code = transportErrorCode(new RangeError(`bad header: authorization: Bearer ${token}`))
    expect(code).toBe('RangeError')
  })

  test.each([
    ['a string', 'boom'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42]
  ])('says UNKNOWN for %s', (_, thrown) => {
    expect(transportErrorCode(thrown)).toBe('UNKNOWN')
  })

  it('does not loop on an error that is its own cause', () => {
    const error = new Error('loop') as Error & { cause?: unknown }
    error.cause = error
    expect(transportErrorCode(error)).toBe('Error')
  })
})

describe('entrySequence', () => {
  test.each([
    ['camelCase sequence', { sequence: 5, action: 'create' }, 5],
    ['PascalCase Sequence', { Sequence: 7, Action: 'Create' }, 7],
    ['sequence 0', { sequence: 0 }, 0],
    ['a sequence as a string', { sequence: '5' }, undefined],
    ['a negative sequence', { sequence: -1 }, undefined],
    ['a fractional sequence', { sequence: 1.5 }, undefined],
    ['no sequence', { action: 'create' }, undefined],
    ['null', null, undefined],
    ['an array', [{ sequence: 1 }], undefined],
    ['a number', 3, undefined]
  ])('reads %s as %s', (_, entry, expected) => {
    expect(entrySequence(entry)).toBe(expected)
  })
})

describe('readChangefeedBody', () => {
  const entry = (sequence: number): Record<string, unknown> => ({
    sequence,
    studyInstanceUid: '1.2.3',
    seriesInstanceUid: '1.2.3.4',
    sopInstanceUid: '1.2.3.4.5',
    action: 'Create',
    timestamp: '2026-11-23T20:32:40.1234567+00:00',
    state: 'Current'
  })

  test.each<[string, EndpointName, Partial<Exchange>, { sequence: number } | { problem: string }]>([
    [
      'a change feed with one entry',
      'changefeed',
      { status: 200, contentType: JSON_TYPE, body: JSON.stringify([entry(12)]) },
      { sequence: 12 }
    ],
    [
      'a change feed with entries',
      'changefeed',
      { status: 200, contentType: JSON_TYPE, body: JSON.stringify([entry(3), entry(9), entry(4)]) },
      { sequence: 9 }
    ],
    ['an empty change feed', 'changefeed', { status: 200, contentType: JSON_TYPE, body: '[]' }, { sequence: 0 }],
    [
      'PascalCase entries',
      'changefeed',
      { status: 200, contentType: 'application/json', body: '[{"Sequence": 8}]' },
      { sequence: 8 }
    ],
    ['latest answering 204', 'latest', { status: 204, body: '' }, { sequence: 0 }],
    ['latest answering 200 with no body', 'latest', { status: 200, contentType: JSON_TYPE, body: '' }, { sequence: 0 }],
    ['latest answering 200 with no body or content type', 'latest', { status: 200 }, { sequence: 0 }],
    ['latest answering null', 'latest', { status: 200, contentType: JSON_TYPE, body: 'null' }, { sequence: 0 }],
    [
      'the latest entry',
      'latest',
      { status: 200, contentType: JSON_TYPE, body: JSON.stringify(entry(42)) },
      { sequence: 42 }
    ],
    [
      'the latest entry in PascalCase',
      'latest',
      { status: 200, contentType: JSON_TYPE, body: '{"Sequence": 43, "Action": "Create"}' },
      { sequence: 43 }
    ],
    [
      'a +json content type',
      'latest',
      { status: 200, contentType: 'application/dicom+json', body: '{"sequence": 1}' },
      { sequence: 1 }
    ],
    [
      'a body that is not JSON',
      'changefeed',
      { status: 200, contentType: JSON_TYPE, body: '<html>Sign in</html>' },
      { problem: 'not-json' }
    ],
    [
      'an HTML page',
      'changefeed',
      { status: 200, contentType: 'text/html', body: '<html>Sign in</html>' },
      { problem: 'not-json' }
    ],
    [
      'JSON sent as text/plain',
      'changefeed',
      { status: 200, contentType: 'text/plain', body: '[]' },
      { problem: 'not-json' }
    ],
    ['JSON with no content type', 'changefeed', { status: 200, body: '[]' }, { problem: 'not-json' }],
    [
      'latest as an HTML page',
      'latest',
      { status: 200, contentType: 'text/html', body: '<html>Sign in</html>' },
      { problem: 'not-json' }
    ]
  ])('reads %s', (_, name, fields, expected) => {
    expect(readChangefeedBody(name, exchange(fields, name))).toEqual(expected)
  })

  test.each<[string, EndpointName, string]>([
    ['change feed entries without a sequence', 'changefeed', '[{"action": "Create"}]'],
    ['a change feed mixing good and bad entries', 'changefeed', '[{"sequence": 1}, {"sequence": "2"}]'],
    ['a change feed that is an object', 'changefeed', '{"sequence": 1}'],
    ['a latest entry without a sequence', 'latest', '{"action": "Create"}'],
    ['a latest entry that is an array', 'latest', '[{"sequence": 1}]']
  ])('says what is wrong with %s', (_, name, body) => {
    const read = readChangefeedBody(name, exchange({ status: 200, contentType: JSON_TYPE, body }, name))
    expect('problem' in read ? read.problem : `read sequence ${read.sequence}`).toMatch(
      /^(a|an|every) .*(numeric sequence|JSON array)/
    )
  })
})

describe('classifyExchange', () => {
  test.each([200, 204])('is ok with HTTP %i', (status) => {
    expect(classifyExchange(exchange({ status }))).toBe('ok')
  })

  test.each([...RETRYABLE_STATUSES, 501, 599])('tries HTTP %i again', (status) => {
    expect(classifyExchange(exchange({ status }))).toBe('transient')
  })

  test.each([400, 401, 403, 404, 405, 406, 409, 415, 301, 302, 307, 308, 201, 0])(
    'does not retry HTTP %i',
    (status) => {
      expect(classifyExchange(exchange({ status }))).toBe('fatal')
    }
  )

  test.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'TimeoutError',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_SOCKET'
  ])('tries the transport error %s again', (errorCode) => {
    expect(classifyExchange(exchange({ errorCode }))).toBe('transient')
  })

  test.each([
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
  ])('does not retry the TLS error %s', (errorCode) => {
    expect(classifyExchange(exchange({ errorCode }))).toBe('fatal')
  })
})

describe('diagnoseExchange', () => {
  test.each<[string, EndpointName, Partial<Exchange>, FailureKind | undefined]>([
    ['a change feed', 'changefeed', { status: 200, contentType: JSON_TYPE, body: '[{"sequence": 1}]' }, undefined],
    ['an empty latest', 'latest', { status: 204 }, undefined],
    ['a TLS error', 'changefeed', { errorCode: 'CERT_HAS_EXPIRED' }, 'smoke-tls'],
    ['a timeout', 'changefeed', { errorCode: 'TimeoutError' }, 'smoke-timeout'],
    ['a headers timeout', 'changefeed', { errorCode: 'UND_ERR_HEADERS_TIMEOUT' }, 'smoke-timeout'],
    ['a refused connection', 'changefeed', { errorCode: 'ECONNREFUSED' }, 'smoke-network'],
    ['an unknown host', 'changefeed', { errorCode: 'ENOTFOUND' }, 'smoke-network'],
    ['401', 'changefeed', { status: 401 }, 'smoke-unauthorized'],
    ['403', 'changefeed', { status: 403 }, 'smoke-forbidden'],
    ['404', 'changefeed', { status: 404 }, 'smoke-not-found'],
    ['302', 'changefeed', { status: 302, location: 'https://login.contoso.com/' }, 'smoke-redirect'],
    ['503', 'changefeed', { status: 503 }, 'smoke-unavailable'],
    ['429', 'latest', { status: 429 }, 'smoke-unavailable'],
    ['400', 'changefeed', { status: 400, body: '{"error":"bad"}' }, 'smoke-response'],
    ['an HTML page', 'changefeed', { status: 200, contentType: 'text/html', body: '<html></html>' }, 'smoke-response'],
    [
      'a body that is not a change feed',
      'latest',
      { status: 200, contentType: JSON_TYPE, body: '{"a": 1}' },
      'smoke-response'
    ]
  ])('reports %s as %s', (_, name, fields, kind) => {
    expect(diagnosis(name, exchange(fields, name), context())?.kind).toBe(kind)
  })

  describe('401', () => {
    it("names both audiences when the token's is not the DICOM service's", () => {
      const token = tokenFor('https://management.azure.com/')
      const error = diagnosed('changefeed', exchange({ status: 401 }), context(token))
      expect(error.kind).toBe('smoke-unauthorized')
      expect(error.message).toContain("'https://management.azure.com/'")
      expect(error.message).toContain(`'${DEFAULT_RESOURCE}'`)
      expect(error.message).toContain(endpointUrl('changefeed'))
      expect(error.fix).toContain(DEFAULT_RESOURCE)
    })

    it('says when the token expired', () => {
      const token = tokenFor(DEFAULT_RESOURCE, -60)
      const ctx = context(token)
      const error = diagnosed('changefeed', exchange({ status: 401 }), ctx)
      expect(error.kind).toBe('smoke-unauthorized')
      expect(error.message).toContain(`expired at ${formatExpiry(ctx.issued.expiresAtMs ?? Number.NaN)}`)
    })

    it('names both tenants when the service belongs to another tenant than the token', () => {
      const wwwAuthenticate =
        `Bearer authorization_uri="https://login.microsoftonline.com/${OTHER_TENANT_ID}", error="invalid_token", ` +
        `error_description="The access token is from the wrong issuer."`
      const error = diagnosed('changefeed', exchange({ status: 401, wwwAuthenticate }), context())
      expect(error.kind).toBe('smoke-unauthorized')
      expect(error.message).toContain(OTHER_TENANT_ID)
      expect(error.message).toContain(TENANT_ID)
      expect(error.message).toContain('The access token is from the wrong issuer.')
      expect(error.fix).toContain(OTHER_TENANT_ID)
    })

    test.each(['common', 'organizations', TENANT_ID, TENANT_ID.toUpperCase()])(
      'does not claim a tenant mismatch when the service names %s',
      (tenant) => {
        const wwwAuthenticate =
          `Bearer ` + `authorization_uri="https://login.microsoftonline.com/${tenant}", ` + `error="invalid_token"`
        const error = diagnosed('changefeed', exchange({ status: 401, wwwAuthenticate }), context())
        expect(error.kind).toBe('smoke-unauthorized')
        expect(error.message).not.toMatch(/belongs to tenant/)
        expect(error.message).toContain(`tenant '${TENANT_ID}'`)
      }
    )

    it("never shows the token when the service's error description echoes it", () => {
      const token = tokenFor()
      const wwwAuthenticate = `Bearer error="invalid_token", error_description="Token ${token} rejected"`
      const error = diagnosed('changefeed', exchange({ status: 401, wwwAuthenticate }), context(token))
      expect(findLeaks(token, { message: error.message, fix: error.fix })).toEqual([])
    })
  })

  it("names the principal's object id and app id on 403, and the DICOM Data Reader role", () => {
    const error = diagnosed('changefeed', exchange({ status: 403 }), context())
    expect(error.kind).toBe('smoke-forbidden')
    expect(error.message).toContain(OBJECT_ID)
    expect(error.message).toContain(APP_ID)
    expect(error.message).toContain(endpointUrl('changefeed'))
    expect(error.fix).toContain('DICOM Data Reader')
  })

  it('names the signed-in identity on 403 when the token has no object id', () => {
    const error = diagnosed('changefeed', exchange({ status: 403 }), context('opaque-token-value'))
    expect(error.message).toMatch(/^The DICOM service refused the signed-in identity with 403 at /)
  })

  it('shows the URL it tried on 404', () => {
    const error = diagnosed('latest', exchange({ status: 404 }, 'latest'), context())
    expect(error.kind).toBe('smoke-not-found')
    expect(error.message).toContain(endpointUrl('latest'))
  })

  test.each([
    [
      301,
      'https://login.microsoftonline.com/common/oauth2/authorize?client_id=abc',
      'https://login.microsoftonline.com'
    ],
    [302, 'https://login.contoso.com:8443/sso', 'https://login.contoso.com:8443'],
    [307, '/v1/changefeed', `https://${HOST}`],
    [308, undefined, 'an unknown location']
  ])('says a %i redirect to %s went to %s and was not followed', (status, location, target) => {
    const error = diagnosed('changefeed', exchange({ status, location }), context())
    expect(error.kind).toBe('smoke-redirect')
    expect(error.message).toContain(String(status))
    expect(error.message).toContain(`redirect to ${target}`)
    expect(error.message).toMatch(/not followed/)
  })

  it('shows the content type and the start of an HTML page answering 200', () => {
    const body =
      `<!DOCTYPE html>\n<html>\n  <head><title>Sign in to your account</title></head>\n  ` +
      `<body>${'lorem ipsum '.repeat(50)}</body>\n</html>`
    const error = diagnosed(
      'changefeed',
      exchange({ status: 200, contentType: 'text/html; charset=utf-8', body }),
      context()
    )
    expect(error.kind).toBe('smoke-response')
    expect(error.message).toContain("'text/html; charset=utf-8'")
    expect(error.message).toContain('<!DOCTYPE html> <html> <head><title>Sign in to your account</title></head>')
    expect(error.message).not.toMatch(/[\r\n]/)
    expect(error.message).toContain('…')
    expect(error.message.length).toBeLessThan(400)
  })

  test.each([
    ['the whole token', (token: string) => `<html><body>Bearer ${token}</body></html>`],
    ['each segment on its own', (token: string) => token.split('.').join(' -- ')],
    ['the payload in a JSON body', (token: string) => `{"echo": "${token.split('.')[1]}"}`]
  ])('never shows the token in a body preview that echoes %s', (_, echo) => {
    const token = tokenFor()
    for (const fields of [
      { status: 200, contentType: 'text/html', body: echo(token) },
      { status: 200, contentType: JSON_TYPE, body: echo(token) },
      { status: 403, body: echo(token) },
      { status: 400, body: echo(token) }
    ]) {
      // The body is quoted (so the check below reads real text), with the token taken out where it stood.
      const error = diagnosed('changefeed', exchange(fields), context(token))
      expect(error.message).toContain(REDACTED)
      expect(findLeaks(token, { message: error.message, fix: error.fix })).toEqual([])
    }
  })

  it('says the body is not a change feed and why', () => {
    const error = diagnosed(
      'changefeed',
      exchange({ status: 200, contentType: JSON_TYPE, body: '{"value": []}' }),
      context()
    )
    expect(error.kind).toBe('smoke-response')
    expect(error.message).toContain('not a change feed')
    expect(error.message).toContain('a JSON array of change feed entries was expected')
  })

  it('mentions the Retry-After wait that did not fit before the deadline on 503', () => {
    const error = diagnosed(
      'changefeed',
      exchange({ status: 503, retryAfter: '120' }),
      context(undefined, {
        attempts: 3,
        elapsedMs: 4200,
        gaveUp: { reason: 'retry-after-past-deadline', retryAfterMs: 120_000 }
      })
    )
    expect(error.kind).toBe('smoke-unavailable')
    expect(error.message).toContain('503')
    expect(error.message).toContain('after 3 attempt(s) in 4.2 s')
    expect(error.message).toMatch(/retry after 120 s, past the deadline/i)
  })

  it('does not mention Retry-After when retrying stopped at the deadline', () => {
    const error = diagnosed(
      'changefeed',
      exchange({ status: 503 }),
      context(undefined, { attempts: 6, elapsedMs: 59_500, gaveUp: { reason: 'deadline' } })
    )
    expect(error.message).toContain('after 6 attempt(s) in 59.5 s')
    expect(error.message).not.toMatch(/retry after/i)
  })

  it('names the host and the TLS code', () => {
    const error = diagnosed('changefeed', exchange({ errorCode: 'ERR_TLS_CERT_ALTNAME_INVALID' }), context())
    expect(error.message).toContain(HOST)
    expect(error.message).toContain('ERR_TLS_CERT_ALTNAME_INVALID')
  })

  it('names the URL, the code and the attempts on a timeout', () => {
    const error = diagnosed(
      'latest',
      exchange({ errorCode: 'TimeoutError' }, 'latest'),
      context(undefined, { attempts: 4, elapsedMs: 60_000 })
    )
    expect(error.message).toContain(endpointUrl('latest'))
    expect(error.message).toContain('TimeoutError')
    expect(error.message).toContain('after 4 attempt(s) in 60.0 s')
  })

  it('names the host, the code and the attempts when it cannot connect', () => {
    const error = diagnosed(
      'changefeed',
      exchange({ errorCode: 'ECONNREFUSED' }),
      context(undefined, { attempts: 5, elapsedMs: 12_345 })
    )
    expect(error.message).toContain(HOST)
    expect(error.message).toContain('ECONNREFUSED')
    expect(error.message).toContain('after 5 attempt(s) in 12.3 s')
  })

  test.each<[string, Partial<Exchange>]>([
    ['401', { status: 401, wwwAuthenticate: 'Bearer error="invalid_token", error_description="line one\nline two"' }],
    ['403', { status: 403, body: '{\n  "error": "forbidden"\n}' }],
    ['400', { status: 400, body: 'bad\r\nrequest' }],
    ['an HTML page', { status: 200, contentType: 'text/html', body: '<html>\n<body>\n</body>\n</html>' }]
  ])('keeps the message for %s on one line', (_, fields) => {
    const error = diagnosed('changefeed', exchange(fields), context())
    expect(error.message).not.toMatch(/[\r\n]/)
  })
})

describe('proxyFor', () => {
  const service = new URL('https://contoso-dicom.dicom.azurehealthcareapis.com/v2')
  const uri = (env: Record<string, string>): string | undefined => proxyFor(service, env)?.uri

  it(
    'sends https through HTTPS_PROXY, preferring the ' +
      'lower-case https_proxy as undici does, and names the ' +
      'variable',
    () => {
      expect(proxyFor(service, { HTTPS_PROXY: 'http://upper:3128' })).toEqual({
        variable: 'HTTPS_PROXY',
        uri: 'http://upper:3128'
      })
      expect(proxyFor(service, { HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128' })).toEqual({
        variable: 'https_proxy',
        uri: 'http://lower:3128'
      })
    }
  )

  it('reads a proxy without a scheme as http://, as curl and the Azure CLI do', () => {
    expect(uri({ HTTPS_PROXY: 'proxy.example.internal:3128' })).toBe('http://proxy.example.internal:3128')
  })

  it('never sends plain http through a proxy, which would read the token', () => {
    expect(
      proxyFor(new URL('http://127.0.0.1:8080/v2'), {
        HTTP_PROXY: 'http://proxy:3128',
        HTTPS_PROXY: 'http://proxy:3128'
      })
    ).toBeUndefined()
  })

  it('does not use HTTP_PROXY for https', () => {
    expect(uri({ HTTP_PROXY: 'http://proxy:3128' })).toBeUndefined()
  })

  it.each([
    ['*', true],
    ['contoso-dicom.dicom.azurehealthcareapis.com', true],
    ['azurehealthcareapis.com', true],
    ['.azurehealthcareapis.com', true],
    ['*.azurehealthcareapis.com', true],
    ['localhost, azurehealthcareapis.com:443', true],
    ['azurehealthcareapis.com:8443', false],
    ['healthcareapis.com.evil', false],
    ['thcareapis.com', false],
    ['', false]
  ])('NO_PROXY=%j bypasses the proxy for the DICOM host: %s', (noProxy, bypassed) => {
    expect(uri({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: noProxy })).toBe(
      bypassed ? undefined : 'http://proxy:3128'
    )
  })

  it('matches loopback hosts and IPv6 literals in NO_PROXY', () => {
    expect(
      proxyFor(new URL('https://127.0.0.1:8443/v2'), { https_proxy: 'http://proxy:3128', no_proxy: '127.0.0.1' })
    ).toBeUndefined()
    expect(
      proxyFor(new URL('https://[::1]:8443/v2'), { https_proxy: 'http://proxy:3128', no_proxy: '::1' })
    ).toBeUndefined()
  })
})

describe('answers no retry can read', () => {
  test.each(['HPE_INVALID_CONSTANT', 'HPE_UNEXPECTED_CONTENT_LENGTH', 'UND_ERR_RES_EXCEEDED_MAX_SIZE', 'PROXY_407'])(
    '%s is fatal',
    (errorCode) => {
      expect(classifyExchange(exchange({ errorCode }))).toBe('fatal')
    }
  )

  it('says a body over the limit is too large, and a parser error is not HTTP', () => {
    expect(
      diagnosed('changefeed', exchange({ errorCode: 'UND_ERR_RES_EXCEEDED_MAX_SIZE' }), context()).message
    ).toMatch(/could not be read \(UND_ERR_RES_EXCEEDED_MAX_SIZE\): it is larger than the 1 MiB the action reads\./)
    expect(diagnosed('changefeed', exchange({ errorCode: 'HPE_INVALID_STATUS' }), context()).message).toMatch(
      /could not be read \(HPE_INVALID_STATUS\): it is not valid HTTP\/1\.1\./
    )
  })

  it('reads a proxy that refuses the tunnel as PROXY_<status>', () => {
    const refusal = Object.assign(new Error('Proxy response (407) !== 200 when HTTP Tunneling'), {
      code: 'UND_ERR_ABORTED',
      name: 'AbortError'
    })
    expect(transportErrorCode(refusal)).toBe('PROXY_407')
  })

  it('names the proxy variable, never its value, for a 407 and for a proxy it cannot reach', () => {
    const via = context(undefined, { proxyVariable: 'HTTPS_PROXY' })
    const auth = diagnosed('changefeed', exchange({ errorCode: 'PROXY_407' }), via)
    expect(auth.kind).toBe('smoke-proxy')
    expect(auth.message).toBe(
      `The proxy in HTTPS_PROXY answered 407 to the tunnel to ${HOST}: it wants authentication.`
    )
    const refused = diagnosed('changefeed', exchange({ errorCode: 'ECONNREFUSED' }), via)
    expect(refused.kind).toBe('smoke-proxy')
    expect(refused.message).toMatch(
      /^Could not reach the DICOM service through the proxy in HTTPS_PROXY \(ECONNREFUSED/
    )
  })
})

describe('what the real service answers', () => {
  it('424: the storage account or key, not retried', () => {
    const seen = exchange({ status: 424, body: 'The customer-managed key is not accessible.' })
    expect(classifyExchange(seen)).toBe('fatal')
    const error = diagnosed('changefeed', seen, context())
    expect(error.kind).toBe('smoke-dependency')
    expect(error.message).toMatch(/424 Failed Dependency .*storage account or its customer-managed key/)
  })

  it('400 UnsupportedApiVersion: says to change api-version', () => {
    const seen = exchange({ status: 400, body: 'UnsupportedApiVersion: The specified api version is not supported.' })
    const error = diagnosed('changefeed', seen, context())
    expect(error.message).toMatch(/does not support this API version/)
    expect(error.fix).toMatch(/api-version/)
  })

  it('a v1 change feed page of [] is a pass: sequence numbers skip', () => {
    expect(readChangefeedAnswer('changefeed', exchange({ status: 200, contentType: JSON_TYPE, body: '[]' }))).toEqual({
      verdict: 'ok',
      value: 0
    })
  })
})
