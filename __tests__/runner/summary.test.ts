// The job summary and the input warnings as the runner shows them, from the spawned bundle: a mark and the DICOM host
// in the heading; on failure the reason and a link to its entry, also when the step failed before it had a token
// (invalid input, not signed in); never a secret.
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { FAILED_MARK, PASSED_MARK } from '../../src/summary.ts'
import { accessTokenClaims, makeJwt } from '../../test-support/azure/jwt.ts'
import type { DicomService } from '../../test-support/dicom/service.ts'
import { startDicomService } from '../../test-support/dicom/service.ts'
import type { Certificate } from '../../test-support/net/tls-cert.ts'
import { makeSelfSignedCertificate, removeCertificate } from '../../test-support/net/tls-cert.ts'
import { expectNoTokenShown, expectOneError } from '../../test-support/runner/expect-run.ts'
import type { ActionRun } from '../../test-support/runner/run-action.ts'
import { fakeAzDirectory, runAction } from '../../test-support/runner/run-action.ts'

const TENANT = '3c7e9a1b-2d4f-4a6b-8c0d-1e2f3a4b5c6d'
const OBJECT_ID = '7a6b5c4d-3e2f-4109-8a7b-6c5d4e3f2a1b'
const NOT_LOGGED_IN = "ERROR: Please run 'az login' to setup account.\n"

let azDir: string
let certificate: Certificate
let dicom: DicomService

beforeAll(async () => {
  ;[azDir, certificate] = await Promise.all([fakeAzDirectory(), makeSelfSignedCertificate('dicom-summary')])
  dicom = await startDicomService({ certificate, tenantId: TENANT, entries: 2 })
})
afterAll(async () => {
  await dicom.close()
  await rm(azDir, { recursive: true, force: true })
  await removeCertificate(certificate)
})
beforeEach(() => dicom.setFault({ kind: 'none' }))

const jwt = makeJwt(
  accessTokenClaims({
    audience: DEFAULT_RESOURCE,
    tenantId: TENANT,
    objectId: OBJECT_ID,
    appId: 'c0ffee00-1111-4222-8333-944455556666',
    lifetimeSeconds: 3600
  })
)

function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    inputs: { 'timeout-seconds': '10', ...inputs },
    path: [azDir, dirname(process.execPath)],
    env: { FAKE_AZ_TOKEN: jwt, FAKE_AZ_TENANT: TENANT, NODE_EXTRA_CA_CERTS: certificate.certPath, ...env }
  })
}

/** The summary as the runner keeps it: its heading, and each row's name with its cell's HTML. */
function summaryOf(result: ActionRun): { heading: string; rows: Map<string, string> } {
  const heading = /<h3>(.*?)<\/h3>/.exec(result.summary)?.[1] ?? ''
  const rows = [...result.summary.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)]
  return { heading, rows: new Map(rows.map(([, name = '', cell = '']) => [name, cell])) }
}

/** A cell's HTML as the text a reader sees. */
function textOf(html: string): string {
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' }
  return html.replace(/&(lt|gt|quot|#39|amp);/g, (entity) => entities[entity] ?? entity)
}

/** The failure's sentence is the error line without its link, and the link is the error line's. */
function expectReasonAndLink(result: ActionRun, anchor: string): void {
  const error = expectOneError(result, anchor)
  const [sentence = '', url = ''] = error.split(' See ')
  const { rows } = summaryOf(result)
  expect(textOf(rows.get('Why') ?? '')).toBe(sentence)
  expect(rows.get('Troubleshooting')).toBe(`<a href="${url}">troubleshooting.md#${anchor}</a>`)
}

const host = (): string => new URL(dicom.url).host

describe('the job summary', () => {
  it('marks a pass and names the DICOM host in the heading', async () => {
    const result = await run({ 'dicom-url': dicom.url, 'smoke-test': 'true' })
    expect(result.exitCode).toBe(0)
    const { heading, rows } = summaryOf(result)
    expect(heading).toBe(`${PASSED_MARK} DICOM access token for ${host()}`)
    expect(rows.get('Result')).toBe('passed')
    expect(rows.has('Why')).toBe(false)
    // The token line names the audience once: it is the resource asked for.
    expect(result.stdout).toContain(`Got a token for ${DEFAULT_RESOURCE} from az (object id ${OBJECT_ID},`)
  })

  it('on a smoke test failure, marks it and gives the reason and its link; the token shows nowhere', async () => {
    dicom.setFault({ kind: 'forbidden' })
    const result = await run({ 'dicom-url': dicom.url, 'smoke-test': 'true' })
    expectReasonAndLink(result, '403-forbidden')
    const { heading, rows } = summaryOf(result)
    expect(heading).toBe(`${FAILED_MARK} DICOM access token for ${host()}`)
    expect(rows.get('Result')).toBe('failed in the smoke test; the token outputs are set')
    expect(rows.get('Smoke test')).toBe('failed')
    expectNoTokenShown(result, jwt)
  })

  it('on invalid input, gives the refusal and its link, and shows no password the input held', async () => {
    const result = await run({
      'dicom-url': 'https://reader:hunter22-pw@contoso-dicom.dicom.azurehealthcareapis.com',
      'smoke-test': 'true'
    })
    expectReasonAndLink(result, 'invalid-input')
    const { heading, rows } = summaryOf(result)
    expect(heading).toBe(`${FAILED_MARK} DICOM access token`)
    expect(rows.get('Result')).toBe('failed: no token was issued')
    expect(rows.get('Why')).toContain('https://***@contoso-dicom')
    expect(result.summary + result.stdout).not.toContain('hunter22')
    expect(result.outputs).toEqual({})
  })

  it('when az is not signed in, gives the reason and its link, and names the service it was for', async () => {
    const result = await run(
      { 'dicom-url': dicom.url, 'smoke-test': 'true' },
      { FAKE_AZ_MODE: 'fail', FAKE_AZ_STDERR: NOT_LOGGED_IN }
    )
    expectReasonAndLink(result, 'not-logged-in')
    const { heading, rows } = summaryOf(result)
    expect(heading).toBe(`${FAILED_MARK} DICOM access token for ${host()}`)
    expect(rows.get('Result')).toBe('failed: no token was issued')
    expect(rows.get('Why')).toContain('The Azure CLI is not logged in')
    expect(rows.has('Smoke test')).toBe(false)
  })
})

describe('inputs', () => {
  test.each([
    [{ 'wait-for-access': 'true' }, "Input 'wait-for-access' is true but the smoke test is off, so it does nothing"],
    [{ 'api-version': 'v1' }, "Input 'api-version' is v1 but 'dicom-url' is empty, so it does nothing"]
  ])('%j gets one warning that it does nothing, and the step goes on', async (inputs, warning) => {
    const result = await run(inputs)
    expect(result.exitCode).toBe(0)
    expect(result.warnings).toEqual([expect.stringContaining(warning)])
    expect(result.outputs.token).toBe(jwt)
  })

  it('warns of an idle input also when the step then fails', async () => {
    const result = await run({ 'wait-for-access': 'true' }, { FAKE_AZ_MODE: 'fail', FAKE_AZ_STDERR: NOT_LOGGED_IN })
    expectOneError(result, 'not-logged-in')
    expect(result.warnings).toEqual([expect.stringContaining("Input 'wait-for-access' is true")])
  })

  it('a dicom-url without a scheme is refused with "add https://", before az runs', async () => {
    const given = 'myworkspace-mydicom.dicom.azurehealthcareapis.com'
    const result = await run({ 'dicom-url': given, 'smoke-test': 'true' }, { FAKE_AZ_MODE: 'fail' })
    const error = expectOneError(result, 'invalid-input')
    expect(error).toMatch(
      new RegExp(
        `^Input 'dicom-url' is invalid: '${given}' has no scheme\\. Add https:// in front: 'https://${given}'\\.`
      )
    )
    expect(result.outputs).toEqual({})
  })
})
