// How az is called, how its output is read, and how its failures become errors a person can act on.
// The stderr texts are what the Azure CLI prints (2.45 observed in __tests__/support; newer ones from its source and
// logs).
import { classifyAzFailure, parseAzOutput, splitAzStderr, type AzResult } from '../../src/sign-in/azure-cli/output.ts'
import { azInvocation } from '../../src/sign-in/azure-cli/run.ts'
import { ActionError, type FailureKind } from '../../src/errors.ts'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { findLeaks } from '../../test-support/runner/leak-check.ts'
import { accessTokenClaims, makeJwt } from '../../test-support/azure/jwt.ts'
import { TENANT_ID } from '../../test-support/azure/ids.ts'

const SUBSCRIPTION_ID = '0b1f6471-1bf0-4dda-aec3-cb9272f09590'
const EXPIRES_EPOCH = 1795465960
const WINDOWS_AZ = 'C:\\Program Files\\Microsoft SDKs\\Azure\\CLI2\\wbin\\az.cmd'

function newToken(): string {
  return makeJwt(
    accessTokenClaims(
      { audience: DEFAULT_RESOURCE, tenantId: TENANT_ID, objectId: 'oid', appId: 'appid', lifetimeSeconds: 3600 },
      EXPIRES_EPOCH - 3600
    )
  )
}

describe('azInvocation', () => {
  test.each([
    [
      { resource: DEFAULT_RESOURCE },
      ['account', 'get-access-token', '--resource', DEFAULT_RESOURCE, '--output', 'json']
    ],
    [
      { resource: DEFAULT_RESOURCE, tenant: TENANT_ID },
      ['account', 'get-access-token', '--resource', DEFAULT_RESOURCE, '--tenant', TENANT_ID, '--output', 'json']
    ],
    [
      { resource: DEFAULT_RESOURCE, subscription: 'Contoso Health (Production)' },
      [
        'account',
        'get-access-token',
        '--resource',
        DEFAULT_RESOURCE,
        '--subscription',
        'Contoso Health (Production)',
        '--output',
        'json'
      ]
    ],
    [
      { resource: 'api://contoso-dicom', tenant: 'contoso.onmicrosoft.com', subscription: SUBSCRIPTION_ID },
      [
        'account',
        'get-access-token',
        '--resource',
        'api://contoso-dicom',
        '--tenant',
        'contoso.onmicrosoft.com',
        '--subscription',
        SUBSCRIPTION_ID,
        '--output',
        'json'
      ]
    ]
  ])('for %j runs az with %j', (config, args) => {
    expect(azInvocation('/usr/bin/az', config).args).toEqual(args)
  })

  it('passes each value as its own argument, so spaces in it are never split', () => {
    const { args } = azInvocation('/usr/bin/az', { resource: DEFAULT_RESOURCE, subscription: 'My Sub --tenant evil' })
    expect(args.filter((arg) => arg === '--tenant')).toEqual([])
    expect(args).toContain('My Sub --tenant evil')
  })

  test.each([WINDOWS_AZ, '/usr/bin/az', '/opt/my tools/az', '\\\\fileserver\\tools\\az.cmd', 'C:\\az\\az.cmd'])(
    "quotes %s so that @actions/exec's own parser gives back exactly that path",
    async (azPath) => {
      const { argStringToArray } = await import('../../node_modules/@actions/exec/lib/toolrunner.js')
      expect(argStringToArray(azInvocation(azPath, { resource: DEFAULT_RESOURCE }).commandLine)).toEqual([azPath])
    }
  )
})

describe('parseAzOutput', () => {
  it('reads az 2.45 output, whose expiresOn is local time with no zone, without an epoch expiry', () => {
    const token = newToken()
    const stdout = JSON.stringify(
      {
        accessToken: token,
        expiresOn: '2026-11-24 02:02:40.000000',
        subscription: SUBSCRIPTION_ID,
        tenant: TENANT_ID,
        tokenType: 'Bearer'
      },
      null,
      2
    )
    expect(parseAzOutput(`${stdout}\n`)).toEqual({
      accessToken: token,
      expiresOnEpoch: undefined,
      tenant: TENANT_ID,
      subscription: SUBSCRIPTION_ID
    })
  })

  test.each([
    ['a number', EXPIRES_EPOCH],
    ['a string', String(EXPIRES_EPOCH)]
  ])('reads az 2.54+ output with expires_on as %s', (_, expiresOn) => {
    const token = newToken()
    const stdout = JSON.stringify({
      accessToken: token,
      expiresOn: '2026-11-23 20:32:40.000000',
      expires_on: expiresOn,
      subscription: SUBSCRIPTION_ID,
      tenant: TENANT_ID,
      tokenType: 'Bearer'
    })
    expect(parseAzOutput(stdout)).toEqual({
      accessToken: token,
      expiresOnEpoch: EXPIRES_EPOCH,
      tenant: TENANT_ID,
      subscription: SUBSCRIPTION_ID
    })
  })

  it('reads output without a subscription (allow-no-subscriptions) or tenant', () => {
    const token = newToken()
    expect(parseAzOutput(JSON.stringify({ accessToken: token, tokenType: 'Bearer' }))).toEqual({
      accessToken: token,
      expiresOnEpoch: undefined,
      tenant: undefined,
      subscription: undefined
    })
  })

  it('ignores an expires_on that is not a number', () => {
    expect(
      parseAzOutput(JSON.stringify({ accessToken: newToken(), expires_on: 'soon' })).expiresOnEpoch
    ).toBeUndefined()
  })

  const token = newToken()
  test.each([
    ['YAML output', `accessToken: ${token}\nexpiresOn: '2026-11-23 20:32:40.000000'\ntokenType: Bearer\n`],
    ['TSV output', `${token}\t2026-11-23 20:32:40.000000\t${SUBSCRIPTION_ID}\t${TENANT_ID}\tBearer\n`],
    ['truncated JSON', JSON.stringify({ accessToken: token, tenant: TENANT_ID }).slice(0, -3)],
    ['JSON without accessToken', JSON.stringify({ token, tenant: TENANT_ID })],
    ['JSON with an empty accessToken', JSON.stringify({ accessToken: '', secret: token })],
    ['JSON with a non-string accessToken', JSON.stringify({ accessToken: { value: token } })],
    ['a JSON array', JSON.stringify([{ accessToken: token }])],
    ['a JSON string', JSON.stringify(token)],
    ['nothing', '']
  ])('refuses %s as az-output without quoting it', (_, stdout) => {
    let error: unknown
    try {
      parseAzOutput(stdout)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ActionError)
    const { kind, message, fix } = error as ActionError
    expect(kind).toBe('az-output')
    expect(findLeaks(token, { message, fix })).toEqual([])
    expect(message).not.toContain(TENANT_ID)
    expect(message).toContain('accessToken')
    expect(message).not.toMatch(/[\r\n]/)
  })
})

describe('splitAzStderr', () => {
  it('separates WARNING lines from the rest, trimmed, without blank lines', () => {
    const stderr = [
      'WARNING: The behavior of this command has been altered by the following extension: azure-devops',
      '',
      "ERROR: Please run 'az login' to setup account.  ",
      '  WARNING: indented warning',
      'Details follow\r',
      ''
    ].join('\n')
    expect(splitAzStderr(stderr)).toEqual({
      warnings: [
        'WARNING: The behavior of this command has been altered by the following extension: azure-devops',
        'WARNING: indented warning'
      ],
      errors: ["ERROR: Please run 'az login' to setup account.", 'Details follow']
    })
  })

  it('finds nothing in empty stderr', () => {
    expect(splitAzStderr('')).toEqual({ warnings: [], errors: [] })
  })
})

describe('classifyAzFailure', () => {
  const config = { resource: DEFAULT_RESOURCE, tenant: undefined }
  const failed = (stderr: string, exitCode = 1, cfg: { resource: string; tenant?: string } = config): ActionError =>
    classifyAzFailure({ exitCode, stdout: '', stderr } satisfies AzResult, cfg)

  const AADSTS700024 = [
    'ERROR: AADSTS700024: Client assertion is not within its valid time range. Current time: ' +
      '2026-11-23T20:32:40.4526372Z, assertion valid from 2026-11-23T20:21:02.0000000Z, expiry time of assertion ' +
      '2026-11-23T20:26:02.0000000Z. Review the documentation at ' +
      'https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .',
    'Trace ID: 4b5e2c1a-1f2e-4c3d-9a8b-7c6d5e4f3a2b',
    'Correlation ID: 9f8e7d6c-5b4a-4321-8765-43210fedcba9',
    'Timestamp: 2026-11-23 20:32:40Z',
    'Interactive authentication is needed. Please run:',
    'az login',
    ''
  ].join('\n')
  const AADSTS500011 =
    `ERROR: AADSTS500011: The resource principal named https://dicom.healthcareapis.azure.com was not found in the ` +
    `tenant named Contoso. This can happen if the application has not been installed by the administrator of the ` +
    `tenant or consented to by any user in the tenant. You might have sent your authentication request to the ` +
    `wrong tenant.\nTrace ID: 0e6f\nCorrelation ID: 1a2b\nTimestamp: 2026-11-23 20:32:40Z\n`
  const NOT_LOGGED_IN = "ERROR: Please run 'az login' to setup account.\n"
  const TENANT_WITH_MSI = "ERROR: Tenant shouldn't be specified for managed identity account\n"
  const MSI_UNREACHABLE =
    'ERROR: Failed to connect to MSI. Please make sure MSI is configured correctly and check the network connection.\n'
  const MSI_REFUSED =
    'ERROR: Failed to connect to MSI. Please make sure MSI is configured correctly and check the network ' +
    "connection.\nError detail: HTTPConnectionPool(host='127.0.0.1', port=40123): Max retries exceeded with url: " +
    "/msi/token (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f6a2c1d0>: Failed " +
    "to establish a new connection: [Errno 111] Connection refused'))\n"
  const MSI_500 =
    'ERROR: Failed to connect to MSI. Please make sure MSI is configured correctly.\nGet Token request returned: ' +
    '<Response [500]>\n'
  const NAME_RESOLUTION =
    "ERROR: HTTPSConnectionPool(host='login.microsoftonline.com', port=443): Max retries exceeded with url: " +
    '/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token (Caused by ' +
    "NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f3c>: Failed to establish a new " +
    "connection: [Errno -3] Temporary failure in name resolution'))\n"
  const TLS_PROXY =
    "ERROR: HTTPSConnectionPool(host='login.microsoftonline.com', port=443): Max retries exceeded with url: " +
    "/common/discovery/instance (Caused by SSLError(SSLCertVerificationError(1, '[SSL: " +
    'CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate in certificate chain ' +
    "(_ssl.c:1006)')))\n"
  const RESET = "ERROR: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))\n"
  const BAD_ARGUMENTS = [
    'ERROR: argument --tenant/-t: expected one argument',
    '',
    'Examples from AI knowledge base:',
    'az account get-access-token --tenant 00000000-0000-0000-0000-000000000000',
    'Get an access token for a specific tenant',
    '',
    'az account get-access-token --subscription 00000000-0000-0000-0000-000000000000',
    'Get an access token for a specific subscription',
    '',
    'https://aka.ms/cli_ref',
    'Read more about the command in reference docs',
    ''
  ].join('\n')

  test.each<[string, string, number, FailureKind]>([
    ['not logged in', NOT_LOGGED_IN, 1, 'az-not-logged-in'],
    ['an expired OIDC client assertion that also says to run az login', AADSTS700024, 1, 'oidc-assertion-expired'],
    ['a resource unknown in the tenant', AADSTS500011, 1, 'resource-not-found'],
    ['a tenant given with a managed identity', TENANT_WITH_MSI, 1, 'tenant-with-managed-identity'],
    ['an unreachable managed identity endpoint', MSI_UNREACHABLE, 1, 'identity-endpoint'],
    ['a managed identity endpoint refusing connections', MSI_REFUSED, 1, 'identity-endpoint'],
    ['a managed identity endpoint answering 500', MSI_500, 1, 'identity-endpoint'],
    ['a failed name resolution', NAME_RESOLUTION, 1, 'az-network'],
    ['a TLS-inspecting proxy', TLS_PROXY, 1, 'az-network'],
    ['a reset connection', RESET, 1, 'az-network'],
    ['rejected arguments', BAD_ARGUMENTS, 2, 'az-failed'],
    ['an unknown error', 'ERROR: Something unexpected happened.\n', 1, 'az-failed'],
    ['no stderr at all', '', 1, 'az-failed']
  ])('reports %s as %s', (_, stderr, exitCode, kind) => {
    const error = failed(stderr, exitCode)
    expect(error).toBeInstanceOf(ActionError)
    expect(error.kind).toBe(kind)
  })

  test.each([
    ['not logged in', NOT_LOGGED_IN, "Please run 'az login' to setup account."],
    ['an expired OIDC client assertion', AADSTS700024, 'Client assertion is not within its valid time range.'],
    [
      'a tenant given with a managed identity',
      TENANT_WITH_MSI,
      "Tenant shouldn't be specified for managed identity account"
    ],
    ['an unreachable managed identity endpoint', MSI_UNREACHABLE, 'Failed to connect to MSI.'],
    ['a failed name resolution', NAME_RESOLUTION, 'Temporary failure in name resolution'],
    ['an unknown error', 'ERROR: Something unexpected happened.\n', 'Something unexpected happened.']
  ])("keeps az's own words for %s, on one line and without the ERROR: prefix", (_, stderr, words) => {
    const { message } = failed(stderr)
    expect(message).toContain('az said: ')
    expect(message).toContain(words)
    expect(message).not.toContain('ERROR:')
    expect(message).not.toMatch(/[\r\n]/)
  })

  it('names AADSTS700024 and says to run the action soon after azure/login', () => {
    const error = failed(AADSTS700024)
    expect(error.message).toContain('AADSTS700024')
    expect(error.fix).toMatch(/azure\/login/)
  })

  it('names the requested resource when Entra ID does not know it (AADSTS500011)', () => {
    const error = failed(AADSTS500011.replace('https://dicom.healthcareapis.azure.com', 'api://contoso-dicom'), 1, {
      resource: 'api://contoso-dicom'
    })
    expect(error.message).toContain("'api://contoso-dicom'")
    expect(error.message).toContain('AADSTS500011')
  })

  test.each([
    [
      'AADSTS7000215',
      'ERROR: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the ' +
        'client secret value, not the client secret ID.\n'
    ],
    [
      'AADSTS70021',
      'ERROR: AADSTS70021: No matching federated identity record found for presented assertion. Assertion ' +
        'Issuer: https://token.actions.githubusercontent.com.\n'
    ],
    ['AADSTS7002400', 'ERROR: AADSTS7002400: A made-up code that starts like 700024.\n'],
    [
      'AADSTS50011',
      'ERROR: AADSTS50011: The redirect URI specified in the request does not match.\nPlease run az login\n'
    ]
  ])('reports another Entra ID error as aad-error keeping the code %s', (code, stderr) => {
    const error = failed(stderr)
    expect(error.kind).toBe('aad-error')
    expect(error.message).toContain(code)
    expect(error.fix).toContain(code)
  })

  it('names the given tenant in the fix when a managed identity cannot use it', () => {
    expect(failed(TENANT_WITH_MSI, 1, { resource: DEFAULT_RESOURCE, tenant: TENANT_ID }).fix).toContain(TENANT_ID)
  })

  it('says exit code 2 means az rejected its arguments', () => {
    const error = failed(BAD_ARGUMENTS, 2)
    expect(error.message).toContain('exit code 2')
    expect(error.fix).toMatch(/arguments/)
  })

  it('does not blame the arguments for other exit codes', () => {
    expect(failed('ERROR: Something unexpected happened.\n', 1).fix).not.toMatch(/arguments/)
  })

  it('says az printed nothing and gives the exit code when stderr is empty', () => {
    expect(failed('', 3).message).toContain('(no error text; exit code 3)')
  })

  it('shortens a very long az error', () => {
    const error = failed(`ERROR: ${'x'.repeat(5000)}\n`)
    expect(error.message.length).toBeLessThan(600)
    expect(error.message).toContain('…')
  })

  test.each([
    NOT_LOGGED_IN,
    AADSTS700024,
    AADSTS500011,
    TENANT_WITH_MSI,
    MSI_UNREACHABLE,
    NAME_RESOLUTION,
    BAD_ARGUMENTS,
    ''
  ])('never shows WARNING lines in the message or the fix (%#)', (stderr) => {
    const warnings = [
      'WARNING: The behavior of this command has been altered by the following extension: azure-devops',
      'WARNING: Unable to encode the output with cp1252 encoding.'
    ]
    const error = failed(`${warnings[0]}\n${stderr}${warnings[1]}\n`, stderr === BAD_ARGUMENTS ? 2 : 1)
    const text = `${error.message} ${error.fix}`
    expect(text).not.toContain('WARNING')
    expect(text).not.toContain('azure-devops')
    expect(text).not.toContain('cp1252')
  })

  it('classifies a not-logged-in error preceded by warnings the same as without them', () => {
    expect(failed(`WARNING: A new Azure CLI version is available.\n${NOT_LOGGED_IN}`).kind).toBe('az-not-logged-in')
  })
})
