// A stand-in for @actions/core, for testing run() in-process: it records every call in the order the runner would
// show it, keeps a job summary that can be made to fail, and can make a command throw as a broken runner file would.
// Tests hand `fakeCore.module` to jest.unstable_mockModule('@actions/core', ...) before importing src/main.ts.
import type * as actionsCore from '@actions/core'

export type CoreCall =
  | { kind: 'setSecret'; value: string }
  | { kind: 'setOutput' | 'exportVariable'; name: string; value: string }
  | { kind: 'info' | 'warning' | 'debug' | 'setFailed'; message: string }

/** A table row as core.summary.addTable takes it: cells as text or as { data }. */
export type SummaryRow = (string | { data: string })[]

interface FakeSummary {
  addHeading(heading: string): FakeSummary
  addTable(rows: SummaryRow[]): FakeSummary
  write(): Promise<FakeSummary>
}

/** The parts of @actions/core that run() uses, typed as the real ones are. */
export type CoreModule = Pick<
  typeof actionsCore,
  'setSecret' | 'setOutput' | 'exportVariable' | 'info' | 'warning' | 'debug' | 'setFailed' | 'summary'
>

function text(value: unknown): string {
  if (value instanceof Error) return value.message
  return typeof value === 'string' ? value : JSON.stringify(value)
}

class FakeCore {
  calls: CoreCall[] = []
  /** What write() put in the job summary: one heading and table per write. */
  summaries: { heading: string; rows: SummaryRow[] }[] = []
  /** When set, summary.write() rejects with this, as the real one does on a runner without GITHUB_STEP_SUMMARY. */
  summaryFailure: Error | undefined
  /** When set, the named command throws this, as the real one does when its runner file is missing. */
  throwing: Partial<Record<'setOutput' | 'exportVariable', Error>> = {}

  #heading = ''
  #rows: SummaryRow[] = []

  readonly module: CoreModule

  constructor() {
    const summary: FakeSummary = {
      addHeading: (heading) => {
        this.#heading = heading
        return summary
      },
      addTable: (rows) => {
        this.#rows.push(...rows)
        return summary
      },
      write: () => {
        if (this.summaryFailure) return Promise.reject(this.summaryFailure)
        this.summaries.push({ heading: this.#heading, rows: this.#rows })
        this.#heading = ''
        this.#rows = []
        return Promise.resolve(summary)
      }
    }
    const command =
      (kind: 'setOutput' | 'exportVariable') =>
      (name: string, value: unknown): void => {
        const failure = this.throwing[kind]
        if (failure) throw failure
        this.calls.push({ kind, name, value: text(value) })
      }
    const line =
      (kind: 'info' | 'warning' | 'debug' | 'setFailed') =>
      (message: unknown): void => {
        this.calls.push({ kind, message: text(message) })
      }
    this.module = {
      setSecret: (value: string) => {
        this.calls.push({ kind: 'setSecret', value })
      },
      setOutput: command('setOutput'),
      exportVariable: command('exportVariable'),
      info: line('info'),
      warning: line('warning'),
      debug: line('debug'),
      setFailed: line('setFailed'),
      summary: summary as unknown as typeof actionsCore.summary
    }
  }

  reset(): void {
    this.calls = []
    this.summaries = []
    this.summaryFailure = undefined
    this.throwing = {}
    this.#heading = ''
    this.#rows = []
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

  #pairs(kind: 'setOutput' | 'exportVariable'): Record<string, string> {
    const pairs: Record<string, string> = {}
    for (const call of this.calls) if (call.kind === kind) pairs[call.name] = call.value
    return pairs
  }
}

export type { FakeCore }
export const fakeCore = new FakeCore()
