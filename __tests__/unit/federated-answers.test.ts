// Entra's answers read: a success becomes the same IssuedToken az's answer becomes (expiry from expires_in, tenant
// from tid), an error becomes its AADSTS codes; what cannot be read is refused without being shown.
import { ActionError } from '../../src/errors.ts'
import { issueFederatedToken, readEntraError } from '../../src/sign-in/federated/answers.ts'
import { makeJwt } from '../../test-support/azure/jwt.ts'

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT_ID = 'a1b2c3d4-0000-4000-8000-0123456789ab'
const IDENTITY = { clientId: CLIENT_ID, tenant: TENANT }
const ANSWERED_AT = Date.UTC(2026, 0, 1, 12, 0, 0)

function success(fields: Record<string, unknown>): string {
  return JSON.stringify({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, ...fields })
}

function refusalOf(body: string): ActionError {
  try {
    issueFederatedToken(body, ANSWERED_AT, IDENTITY)
  } catch (error) {
    if (error instanceof ActionError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('a successful answer', () => {
  it('gives the token, its claims, an expiry expires_in after the answer, and the tenant from tid', () => {
    const other = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a'
    const token = makeJwt({ aud: 'https://dicom.healthcareapis.azure.com', tid: other, appid: 'app', exp: 1 })
    const issued = issueFederatedToken(success({ access_token: token }), ANSWERED_AT, IDENTITY)
    expect(issued).toEqual({
      value: token,
      claims: expect.objectContaining({ audience: 'https://dicom.healthcareapis.azure.com', tenantId: other }),
      expiresAtMs: ANSWERED_AT + 3599_000,
      tenantId: other,
      source: { kind: 'federated', clientId: CLIENT_ID }
    })
  })

  it("falls back to the token's exp and the tenant asked for when the answer and token do not say", () => {
    const exp = Math.floor(ANSWERED_AT / 1000) + 600
    const issued = issueFederatedToken(
      success({ access_token: makeJwt({ exp }), expires_in: 'soon' }),
      ANSWERED_AT,
      IDENTITY
    )
    expect(issued.expiresAtMs).toBe(exp * 1000)
    expect(issued.tenantId).toBe(TENANT)
  })

  it('takes an opaque token, with no claims and an expiry from expires_in as a string', () => {
    const issued = issueFederatedToken(
      success({ access_token: 'opaque-token', expires_in: '60' }),
      ANSWERED_AT,
      IDENTITY
    )
    expect(issued).toMatchObject({ value: 'opaque-token', claims: {}, expiresAtMs: ANSWERED_AT + 60_000 })
  })

  it.each([
    ['not JSON', 'eyJ0eXAi.secret-looking-body', /its 28 characters are not the expected JSON with an access_token/],
    ['no access_token', success({}), /not the expected JSON with an access_token/],
    ['a token with a space', success({ access_token: 'abc def' }), /access_token of 7 characters has whitespace/],
    ['a PoP token', success({ access_token: 'a.b.c', token_type: 'pop' }), /token_type is not Bearer/]
  ])('refuses %s without showing it', (_, body, what) => {
    const error = refusalOf(body)
    expect(error.kind).toBe('federated-answer')
    expect(error.message).toMatch(what)
    expect(error.message).toContain('not shown')
    expect(error.message).not.toContain('secret-looking-body')
  })
})

describe('an error answer', () => {
  it('gives the codes Entra lists, its error and description, and its trace ID', () => {
    const body = JSON.stringify({
      error: 'invalid_client',
      error_description: 'AADSTS700016: Application with identifier x was not found.',
      error_codes: [700016],
      trace_id: '0f0e0d0c-0000-4000-8000-000000000001',
      correlation_id: '0f0e0d0c-0000-4000-8000-000000000002'
    })
    expect(readEntraError(body)).toEqual({
      codes: ['700016'],
      error: 'invalid_client',
      description: 'AADSTS700016: Application with identifier x was not found.',
      traceId: '0f0e0d0c-0000-4000-8000-000000000001',
      correlationId: '0f0e0d0c-0000-4000-8000-000000000002'
    })
  })

  it('reads the codes from the description when error_codes is missing', () => {
    const body = JSON.stringify({
      error: 'invalid_request',
      error_description: 'AADSTS900023: bad. AADSTS900023 again'
    })
    expect(readEntraError(body)?.codes).toEqual(['900023'])
  })

  it.each(['<html>Sign in</html>', '{}', '[1]', ''])('is not an Entra error: %j', (body) => {
    expect(readEntraError(body)).toBeUndefined()
  })
})
