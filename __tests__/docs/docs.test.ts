// The documentation is checked against what it documents: the README's tables against action.yml, the troubleshooting
// entries against the failure kinds, and every workflow we publish against GitHub's own parser.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
// The parser imports its JSON schemas without import attributes: plain Node refuses that, and jest.config.js maps
// those imports to __tests__/docs/parser-schemas/, which read the same JSON.
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/index'
import { parse } from 'yaml'
import { isLoopbackHost } from '../../src/dicom-service.ts'
import { FAILURES, TROUBLESHOOTING_PATH } from '../../src/errors.ts'
import { MAX_TIMEOUT_SECONDS } from '../../src/inputs.ts'
import { BASE_DELAY_MS, MAX_DELAY_MS, maxAttempts } from '../../src/retry.ts'
import { proxyFor } from '../../src/smoke-test/proxy.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const ACTION_REFERENCES = ['dicom-tools/dicom-token-action@v1', './']

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8')
}

function yamlFiles(directory: string): string[] {
  return readdirSync(join(ROOT, directory))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${directory}/${name}`)
}

interface ActionManifest {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs: Record<string, { description?: string }>
}

const action = parse(read('action.yml')) as ActionManifest
const readme = read('README.md')
const troubleshooting = read(TROUBLESHOOTING_PATH)

// ---- markdown ----

function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim())
}

/** The first table in the `## <heading>` section: its header cells and its rows' cells. */
function tableInSection(markdown: string, heading: string): { header: string[]; rows: string[][] } {
  const lines = markdown.split('\n')
  const start = lines.indexOf(`## ${heading}`)
  if (start === -1) throw new Error(`No '## ${heading}' section`)
  const section = lines.slice(start + 1)
  const end = section.findIndex((line) => line.startsWith('## '))
  const table = section.slice(0, end === -1 ? undefined : end).filter((line) => line.startsWith('|'))
  const [header = [], , ...rows] = table.map(cells)
  return { header, rows }
}

/** Lines outside fenced code blocks. */
function proseLines(markdown: string): string[] {
  let fenced = false
  return markdown.split('\n').filter((line) => {
    if (line.startsWith('```')) fenced = !fenced
    return !fenced && !line.startsWith('```')
  })
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

/** Every heading's anchor, with GitHub's -1, -2 … suffixes for repeats. */
function headingAnchors(markdown: string): string[] {
  const seen = new Map<string, number>()
  return proseLines(markdown).flatMap((line) => {
    const heading = /^#{1,6}\s+(.+?)\s*$/.exec(line)?.[1]
    if (heading === undefined) return []
    const anchor = githubAnchor(heading)
    const repeats = seen.get(anchor) ?? 0
    seen.set(anchor, repeats + 1)
    return [repeats === 0 ? anchor : `${anchor}-${repeats}`]
  })
}

/** The contents of ```yaml blocks that are whole workflows (they have jobs). */
function workflowBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)]
    .map((match) => match[1] ?? '')
    .filter((block) => /^jobs:/m.test(block))
}

// ---- GitHub's parser ----

function workflowErrors(name: string, content: string): string[] {
  return parseWorkflow({ name, content }, new NoOperationTraceWriter())
    .context.errors.getErrors()
    .map((error) => error.message)
}

function actionErrors(name: string, content: string): string[] {
  return parseAction({ name, content }, new NoOperationTraceWriter())
    .context.errors.getErrors()
    .map((error) => error.message)
}

interface WorkflowStep {
  id?: string
  uses?: string
  with?: Record<string, unknown>
}

/** The `with:` keys and the `steps.<id>.outputs.<name>` references of every step that uses this action. */
function usesOfThisAction(content: string): { inputs: string[]; outputs: string[] } {
  const workflow = parse(content) as { jobs: Record<string, { steps?: WorkflowStep[] }> }
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? [])
  const ours = steps.filter((step) => step.uses !== undefined && ACTION_REFERENCES.includes(step.uses))
  const inputs = ours.flatMap((step) => Object.keys(step.with ?? {}))
  const outputs = ours.flatMap((step) =>
    step.id === undefined
      ? []
      : [...content.matchAll(new RegExp(`steps\\.${step.id}\\.outputs\\.([\\w-]+)`, 'g'))].map(
          (match) => match[1] ?? ''
        )
  )
  return { inputs, outputs }
}

const publishedWorkflows = [...yamlFiles('examples'), ...yamlFiles('.github/workflows')]

// ---- tests ----

describe('README tables', () => {
  test(
    'the inputs table lists every action.yml input in ' +
      'order, with its required flag, default and a ' +
      'description',
    () => {
      const { header, rows } = tableInSection(readme, 'Inputs')
      expect(header).toEqual(['Name', 'Required', 'Default', 'Description'])
      expect(rows.map((row) => row.slice(0, 3))).toEqual(
        Object.entries(action.inputs).map(([name, input]) => [
          `\`${name}\``,
          input.required === true ? 'yes' : 'no',
          `\`${input.default || "''"}\``
        ])
      )
      for (const row of rows) {
        expect(row).toHaveLength(4)
        expect(row[3]).not.toBe('')
      }
    }
  )

  test('the outputs table lists every action.yml output in order, each with a description', () => {
    const { header, rows } = tableInSection(readme, 'Outputs')
    expect(header).toEqual(['Name', 'Description'])
    expect(rows.map((row) => row[0])).toEqual(Object.keys(action.outputs).map((name) => `\`${name}\``))
    for (const row of rows) {
      expect(row).toHaveLength(2)
      expect(row[1]).not.toBe('')
    }
  })
})

describe('troubleshooting', () => {
  test('headings get the anchors GitHub gives them', () => {
    expect(
      headingAnchors('## 401 Unauthorized\n## AADSTS700024: client assertion expired\n## Timeouts\n## Timeouts')
    ).toEqual(['401-unauthorized', 'aadsts700024-client-assertion-expired', 'timeouts', 'timeouts-1'])
  })

  test("every failure's troubleshooting link lands on a heading of its own", () => {
    const anchors = headingAnchors(troubleshooting)
    const missing = [...new Set(Object.values(FAILURES))].filter((anchor) => !anchors.includes(anchor))
    expect(missing).toEqual([])
    expect(anchors.filter((anchor, index) => anchors.indexOf(anchor) !== index)).toEqual([])
  })

  test('links within the troubleshooting page and from the README land on a heading', () => {
    const anchors = headingAnchors(troubleshooting)
    const internal = [...troubleshooting.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1])
    const fromReadme = [...readme.matchAll(/\]\(docs\/troubleshooting\.md#([^)]+)\)/g)].map((match) => match[1])
    expect(internal.length).toBeGreaterThan(0)
    expect([...internal, ...fromReadme].filter((anchor) => anchor === undefined || !anchors.includes(anchor))).toEqual(
      []
    )
  })
})

describe("GitHub's workflow parser", () => {
  test('rejects a job without runs-on', () => {
    const errors = workflowErrors('no-runs-on.yml', 'on: push\njobs:\n  build:\n    steps:\n      - run: echo hello\n')
    expect(errors.join('\n')).toMatch(/runs-on/)
  })

  test('rejects an action that runs on node99', () => {
    const manifest = read('action.yml').replace("using: 'node24'", "using: 'node99'")
    expect(manifest).toContain('node99')
    expect(actionErrors('action.yml', manifest).join('\n')).toMatch(/node99/)
  })

  test('accepts action.yml', () => {
    expect(actionErrors('action.yml', read('action.yml'))).toEqual([])
  })

  test('finds the examples and the CI workflows', () => {
    expect(publishedWorkflows).toEqual(
      expect.arrayContaining([
        'examples/get-token.yml',
        'examples/smoke-test-after-deploy.yml',
        '.github/workflows/ci.yml',
        '.github/workflows/check-dist.yml',
        '.github/workflows/codeql.yml',
        '.github/workflows/release.yml'
      ])
    )
  })

  test.each(publishedWorkflows)('accepts %s', (path) => {
    expect(workflowErrors(path, read(path))).toEqual([])
  })

  test("accepts the README's workflows", () => {
    const blocks = workflowBlocks(readme)
    expect(blocks.length).toBeGreaterThanOrEqual(2)
    blocks.forEach((block, index) => expect(workflowErrors(`README.md workflow ${index + 1}`, block)).toEqual([]))
  })
})

interface DependabotUpdate {
  'package-ecosystem': string
  directory: string
  schedule: { interval: string }
  groups?: Record<string, { patterns?: string[]; 'dependency-type'?: string; 'update-types'?: string[] }>
}

// GitHub's parser knows workflows, not Dependabot's file: these are the fields Dependabot requires, and the ones we rely on.
test('dependabot.yml updates npm and the workflow actions weekly, in groups', () => {
  const config = parse(read('.github/dependabot.yml')) as { version: number; updates: DependabotUpdate[] }
  expect(config.version).toBe(2)
  expect(config.updates.map((update) => update['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
  for (const update of config.updates) {
    expect(update.directory).toBe('/')
    expect(update.schedule.interval).toBe('weekly')
    const groups = Object.values(update.groups ?? {})
    expect(groups.length).toBeGreaterThan(0)
    for (const group of groups) expect(group.patterns ?? group['dependency-type']).toBeTruthy()
  }
})

test('the examples and the README use only inputs and outputs action.yml declares', () => {
  const documents = [...yamlFiles('examples').map(read), ...workflowBlocks(readme)]
  const used = documents.map(usesOfThisAction)
  expect(used.flatMap((use) => use.inputs).length).toBeGreaterThan(0)
  expect(used.flatMap((use) => use.inputs).filter((name) => !(name in action.inputs))).toEqual([])
  expect(used.flatMap((use) => use.outputs).filter((name) => !(name in action.outputs))).toEqual([])
})

// ---- facts the documentation states about the code ----

/** Markdown or YAML as a reader sees the words: no backticks, single spaces. */
function plain(text: string): string {
  return text.replaceAll('`', '').replace(/\s+/g, ' ')
}

/** The text of the `## <heading>` section. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`)
  if (start === -1) throw new Error(`No '## ${heading}' section`)
  const end = markdown.indexOf('\n## ', start + 1)
  return markdown.slice(start, end === -1 ? undefined : end)
}

describe('what the docs say about the code', () => {
  const LOOPBACK = 'loopback hosts: localhost, 127.x.x.x, [::1]'
  // Ways the list was worded before: 'only for localhost', 'localhost, 127.0.0.1, ::1', '127.x.x.x or ::1'.
  const OTHER_WORDINGS = /only for localhost\b(?!\.)|localhost(?:, |\/)127\.0\.0\.1|127\.x\.x\.x,? or ::1/

  test('the loopback hosts allowed with http are the ones the code accepts', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].every(isLoopbackHost)).toBe(true)
    expect(['128.0.0.1', 'localhost.example', '[::2]', '10.0.0.1'].some(isLoopbackHost)).toBe(false)
  })

  test('README, action.yml and troubleshooting name the loopback hosts in the same words', () => {
    const documents = { readme, action: read('action.yml'), troubleshooting }
    for (const [name, text] of Object.entries(documents)) {
      expect({ name, says: plain(text).includes(LOOPBACK) }).toEqual({ name, says: true })
      // No other wording of the same list.
      expect(plain(text)).not.toMatch(OTHER_WORDINGS)
    }
    expect(plain(action.inputs['dicom-url']?.description ?? '')).toContain(LOOPBACK)
    expect(plain(section(readme, 'Security model'))).toContain(LOOPBACK)
  })

  test("timeout-seconds' maximum in action.yml, the README and troubleshooting is the one the code enforces", () => {
    expect(action.inputs['timeout-seconds']?.description).toContain(`At most ${MAX_TIMEOUT_SECONDS}.`)
    const row = tableInSection(readme, 'Inputs').rows.find((cells) => cells[0] === '`timeout-seconds`')
    expect(row?.[3]).toContain(`At most ${MAX_TIMEOUT_SECONDS}.`)
    const limits = [...troubleshooting.matchAll(/at most (\d+)/g)].map((match) => Number(match[1]))
    expect(limits.length).toBeGreaterThan(0)
    expect(limits.every((limit) => limit === MAX_TIMEOUT_SECONDS)).toBe(true)
  })

  test('troubleshooting names the proxy variables the smoke test reads, and no other', () => {
    const dicom = new URL('https://ws-svc.dicom.azurehealthcareapis.com')
    const proxy = 'http://proxy.example:3128'
    const candidates = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy']
    const proxies = candidates.filter((name) => proxyFor(dicom, { [name]: proxy }) !== undefined)
    const bypasses = ['NO_PROXY', 'no_proxy'].filter(
      (name) => proxyFor(dicom, { HTTPS_PROXY: proxy, [name]: dicom.hostname }) === undefined
    )
    expect(proxies).toEqual(['HTTPS_PROXY', 'https_proxy'])
    expect(bypasses).toEqual(['NO_PROXY', 'no_proxy'])

    const connection = plain(section(troubleshooting, 'Connection errors'))
    const either = (names: string[]): string => names.join(' or ')
    expect(connection).toContain(
      `The smoke test reads the proxy from ${either(proxies)}, and the hosts that bypass it from ${either(bypasses)};`
    )
    const ignored = candidates.filter((name) => !proxies.includes(name))
    const named = ignored.filter((name) => connection.includes(name))
    const saidToApply = named.filter((name) => !connection.includes(`${name} does not apply`))
    expect(saidToApply).toEqual([])
    const inReadme = [...plain(section(readme, 'Usage')).matchAll(/\b\w+_(?:PROXY|proxy)\b/g)].map((match) => match[0])
    expect(inReadme.length).toBeGreaterThan(0)
    expect(inReadme.filter((name) => ![...proxies, ...bypasses].includes(name))).toEqual([])
  })

  // What the action does (runner tests check it): skipped with the smoke test off, no outputs at all before a token.
  test('smoke-test-result is documented as skipped when the smoke test is off and empty before a token', () => {
    const said = 'empty when the step failed before it had a token'
    expect(action.outputs['smoke-test-result']?.description).toContain(said)
    const row = tableInSection(readme, 'Outputs').rows.find((cells) => cells[0] === '`smoke-test-result`')
    expect(plain(row?.[1] ?? '')).toContain(said)
  })

  test('the retry bounds and waits in SECURITY.md and the README are the ones the code keeps', () => {
    const security = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8').replace(/\s+/g, ' ')
    expect(security).toContain(
      `at most ${maxAttempts(6000)} requests per endpoint in 6 s, ${maxAttempts(60000)} in 60 s`
    )
    const seconds = (ms: number): string => String(ms / 1000)
    const waits =
      `(${seconds(BASE_DELAY_MS / 2)}–${seconds(BASE_DELAY_MS)} s, then ` +
      `${seconds(BASE_DELAY_MS)}–${seconds(2 * BASE_DELAY_MS)} s, … up to ` +
      `${seconds(MAX_DELAY_MS / 2)}–${seconds(MAX_DELAY_MS)} s)`
    expect(readme.replace(/\s+/g, ' ')).toContain(waits)
  })
})
