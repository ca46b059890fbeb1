// The step outputs and the job summary table: what later steps and people reading the run see.
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { parseAzOutput } from '../../src/sign-in/azure-cli/output.ts'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { ActionError } from '../../src/errors.ts'
import { parseInputs, type Config, type InputName } from '../../src/inputs.ts'
import { OUTPUT_NAMES, smokeTestOutputs, tokenOutputs } from '../../src/outputs.ts'
import { CHANGEFEED_ENDPOINTS } from '../../src/smoke-test/read/changefeed.ts'
import type { EndpointReport, SmokeTestReport } from '../../src/smoke-test/report.ts'
import { issueToken, type IssuedToken } from '../../src/token.ts'
import { loadRunner } from '../../src/runner.ts'
import { summaryRows } from '../../src/summary.ts'
import { findLeaks } from '../../test-support/runner/leak-check.ts'
import { accessTokenClaims, makeJwt } from '../../test-support/azure/jwt.ts'
import { APP_ID, OBJECT_ID, OTHER_TENANT_ID, TENANT_ID } from '../../test-support/azure/ids.ts'

const SERVICE_URL = 'https://contoso-dicom.dicom.azurehealthcareapis.com'
// 2026-11-23T20:32:40Z
const EXPIRES_EPOCH = 1795465960

function config(values: Partial<Record<InputName, string>> = {}): Config {
  return parseInputs((name) => values[name] ?? '')
}

/** A token as main.ts issues it: az's JSON, parsed, with the claims of a real JWT. */
function issue(azFields: Record<string, unknown> = {}, claims: Record<string, unknown> = {}): IssuedToken {
  const token = makeJwt({
    ...accessTokenClaims(
      { audience: DEFAULT_RESOURCE, tenantId: TENANT_ID, objectId: OBJECT_ID, appId: APP_ID, lifetimeSeconds: 3600 },
      EXPIRES_EPOCH - 3600
    ),
    ...claims
  })
  return issueToken(parseAzOutput(JSON.stringify({ accessToken: token, tokenType: 'Bearer', ...azFields })))
}

function endpoint(
  name: EndpointReport['name'],
  fields: Partial<EndpointReport> & { status?: number; errorCode?: string; latencyMs?: number; body?: string }
): EndpointReport {
  const path = CHANGEFEED_ENDPOINTS.find((e) => e.name === name)?.path ?? ''
  const url = `${SERVICE_URL}/v2${path}`
  const { status, errorCode, latencyMs = 10, body, ...rest } = fields
  return { name, url, attempts: 1, exchange: { method: 'GET', url, status, errorCode, latencyMs, body }, ...rest }
}

function report(endpoints: EndpointReport[], fields: Partial<SmokeTestReport> = {}): SmokeTestReport {
  return { passed: true, endpoints, elapsedMs: 100, ...fields }
}

const actionYml = parseYaml(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  outputs: Record<string, unknown>
}

describe('output names', () => {
  it('are exactly the outputs action.yml declares', () => {
    expect(Object.keys(actionYml.outputs).sort()).toEqual([...OUTPUT_NAMES].sort())
  })
})

describe('tokenOutputs', () => {
  it('gives the token, its expiry in UTC to the second, and the tenant az reported', () => {
    const issued = issue({ expires_on: EXPIRES_EPOCH, tenant: OTHER_TENANT_ID })
    expect(tokenOutputs(config(), issued)).toEqual({
      token: issued.value,
      'expires-on': '2026-11-23T20:32:40Z',
      'tenant-id': OTHER_TENANT_ID
    })
  })

  it("takes expires-on from the token's exp when az printed no expires_on (az 2.45)", () => {
    const issued = issue({ expiresOn: '2026-11-24 02:02:40.000000' }, { exp: EXPIRES_EPOCH + 1 })
    expect(tokenOutputs(config(), issued)['expires-on']).toBe('2026-11-23T20:32:41Z')
  })

  it('leaves expires-on empty when the expiry is unknown', () => {
    const issued = issue({}, { exp: undefined })
    expect(tokenOutputs(config(), issued)['expires-on']).toBe('')
  })

  it("takes tenant-id from the token's tid when az printed no tenant", () => {
    expect(tokenOutputs(config(), issue())['tenant-id']).toBe(TENANT_ID)
  })

  it('leaves tenant-id empty when neither az nor the token names a tenant', () => {
    expect(tokenOutputs(config(), issue({}, { tid: undefined }))['tenant-id']).toBe('')
  })

  it('gives dicom-base-url with the API version when dicom-url is set', () => {
    const outputs = tokenOutputs(config({ 'dicom-url': `${SERVICE_URL}/`, 'api-version': 'v1' }), issue())
    expect(outputs['dicom-base-url']).toBe(`${SERVICE_URL}/v1`)
  })

  it('gives no dicom-base-url without dicom-url', () => {
    expect(tokenOutputs(config(), issue())).not.toHaveProperty('dicom-base-url')
  })

  it('only sets outputs action.yml declares', () => {
    const outputs = tokenOutputs(config({ 'dicom-url': SERVICE_URL }), issue({ expires_on: EXPIRES_EPOCH }))
    for (const name of Object.keys(outputs)) expect(OUTPUT_NAMES).toContain(name)
  })
})

describe('smokeTestOutputs', () => {
  it('says skipped when there was no smoke test', () => {
    expect(smokeTestOutputs(undefined)).toEqual({ 'smoke-test-result': 'skipped' })
  })

  test.each([
    [42, '42'],
    [0, '0']
  ])('says passed with latest-sequence %i', (latestSequence, shown) => {
    expect(smokeTestOutputs(report([], { passed: true, latestSequence }))).toEqual({
      'smoke-test-result': 'passed',
      'latest-sequence': shown
    })
  })

  it('says failed without a latest-sequence', () => {
    const failure = new ActionError('smoke-forbidden', 'refused', 'assign the role')
    expect(smokeTestOutputs(report([], { passed: false, failure }))).toEqual({ 'smoke-test-result': 'failed' })
  })
})

describe('summaryRows', () => {
  const smokeConfig = config({ 'dicom-url': SERVICE_URL, 'smoke-test': 'true' })

  it('describes the token without a smoke test', () => {
    expect(summaryRows(config(), issue({ expires_on: EXPIRES_EPOCH, tenant: OTHER_TENANT_ID }), undefined)).toEqual([
      ['Resource', DEFAULT_RESOURCE],
      ['Tenant', OTHER_TENANT_ID],
      ['Principal', `object id ${OBJECT_ID}, app id ${APP_ID}`],
      ['Token expires', '2026-11-23T20:32:40Z'],
      ['Smoke test', 'skipped']
    ])
  })

  it('says unknown for what the token does not tell', () => {
    const rows = new Map(
      summaryRows(config(), issue({}, { tid: undefined, oid: undefined, appid: undefined, exp: undefined }), undefined)
    )
    expect(rows.get('Tenant')).toBe('unknown')
    expect(rows.get('Principal')).toBe('unknown')
    expect(rows.get('Token expires')).toBe('unknown')
  })

  it("shows each endpoint's status and latency, the latest sequence and the result", () => {
    const rows = summaryRows(
      smokeConfig,
      issue(),
      report(
        [
          endpoint('changefeed', { status: 200, latencyMs: 34.6 }),
          endpoint('latest', { status: 200, latencyMs: 51, attempts: 3, sequence: 0 })
        ],
        {
          latestSequence: 0
        }
      )
    )
    expect(rows.slice(-6)).toEqual([
      ['Service URL', SERVICE_URL],
      ['API version', 'v2'],
      ['GET /v2/changefeed', '200 in 35 ms'],
      ['GET /v2/changefeed/latest', '200 in 51 ms, 3 attempts'],
      ['Latest sequence', '0'],
      ['Smoke test', 'passed']
    ])
  })

  it('shows a transport error code in place of a status, and a failed result', () => {
    const failure = new ActionError('smoke-network', 'could not connect', 'check dicom-url')
    const rows = new Map(
      summaryRows(
        smokeConfig,
        issue(),
        report(
          [
            endpoint('changefeed', { errorCode: 'ECONNREFUSED', latencyMs: 3, attempts: 5, failure }),
            endpoint('latest', { status: 503, latencyMs: 120, attempts: 4 })
          ],
          {
            passed: false,
            failure
          }
        )
      )
    )
    expect(rows.get('GET /v2/changefeed')).toBe('ECONNREFUSED in 3 ms, 5 attempts')
    expect(rows.get('GET /v2/changefeed/latest')).toBe('503 in 120 ms, 4 attempts')
    expect(rows.get('Latest sequence')).toBe('—')
    expect(rows.get('Smoke test')).toBe('failed')
  })

  it('never contains the token or any of its segments, even when a response echoed it', () => {
    const issued = issue({ expires_on: EXPIRES_EPOCH, tenant: OTHER_TENANT_ID, subscription: 'Contoso' })
    const token = issued.value
    const failure = new ActionError('smoke-forbidden', `refused ${token}`, 'assign the role')
    const rows = summaryRows(
      smokeConfig,
      issued,
      report(
        [
          endpoint('changefeed', { status: 403, body: `Bearer ${token}`, failure }),
          endpoint('latest', { status: 200, body: `{"echo": "${token}"}`, sequence: 1 })
        ],
        { passed: false, failure }
      )
    )
    expect(rows.length).toBeGreaterThan(8)
    expect(findLeaks(token, { summary: rows.flat().join('\n') })).toEqual([])
  })

  it('escapes HTML in cells, so an input or a claim cannot become markup in the job summary', async () => {
    const rows = summaryRows(
      config({ resource: 'https://example.test/<b>api</b>?a=1&b=2' }),
      issue({}, { oid: '<img src=x onerror=alert(1)>' }),
      undefined
    )
    const dir = await mkdtemp(join(tmpdir(), 'summary-'))
    const file = join(dir, 'summary')
    await writeFile(file, '')
    const given = process.env.GITHUB_STEP_SUMMARY
    process.env.GITHUB_STEP_SUMMARY = file // core reads the runner's variables from the environment
    try {
      await (await loadRunner()).writeSummary('DICOM access token', rows)
    } finally {
      if (given === undefined) Reflect.deleteProperty(process.env, 'GITHUB_STEP_SUMMARY')
      else process.env.GITHUB_STEP_SUMMARY = given
    }
    const cells = (await readFile(file, 'utf8')).replace(/<\/?(h3|table|tr|td)>/g, '\n')
    await rm(dir, { recursive: true })
    expect(cells).toContain('https://example.test/&lt;b&gt;api&lt;/b&gt;?a=1&amp;b=2')
    expect(cells).toContain('object id &lt;img src=x onerror=alert(1)&gt;')
    expect(cells).not.toMatch(/<[a-z/]/i)
  })
})
