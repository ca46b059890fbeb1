// A stand-in for the runner's protocol, for testing run() in-process: it records every call in the order the runner
// would show it, keeps a job summary that can be made to fail, and can make a command throw as a broken runner file
// would. Tests hand `sanitising(fakeRunner)` to run(), so the real sanitiser stands between the action and it.
import type { Runner } from '../../src/runner.ts'

export type RunnerCall =
  | { kind: 'setSecret'; value: string }
  | { kind: 'setOutput' | 'exportVariable'; name: string; value: string }
  | { kind: 'info' | 'warning' | 'debug' | 'setFailed'; message: string }

export type SummaryRow = [string, string]

class FakeRunner implements Runner {
  calls: RunnerCall[] = []
  /** What writeSummary() put in the job summary: one heading and table per write. */
  summaries: { heading: string; rows: SummaryRow[] }[] = []
  /** When set, writeSummary() rejects with this, as the real one does on a runner without GITHUB_STEP_SUMMARY. */
  summaryFailure: Error | undefined
  /** When set, the named command throws this, as the real one does when its runner file is missing. */
  throwing: Partial<Record<'setOutput' | 'exportVariable', Error>> = {}
  /** What getIDToken() gives; unset, it rejects as core does on a job without `id-token: write`. */
  idToken: string | undefined
  /** What saveState() kept and getState() reads, as the runner's GITHUB_STATE does for the post step. */
  state: Record<string, string> = {}

  mask(value: string): void {
    this.calls.push({ kind: 'setSecret', value })
  }
  info(message: string): void {
    this.calls.push({ kind: 'info', message })
  }
  warning(message: string): void {
    this.calls.push({ kind: 'warning', message })
  }
  debug(message: string): void {
    this.calls.push({ kind: 'debug', message })
  }
  fail(message: string): void {
    this.calls.push({ kind: 'setFailed', message })
  }
  setOutput(name: string, value: string): void {
    this.#pair('setOutput', name, value)
  }
  exportVariable(name: string, value: string): void {
    this.#pair('exportVariable', name, value)
  }
  writeSummary(heading: string, rows: SummaryRow[]): Promise<void> {
    if (this.summaryFailure) return Promise.reject(this.summaryFailure)
    this.summaries.push({ heading, rows })
    return Promise.resolve()
  }

  getIDToken(): Promise<string> {
    if (this.idToken === undefined)
      return Promise.reject(new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable'))
    this.calls.push({ kind: 'setSecret', value: this.idToken }) // as core's getIDToken does
    return Promise.resolve(this.idToken)
  }
  saveState(name: string, value: string): void {
    this.state[name] = value
  }
  getState(name: string): string {
    return this.state[name] ?? ''
  }

  reset(): void {
    this.calls = []
    this.summaries = []
    this.summaryFailure = undefined
    this.throwing = {}
    this.idToken = undefined
    this.state = {}
  }

  get secrets(): string[] {
    return this.calls.flatMap((call) => (call.kind === 'setSecret' ? [call.value] : []))
  }

  get outputs(): Record<string, string> {
    return this.#pairs('setOutput')
  }

  get exportedVariables(): Record<string, string> {
    return this.#pairs('exportVariable')
  }

  /** The messages of one kind of line, in order. */
  messages(kind: 'info' | 'warning' | 'debug' | 'setFailed'): string[] {
    return this.calls.flatMap((call) => (call.kind === kind ? [call.message] : []))
  }

  /** The log as the runner prints it: info as is, the others as workflow commands (`setFailed` is `::error::`). */
  get log(): string[] {
    const prefix = { info: '', warning: '::warning::', debug: '::debug::', setFailed: '::error::' } as const
    return this.calls.flatMap((call) => ('message' in call ? [`${prefix[call.kind]}${call.message}`] : []))
  }

  /** The job summary as text, for leak checks: every heading and cell that was written. */
  get summaryText(): string {
    return JSON.stringify(this.summaries)
  }

  #pair(kind: 'setOutput' | 'exportVariable', name: string, value: string): void {
    const failure = this.throwing[kind]
    if (failure) throw failure
    this.calls.push({ kind, name, value })
  }

  #pairs(kind: 'setOutput' | 'exportVariable'): Record<string, string> {
    const pairs: Record<string, string> = {}
    for (const call of this.calls) if (call.kind === kind) pairs[call.name] = call.value
    return pairs
  }
}

export type { FakeRunner }
export const fakeRunner = new FakeRunner()
