// Each way the federated exchange fails, as the one line a person reads: what happened, the likely cause, the fix.
import { diagnoseTokenExchange, federatedCredentialCommands } from '../../src/sign-in/federated/diagnose.ts'
import type { ExchangeContext } from '../../src/sign-in/federated/diagnose.ts'
import type { EntraAnswer, TokenExchange } from '../../src/sign-in/federated/exchange.ts'

const CLIENT_ID = 'a1b2c3d4-0000-4000-8000-0123456789ab'
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const SUBJECT = 'repo:Contoso/imaging:environment:production'
const ISSUER = 'https://token.actions.githubusercontent.com'
const AUDIENCE = 'api://AzureADTokenExchange'

const context: ExchangeContext = {
  identity: {
    clientId: CLIENT_ID,
    tenant: TENANT,
    authority: { url: 'https://login.microsoftonline.com', source: 'default' }
  },
  presented: { subject: SUBJECT, issuer: ISSUER, audience: AUDIENCE },
  resource: 'https://dicom.healthcareapis.azure.com',
  audience: AUDIENCE,
  timeoutMs: 30_000
}

function entra(status: number, code: number, description: string): TokenExchange {
  const body = JSON.stringify({
    error: 'invalid_client',
    error_description: `AADSTS${code}: ${description}`,
    error_codes: [code],
    trace_id: '0f0e0d0c-0000-4000-8000-000000000001'
  })
  return { answer: { status, body, latencyMs: 5 }, attempts: 1 }
}

function saw(answer: Omit<EntraAnswer, 'latencyMs'>, attempts = 1, gaveUp?: TokenExchange['gaveUp']): TokenExchange {
  return { answer: { ...answer, latencyMs: 5 }, attempts, gaveUp }
}

describe('no federated credential matches (AADSTS700213, 70021)', () => {
  it.each([700213, 70021])('names what the token presented and the commands that add the credential (%i)', (code) => {
    const error = diagnoseTokenExchange(entra(400, code, 'No matching federated identity record found.'), context)
    expect(error.kind).toBe('federated-no-credential')
    expect(error.message).toBe(
      `Entra ID found no federated credential of client ${CLIENT_ID} that matches the job's OIDC token ` +
        `(AADSTS${code}): the token presented subject '${SUBJECT}', issuer '${ISSUER}' and audience '${AUDIENCE}' ` +
        `— Entra said: AADSTS${code}: No matching federated identity record found (trace ID ` +
        `0f0e0d0c-0000-4000-8000-000000000001).`
    )
    expect(error.fix).toContain('subjects are compared case-sensitively')
    expect(error.fix).toContain(`az ad app federated-credential create --id '${CLIENT_ID}' --parameters '{`)
    expect(error.fix).toContain('az identity federated-credential create --name ')
  })

  it('gives commands that add exactly the credential the token would match', () => {
    const [forApp = '', forIdentity = ''] = federatedCredentialCommands(CLIENT_ID, {
      subject: SUBJECT,
      issuer: ISSUER,
      audience: AUDIENCE
    })
    const parameters = /--parameters '(.*)'$/.exec(forApp)?.[1] ?? ''
    expect(JSON.parse(parameters)).toEqual({
      name: 'repo-Contoso-imaging-environment-production',
      issuer: ISSUER,
      subject: SUBJECT,
      audiences: [AUDIENCE]
    })
    expect(forIdentity).toBe(
      "az identity federated-credential create --name 'repo-Contoso-imaging-environment-production' " +
        `--identity-name <identity-name> --resource-group <resource-group> --issuer '${ISSUER}' ` +
        `--subject '${SUBJECT}' --audiences '${AUDIENCE}'`
    )
  })

  it('quotes a subject with a quote in it so that the shell reads it back unchanged', () => {
    const [, forIdentity = ''] = federatedCredentialCommands(CLIENT_ID, {
      subject: "repo:o/r:ref:it's",
      issuer: ISSUER,
      audience: AUDIENCE
    })
    expect(forIdentity).toContain(`--subject 'repo:o/r:ref:it'\\''s'`)
  })
})

describe('other answers from Entra', () => {
  it('700016: the client ID is not in the tenant', () => {
    const error = diagnoseTokenExchange(entra(400, 700016, 'Application with identifier x was not found.'), context)
    expect(error.kind).toBe('federated-client-not-found')
    expect(error.message).toMatch(
      new RegExp(`^Entra ID has no application with client ID ${CLIENT_ID} in tenant ${TENANT} \\(AADSTS700016\\)`)
    )
    expect(error.fix).toContain("Check 'client-id'")
  })

  it('900023: the tenant is not found', () => {
    const error = diagnoseTokenExchange(
      entra(400, 900023, "Specified tenant identifier 'x' is neither a valid DNS name."),
      context
    )
    expect(error.kind).toBe('federated-tenant-not-found')
    expect(error.message).toMatch(new RegExp(`^Entra ID does not know the tenant '${TENANT}' \\(AADSTS900023\\)`))
  })

  it('500011: the resource is not in the tenant, as with az', () => {
    const error = diagnoseTokenExchange(entra(400, 500011, 'The resource principal named x was not found.'), context)
    expect(error.kind).toBe('resource-not-found')
    expect(error.message).toContain("resource 'https://dicom.healthcareapis.azure.com'")
  })

  it('anything else: its AADSTS code and text, quoted without what looks like a secret', () => {
    const secretLike = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9abcdefghijklmnop'
    const error = diagnoseTokenExchange(entra(400, 7000215, `Invalid client secret provided: ${secretLike}`), context)
    expect(error.kind).toBe('aad-error')
    expect(error.message).toMatch(
      /\(AADSTS7000215\) — Entra said: AADSTS7000215: Invalid client secret provided: \*\*\*/
    )
    expect(error.message).not.toContain(secretLike)
    expect(error.fix).toContain('https://login.microsoftonline.com/error?code=7000215')
  })

  it('a 4xx without an Entra error (an HTML page from a gateway) is an unexpected answer', () => {
    const error = diagnoseTokenExchange(saw({ status: 404, body: '<h1>Not Found</h1>' }), context)
    expect(error.kind).toBe('federated-answer')
    expect(error.message).toBe(
      'The Entra ID authority https://login.microsoftonline.com answered the token request with HTTP 404 and no ' +
        'Entra error: <h1>Not Found</h1>.'
    )
  })

  it('a redirect is named with its target host and not followed', () => {
    const error = diagnoseTokenExchange(saw({ status: 302, locationHost: 'evil.example' }), context)
    expect(error.kind).toBe('federated-answer')
    expect(error.message).toContain('with a redirect (HTTP 302 to evil.example), which is not followed')
  })
})

describe('the authority cannot be reached', () => {
  it('after connection errors until the deadline', () => {
    const error = diagnoseTokenExchange(saw({ errorCode: 'ENOTFOUND' }, 7, 'deadline'), context)
    expect(error.kind).toBe('authority-unreachable')
    expect(error.message).toBe(
      'The Entra ID authority https://login.microsoftonline.com could not be reached (ENOTFOUND): tried 7 times ' +
        'within timeout-seconds (30 s).'
    )
  })

  it('when it stays unavailable, with what Entra said', () => {
    const body = JSON.stringify({ error: 'temporarily_unavailable', error_description: 'AADSTS90033: busy' })
    const error = diagnoseTokenExchange(saw({ status: 503, body }, 3, 'deadline'), context)
    expect(error.kind).toBe('authority-unreachable')
    expect(error.message).toContain('answered HTTP 503 (unavailable or throttled): tried 3 times')
    expect(error.message).toContain('Entra said: AADSTS90033: busy.')
  })

  it('on a TLS failure, which is not tried again', () => {
    const error = diagnoseTokenExchange(saw({ errorCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), context)
    expect(error.kind).toBe('authority-unreachable')
    expect(error.message).toContain('TLS connection')
    expect(error.fix).toContain('NODE_EXTRA_CA_CERTS')
  })

  it('refuses plain http the transport would not send', () => {
    const error = diagnoseTokenExchange(saw({ errorCode: 'ERR_INSECURE_AUTHORITY' }), context)
    expect(error.kind).toBe('authority-refused')
  })
})
