// run() in-process, with a recording runner behind the real sanitiser: each branch of the pipeline as a user sees it
// (outputs, the failure
// line, masking before anything is printed, what the log and summary show), with a stand-in az on PATH and the DICOM
// emulator for the smoke test.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import tls from 'node:tls'
import { stillRunning } from '../../src/sign-in/azure-cli/process-tree.ts'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import type { DicomService } from '../../test-support/dicom/service.ts'
import { startDicomService } from '../../test-support/dicom/service.ts'
import { startConnectProxy } from '../../test-support/net/connect-proxy.ts'
import { fakeRunner } from '../../test-support/runner/fake-runner.ts'
import {
  azCalls,
  emptyDirectory,
  expectNoLeaks,
  runAction,
  summaryTable,
  token,
  useInProcessRunner
} from '../../test-support/runner/in-process.ts'
import { APP_ID, OBJECT_ID, TENANT_ID } from '../../test-support/azure/ids.ts'
import { makeSelfSignedCertificate, removeCertificate, type Certificate } from '../../test-support/net/tls-cert.ts'

const SERVICE_URL = 'https://contoso-dicom.dicom.azurehealthcareapis.com'
const NOT_LOGGED_IN = "ERROR: Please run 'az login' to setup account.\n"
useInProcessRunner()

function expectOneFailure(what: string | RegExp, anchor: string): string {
  const failures = fakeRunner.messages('setFailed')
  expect(failures).toHaveLength(1)
  const [failure = ''] = failures
  expect(failure).toMatch(what)
  expect(failure.endsWith(`#${anchor}`)).toBe(true)
  return failure
}

describe('refusing bad input', () => {
  it.each([
    [{ 'api-version': 'v3' }, "Input 'api-version' is invalid: 'v3'. Allowed: v1.0-prerelease, v1, v2."],
    [{ 'export-variable': 'GITHUB_TOKEN' }, "Input 'export-variable' is invalid: 'GITHUB_TOKEN'"],
    [{ tenant: TENANT_ID, subscription: 'Contoso Imaging' }, "Inputs 'tenant' and 'subscription' were both given."]
  ])('refuses %j with one failure line, before az runs and without any output', async (inputs, message) => {
    await runAction(inputs, { FAKE_AZ_TOKEN: token() })
    expect(fakeRunner.log).toEqual([`::error::${expectOneFailure(message, 'invalid-input')}`])
    expect(await azCalls()).toEqual([])
    expect(fakeRunner.outputs).toEqual({})
    expect(summaryTable()).toMatchObject({ Result: 'failed: no token was issued' })
  })
})

describe('when az is missing or fails', () => {
  it('says az is not logged in and what to run first; az warnings go to debug only', async () => {
    const stderr = `WARNING: A new version is available.\n${NOT_LOGGED_IN}`
    await runAction({}, { FAKE_AZ_MODE: 'fail', FAKE_AZ_STDERR: stderr })
    const failure = expectOneFailure('The Azure CLI is not logged in', 'not-logged-in')
    expect(failure).toContain('Run azure/login earlier in the same job')
    expect(failure).not.toContain('A new version')
    expect(fakeRunner.messages('debug')).toEqual([
      expect.stringMatching(/^az \(.*\) ended with exit code 1 after \d+ ms\.$/),
      'az: WARNING: A new version is available.'
    ])
    expect(await azCalls()).toHaveLength(1)
    expect(fakeRunner.secrets).toEqual([])
    expect(fakeRunner.outputs).toEqual({})
  })

  it('stops az and says it timed out when az hangs past timeout-seconds', async () => {
    const pidFile = join(await emptyDirectory(), 'pid')
    await runAction({ 'timeout-seconds': '1' }, { FAKE_AZ_MODE: 'hang', FAKE_AZ_PIDFILE: pidFile })
    expectOneFailure('az account get-access-token did not finish within 1 s and was stopped.', 'timeouts')
    expect(await stillRunning([Number(await readFile(pidFile, 'utf8'))])).toEqual([])
    expect(fakeRunner.outputs).toEqual({})
  })
})

describe('getting a token', () => {
  it('masks the token before any line, then outputs it with its UTC expiry, tenant and service URL', async () => {
    const jwt = token()
    await runAction(
      { 'dicom-url': `${SERVICE_URL}/` },
      {
        FAKE_AZ_TOKEN: jwt,
        FAKE_AZ_EXPIRES_ON: '1900000000', // 2030-03-17T17:46:40Z
        FAKE_AZ_STDERR: 'WARNING: A new version of Azure CLI is available.\n'
      }
    )
    expect(fakeRunner.calls[0]).toEqual({ kind: 'setSecret', value: jwt })
    expect(fakeRunner.secrets).toEqual([jwt])
    expect(fakeRunner.outputs).toEqual({
      token: jwt,
      'expires-on': '2030-03-17T17:46:40Z',
      'tenant-id': TENANT_ID,
      'dicom-base-url': `${SERVICE_URL}/v2`,
      'smoke-test-result': 'skipped'
    })
    expect(fakeRunner.messages('setFailed')).toEqual([])
    expect(fakeRunner.messages('warning')).toEqual([])
    expect(fakeRunner.messages('debug')).toEqual([
      expect.stringMatching(/^az \(.*\) ended with exit code 0 after \d+ ms\.$/),
      'az: WARNING: A new version of Azure CLI is available.'
    ])
    const who = `object id ${OBJECT_ID}, app id ${APP_ID}, tenant ${TENANT_ID}`
    expect(fakeRunner.messages('info')).toEqual([expect.stringContaining(`${who}); it expires 2030-03-17T17:46:40Z`)])
    expect(fakeRunner.exportedVariables).toEqual({})
    expect(summaryTable()).toMatchObject({ 'Token expires': '2030-03-17T17:46:40Z', 'Smoke test': 'skipped' })
    const azArgs = ['account', 'get-access-token', '--resource', DEFAULT_RESOURCE, '--output', 'json']
    expect(await azCalls()).toEqual([azArgs])
    expectNoLeaks(jwt)
  })

  // Kept beside runner/token.test.ts's export test: only in-process can it be seen that the export follows the mask
  // (at runner level they land in different files).
  it('also exports the token as the named environment variable, after masking it', async () => {
    const jwt = token()
    await runAction({ 'export-variable': 'DICOM_TOKEN' }, { FAKE_AZ_TOKEN: jwt })
    expect(fakeRunner.exportedVariables).toEqual({ DICOM_TOKEN: jwt })
    expect(fakeRunner.calls.findIndex((call) => call.kind === 'exportVariable')).toBeGreaterThan(0)
    expect(fakeRunner.calls[0]).toEqual({ kind: 'setSecret', value: jwt })
    expect(fakeRunner.messages('setFailed')).toEqual([])
    expectNoLeaks(jwt, 'DICOM_TOKEN')
  })

  it('still succeeds when the job summary cannot be written, and says why in the debug log', async () => {
    const jwt = token()
    const why = 'Unable to find environment variable for $GITHUB_STEP_SUMMARY.' // as the real core.summary says
    fakeRunner.summaryFailure = new Error(why)
    await runAction({}, { FAKE_AZ_TOKEN: jwt })
    expect(fakeRunner.messages('setFailed')).toEqual([])
    expect(fakeRunner.outputs).toMatchObject({ token: jwt, 'smoke-test-result': 'skipped' })
    expect(fakeRunner.messages('debug').filter((line) => !line.startsWith('az ('))).toEqual([
      `No job summary written: ${why}`
    ])
  })
})

describe('an unexpected error', () => {
  const frames = /^\s+at /m

  it('becomes one failure line that asks for an issue; the stack goes to the debug log only', async () => {
    const jwt = token()
    // What the real core.setOutput throws when the runner's output file is gone.
    const missing = 'Missing file at path: /home/runner/work/_temp/_runner_file_commands/set_output'
    fakeRunner.throwing.setOutput = new Error(missing)
    await runAction({}, { FAKE_AZ_TOKEN: jwt })
    expect(fakeRunner.messages('setFailed')).toEqual([
      `The action failed unexpectedly: ${missing}. ` +
        'This is a bug in the action; please open an issue with the debug log (re-run with debug logging enabled). ' +
        `See https://github.com/dicom-tools/dicom-token-action/blob/main/docs/troubleshooting.md#reporting-a-bug`
    ])
    // The stack goes to the debug log one line at a time: the message, then its frames.
    const debug = fakeRunner.messages('debug').filter((line) => !line.startsWith('az ('))
    expect(debug[0]).toMatch(/^Error: Missing file at path: /)
    expect(debug.filter((line) => frames.test(line)).length).toBeGreaterThan(0)
    expect(fakeRunner.log.filter((line) => !line.startsWith('::debug::') && frames.test(line))).toEqual([])
    expect(fakeRunner.calls[0]).toEqual({ kind: 'setSecret', value: jwt })
  })

  it('shows *** in place of the token if the error quotes it, in the failure line and in the stack', async () => {
    const jwt = token()
    fakeRunner.throwing.exportVariable = new Error(`Cannot export ${jwt}`)
    await runAction({ 'export-variable': 'DICOM_TOKEN' }, { FAKE_AZ_TOKEN: jwt })
    const failure = 'The action failed unexpectedly: Cannot export ***.'
    expect(fakeRunner.messages('setFailed')).toEqual([expect.stringContaining(failure)])
    expect(fakeRunner.messages('debug').find((line) => !line.startsWith('az ('))).toBe('Error: Cannot export ***')
    expectNoLeaks(jwt)
  })
})

describe('the smoke test', () => {
  let dicom: DicomService
  const systemCertificates = tls.getCACertificates('default')

  // The emulator's certificate is self-signed. The spawned action trusts it through NODE_EXTRA_CA_CERTS, which node
  // reads only at startup; in-process, it is added to this process's default CA list for these tests.
  let certificate: Certificate
  beforeAll(async () => {
    certificate = await makeSelfSignedCertificate('dicom-emulator-in-process')
    tls.setDefaultCACertificates([...systemCertificates, certificate.cert])
    dicom = await startDicomService({ certificate, tenantId: TENANT_ID, entries: 3 })
  })
  afterAll(async () => {
    tls.setDefaultCACertificates(systemCertificates)
    await dicom.close()
    await removeCertificate(certificate)
  })
  beforeEach(() => {
    dicom.setFault({ kind: 'none' })
    dicom.requests.length = 0
  })

  const smokeInputs = (): Record<string, string> => ({
    'dicom-url': dicom.url,
    'smoke-test': 'true',
    'timeout-seconds': '10'
  })

  it('passes: reads the change feed with the token, outputs the latest sequence and says so', async () => {
    const jwt = token()
    await runAction(smokeInputs(), { FAKE_AZ_TOKEN: jwt })
    expect(fakeRunner.messages('setFailed')).toEqual([])
    expect(fakeRunner.outputs).toMatchObject({
      token: jwt,
      'dicom-base-url': `${dicom.url}/v2`,
      'smoke-test-result': 'passed',
      'latest-sequence': '3'
    })
    expect(dicom.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${jwt}`, `Bearer ${jwt}`])
    expect(fakeRunner.messages('info')).toContainEqual(
      expect.stringMatching(/^Smoke test passed in \d+ ms: the change feed answered in \d+ ms; latest sequence 3\.$/)
    )
    expect(summaryTable()).toMatchObject({ 'Latest sequence': '3', 'Smoke test': 'passed' })
    expect(fakeRunner.calls[0]).toEqual({ kind: 'setSecret', value: jwt })
    expectNoLeaks(jwt)
  })

  it('goes through the HTTPS_PROXY that run() is given, which sees only the CONNECT', async () => {
    const proxy = await startConnectProxy()
    try {
      const jwt = token()
      await runAction(smokeInputs(), { FAKE_AZ_TOKEN: jwt }, { HTTPS_PROXY: proxy.url })
      expect(fakeRunner.messages('setFailed')).toEqual([])
      expect(fakeRunner.outputs['smoke-test-result']).toBe('passed')
      expect(proxy.tunnels.map((tunnel) => tunnel.target)).toEqual([new URL(dicom.url).host])
      expect(dicom.requests).toHaveLength(2)
    } finally {
      await proxy.close()
    }
  })

  it('fails with the diagnosis, keeps the token outputs for later steps, and still writes the summary', async () => {
    const jwt = token()
    dicom.setFault({ kind: 'forbidden' })
    await runAction(smokeInputs(), { FAKE_AZ_TOKEN: jwt })
    const failure = expectOneFailure(`refused object id ${OBJECT_ID}`, '403-forbidden')
    expect(failure).toContain('DICOM Data Reader (or DICOM Data Owner) role')
    expect(fakeRunner.outputs).toMatchObject({ token: jwt, 'smoke-test-result': 'failed' })
    expect(fakeRunner.outputs['latest-sequence']).toBeUndefined()
    expect(summaryTable()).toMatchObject({ 'Smoke test': 'failed' })
    expect(fakeRunner.log.some((line) => /^\s+at /m.test(line))).toBe(false)
    expectNoLeaks(jwt)
  })
})
