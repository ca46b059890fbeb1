// The job's OIDC token: whether it may ask for one, asking within the deadline, and what it presents to Entra.
import { ActionError } from '../../src/errors.ts'
import {
  missingIdTokenVariables,
  noIdTokenPermission,
  presentedIdentity,
  requestOidcToken
} from '../../src/sign-in/federated/oidc.ts'
import { makeJwt } from '../../test-support/azure/jwt.ts'

async function failureOf(promise: Promise<unknown>): Promise<ActionError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ActionError) return error
    throw error
  }
  throw new Error('expected a failure')
}

describe('the id-token permission', () => {
  it('is there when the runner set both request variables', () => {
    expect(missingIdTokenVariables({ ACTIONS_ID_TOKEN_REQUEST_URL: 'u', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' })).toEqual(
      []
    )
    expect(missingIdTokenVariables({ ACTIONS_ID_TOKEN_REQUEST_URL: 'u' })).toEqual(['ACTIONS_ID_TOKEN_REQUEST_TOKEN'])
  })

  it('is missing: says which variables and to grant id-token: write', () => {
    const error = noIdTokenPermission(
      ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'],
      'a1b2c3d4-0000-4000-8000-0123456789ab'
    )
    expect(error.kind).toBe('no-id-token-permission')
    expect(error.message).toContain('did not set ACTIONS_ID_TOKEN_REQUEST_URL or ACTIONS_ID_TOKEN_REQUEST_TOKEN')
    expect(error.fix).toContain("'permissions: id-token: write'")
  })
})

describe('what the OIDC token presents', () => {
  it('is its subject, issuer and audience', () => {
    const token = makeJwt({
      sub: 'repo:contoso/imaging:environment:production',
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'api://AzureADTokenExchange'
    })
    expect(presentedIdentity(token)).toEqual({
      subject: 'repo:contoso/imaging:environment:production',
      issuer: 'https://token.actions.githubusercontent.com',
      audience: 'api://AzureADTokenExchange'
    })
  })

  it('is nothing for a token that is not a JWT, and keeps control characters out of a claim', () => {
    expect(presentedIdentity('opaque')).toEqual({})
    expect(presentedIdentity(makeJwt({ sub: 'repo:a/b\n::error::x' })).subject).toBe('repo:a/b ::error::x')
  })
})

describe('asking for the OIDC token', () => {
  it('asks for the audience and returns the token', async () => {
    const asked: string[] = []
    const token = await requestOidcToken(
      (audience) => {
        asked.push(audience)
        return Promise.resolve('a.b.c')
      },
      'api://AzureADTokenExchange',
      1000
    )
    expect(token).toBe('a.b.c')
    expect(asked).toEqual(['api://AzureADTokenExchange'])
  })

  it('gives up at the deadline: getIDToken has no timeout of its own', async () => {
    const error = await failureOf(requestOidcToken(() => new Promise(() => undefined), 'aud', 50))
    expect(error.kind).toBe('oidc-token-failed')
    expect(error.message).toBe('GitHub did not give the job an OIDC token: it did not answer within 1 s.')
  })

  it("quotes getIDToken's failure, without what looks like a secret", async () => {
    const secretLike = 'A'.repeat(20) + 'b'.repeat(30)
    const error = await failureOf(
      requestOidcToken(
        () => Promise.reject(new Error(`Failed to get ID Token. Error Code : 403 ${secretLike}`)),
        'a',
        1000
      )
    )
    expect(error.message).toBe(
      'GitHub did not give the job an OIDC token: asking for one failed (Failed to get ID Token. Error Code : 403 ***).'
    )
  })

  it('refuses an answer that is not a token, without showing it', async () => {
    const error = await failureOf(requestOidcToken(() => Promise.resolve('two words'), 'a', 1000))
    expect(error.message).toContain('its answer of 9 characters is not a token (not shown)')
  })
})
