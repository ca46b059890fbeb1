// Hostile inputs, az output and runner environments, against the bundled action spawned as the runner spawns it:
// arguments az could read as files, text that tries to issue workflow commands, tokens and expiries that are not what
// they claim, an az killed by a signal, and runners without an output file. The DICOM-side cases are in
// hostile-service.test.ts. ACTION_ENTRY_UNDER_TEST=<bundle> runs these against another build.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { accessTokenClaims, makeJwt } from '../../test-support/azure/jwt.ts'
import type { Claims } from '../../test-support/azure/jwt.ts'
import { findLeakedWindows, runPlaces } from '../../test-support/runner/leak-check.ts'
import type { ActionRun } from '../../test-support/runner/run-action.ts'
import { fakeAzDirectory, runAction } from '../../test-support/runner/run-action.ts'
import { expectNoTokenShown, expectOneError } from '../../test-support/runner/expect-run.ts'

const TENANT = '5d0f3c2b-8a7e-4f61-9b2d-0c1e2f3a4b5c'
const OBJECT_ID = '2e4f6a8c-0b1d-4e3f-8a5c-7e9f1b3d5a7c'
const APP_ID = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d'
// No system directories: /bin and /usr/bin hold the real az on machines that have it.
const SYSTEM_PATH = [dirname(process.execPath)]
// Text that would be a workflow command, a log group, a colour or a Markdown heading if printed as it is.
const HOSTILE_TENANT = 'x\n::set-output name=token::forged\n::stop-commands::stop'
const HOSTILE_CLAIM = 'x\n::error::forged ##[error]forged \u001b[31m red \u0000 nul\n\n# Heading [link](https://evil)'
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i

let azDir: string
let calls: string
const made: string[] = []

beforeAll(async () => {
  azDir = await fakeAzDirectory()
})
afterAll(() => rm(azDir, { recursive: true, force: true }))
beforeEach(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hostile-az-calls-'))
  made.push(dir)
  calls = join(dir, 'calls.jsonl')
})
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

function claims(overrides: Claims = {}): Claims {
  const base = accessTokenClaims({
    audience: DEFAULT_RESOURCE,
    tenantId: TENANT,
    objectId: OBJECT_ID,
    appId: APP_ID,
    lifetimeSeconds: 3600
  })
  return { ...base, ...overrides }
}

async function azRan(): Promise<boolean> {
  return existsSync(calls) && (await readFile(calls, 'utf8')).trim() !== ''
}

/** Runs the action with the stand-in az; wherever it ends, no part of `jwt` shows but in its mask line and `token`. */
async function run(jwt: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  const result = await runAction({
    inputs,
    path: [azDir, ...SYSTEM_PATH],
    env: { FAKE_AZ_CALLS: calls, FAKE_AZ_TOKEN: jwt, FAKE_AZ_TENANT: TENANT, ...env }
  })
  expectNoTokenShown(result, jwt)
  return result
}

/** The lines of stdout that the runner would read as commands a step should never issue, or that forge an error. */
function forgedCommands(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /^::(set-output|set-env|stop-commands|add-path|save-state)\b|^::error::forged/.test(line))
}

describe('no argument to az can be read as a file (item 1)', () => {
  it.each([
    ['subscription', '@/proc/self/environ'],
    ['tenant', '@x'],
    ['resource', '@/dev/zero'],
    ['subscription', '-x']
  ])("refuses %s '%s' before az runs, in one line that shows nothing of the environment", async (input, value) => {
    const result = await run(makeJwt(claims()), { [input]: value }, { HOSTILE_MARKER: 'must-not-show' })
    const error = expectOneError(result, 'invalid-input')
    expect(error).toContain(`Input '${input}' is invalid`)
    expect(error).toContain(`'@' or '-'`)
    expect(error).not.toContain('PATH=')
    expect(error).not.toContain('must-not-show')
    expect(await azRan()).toBe(false)
  })
})

describe('one choke point for everything printed (item 2b) and a tenant-id that is only a tenant (item 3)', () => {
  it('text from az and the token claims issues no workflow command, no colour, no NUL, no Markdown', async () => {
    const jwt = makeJwt(claims({ oid: HOSTILE_CLAIM, appid: HOSTILE_CLAIM, aud: HOSTILE_CLAIM }))
    const result = await run(jwt, {}, { FAKE_AZ_TENANT: HOSTILE_TENANT })
    expect(forgedCommands(result.stdout)).toEqual([])
    expect(result.stdout.split(/\r?\n/).filter((line) => line.includes('##['))).toEqual([])
    expect(result.stdout).not.toContain('\u001b')
    expect(result.stdout).not.toContain('\u0000')
    const summaryLines = result.summary.split(/\r?\n/).slice(0, -1) // the summary ends with a newline
    expect(summaryLines.filter((line) => line.trim() === '')).toEqual([])
    expect(summaryLines.filter((line) => line.trimStart().startsWith('#'))).toEqual([])
    expect(result.outputs.token).toBe(jwt)
    // A pass has no error line; a refusal has exactly one.
    expect(result.errors).toHaveLength(result.exitCode === 0 ? 0 : 1)
    expect(result.errors.filter((error) => error.includes('forged'))).toEqual([])
  })

  it('tenant-id is a GUID, a domain or empty, never the multi-line text az printed', async () => {
    const result = await run(makeJwt(claims()), {}, { FAKE_AZ_TENANT: HOSTILE_TENANT })
    expect(result.errors).toHaveLength(result.exitCode === 0 ? 0 : 1)
    const tenantId = result.outputs['tenant-id'] ?? ''
    expect(tenantId === '' || GUID.test(tenantId) || DOMAIN.test(tenantId)).toBe(true)
    expect(result.outputs['tenant-id']).not.toContain('forged')
  })
})

describe('a token and an expiry are what they claim to be (item 4)', () => {
  it.each([
    ['a space', (jwt: string) => jwt.replace('.', '. ')],
    ['a newline', (jwt: string) => `${jwt}\n${jwt.split('.').reverse().join('.')}`],
    ['a control character', (jwt: string) => `${jwt}\u0007`],
    ['non-ASCII text', (jwt: string) => `${jwt}é€`]
  ])('refuses a token with %s, and shows nothing of it anywhere', async (_name, spoil) => {
    const jwt = makeJwt(claims())
    const result = await run(jwt, {}, { FAKE_AZ_TOKEN: spoil(jwt) })
    expectOneError(result, 'unreadable-azure-cli-output')
    expect(result.outputs.token).toBeUndefined()
    // Not even in a mask line, and not in the token output.
    const everywhere = { ...runPlaces(result), ...Object.fromEntries(Object.entries(result.outputs)) }
    expect(findLeakedWindows(jwt, everywhere, { maskLine: false })).toEqual([])
    expect(result.stdout).not.toContain(jwt.split('.')[2])
  })

  it('expires_on 1e20 from az: expires-on is the exp claim of the token, in UTC to the second', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600
    const result = await run(makeJwt(claims({ exp })), {}, { FAKE_AZ_EXPIRES_ON: '1e20' })
    expect(result.exitCode).toBe(0)
    expect(result.errors).toEqual([])
    expect(result.outputs['expires-on']).toBe(new Date(exp * 1000).toISOString().replace('.000Z', 'Z'))
    expect(result.outputs['expires-on']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  })

  it('exp 1e300 from az 2.45 (no expires_on): expires-on is empty; one warning: the expiry is unknown', async () => {
    const result = await run(makeJwt(claims({ exp: 1e300 })), {}, { FAKE_AZ_FORMAT: '2.45' })
    expect(result.exitCode).toBe(0)
    expect(result.errors).toEqual([])
    expect(result.outputs['expires-on']).toBe('')
    expect(result.warnings).toEqual([expect.stringMatching(/expir.*unknown|unknown.*expir/i)])
    expect(result.stdout).not.toContain('Invalid time value')
  })

  it('az killed by a signal is reported with the signal, not as exit code null', async () => {
    const result = await run(makeJwt(claims()), {}, { FAKE_AZ_MODE: 'signal' })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain('signal SIGKILL')
    expect(result.errors[0]).not.toContain('exit code null')
  })
})

describe('never the old stdout commands (item 5)', () => {
  it('with GITHUB_OUTPUT empty, fails before az runs and prints no ::set-output', async () => {
    const jwt = makeJwt(claims())
    const result = await run(jwt, {}, { GITHUB_OUTPUT: '' })
    const error = expectOneError(result, 'no-output-file-from-the-runner')
    expect(error).toContain('GITHUB_OUTPUT')
    expect(result.stdout).not.toContain('::set-output')
    expect(result.stdout).not.toContain(jwt.split('.')[1])
    expect(result.stdout).not.toContain(jwt.split('.')[2])
    expect(await azRan()).toBe(false)
  })

  it('with GITHUB_OUTPUT a directory, fails in one line, and the token shows only in its mask line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hostile-output-dir-'))
    made.push(dir)
    const jwt = makeJwt(claims())
    const result = await run(jwt, {}, { GITHUB_OUTPUT: dir })
    expectOneError(result, 'no-output-file-from-the-runner')
    expect(result.stdout).not.toContain('::set-output')
    const lines = result.stdout.split(/\r?\n/).filter((line) => line.includes(jwt.split('.')[2] ?? '-'))
    expect(lines.every((line) => line === `::add-mask::${jwt}`)).toBe(true)
  })
})
