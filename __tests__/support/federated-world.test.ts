// The federated sign-in's loopback world: the GitHub OIDC endpoint, the Entra token endpoint, the fake az that fails
// with AADSTS700024, and the real az signed in with a federated token. These pin that each answers as the facts say,
// checks what it receives, and fails in each way it can.
import { execFile, spawnSync } from 'node:child_process'
import { REPO_ROOT } from '../../test-support/runner/run-action.ts'
import { request, type RequestOptions } from 'node:https'
import { bearerExpectation, bearerProblem, DICOM_AUDIENCE } from '../../test-support/dicom/bearer.ts'
import { findRealAz, runAz } from '../../test-support/azure/azure-login.ts'
import { decodeJwtPayload } from '../../test-support/azure/jwt.ts'
import { makeSelfSignedCertificate, removeCertificate, type Certificate } from '../../test-support/net/tls-cert.ts'
import {
  CLIENT_ASSERTION_TYPE,
  FEDERATED_CLIENT_ID,
  FEDERATED_OBJECT_ID,
  FEDERATED_TENANT_ID,
  startEntraEndpoint,
  type EntraEndpoint
} from '../../test-support/azure/entra-endpoint.ts'
import { startDirectModeWorld } from '../../test-support/azure/direct-mode-world.ts'
import { writeFederatedFakeAz } from '../../test-support/azure/fake-az-federated-command.ts'
import { startFederatedAzWorld, type FederatedAzWorld } from '../../test-support/azure/federated-az-world.ts'
import {
  DEFAULT_OIDC_AUDIENCE,
  DEFAULT_OIDC_SUBJECT,
  GITHUB_OIDC_ISSUER,
  startGithubOidcEndpoint,
  type GithubOidcEndpoint
} from '../../test-support/azure/github-oidc-endpoint.ts'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One https request trusting only `ca`; rejects on a transport error or after `timeoutMs`. */
function send(
  url: string,
  options: RequestOptions & { ca: string; body?: string; timeoutMs?: number }
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ...options, timeout: options.timeoutMs ?? 5000 }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end(options.body)
  })
}

let certificate: Certificate
beforeAll(async () => {
  certificate = await makeSelfSignedCertificate('federated-world')
})
afterAll(async () => {
  await removeCertificate(certificate)
})

describe('the loopback GitHub OIDC endpoint', () => {
  let oidc: GithubOidcEndpoint
  beforeAll(async () => {
    oidc = await startGithubOidcEndpoint({ certificate })
  })
  afterAll(async () => {
    await oidc.close()
  })
  beforeEach(() => {
    oidc.setFault({ kind: 'none' })
    oidc.requests.length = 0
  })

  // As @actions/core's getIDToken asks: the URL with `&audience=` appended, and the request token as a bearer.
  const askForToken = (audience = DEFAULT_OIDC_AUDIENCE, bearer = oidc.requestToken, timeoutMs?: number) =>
    send(`${oidc.url}&audience=${encodeURIComponent(audience)}`, {
      ca: certificate.cert,
      headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
      timeoutMs
    })

  it('answers {"value": <jwt>} with GitHub’s issuer, the job’s subject, the audience asked for, and 5 minutes of life', async () => {
    const answer = await askForToken('api://AzureADTokenExchangeUSGov')
    expect(answer.status).toBe(200)
    const { value } = JSON.parse(answer.body) as { value: string }
    const claims = decodeJwtPayload(value)
    expect(claims).toMatchObject({
      iss: GITHUB_OIDC_ISSUER,
      sub: DEFAULT_OIDC_SUBJECT,
      aud: 'api://AzureADTokenExchangeUSGov'
    })
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300)
    expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).toBeLessThan(5)
    expect(oidc.issued).toContain(value)
    expect(oidc.requests).toEqual([
      expect.objectContaining({ method: 'GET', audience: 'api://AzureADTokenExchangeUSGov', answered: 200 })
    ])
    expect(oidc.requests[0]?.path).toMatch(
      /\/idtoken\?api-version=2\.0&audience=api%3A%2F%2FAzureADTokenExchangeUSGov$/
    )
  })

  it('refuses a request without this job’s request token with a 401, and issues nothing', async () => {
    const issuedBefore = oidc.issued.length
    expect((await askForToken(DEFAULT_OIDC_AUDIENCE, 'not-the-request-token')).status).toBe(401)
    expect(oidc.issued).toHaveLength(issuedBefore)
    expect(oidc.requests[0]?.authorization).toBe('Bearer not-the-request-token')
  })

  it('issues tokens for a new subject and lifetime once they are set', async () => {
    oidc.setSubject('repo:Octo-Org/octo-repo:ref:refs/heads/main')
    oidc.setLifetimeSeconds(-10)
    try {
      const { value } = JSON.parse((await askForToken()).body) as { value: string }
      const claims = decodeJwtPayload(value)
      expect(claims.sub).toBe('repo:Octo-Org/octo-repo:ref:refs/heads/main')
      expect(Number(claims.exp)).toBeLessThan(Date.now() / 1000)
    } finally {
      oidc.setSubject(DEFAULT_OIDC_SUBJECT)
      oidc.setLifetimeSeconds(300)
    }
  })

  it.each([
    [{ kind: 'unauthorized' } as const, 401],
    [{ kind: 'forbidden' } as const, 403]
  ])('fails with %j as a %i every time', async (fault, status) => {
    oidc.setFault(fault)
    expect((await askForToken()).status).toBe(status)
    expect((await askForToken()).status).toBe(status)
  })

  it.each([
    [{ kind: 'server-error', times: 2 } as const, 500],
    [{ kind: 'unavailable', times: 2 } as const, 503]
  ])('fails with %j as a %i that many times, then answers', async (fault, status) => {
    oidc.setFault(fault)
    expect((await askForToken()).status).toBe(status)
    expect((await askForToken()).status).toBe(status)
    expect((await askForToken()).status).toBe(200)
  })

  it('answers a 200 that is not JSON, or JSON without a value, when told to', async () => {
    oidc.setFault({ kind: 'not-json' })
    const html = await askForToken()
    expect([html.status, html.headers['content-type']]).toEqual([200, 'text/html'])
    expect(() => JSON.parse(html.body) as unknown).toThrow()
    oidc.setFault({ kind: 'no-value' })
    expect(JSON.parse((await askForToken()).body)).toEqual({ count: 1 })
  })

  it('never answers while hanging', async () => {
    oidc.setFault({ kind: 'hang' })
    await expect(askForToken(DEFAULT_OIDC_AUDIENCE, oidc.requestToken, 300)).rejects.toThrow('timeout')
    expect(oidc.requests[0]?.answered).toBe('hang')
  })

  it('is trusted through NODE_EXTRA_CA_CERTS by a spawned node, as getIDToken in a spawned action needs', async () => {
    // @actions/http-client (getIDToken's) uses node's https module with no CA of its own, so what node trusts. The
    // child runs the real getIDToken when @actions/core is installed, else the same request by hand.
    const script = `
      const audience = ${JSON.stringify(DEFAULT_OIDC_AUDIENCE)}
      const viaCore = await import('@actions/core').then((core) => core.getIDToken(audience), (e) => e.code === 'ERR_MODULE_NOT_FOUND' ? undefined : Promise.reject(e))
      const https = await import('node:https')
      const byHand = () => new Promise((resolve, reject) => https.get(process.env.ACTIONS_ID_TOKEN_REQUEST_URL + '&audience=' + encodeURIComponent(audience),
        { headers: { Authorization: 'Bearer ' + process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } },
        (res) => { let b = ''; res.on('data', (c) => (b += c)); res.on('end', () => resolve(JSON.parse(b).value)) }).on('error', reject))
      const token = viaCore ?? (await byHand())
      console.log('RESULT', token.split('.').length)`
    const run = (env: Record<string, string>) =>
      new Promise<string>((resolve) =>
        execFile(
          process.execPath,
          ['--input-type=module', '-e', script],
          { cwd: REPO_ROOT, env: { PATH: process.env.PATH ?? '', ...oidc.env, ...env }, timeout: 20_000 },
          (_error, stdout, stderr) => resolve(/^RESULT .*$/m.exec(stdout)?.[0] ?? stderr)
        )
      )
    expect(await run({ NODE_EXTRA_CA_CERTS: certificate.certPath })).toBe('RESULT 3')
    oidc.requests.length = 0
    expect(await run({})).toMatch(/self-signed certificate|SELF_SIGNED_CERT_IN_CHAIN/)
    expect(oidc.requests).toEqual([])
  })
})

describe('the loopback Entra token endpoint', () => {
  let oidc: GithubOidcEndpoint
  let entra: EntraEndpoint
  beforeAll(async () => {
    ;[oidc, entra] = await Promise.all([startGithubOidcEndpoint({ certificate }), startEntraEndpoint({ certificate })])
  })
  afterAll(async () => {
    await Promise.all([oidc.close(), entra.close()])
  })
  beforeEach(() => {
    entra.setFault({ kind: 'none' })
    entra.requests.length = 0
  })

  const oidcToken = async (audience = DEFAULT_OIDC_AUDIENCE): Promise<string> => {
    const answer = await send(`${oidc.url}&audience=${encodeURIComponent(audience)}`, {
      ca: certificate.cert,
      headers: { Authorization: `Bearer ${oidc.requestToken}` }
    })
    return (JSON.parse(answer.body) as { value: string }).value
  }

  const exchange = async (fields: Record<string, string> = {}, tenant = FEDERATED_TENANT_ID, timeoutMs?: number) => {
    const form = {
      grant_type: 'client_credentials',
      client_id: FEDERATED_CLIENT_ID,
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: fields.client_assertion ?? (await oidcToken()),
      scope: `${DICOM_AUDIENCE}/.default`,
      ...fields
    }
    return send(entra.tokenUrl(tenant), {
      method: 'POST',
      ca: certificate.cert,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      timeoutMs
    })
  }

  const expectEntraError = (answer: Answer, status: number, code: number, error: string): string => {
    expect(answer.status).toBe(status)
    const body = JSON.parse(answer.body) as Record<string, unknown>
    expect(body).toMatchObject({ error, error_codes: [code] })
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(body.error_description).toMatch(new RegExp(`^AADSTS${code}: `))
    return String(body.error_description)
  }

  it('exchanges a matching OIDC token for a DICOM token that the DICOM emulator accepts', async () => {
    const assertion = await oidcToken()
    const answer = await exchange({ client_assertion: assertion })
    expect(answer.status).toBe(200)
    const body = JSON.parse(answer.body) as Record<string, unknown>
    expect(body).toEqual({
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: expect.any(String)
    })
    const token = String(body.access_token)
    expect(decodeJwtPayload(token)).toMatchObject({
      aud: DICOM_AUDIENCE,
      tid: FEDERATED_TENANT_ID,
      oid: FEDERATED_OBJECT_ID,
      appid: FEDERATED_CLIENT_ID
    })
    expect(bearerProblem(`Bearer ${token}`, bearerExpectation(DICOM_AUDIENCE, FEDERATED_TENANT_ID))).toBeUndefined()
    expect(entra.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        tenant: FEDERATED_TENANT_ID,
        contentType: 'application/x-www-form-urlencoded',
        outcome: 'issued',
        form: expect.objectContaining({ client_assertion: assertion, scope: `${DICOM_AUDIENCE}/.default` })
      })
    ])
    expect(entra.issued).toContain(token)
  })

  it('refuses a subject that differs only in case with AADSTS700213, naming the subject', async () => {
    oidc.setSubject(DEFAULT_OIDC_SUBJECT.replace('production', 'Production'))
    try {
      const text = expectEntraError(await exchange(), 401, 700213, 'invalid_client')
      expect(text).toContain("assertion subject 'repo:octo-org/octo-repo:environment:Production'")
    } finally {
      oidc.setSubject(DEFAULT_OIDC_SUBJECT)
    }
  })

  it('refuses an audience no credential has with AADSTS70021, naming issuer, subject and audience', async () => {
    const text = expectEntraError(
      await exchange({ client_assertion: await oidcToken('api://Other') }),
      400,
      70021,
      'invalid_request'
    )
    expect(text).toContain(`Assertion Issuer: '${GITHUB_OIDC_ISSUER}'`)
    expect(text).toContain(`Assertion Subject: '${DEFAULT_OIDC_SUBJECT}'`)
    expect(text).toContain("Assertion Audience: 'api://Other'")
  })

  it('refuses a client id that is not in the tenant with AADSTS700016', async () => {
    const text = expectEntraError(
      await exchange({ client_id: '00000000-1111-4222-8333-444444444444' }),
      400,
      700016,
      'unauthorized_client'
    )
    expect(text).toContain("'00000000-1111-4222-8333-444444444444' was not found in the directory")
  })

  it('refuses a tenant that is not a name with AADSTS900023, and an unknown tenant id with AADSTS90002', async () => {
    expectEntraError(await exchange({}, 'not a tenant'), 400, 900023, 'invalid_request')
    expectEntraError(await exchange({}, '11111111-2222-4333-8444-555555555555'), 400, 90002, 'invalid_tenant')
  })

  it('refuses an assertion past its exp with AADSTS700024, as five minutes later', async () => {
    const assertion = await oidcToken()
    entra.advanceClock(301)
    try {
      const text = expectEntraError(await exchange({ client_assertion: assertion }), 401, 700024, 'invalid_client')
      expect(text).toMatch(/^AADSTS700024: Client assertion is not within its valid time range\. Current time: /)
    } finally {
      entra.advanceClock(-301)
    }
    expect((await exchange({ client_assertion: assertion })).status).toBe(200)
  })

  it('refuses a request without an assertion, with a malformed one, or with a scope that is not <resource>/.default', async () => {
    expectEntraError(await exchange({ client_assertion_type: 'password' }), 401, 7000216, 'invalid_client')
    expectEntraError(await exchange({ client_assertion: 'not-a-jwt' }), 400, 50027, 'invalid_request')
    expectEntraError(await exchange({ scope: DICOM_AUDIENCE }), 400, 1002012, 'invalid_scope')
    expectEntraError(await exchange({ grant_type: 'password' }), 400, 70003, 'unsupported_grant_type')
    expect(entra.issued.length).toBeGreaterThan(0) // from the earlier tests only
    expect(entra.requests.map((r) => r.outcome)).toEqual([
      'AADSTS7000216',
      'AADSTS50027',
      'AADSTS1002012',
      'AADSTS70003'
    ])
  })

  it('throttles with 429 and Retry-After, then is unavailable with 503, that many times each', async () => {
    entra.setFault({ kind: 'throttled', retryAfter: '2', times: 1 })
    const throttled = await exchange()
    expect([throttled.status, throttled.headers['retry-after']]).toEqual([429, '2'])
    expect((await exchange()).status).toBe(200)
    entra.setFault({ kind: 'unavailable', times: 2, retryAfter: '1' })
    expect((await exchange()).status).toBe(503)
    expect((await exchange()).status).toBe(503)
    expect((await exchange()).status).toBe(200)
  })

  it('hangs, resets the connection, or redirects without issuing anything', async () => {
    const issuedBefore = entra.issued.length
    entra.setFault({ kind: 'hang' })
    await expect(exchange({}, FEDERATED_TENANT_ID, 300)).rejects.toThrow('timeout')
    entra.setFault({ kind: 'reset', times: 1 })
    await expect(exchange()).rejects.toThrow(/socket hang up|ECONNRESET/)
    entra.setFault({ kind: 'redirect' })
    const redirect = await exchange()
    expect(redirect.status).toBe(302)
    expect(redirect.headers.location).toBe(`${entra.authorityHost}/redirected/oauth2/v2.0/token`)
    expect(entra.issued).toHaveLength(issuedBefore)
    expect(entra.requests.map((r) => r.outcome)).toEqual(['hang', 'reset', 'redirect'])
  })

  it('answers any other Entra error it is told to, such as AADSTS7000215', async () => {
    entra.setFault({
      kind: 'error',
      code: 7000215,
      error: 'invalid_client',
      status: 401,
      description: 'Invalid client secret provided.'
    })
    expect(expectEntraError(await exchange(), 401, 7000215, 'invalid_client')).toContain(
      'Invalid client secret provided.'
    )
  })

  it('answers MSAL’s tenant discovery with its own token endpoint', async () => {
    const answer = await send(`${entra.authorityHost}/${FEDERATED_TENANT_ID}/v2.0/.well-known/openid-configuration`, {
      ca: certificate.cert
    })
    expect(JSON.parse(answer.body)).toMatchObject({ token_endpoint: entra.tokenUrl() })
    expect(entra.otherRequests).toContain(`GET /${FEDERATED_TENANT_ID}/v2.0/.well-known/openid-configuration`)
  })
})

/** The real az's and the fake az's AADSTS700024 text with the times and ids that change from run to run taken out. */
function withoutRunDetails(stderr: string): string {
  return stderr
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ/g, '<timestamp>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
}

describe('the fake az signed in as azure/login leaves it', () => {
  const az = (dir: string, args: string[]) =>
    spawnSync(`${dir}/az`, args, { encoding: 'utf8', timeout: 10_000, env: { PATH: process.env.PATH ?? '' } })

  it('fails get-access-token with az’s AADSTS700024 lines and exit 1, and answers account show and cloud show', async () => {
    const fake = await writeFederatedFakeAz({ authority: 'https://127.0.0.1:8443', cloudName: 'Loopback' })
    try {
      const token = az(fake.dir, ['account', 'get-access-token', '--resource', DICOM_AUDIENCE, '--output', 'json'])
      expect([token.status, token.stdout]).toEqual([1, ''])
      expect(withoutRunDetails(token.stderr)).toBe(
        'ERROR: AADSTS700024: Client assertion is not within its valid time range. Current time: <time>, assertion ' +
          'valid from <time>, expiry time of assertion <time>. Review the documentation at ' +
          'https://learn.microsoft.com/entra/identity-platform/certificate-credentials . Trace ID: <id> ' +
          'Correlation ID: <id> Timestamp: <timestamp>\nInteractive authentication is needed. Please run:\naz login\n'
      )
      const account = JSON.parse(az(fake.dir, ['account', 'show', '--output', 'json']).stdout) as Record<
        string,
        unknown
      >
      expect(account).toMatchObject({
        tenantId: FEDERATED_TENANT_ID,
        environmentName: 'Loopback',
        user: { name: FEDERATED_CLIENT_ID, type: 'servicePrincipal' }
      })
      const cloud = JSON.parse(az(fake.dir, ['cloud', 'show', '--output', 'json']).stdout) as Record<string, unknown>
      expect(cloud).toMatchObject({ name: 'Loopback', endpoints: { activeDirectory: 'https://127.0.0.1:8443' } })
      expect((await fake.calls()).map((argv) => argv.slice(0, 2).join(' '))).toEqual([
        'account get-access-token',
        'account show',
        'cloud show'
      ])
    } finally {
      await fake.remove()
    }
  })

  it.each([
    [
      'system-assigned-identity',
      { name: 'systemAssignedIdentity', type: 'servicePrincipal', assignedIdentityInfo: 'MSI' }
    ],
    [
      'user-assigned-identity',
      {
        name: 'userAssignedIdentity',
        type: 'servicePrincipal',
        assignedIdentityInfo: `MSIClient-${FEDERATED_CLIENT_ID}`
      }
    ],
    ['user', { name: 'octocat@contoso.example', type: 'user' }]
  ] as const)('shows a %s account as az does', async (account, user) => {
    const fake = await writeFederatedFakeAz({ account })
    try {
      expect(JSON.parse(az(fake.dir, ['account', 'show', '--output', 'json']).stdout)).toMatchObject({ user })
    } finally {
      await fake.remove()
    }
  })

  it('is not signed in at all when told so', async () => {
    const fake = await writeFederatedFakeAz({ account: 'none' })
    try {
      const show = az(fake.dir, ['account', 'show', '--output', 'json'])
      expect([show.status, show.stderr]).toEqual([1, "ERROR: Please run 'az login' to setup account.\n"])
    } finally {
      await fake.remove()
    }
  })
})

const realAz = findRealAz()
// Straight to stderr: jest drops the console output of a file whose tests are all skipped.
if (realAz === undefined) {
  process.stderr.write('SKIPPED the real-az part of __tests__/support/federated-world.test.ts: no `az` on PATH.\n')
}
const describeWithAz = realAz === undefined ? describe.skip : describe

describeWithAz('the real az signed in with a federated token against the loopback Entra', () => {
  let world: FederatedAzWorld
  beforeAll(async () => {
    world = await startFederatedAzWorld()
  }, 60_000)
  afterAll(async () => {
    await world.close()
  })

  it('signs in offline: MSAL’s discovery and the exchange reach the loopback Entra, nothing reaches the network', async () => {
    expect(world.entra.requests).toEqual([
      expect.objectContaining({
        outcome: 'issued',
        form: expect.objectContaining({
          client_id: FEDERATED_CLIENT_ID,
          client_assertion: world.oidc.issued[0],
          client_assertion_type: CLIENT_ASSERTION_TYPE,
          scope: 'https://management.core.windows.net//.default'
        })
      })
    ])
    expect(world.entra.otherRequests[0]).toMatch(/^GET \/common\/discovery\/instance\?/)
    expect(world.arm.requests.map((r) => r.path)).toEqual(['/subscriptions?api-version=2019-11-01'])
    // az's version check asks for azure.microsoft.com on its first call in a config dir: refused.
    expect(world.proxy.refused.every((target) => target === 'azure.microsoft.com:443')).toBe(true)
    const account = JSON.parse((await runAz(world.session, ['account', 'show', '--output', 'json'])).stdout) as Record<
      string,
      unknown
    >
    expect(account).toMatchObject({
      tenantId: FEDERATED_TENANT_ID,
      user: { name: FEDERATED_CLIENT_ID, type: 'servicePrincipal' }
    })
  })

  it('fails a resource it has not cached with AADSTS700024 once the OIDC token has expired, in the fake az’s words', async () => {
    world.entra.advanceClock(301)
    const result = await runAz(world.session, [
      'account',
      'get-access-token',
      '--resource',
      DICOM_AUDIENCE,
      '--output',
      'json'
    ])
    expect([result.exitCode, result.stdout]).toEqual([1, ''])
    expect(world.entra.requests.at(-1)).toMatchObject({
      outcome: 'AADSTS700024',
      form: { scope: `${DICOM_AUDIENCE}/.default` }
    })
    const fake = await writeFederatedFakeAz()
    try {
      const fakeResult = await new Promise<string>((resolve) =>
        execFile(`${fake.dir}/az`, ['account', 'get-access-token'], (_error, _stdout, stderr) => resolve(stderr))
      )
      expect(withoutRunDetails(fakeResult)).toBe(withoutRunDetails(result.stderr))
    } finally {
      await fake.remove()
    }
  })
})

describe('the direct-mode world', () => {
  it('fits together: its OIDC token, exchanged at its Entra as its inputs say, reads its DICOM change feed', async () => {
    const world = await startDirectModeWorld()
    try {
      const ca = world.certificate.cert
      const env = world.actionEnv
      const oidcAnswer = await send(`${env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''}&audience=${DEFAULT_OIDC_AUDIENCE}`, {
        ca,
        headers: { Authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''}` }
      })
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: world.inputs['client-id'] ?? '',
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: (JSON.parse(oidcAnswer.body) as { value: string }).value,
        scope: `${DICOM_AUDIENCE}/.default`
      })
      const tokenAnswer = await send(
        `${env.AZURE_AUTHORITY_HOST ?? ''}/${world.inputs.tenant ?? ''}/oauth2/v2.0/token`,
        {
          method: 'POST',
          ca,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form.toString()
        }
      )
      const token = (JSON.parse(tokenAnswer.body) as { access_token: string }).access_token
      const feed = await send(`${world.inputs['dicom-url'] ?? ''}/v2/changefeed`, {
        ca,
        headers: { Authorization: `Bearer ${token}` }
      })
      expect(feed.status).toBe(200)
      expect(env.NODE_EXTRA_CA_CERTS).toBe(world.certificate.certPath)
    } finally {
      await world.close()
    }
  })
})
