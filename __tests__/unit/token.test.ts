// What the action learns from a token without verifying it, and how it keeps the token out of text.
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import {
  EXPIRY_WARNING_MS,
  audienceMatches,
  decodeClaims,
  formatExpiry,
  tokenExpiryMs,
  tokenWarnings,
  type TokenClaims
} from '../../src/token.ts'
import { findLeaks } from '../../test-support/runner/leak-check.ts'
import { accessTokenClaims, makeJwt } from '../../test-support/azure/jwt.ts'
import { APP_ID, OBJECT_ID, TENANT_ID } from '../../test-support/azure/ids.ts'
import { removeSecret } from '../../src/print.ts'

// 2026-11-23T20:32:40Z
const EXPIRES_EPOCH = 1795465960
const NOW_SECONDS = EXPIRES_EPOCH - 3600

function dicomToken(overrides: Record<string, unknown> = {}): string {
  return makeJwt({
    ...accessTokenClaims(
      { audience: DEFAULT_RESOURCE, tenantId: TENANT_ID, objectId: OBJECT_ID, appId: APP_ID, lifetimeSeconds: 3600 },
      NOW_SECONDS
    ),
    ...overrides
  })
}

function base64url(value: string): string {
  return Buffer.from(value).toString('base64url')
}

describe('decodeClaims', () => {
  it('reads audience, tenant, object id, app id, issuer and expiry from an Entra ID access token', () => {
    expect(decodeClaims(dicomToken())).toEqual({
      audience: DEFAULT_RESOURCE,
      tenantId: TENANT_ID,
      objectId: OBJECT_ID,
      appId: APP_ID,
      issuer: `https://sts.windows.net/${TENANT_ID}/`,
      expiresAtMs: EXPIRES_EPOCH * 1000
    })
  })

  it('takes the app id from azp when a v2 token has no appid', () => {
    expect(decodeClaims(makeJwt({ azp: APP_ID })).appId).toBe(APP_ID)
  })

  it('lists every audience of a token with several', () => {
    expect(decodeClaims(makeJwt({ aud: [DEFAULT_RESOURCE, APP_ID] })).audience).toBe(`${DEFAULT_RESOURCE}, ${APP_ID}`)
  })

  it('leaves out claims that are missing, empty or of the wrong type', () => {
    expect(decodeClaims(makeJwt({ aud: 42, tid: '', oid: 7, exp: '1795465960' }))).toEqual({
      audience: undefined,
      tenantId: undefined,
      objectId: undefined,
      appId: undefined,
      issuer: undefined,
      expiresAtMs: undefined
    })
  })

  test.each([
    ['an opaque token', 'Zm9vYmFyYmF6cXV4LW9wYXF1ZS10b2tlbi0xMjM0NTY3ODkw'],
    ['an empty string', ''],
    ['two segments', `${base64url('{"alg":"RS256"}')}.${base64url('{"tid":"x"}')}`],
    ['four segments', `a.${base64url('{"tid":"x"}')}.c.d`],
    ['an empty payload', 'header..signature'],
    ['a payload that is not base64 JSON', `${base64url('{"alg":"RS256"}')}.!!not-json!!.signature`],
    ['a payload that is truncated JSON', `${base64url('{"alg":"RS256"}')}.${base64url('{"tid":"')}.signature`],
    ['a payload that is a JSON array', `${base64url('{"alg":"RS256"}')}.${base64url('["tid"]')}.signature`],
    ['a payload that is a JSON string', `${base64url('{"alg":"RS256"}')}.${base64url('"tid"')}.signature`],
    ['a payload that is JSON null', `${base64url('{"alg":"RS256"}')}.${base64url('null')}.signature`]
  ])('knows nothing about %s', (_, token) => {
    expect(decodeClaims(token)).toEqual({})
  })
})

describe('tokenExpiryMs', () => {
  const claims: TokenClaims = { expiresAtMs: (EXPIRES_EPOCH + 60) * 1000 }

  it("prefers az's expires_on over the token's exp", () => {
    expect(tokenExpiryMs(EXPIRES_EPOCH, claims)).toBe(EXPIRES_EPOCH * 1000)
  })

  test.each([
    ['missing', undefined],
    ['zero', 0],
    ['negative', -1],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY]
  ])('falls back to exp when expires_on is %s', (_, epoch) => {
    expect(tokenExpiryMs(epoch, claims)).toBe(claims.expiresAtMs)
  })

  it('is unknown when there is neither expires_on nor exp', () => {
    expect(tokenExpiryMs(undefined, {})).toBeUndefined()
  })
})

describe('formatExpiry', () => {
  test.each([
    [EXPIRES_EPOCH * 1000, '2026-11-23T20:32:40Z'],
    [EXPIRES_EPOCH * 1000 + 999, '2026-11-23T20:32:40Z'],
    [Date.UTC(2027, 0, 2, 3, 4, 5), '2027-01-02T03:04:05Z']
  ])('writes %i as %s: UTC, to the second, with Z', (ms, expected) => {
    expect(formatExpiry(ms)).toBe(expected)
  })
})

describe('audienceMatches', () => {
  test.each([
    [DEFAULT_RESOURCE, DEFAULT_RESOURCE, true],
    [`${DEFAULT_RESOURCE}/`, DEFAULT_RESOURCE, true],
    [DEFAULT_RESOURCE, `${DEFAULT_RESOURCE}/`, true],
    [DEFAULT_RESOURCE.toUpperCase(), DEFAULT_RESOURCE, true],
    [`https://management.azure.com/, ${DEFAULT_RESOURCE}`, DEFAULT_RESOURCE, true],
    [APP_ID.toUpperCase(), APP_ID, true],
    ['https://management.azure.com/', DEFAULT_RESOURCE, false],
    [`${DEFAULT_RESOURCE}/v2`, DEFAULT_RESOURCE, false],
    [APP_ID, DEFAULT_RESOURCE, false]
  ])('audience %s for resource %s matches: %s', (audience, resource, expected) => {
    expect(audienceMatches(audience, resource)).toBe(expected)
  })

  it('does not claim a mismatch when the audience is unknown', () => {
    expect(audienceMatches(undefined, DEFAULT_RESOURCE)).toBe(true)
  })
})

describe('tokenWarnings', () => {
  const nowMs = NOW_SECONDS * 1000
  const claims: TokenClaims = { audience: DEFAULT_RESOURCE, tenantId: TENANT_ID }

  it('has nothing to say about a token for the resource that lasts another hour', () => {
    expect(tokenWarnings(claims, DEFAULT_RESOURCE, nowMs + 3600_000, nowMs)).toEqual([])
  })

  it('warns about an audience that is not the resource, naming both', () => {
    const warnings = tokenWarnings(
      { ...claims, audience: 'https://management.azure.com/' },
      DEFAULT_RESOURCE,
      nowMs + 3600_000,
      nowMs
    )
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(`'https://management.azure.com/'`)
    expect(warnings[0]).toContain(`'${DEFAULT_RESOURCE}'`)
    expect(warnings[0]).toContain('401')
  })

  test.each([
    [EXPIRY_WARNING_MS - 1000, '9 minute(s)'],
    [60_000, '1 minute(s)'],
    [0, '0 minute(s)'],
    [-5 * 60_000, '0 minute(s)']
  ])('warns when the token expires %i ms from now, saying %s and when', (left, minutes) => {
    const warnings = tokenWarnings(claims, DEFAULT_RESOURCE, nowMs + left, nowMs)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(minutes)
    expect(warnings[0]).toContain(formatExpiry(nowMs + left))
  })

  it('does not warn when the token lasts exactly the warning window', () => {
    expect(tokenWarnings(claims, DEFAULT_RESOURCE, nowMs + EXPIRY_WARNING_MS, nowMs)).toEqual([])
  })

  it('warns that the expiry is unknown and expires-on is left empty', () => {
    const warnings = tokenWarnings(claims, DEFAULT_RESOURCE, undefined, nowMs)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/expiry is unknown/)
    expect(warnings[0]).toContain("'expires-on'")
  })

  it('gives every warning that applies', () => {
    expect(
      tokenWarnings({ audience: 'https://management.azure.com/' }, DEFAULT_RESOURCE, nowMs + 60_000, nowMs)
    ).toHaveLength(2)
  })

  it('never puts a line break in a warning', () => {
    const warnings = [
      ...tokenWarnings({ audience: 'https://management.azure.com/' }, DEFAULT_RESOURCE, nowMs + 60_000, nowMs),
      ...tokenWarnings({}, DEFAULT_RESOURCE, undefined, nowMs)
    ]
    for (const warning of warnings) expect(warning).not.toMatch(/[\r\n]/)
  })
})

describe('removeSecret (print.ts) on the tokens az issues', () => {
  const token = dicomToken()
  const [header = '', payload = '', signature = ''] = token.split('.')

  test.each([
    ['the whole token', `Authorization: Bearer ${token}`],
    ['the whole token twice', `${token} and again ${token}`],
    ['the header alone', `kid header was ${header}.`],
    ['the payload alone', `claims: ${payload}`],
    ['the signature alone', `sig=${signature}`],
    ['every segment, split apart', `${signature} ${header}\n${payload}`]
  ])('removes %s', (_, text) => {
    const redacted = removeSecret(text, token)
    expect(findLeaks(token, { redacted })).toEqual([])
    expect(redacted).toContain('***')
  })

  it('leaves the rest of the text as it was', () => {
    expect(removeSecret(`before ${token} after`, token)).toBe('before *** after')
  })

  it('leaves text alone when there is no token', () => {
    expect(removeSecret('nothing to hide', undefined)).toBe('nothing to hide')
    expect(removeSecret('nothing to hide', '')).toBe('nothing to hide')
  })

  it('removes an opaque token', () => {
    const opaque = 'Zm9vYmFyYmF6cXV4LW9wYXF1ZS10b2tlbi0xMjM0NTY3ODkw'
    expect(removeSecret(`token=${opaque};`, opaque)).toBe('token=***;')
  })
})
