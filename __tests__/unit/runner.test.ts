// The runner's protocol as the action speaks it: commands on stdout, the output and environment files, the job summary,
// and the sanitiser in front of all of them.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { ActionError } from '../../src/errors.ts'
import { checkRunnerFiles, createRunner } from '../../src/runner.ts'
import { makeJwt } from '../../test-support/azure/jwt.ts'
import { parseFileCommands } from '../../test-support/runner/run-action.ts'

let dir: string
let files: { GITHUB_OUTPUT: string; GITHUB_ENV: string; GITHUB_STEP_SUMMARY: string }
let stdout: PassThrough
let printed: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-protocol-'))
  files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary')
  }
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')))
  stdout = new PassThrough()
  printed = ''
  stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')))
})
afterEach(async () => {
  process.exitCode = undefined
  await rm(dir, { recursive: true, force: true })
})

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

describe('createRunner', () => {
  it('writes outputs and variables as heredocs the runner reads back exactly, multi-line values included', async () => {
    const runner = createRunner(files, stdout)
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

  it('reports an output file it cannot write as a runner problem, not a bug', () => {
    const runner = createRunner({ ...files, GITHUB_OUTPUT: dir }, stdout) // a directory
    expect(() => runner.setOutput('token', 'x')).toThrow(ActionError)
  })

  it('prints commands with their data escaped, and fails the step on fail()', () => {
    const runner = createRunner(files, stdout)
    runner.info('plain')
    runner.debug('d')
    runner.warning('100%')
    runner.fail('broken')
    expect(lines()).toEqual(['plain', '::debug::d', '::warning::100%25', '::error::broken'])
    expect(process.exitCode).toBe(1)
  })

  it('masks the token first, then never prints it or its segments, whole, wrapped or encoded', () => {
    const token = makeJwt({ aud: 'https://dicom.healthcareapis.azure.com', oid: 'x'.repeat(20) })
    const runner = createRunner(files, stdout)
    runner.mask(token)
    runner.info(`echo ${token}`)
    runner.warning(`wrapped ${token.match(/.{1,64}/g)?.join('\n') ?? ''}`)
    runner.fail(`encoded ${encodeURIComponent(token)}`)
    const [first, ...rest] = lines()
    expect(first).toBe(`::add-mask::${token}`)
    const [, payload = '', signature = ''] = token.split('.')
    for (const line of rest) {
      const compact = line.replace(/\s/g, '')
      expect(compact).not.toContain(payload.slice(0, 16))
      expect(compact).not.toContain(signature.slice(-16))
    }
  })

  it('keeps every line one line and lets no text issue a workflow command', () => {
    const runner = createRunner(files, stdout)
    runner.info('tenant x\n::set-output name=token::forged\n##[error]forged')
    runner.debug('a\n::stop-commands::end')
    for (const line of lines()) {
      expect(line).not.toMatch(/^\s*::(set-output|stop-commands|error|add-mask)/)
      expect(line).not.toContain('##[')
    }
  })

  it('writes the job summary as one HTML table whose cells stay inside their cell', async () => {
    const runner = createRunner(files, stdout)
    await runner.writeSummary('DICOM access token', [['Tenant', 'a\n\n# Heading <b>bold</b>']])
    const summary = await readFile(files.GITHUB_STEP_SUMMARY, 'utf8')
    expect(summary.split('\n').filter((line) => line !== '')).toHaveLength(2)
    expect(summary).toContain('<td>Tenant</td>')
    expect(summary).not.toContain('<b>')
    expect(summary).not.toMatch(/\n\n/)
  })

  it('does not create a job summary file the runner did not give', async () => {
    const runner = createRunner({ ...files, GITHUB_STEP_SUMMARY: join(dir, 'missing') }, stdout)
    await expect(runner.writeSummary('h', [])).rejects.toThrow()
    await expect(createRunner({ GITHUB_OUTPUT: files.GITHUB_OUTPUT }, stdout).writeSummary('h', [])).rejects.toThrow()
  })
})
