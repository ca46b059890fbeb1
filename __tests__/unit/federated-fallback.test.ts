// When az fails with AADSTS700024, whether a fresh federated exchange can replace it, from what az says (pure).
import { ActionError } from '../../src/errors.ts'
import { fallbackPrecondition, planFallback, withoutFallback } from '../../src/sign-in/federated/fallback.ts'

const CLIENT_ID = 'a1b2c3d4-0000-4000-8000-0123456789ab'
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const OIDC_ENV = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://example/token', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request' }
const EXPIRED = new ActionError(
  'oidc-assertion-expired',
  'Entra ID refused the OIDC client assertion (AADSTS700024)',
  'fix'
)

function account(user: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ environmentName: 'AzureCloud', tenantId: TENANT, user, ...extra })
}
const SERVICE_PRINCIPAL = account({ name: CLIENT_ID, type: 'servicePrincipal' })
const CLOUD = JSON.stringify({
  name: 'AzureUSGovernment',
  endpoints: { activeDirectory: 'https://login.microsoftonline.us' }
})

describe('whether to look for a fallback at all', () => {
  it('only after AADSTS700024', () => {
    expect(fallbackPrecondition(new ActionError('az-not-logged-in', 'm', 'f'), OIDC_ENV)).toEqual({ possible: false })
  })

  it('only when the job can ask for an OIDC token', () => {
    expect(fallbackPrecondition(EXPIRED, OIDC_ENV)).toEqual({ possible: true })
  })

  it('without the id-token permission: says to grant it', () => {
    const decision = fallbackPrecondition(EXPIRED, {})
    expect(decision.possible).toBe(false)
    const reason = 'reason' in decision ? (decision.reason ?? '') : ''
    expect(reason).toContain('ACTIONS_ID_TOKEN_REQUEST_URL or ACTIONS_ID_TOKEN_REQUEST_TOKEN')
    expect(reason).toContain("grant the job 'permissions: id-token: write'")
  })
})

describe('planning the exchange', () => {
  it("is as az's service principal, in its tenant, at its cloud's Entra endpoint", () => {
    expect(planFallback(SERVICE_PRINCIPAL, CLOUD, OIDC_ENV)).toEqual({
      plan: {
        clientId: CLIENT_ID,
        tenant: TENANT,
        authority: { url: 'https://login.microsoftonline.us', source: 'az cloud show' }
      }
    })
  })

  it('prefers AZURE_AUTHORITY_HOST, and needs no az cloud then', () => {
    const decision = planFallback(SERVICE_PRINCIPAL, undefined, {
      ...OIDC_ENV,
      AZURE_AUTHORITY_HOST: 'http://127.0.0.1:8443'
    })
    expect(decision).toMatchObject({
      plan: { authority: { url: 'http://127.0.0.1:8443', source: 'AZURE_AUTHORITY_HOST' } }
    })
  })

  it('uses the global authority for AzureCloud when az cloud show said nothing readable', () => {
    expect(planFallback(SERVICE_PRINCIPAL, 'not json', OIDC_ENV)).toMatchObject({
      plan: { authority: { source: 'default' } }
    })
  })

  it("asks for AZURE_AUTHORITY_HOST when another cloud's endpoint is unknown", () => {
    const decision = planFallback(
      account({ name: CLIENT_ID, type: 'servicePrincipal' }, { environmentName: 'AzureChinaCloud' }),
      '',
      OIDC_ENV
    )
    expect(decision).toEqual({
      reason: expect.stringMatching(/^az cloud show gave no Entra endpoint .*set AZURE_AUTHORITY_HOST/)
    })
  })

  it.each([
    [
      'a system-assigned managed identity',
      account({ name: 'systemAssignedIdentity', type: 'servicePrincipal' }),
      /managed identity.*nothing to fall back to/
    ],
    [
      'a user-assigned managed identity',
      account({ name: 'userAssignedIdentity', type: 'servicePrincipal', assignedIdentityInfo: 'MSIClient-x' }),
      /managed identity/
    ],
    ['a user', account({ name: 'someone@contoso.com', type: 'user' }), /signed in as a user, not a service principal/],
    ['no account', '', /az account show gave no account/],
    [
      'a name that is no client ID',
      account({ name: 'http://legacy-name', type: 'servicePrincipal' }),
      /names no client ID/
    ],
    [
      'no tenant',
      account({ name: CLIENT_ID, type: 'servicePrincipal' }, { tenantId: '@/etc/passwd' }),
      /names no tenant/
    ]
  ])('has nothing to fall back to after signing in as %s', (_, json, why) => {
    expect(planFallback(json, CLOUD, OIDC_ENV)).toEqual({ reason: expect.stringMatching(why) })
  })

  it("refuses an http endpoint from az's cloud rather than send the token in clear", () => {
    const http = JSON.stringify({ endpoints: { activeDirectory: 'http://login.example.com' } })
    expect(() => planFallback(SERVICE_PRINCIPAL, http, OIDC_ENV)).toThrow(/endpoints.activeDirectory/)
  })
})

it("keeps az's error and its fix, and adds why there was no fallback", () => {
  const error = withoutFallback(EXPIRED, 'the reason')
  expect([error.kind, error.message, error.fix]).toEqual(['oidc-assertion-expired', EXPIRED.message, 'fix the reason'])
})
