// Runs the bundle and cancels it the way the GitHub runner does (actions/runner ProcessInvoker.cs): SIGINT to the node
// process only, SIGTERM to it 7.5 s later, and a kill of the whole tree 10 s after the SIGINT. The bundle runs in a
// process group of its own, so the kill reaches az and whatever az started. Every process of a run carries a marker in
// its environment, so the test can tell whether any of them (az, python) is still running once the step has ended.
// The post step is spawned as the runner spawns it: the same inputs, and the saved state as STATE_<name>.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  ACTION_ENTRY,
  parseFileCommands,
  stepEnvironment,
  stepResult,
  type ActionRun,
  type StepFiles
} from './run-action.ts'

/** The runner's schedule after SIGINT (ProcessInvoker.cs: _sigintTimeout 7.5 s, then _sigtermTimeout 2.5 s). */
export const SIGTERM_AFTER_MS = 7500
export const KILL_AFTER_MS = 10_000
/** The variable that marks every process of one run. */
export const MARKER_VARIABLE = 'LIFECYCLE_TEST_MARKER'

/** The post entry next to the main one: dist/post/index.js beside dist/index.js. */
export const POST_ENTRY = join(dirname(ACTION_ENTRY), 'post', 'index.js')

export interface StepOptions {
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** Directories for PATH, first wins. */
  path: string[]
  entry?: string
  /** A test guard: the whole group is killed after this long, whatever happened. */
  killAfterMs?: number
}

export interface CancelledRun extends ActionRun {
  /** The state the step saved (GITHUB_STATE), by name. */
  state: Record<string, string>
  /** When each signal was sent, in ms after the first one. */
  signals: { signal: NodeJS.Signals; group: boolean; afterMs: number }[]
  /** How long after the first signal the node process ended; undefined when no signal was sent. */
  endedAfterSignalMs?: number
  /** Processes of this run (by the marker) still running once the step ended: `pid command line`. */
  leftovers: string[]
}

/** How the test cancels: the runner's schedule after SIGINT, or a kill of the whole group at once (no handler runs). */
export type Cancel = 'runner' | 'kill'

interface Started {
  child: ChildProcess
  work: string
  files: StepFiles
  marker: string
  started: number
  stdout: () => string
  stderr: () => string
  exited: Promise<number | null>
}

async function startStep(options: StepOptions, extraEnv: Record<string, string> = {}): Promise<Started> {
  const work = await mkdtemp(join(tmpdir(), 'runner-cancel-'))
  const marker = randomUUID()
  const { files, env: stepEnv } = await stepEnvironment(work, options)
  const env = { ...stepEnv, ...extraEnv, [MARKER_VARIABLE]: marker }
  const started = Date.now()
  // detached: a process group of its own, so a kill of the group reaches az as the runner's tree kill does.
  const child = spawn(process.execPath, [options.entry ?? ACTION_ENTRY], {
    env,
    cwd: work,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return { child, work, files, marker, started, stdout: () => stdout, stderr: () => stderr, exited }
}

function signal(pid: number, name: NodeJS.Signals, group: boolean): void {
  try {
    process.kill(group ? -pid : pid, name)
  } catch {
    // already gone
  }
}

/** The processes whose environment holds the marker, as `pid command line`. Linux only (/proc). */
export async function processesMarked(marker: string): Promise<string[]> {
  const found: string[] = []
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const environ = await readFile(`/proc/${pid}/environ`, 'latin1').catch(() => '')
    if (!environ.split('\0').includes(`${MARKER_VARIABLE}=${marker}`)) continue
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
    if (stat === '' || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')
    found.push(`${pid} ${command.split('\0').join(' ').trim()}`)
  }
  return found
}

async function finish(step: Started, exitCode: number | null): Promise<Omit<CancelledRun, 'signals'>> {
  // What the step left running: checked once it has ended, after a moment for the kernel to reap what it stopped.
  await new Promise((resolve) => setTimeout(resolve, 200))
  const leftovers = await processesMarked(step.marker)
  // Nothing of a test may outlive it, whatever the step did: the group, then any marked process that left it.
  signal(step.child.pid ?? 0, 'SIGKILL', true)
  for (const line of leftovers) signal(Number(line.split(' ')[0]), 'SIGKILL', false)
  const result = {
    ...(await stepResult(step.files, {
      exitCode,
      stdout: step.stdout(),
      stderr: step.stderr(),
      startedMs: step.started
    })),
    state: parseFileCommands(await readFile(step.files.GITHUB_STATE, 'utf8')),
    leftovers
  }
  await rm(step.work, { recursive: true, force: true })
  return result
}

/**
 * Runs the main step and, once `when` settles, cancels it: the runner's schedule (SIGINT; SIGTERM at 7.5 s; SIGKILL
 * of the group at 10 s, each only while node still runs) or a kill of the group at once. `when` is given the running
 * process, for tests that cancel at a moment the step itself shows.
 */
export async function runAndCancel(
  options: StepOptions,
  when: (child: ChildProcess) => Promise<unknown>,
  cancel: Cancel = 'runner'
): Promise<CancelledRun> {
  const step = await startStep(options)
  const pid = step.child.pid ?? 0
  const guard = setTimeout(() => signal(pid, 'SIGKILL', true), options.killAfterMs ?? 60_000)
  const signals: CancelledRun['signals'] = []
  const timers: NodeJS.Timeout[] = []
  let firstSignalAt: number | undefined
  let ended = false
  const send = (name: NodeJS.Signals, group: boolean): void => {
    if (ended) return
    firstSignalAt ??= Date.now()
    signals.push({ signal: name, group, afterMs: Date.now() - firstSignalAt })
    signal(pid, name, group)
  }
  void Promise.race([when(step.child), step.exited]).then(() => {
    if (cancel === 'kill') return send('SIGKILL', true)
    send('SIGINT', false)
    timers.push(setTimeout(() => send('SIGTERM', false), SIGTERM_AFTER_MS))
    timers.push(setTimeout(() => send('SIGKILL', true), KILL_AFTER_MS))
  })
  const exitCode = await step.exited
  ended = true
  const endedAt = Date.now()
  clearTimeout(guard)
  for (const timer of timers) clearTimeout(timer)
  const result = await finish(step, exitCode)
  return {
    ...result,
    signals,
    endedAfterSignalMs: firstSignalAt === undefined ? undefined : endedAt - firstSignalAt
  }
}

/** Runs the post step as the runner does after the main step: the same inputs, its saved state as STATE_<name>. */
export async function runPostStep(options: StepOptions, state: Record<string, string>): Promise<CancelledRun> {
  const stateEnv = Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]))
  const step = await startStep({ ...options, entry: options.entry ?? POST_ENTRY }, stateEnv)
  const guard = setTimeout(() => signal(step.child.pid ?? 0, 'SIGKILL', true), options.killAfterMs ?? 60_000)
  const exitCode = await step.exited
  clearTimeout(guard)
  return { ...(await finish(step, exitCode)), signals: [] }
}

/** Resolves once `condition` holds, checking every 10 ms; rejects after `timeoutMs` so a test fails rather than hangs. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const ends = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > ends) throw new Error(`the awaited condition did not hold within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
