// The runner's protocol as the action speaks it through @actions/core: commands on stdout, the output, environment and
// state files, the job summary, the OIDC token, and the sanitiser in front of all of them.
import { jest } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ActionError } from '../../src/errors.ts'
import { checkRunnerFiles, createRunner, loadRunner } from '../../src/runner.ts'
import type { Runner } from '../../src/runner.ts'
import { LEFT_STUDY_STATE, stateVariable } from '../../src/state.ts'
import { makeJwt } from '../../test-support/azure/jwt.ts'
import { parseFileCommands } from '../../test-support/runner/run-action.ts'

type RunnerFiles = Record<'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_STATE', string>

let dir: string
let files: RunnerFiles
let printed: string
const savedEnv = { ...process.env }
const realWrite = process.stdout.write.bind(process.stdout)

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-protocol-'))
  files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_STATE: join(dir, 'state')
  }
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')))
  Object.assign(process.env, files)
  printed = ''
  // core writes to process.stdout itself: what it writes is what the runner would read.
  process.stdout.write = (chunk: string | Uint8Array) => {
    printed += chunk.toString()
    return true
  }
})
afterEach(async () => {
  process.stdout.write = realWrite
  process.exitCode = undefined
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) Reflect.deleteProperty(process.env, name)
  Object.assign(process.env, savedEnv)
  await rm(dir, { recursive: true, force: true })
})

/** A runner over a core of its own: core keeps the job summary's path once it has found it, as a runner's step would. */
async function freshRunner(): Promise<Runner> {
  jest.resetModules()
  return createRunner(await import('@actions/core'))
}

const lines = (): string[] => printed.split('\n').filter((line) => line !== '')

describe('checkRunnerFiles', () => {
  it('passes when the output file exists, and the environment file too when exporting', () => {
    expect(() => checkRunnerFiles(files, false)).not.toThrow()
    expect(() => checkRunnerFiles(files, true)).not.toThrow()
  })

  it.each<[string, Record<string, string>, boolean, string]>([
    ['no GITHUB_OUTPUT', { GITHUB_ENV: 'x' }, false, 'GITHUB_OUTPUT'],
    ['a GITHUB_OUTPUT that does not exist', { GITHUB_OUTPUT: '/nonexistent/output' }, false, 'GITHUB_OUTPUT'],
    ['no GITHUB_ENV when exporting', { GITHUB_OUTPUT: 'the real one' }, true, 'GITHUB_ENV']
  ])('refuses %s, naming the variable', (_, env, exporting, named) => {
    const given = env.GITHUB_OUTPUT === 'the real one' ? { GITHUB_OUTPUT: files.GITHUB_OUTPUT } : env
    let refusal: unknown
    try {
      checkRunnerFiles(given, exporting)
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(ActionError)
    expect((refusal as ActionError).kind).toBe('runner-files')
    expect((refusal as ActionError).message).toContain(`no ${named} file`)
  })
})

describe('the runner over @actions/core', () => {
  it('writes outputs and variables as heredocs the runner reads back exactly, multi-line values included', async () => {
    const runner = await loadRunner()
    runner.setOutput('tenant-id', 'abc')
    runner.setOutput('odd', 'line one\nline two')
    runner.exportVariable('DICOM_TOKEN', 'value')
    expect(parseFileCommands(await readFile(files.GITHUB_OUTPUT, 'utf8'))).toEqual({
      'tenant-id': 'abc',
      odd: 'line one\nline two'
    })
    expect(parseFileCommands(await readFile(files.GITHUB_ENV, 'utf8'))).toEqual({ DICOM_TOKEN: 'value' })
    expect(printed).toBe('')
  })

  it('reports an output file it cannot write as a runner problem, not a bug', async () => {
    const runner = await freshRunner()
    process.env.GITHUB_OUTPUT = dir // a directory
    expect(() => runner.setOutput('token', 'x')).toThrow(
      new ActionError(
        'runner-files',
        "The runner's GITHUB_OUTPUT file could not be written (EISDIR), so 'token' was not set.",
        ''
      )
    )
    process.env.GITHUB_OUTPUT = join(dir, 'gone')
    expect(() => runner.setOutput('token', 'x')).toThrow(/GITHUB_OUTPUT file could not be written \(missing\)/)
  })

  it.each([
    ['setOutput', 'GITHUB_OUTPUT'],
    ['exportVariable', 'GITHUB_ENV'],
    ['saveState', 'GITHUB_STATE']
  ] as const)('%s without %s refuses, rather than print the value on stdout as core would', async (command, file) => {
    const runner = await freshRunner()
    Reflect.deleteProperty(process.env, file)
    let refusal: unknown
    try {
      runner[command]('name', 'the-value')
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(ActionError)
    expect((refusal as ActionError).message).toContain(`${file} file could not be written (not set)`)
    expect(printed).toBe('')
  })

  it('prints commands with their data escaped, and fails the step on fail()', async () => {
    const runner = await freshRunner()
    runner.info('plain')
    runner.debug('d')
    runner.warning('100%')
    runner.fail('broken')
    expect(lines()).toEqual(['plain', '::debug::d', '::warning::100%25', '::error::broken'])
    expect(process.exitCode).toBe(1)
  })

  it('masks the token first, then never prints it or its segments, whole, wrapped or encoded', async () => {
    const token = makeJwt({ aud: 'https://dicom.healthcareapis.azure.com', oid: 'x'.repeat(20) })
    const runner = await freshRunner()
    runner.mask(token)
    runner.info(`echo ${token}`)
    runner.warning(`wrapped ${token.match(/.{1,64}/g)?.join('\n') ?? ''}`)
    runner.fail(`encoded ${encodeURIComponent(token)}`)
    const [first, ...rest] = lines()
    expect(first).toBe(`::add-mask::${token}`)
    expect(rest).toHaveLength(3)
    const [, payload = '', signature = ''] = token.split('.')
    for (const line of rest) {
      const compact = line.replace(/\s/g, '')
      expect(compact).not.toContain(payload.slice(0, 16))
      expect(compact).not.toContain(signature.slice(-16))
    }
  })

  it('keeps every line one line and lets no text issue a workflow command', async () => {
    const runner = await freshRunner()
    runner.info('tenant x\n::set-output name=token::forged\n##[error]forged')
    runner.debug('a\n::stop-commands::end')
    expect(lines()).toHaveLength(3)
    for (const line of lines()) {
      expect(line).not.toMatch(/^\s*::(set-output|stop-commands|error|add-mask)/)
      expect(line).not.toContain('##[')
    }
  })

  it('writes the job summary as one HTML table whose cells stay inside their cell', async () => {
    const runner = await freshRunner()
    await runner.writeSummary('DICOM access token', [['Tenant', 'a\n\n# Heading <b>bold</b>']])
    const summary = await readFile(files.GITHUB_STEP_SUMMARY, 'utf8')
    expect(summary.split('\n').filter((line) => line !== '')).toHaveLength(2)
    expect(summary).toContain('<h3>DICOM access token</h3>')
    expect(summary).toContain('<tr><td>Tenant</td><td>a\\n\\n# Heading &lt;b&gt;bold&lt;/b&gt;</td></tr>')
    expect(summary).not.toContain('<b>')
    expect(summary).not.toMatch(/\n\n/)
  })

  it('does not create a job summary file the runner did not give', async () => {
    const missing = join(dir, 'missing')
    process.env.GITHUB_STEP_SUMMARY = missing
    await expect((await freshRunner()).writeSummary('h', [])).rejects.toThrow(/Unable to access summary file/)
    await expect(readFile(missing)).rejects.toThrow()
    Reflect.deleteProperty(process.env, 'GITHUB_STEP_SUMMARY')
    await expect((await freshRunner()).writeSummary('h', [])).rejects.toThrow(/GITHUB_STEP_SUMMARY/)
  })

  it('keeps state for the post step in the runner state file, and reads it back from the environment', async () => {
    const runner = await freshRunner()
    runner.saveState('created', 'study 1.2.3')
    expect(parseFileCommands(await readFile(files.GITHUB_STATE, 'utf8'))).toEqual({ created: 'study 1.2.3' })
    // As the runner hands it to the post step; post.ts reads the same variable without core, to end at once.
    process.env[stateVariable('created')] = 'study 1.2.3'
    expect(runner.getState('created')).toBe('study 1.2.3')
    expect(stateVariable(LEFT_STUDY_STATE)).toBe('STATE_synthetic-study')
    expect(runner.getState('other')).toBe('')
    expect(printed).toBe('')
  })

  it('refuses to keep a secret in state', async () => {
    const token = makeJwt({ oid: 'y'.repeat(20) })
    const runner = await freshRunner()
    runner.mask(token)
    expect(() => runner.saveState('token', `Bearer ${token}`)).toThrow(/would hold a secret/)
    expect(await readFile(files.GITHUB_STATE, 'utf8')).toBe('')
  })
})

describe('getIDToken', () => {
  const oidcToken = makeJwt({ aud: 'api://AzureADTokenExchange', sub: 'repo:o/r:ref:refs/heads/main' })
  let asked: string[]
  let close: () => Promise<void>

  beforeEach(async () => {
    asked = []
    // The runner's OIDC endpoint: a bearer request token in, {"value": <JWT>} out.
    const server = createServer((request, response) => {
      asked.push(`${request.url ?? ''} ${request.headers.authorization ?? ''}`)
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify({ value: oidcToken }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `http://127.0.0.1:${port}/token?api-version=2.0`
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'request-token'
    close = () => new Promise((resolve) => server.close(() => resolve()))
  })
  afterEach(() => close())

  it('asks the runner for a token for the audience, masks it, and removes it from every later line', async () => {
    const accessToken = makeJwt({ aud: 'https://dicom.healthcareapis.azure.com', oid: 'z'.repeat(20) })
    const runner = await freshRunner()
    runner.mask(accessToken)
    expect(await runner.getIDToken('api://AzureADTokenExchange')).toBe(oidcToken)
    expect(asked).toEqual(['/token?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange Bearer request-token'])
    runner.info(`both ${oidcToken} and ${accessToken}`)
    runner.warning(`wrapped ${oidcToken.match(/.{1,50}/g)?.join('\n') ?? ''}`)
    runner.debug(`encoded ${encodeURIComponent(accessToken)}`)
    const masked = lines().filter((line) => line.startsWith('::add-mask::'))
    expect(masked).toEqual([`::add-mask::${accessToken}`, `::add-mask::${oidcToken}`, `::add-mask::${oidcToken}`])
    const after = lines().slice(lines().lastIndexOf(`::add-mask::${oidcToken}`) + 1)
    expect(after).toHaveLength(3)
    for (const token of [oidcToken, accessToken]) {
      const [, payload = '', signature = ''] = token.split('.')
      for (const line of after) {
        expect(line.replace(/\s/g, '')).not.toContain(payload.slice(0, 16))
        expect(line.replace(/\s/g, '')).not.toContain(signature.slice(-16))
      }
    }
  })

  it('rejects where the job may not ask for one', async () => {
    Reflect.deleteProperty(process.env, 'ACTIONS_ID_TOKEN_REQUEST_URL')
    await expect((await freshRunner()).getIDToken('api://AzureADTokenExchange')).rejects.toThrow(
      /ACTIONS_ID_TOKEN_REQUEST_URL/
    )
    expect(asked).toEqual([])
  })
})
