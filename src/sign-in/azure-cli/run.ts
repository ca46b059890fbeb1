// Finds az and runs `az account get-access-token` exactly once: silent (its stdout is the token), bounded by the
// timeout, and stopped together with whatever it started when the timeout comes. What it printed is read in output.ts.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import diagnosticsChannel from 'node:diagnostics_channel'
import * as exec from '@actions/exec'
import * as io from '@actions/io'
import { ActionError } from '../../errors.ts'
import type { Config } from '../../inputs.ts'
import type { AzResult } from './output.ts'
import { processTree, stillRunning, taskkillPath } from './process-tree.ts'

/**
 * How az is invoked.
 * The path is quoted because @actions/exec splits its command line on spaces (C:\Program Files\...\az.cmd).
 */
export function azInvocation(
  azPath: string,
  config: Pick<Config, 'resource' | 'tenant' | 'subscription'>
): { commandLine: string; args: string[] } {
  const args = ['account', 'get-access-token', '--resource', config.resource]
  if (config.tenant) args.push('--tenant', config.tenant)
  if (config.subscription) args.push('--subscription', config.subscription)
  args.push('--output', 'json')
  return { commandLine: `"${azPath}"`, args }
}

export async function findAz(): Promise<string> {
  const azPath = await io.which('az', false)
  if (!azPath) {
    throw new ActionError(
      'az-missing',
      'The Azure CLI (az) was not found on PATH.',
      'GitHub-hosted runners include it; on a self-hosted runner or container install it ' +
        '(https://learn.microsoft.com/cli/azure/install-azure-cli) and run azure/login before this step.'
    )
  }
  return azPath
}

/** A running `az account get-access-token`: `started` settles once the process exists, `result` when it ends. */
export interface AzRun {
  started: Promise<void>
  result: Promise<AzResult>
  /** Stops az and whatever it started (the step was cancelled), and resolves once they are gone. */
  stop(): Promise<void>
}

const KILL_GRACE_MS = 2000
/** On a cancel the step should end within about 2 s, long before the runner's kill. */
const CANCEL_GRACE_MS = 1000
const POLL_MS = 50

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal)
    } catch {
      // already gone
    }
  }
}

/** Stops az and whatever it started, and waits (briefly) until they are gone, so no orphan outlives the step. */
async function stopAz(child: ChildProcess, graceMs = KILL_GRACE_MS): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  if (process.platform === 'win32') {
    // az.cmd runs python under cmd.exe: taskkill /T stops the whole tree.
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    spawn(taskkillPath(process.env), ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' }).on(
      'error',
      () => undefined
    )
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs).unref())])
    return
  }
  const tree = await processTree(child.pid)
  signalAll(tree, 'SIGTERM')
  const graceEnds = Date.now() + graceMs
  while ((await stillRunning(tree)).length > 0 && Date.now() < graceEnds)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  signalAll(await stillRunning(tree), 'SIGKILL')
}

/**
 * Catches the next child process Node creates: @actions/exec does not expose the child, but Node announces every child
 * it creates on the `child_process` diagnostics channel. `started` settles once it exists, or `stop` is called.
 */
function watchNextChild(): { child: () => ChildProcess | undefined; started: Promise<void>; stop: () => void } {
  let child: ChildProcess | undefined
  let markStarted: () => void = () => undefined
  const started = new Promise<void>((resolve) => (markStarted = resolve))
  const onChildProcess = (message: unknown): void => {
    child ??= (message as { process: ChildProcess }).process
    diagnosticsChannel.unsubscribe('child_process', onChildProcess)
    markStarted()
  }
  diagnosticsChannel.subscribe('child_process', onChildProcess)
  const stop = (): void => {
    diagnosticsChannel.unsubscribe('child_process', onChildProcess)
    markStarted()
  }
  return { child: () => child, started, stop }
}

/** az's result, unless the timeout comes first: then az and what it started are stopped, and that is the failure. */
function withinTimeout(
  execution: Promise<AzResult>,
  child: () => ChildProcess | undefined,
  timeoutMs: number,
  command: string
): Promise<AzResult> {
  return new Promise<AzResult>((resolve, reject) => {
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true // az's own end, once killed, is not the result
      const running = child()
      void (running ? stopAz(running) : Promise.resolve()).then(() =>
        reject(
          new ActionError(
            'az-timeout',
            `${command} did not finish within ${timeoutMs / 1000} s and was stopped.`,
            'The Azure CLI may be waiting on the network or an identity endpoint; check the runner can reach ' +
              'login.microsoftonline.com, or raise timeout-seconds.'
          )
        )
      )
    }, timeoutMs)
    const settle = (finish: () => void): void => {
      if (timedOut) return
      clearTimeout(timer)
      finish()
    }
    execution.then(
      (value) => settle(() => resolve(value)),
      (error: unknown) => settle(() => reject(error))
    )
  })
}

export function startAz(azPath: string, config: Config): AzRun {
  const { commandLine, args } = azInvocation(azPath, config)
  return runAz(commandLine, args, config.timeoutMs)
}

/** Runs one az command, silent, bounded by `timeoutMs`; its tree is stopped when the timeout comes. */
export function runAz(commandLine: string, args: string[], timeoutMs: number): AzRun {
  const stdout: Buffer[] = []
  const stderr: Buffer[] = []
  const watch = watchNextChild()
  const execution = exec
    .exec(commandLine, args, {
      silent: true, // nothing az prints reaches the log: its stdout is the token
      ignoreReturnCode: true,
      delay: 1000,
      listeners: { stdout: (data) => stdout.push(data), stderr: (data) => stderr.push(data) }
    })
    .then((exitCode) => ({
      exitCode,
      // A process ended by a signal has no exit code; which signal it was is what a person needs to know.
      signal: watch.child()?.signalCode ?? undefined,
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8')
    }))
    .catch((error: unknown) => {
      throw new ActionError(
        'az-failed',
        `The Azure CLI at ${commandLine.replace(/^"|"$/g, '')} could not be started: ${error instanceof Error ? error.message : String(error)}.`,
        'Check that az is installed correctly and executable by the runner user.'
      )
    })
    .finally(() => watch.stop())
  const command = `az ${args
    .filter((arg) => !arg.startsWith('-'))
    .slice(0, 2)
    .join(' ')}`
  const stop = async (): Promise<void> => {
    await watch.started
    const running = watch.child()
    if (running) await stopAz(running, CANCEL_GRACE_MS)
  }
  return { started: watch.started, result: withinTimeout(execution, watch.child, timeoutMs, command), stop }
}
