// Runs the bundled dist/index.js the way the GitHub runner does: every input declared in action.yml as
// INPUT_<NAME> with its default filled in, GITHUB_OUTPUT/GITHUB_ENV/GITHUB_STEP_SUMMARY files, a clean environment.
import { spawn } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { inputVariable } from '../../src/inputs.ts'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** dist/index.js, or the bundle ACTION_ENTRY_UNDER_TEST names (to run the runner-level tests against another build). */
export const ACTION_ENTRY = process.env.ACTION_ENTRY_UNDER_TEST || join(REPO_ROOT, 'dist', 'index.js')

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  /** Parsed from the GITHUB_OUTPUT file. */
  outputs: Record<string, string>
  /** Parsed from the GITHUB_ENV file. */
  exportedEnv: Record<string, string>
  summary: string
  /** Values registered with ::add-mask::, in order. */
  masks: string[]
  /** The `::error::` / `::warning::` lines' texts. */
  errors: string[]
  warnings: string[]
  durationMs: number
}

interface ActionYml {
  inputs?: Record<string, { default?: string | number | boolean }>
}

export async function declaredInputDefaults(): Promise<Record<string, string>> {
  const action = parse(await readFile(join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYml
  return Object.fromEntries(
    Object.entries(action.inputs ?? {}).map(([name, input]) => [name, String(input.default ?? '')])
  )
}

/** Parses the runner's file-command format: `name<<DELIMITER` heredocs (and plain name=value lines). */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      result[name] = value.join('\n')
    } else if (line.includes('=')) {
      result[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return result
}

function commandTexts(stdout: string, command: string): string[] {
  return stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith(`::${command}`))
    .map((line) =>
      line
        .slice(line.indexOf('::', 2) + 2)
        .replace(/%0A/g, '\n')
        .replace(/%0D/g, '\r')
        .replace(/%25/g, '%')
    )
}

/**
 * Writes an executable `az` into a fresh temp directory that runs test-support/azure/fake-az.ts; returns that directory,
 * which the caller removes (`rm(dir, { recursive: true, force: true })`) when done.
 * `launcher: 'child'` starts it without exec, as Microsoft's deb and Homebrew's az launchers start python.
 */
export async function fakeAzDirectory(launcher: 'exec' | 'child' = 'exec'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-az-'))
  const command = `"${process.execPath}" "${join(REPO_ROOT, 'test-support', 'azure', 'fake-az.ts')}" "$@"`
  const script = `#!/bin/sh\n${launcher === 'exec' ? `exec ${command}` : command}\n`
  await writeFile(join(dir, 'az'), script)
  await chmod(join(dir, 'az'), 0o755)
  return dir
}

export interface RunOptions {
  inputs?: Record<string, string>
  /** Extra environment (FAKE_AZ_*, AZURE_CONFIG_DIR, NODE_EXTRA_CA_CERTS, TZ...). */
  env?: Record<string, string>
  /** Directories for PATH, first wins. */
  path: string[]
  /** Kill the action after this long (a test guard, far above the action's own timeouts). */
  killAfterMs?: number
  /** The bundle to run; ACTION_ENTRY unless a test runs a modified copy. */
  entry?: string
  /** The Node.js binary to run it with; the one running the tests unless a test needs another version. */
  node?: string
  /** Options for node before the bundle (npm run bench: a hook that lists the files loaded). */
  nodeArgs?: string[]
  /** A command that runs node (npm run bench: GNU time, for the CPU time). */
  prefix?: string[]
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  // The step's files live in a temp directory of their own, removed once they are read.
  const work = await mkdtemp(join(tmpdir(), 'runner-'))
  try {
    return await runActionIn(work, options)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** The files a runner gives a step, created empty in `work`. */
export type StepFiles = Record<'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_STEP_SUMMARY' | 'GITHUB_STATE', string>

/** A step's environment as the runner builds it: PATH, the runner's files, and every input (defaults filled in). */
export async function stepEnvironment(
  work: string,
  options: { inputs?: Record<string, string>; env?: Record<string, string>; path: string[] }
): Promise<{ files: StepFiles; env: Record<string, string> }> {
  const files: StepFiles = {
    GITHUB_OUTPUT: join(work, 'output'),
    GITHUB_ENV: join(work, 'env'),
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
    GITHUB_STATE: join(work, 'state')
  }
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')))
  const inputs = { ...(await declaredInputDefaults()), ...options.inputs }
  const env: Record<string, string> = {
    PATH: options.path.join(':'),
    HOME: process.env.HOME ?? work,
    RUNNER_TEMP: work,
    GITHUB_ACTIONS: 'true',
    ...files,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value])),
    // npm run coverage:dist: the bundle writes raw V8 coverage there (ACTION_V8_COVERAGE keeps jest itself out of it).
    ...(process.env.ACTION_V8_COVERAGE ? { NODE_V8_COVERAGE: process.env.ACTION_V8_COVERAGE } : {}),
    ...options.env
  }
  return { files, env }
}

/** What a user sees of a step that ended: its exit code, log, the runner's files read back, its error lines. */
export async function stepResult(
  files: StepFiles,
  run: { exitCode: number | null; stdout: string; stderr: string; startedMs: number }
): Promise<ActionRun> {
  const read = (file: string): Promise<string> => readFile(file, 'utf8')
  const { exitCode, stdout, stderr } = run
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommands(await read(files.GITHUB_OUTPUT)),
    exportedEnv: parseFileCommands(await read(files.GITHUB_ENV)),
    summary: await read(files.GITHUB_STEP_SUMMARY),
    masks: commandTexts(stdout, 'add-mask'),
    errors: commandTexts(stdout, 'error'),
    warnings: commandTexts(stdout, 'warning'),
    durationMs: Date.now() - run.startedMs
  }
}

async function runActionIn(work: string, options: RunOptions): Promise<ActionRun> {
  const { files, env } = await stepEnvironment(work, options)
  const started = Date.now()
  const node = options.node ?? process.execPath
  const nodeArgs = [...(options.nodeArgs ?? []), options.entry ?? ACTION_ENTRY]
  const [command, ...args]: [string, ...string[]] = options.prefix
    ? [options.prefix[0] ?? node, ...options.prefix.slice(1), node, ...nodeArgs]
    : [node, ...nodeArgs]
  const child = spawn(command, args, {
    env,
    cwd: work,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const guard = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000)
  const exitCode = await new Promise<number | null>((resolveExit) => child.on('close', (code) => resolveExit(code)))
  clearTimeout(guard)
  return stepResult(files, { exitCode, stdout, stderr, startedMs: started })
}
