// run() in-process, as the runner would run it, with a recording runner (fake-runner.ts) behind the real sanitiser,
// a stand-in az on PATH, and the runner's files in place. Shared by the in-process test files.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { inputVariable } from '../../src/inputs.ts'
import { run } from '../../src/main.ts'
import { cleanUpLeftStudy } from '../../src/post-cleanup.ts'
import { sanitising } from '../../src/runner.ts'
import { fakeAzWith } from '../azure/fake-az-command.ts'
import { fakeRunner } from './fake-runner.ts'
import { APP_ID, OBJECT_ID, TENANT_ID } from '../azure/ids.ts'
import { accessTokenClaims, makeJwt } from '../azure/jwt.ts'
import { findLeaks } from './leak-check.ts'
import { declaredInputDefaults } from './run-action.ts'

/** Directories a test made (fake az, empty PATH entries): removed after each test. */
const madeDirectories: string[] = []
const ORIGINAL_PATH = process.env.PATH
// No system directories: /bin and /usr/bin hold the real az on machines that have it.
const NODE_DIR = dirname(process.execPath)

let callsFile: string
/** The runner's files must exist (the action refuses to run without them); what is written to them is recorded by
 * the fake runner instead. */
let runnerFiles: Record<string, string>

/** Installs the hooks every in-process test file needs: runner files, a fresh az call log, PATH restored. */
export function useInProcessRunner(): void {
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'runner-files-'))
    runnerFiles = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_ENV: join(dir, 'env') }
    await Promise.all(Object.values(runnerFiles).map((file) => writeFile(file, '')))
  })
  afterAll(async () => {
    await rm(dirname(runnerFiles.GITHUB_OUTPUT ?? ''), { recursive: true, force: true })
  })

  beforeEach(async () => {
    fakeRunner.reset()
    callsFile = join(await mkdtemp(join(tmpdir(), 'az-calls-')), 'calls.jsonl')
  })
  afterEach(async () => {
    process.env.PATH = ORIGINAL_PATH
    await Promise.all(
      [dirname(callsFile), ...madeDirectories.splice(0)].map((dir) => rm(dir, { recursive: true, force: true }))
    )
  })
}

export function token(audience = DEFAULT_RESOURCE): string {
  const claims = { audience, tenantId: TENANT_ID, objectId: OBJECT_ID, appId: APP_ID, lifetimeSeconds: 3600 }
  return makeJwt(accessTokenClaims(claims))
}

/**
 * Runs run() as the runner would: every input with its action.yml default, overridden by `inputs`. `az` is the fake
 * az's FAKE_AZ_* variables, 'missing' for a PATH without az, or the directory of another fake az. PATH is set here and restored after each test;
 * `env` is the rest of the environment run() reads (proxy variables).
 */
export async function runAction(
  inputs: Record<string, string>,
  az: Record<string, string> | 'missing' | { dir: string },
  env: Record<string, string> = {}
): Promise<void> {
  await run(await stepEnv(inputs, az, env), sanitising(fakeRunner))
}

/**
 * Runs the post step's cleanup in-process as the runner would run the post step after the main one: the same inputs
 * and az (as runAction takes them), the saved study UID handed over as post.ts hands it over.
 */
export async function runPostCleanup(
  studyInstanceUid: string,
  inputs: Record<string, string>,
  az: Record<string, string> | 'missing' | { dir: string },
  env: Record<string, string> = {}
): Promise<void> {
  await cleanUpLeftStudy(studyInstanceUid, await stepEnv(inputs, az, env), sanitising(fakeRunner))
}

/** A step's environment: PATH with the fake az (restored after each test), every input, the runner's files. */
async function stepEnv(
  inputs: Record<string, string>,
  az: Record<string, string> | 'missing' | { dir: string },
  env: Record<string, string>
): Promise<NodeJS.ProcessEnv> {
  const azDir =
    az === 'missing'
      ? await emptyDirectory()
      : typeof az.dir === 'string'
        ? az.dir // another fake az, which its test removes
        : await fakeAzWith({ FAKE_AZ_CALLS: callsFile, ...az })
  if (azDir !== (az as { dir?: string }).dir) madeDirectories.push(azDir)
  process.env.PATH = [azDir, NODE_DIR].join(':')
  const values = { ...(await declaredInputDefaults()), ...inputs }
  const inputEnv = Object.fromEntries(Object.entries(values).map(([name, value]) => [inputVariable(name), value]))
  return { ...env, ...inputEnv, ...runnerFiles }
}

export async function emptyDirectory(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'no-az-'))
  madeDirectories.push(dir)
  return dir
}

export async function azCalls(): Promise<string[][]> {
  if (!existsSync(callsFile)) return []
  const lines = (await readFile(callsFile, 'utf8')).trim().split('\n')
  return lines.map((line) => (JSON.parse(line) as { argv: string[] }).argv)
}

/** The token, or any of its segments, shows nowhere a person can read: log, summary, outputs but `token`. */
export function expectNoLeaks(jwt: string, allowedVariable?: string): void {
  const places: Record<string, string> = { log: fakeRunner.log.join('\n'), summary: fakeRunner.summaryText }
  for (const [name, value] of Object.entries(fakeRunner.outputs)) if (name !== 'token') places[`output ${name}`] = value
  for (const [name, value] of Object.entries(fakeRunner.exportedVariables)) {
    if (name !== allowedVariable) places[`env ${name}`] = value
  }
  expect(findLeaks(jwt, places)).toEqual([])
}

/** The summary's rows as name -> value, a link as `text <href>`. */
export function summaryTable(): Record<string, string> {
  expect(fakeRunner.summaries).toHaveLength(1)
  const rows = fakeRunner.summaries[0]?.rows ?? []
  return Object.fromEntries(
    rows.map(([name, cell]) => [name, typeof cell === 'string' ? cell : `${cell.text} <${cell.href}>`])
  )
}

/** The one summary's heading. */
export function summaryHeading(): string {
  expect(fakeRunner.summaries).toHaveLength(1)
  return fakeRunner.summaries[0]?.heading ?? ''
}
