// npm run coverage:dist: how much of src/, as bundled in dist/, the runner-level tests run. It runs them with the
// bundle writing raw V8 coverage (ACTION_V8_COVERAGE -> NODE_V8_COVERAGE in test-support/runner/run-action.ts), then maps
// the covered ranges onto the src/ modules in dist/*.js: by ncc's CONCATENATED MODULE markers, or for a module it
// kept apart, by the names it exports (src/index.ts exports none and is not counted). Approximate by design: the bundle
// has no source map, so a line counts as code when it is not blank, a comment or bundler glue, and as run when its
// first character was. Not part of npm test: it runs the runner-level tests once more, with every child writing.
import { spawnSync } from 'node:child_process'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { REPO_ROOT } from '../test-support/runner/run-action.ts'

interface Range {
  startOffset: number
  endOffset: number
  count: number
}
interface ScriptCoverage {
  url: string
  functions: { ranges: Range[] }[]
}

const DIST = join(REPO_ROOT, 'dist')
// `--from <dir>` reports on raw coverage already written there instead of running the tests; other arguments are
// the test paths to run (default: the runner-level tests).
const args = process.argv.slice(2)
const from = args[0] === '--from' ? args[1] : undefined
const TESTS = from === undefined && args.length > 0 ? args : ['__tests__/runner']

/** Which characters of one script ran in one process: inner ranges (applied after their outer ones) override. */
function ranCharacters(script: ScriptCoverage, length: number): Uint8Array {
  const ran = new Uint8Array(length)
  const ranges = script.functions.flatMap((fn) => fn.ranges)
  ranges.sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset)
  for (const range of ranges) ran.fill(range.count > 0 ? 1 : 0, range.startOffset, Math.min(range.endOffset, length))
  return ran
}

/** Every dist file's characters that ran in any of the processes that wrote into `dir`. */
async function ranInDist(dir: string, sources: Map<string, string>): Promise<Map<string, Uint8Array>> {
  const ran = new Map([...sources].map(([file, text]) => [file, new Uint8Array(text.length)]))
  for (const name of await readdir(dir)) {
    const { result } = JSON.parse(await readFile(join(dir, name), 'utf8')) as { result: ScriptCoverage[] }
    for (const script of result) {
      if (!script.url.startsWith('file:')) continue
      const path = fileURLToPath(script.url)
      const total = ran.get(path)
      if (total === undefined) continue
      const once = ranCharacters(script, total.length)
      for (let index = 0; index < once.length; index++) if (once[index]) total[index] = 1
    }
  }
  return ran
}

/** src/-relative path -> the names it exports, to recognise a module that ncc kept apart, by what it exports. */
async function srcExports(): Promise<Map<string, Set<string>>> {
  const files = (await readdir(join(REPO_ROOT, 'src'), { recursive: true })).filter((file) => file.endsWith('.ts'))
  const exports = new Map<string, Set<string>>()
  for (const file of files) {
    const text = await readFile(join(REPO_ROOT, 'src', file), 'utf8')
    const declarations = text.matchAll(/^export (?:async )?(?:function\*?|const|let|class) (\w+)/gm)
    exports.set(`src/${file}`, new Set([...declarations].map(([, name = '']) => name)))
  }
  return exports
}

/** The src file that exports every one of `names`, if exactly one does. */
function moduleExporting(names: string[], exports: Map<string, Set<string>>): string | undefined {
  if (names.length === 0) return undefined
  const candidates = [...exports].filter(([, exported]) => names.every((name) => exported.has(name)))
  return candidates.length === 1 ? candidates[0]?.[0] : undefined
}

// `/* harmony export */ … (/* binding */ name)` and `/* unused harmony exports a, b */`
const HARMONY_EXPORT = /^\/\* (?:harmony export \*\/.*\/\* binding \*\/ (\w+)|unused harmony exports? ([\w, ]+) \*\/$)/
const isCode = (line: string): boolean => line !== '' && !/^(\/\/|\/\*|\*|;\/\/)/.test(line)

/** One copy of a src module in the bundle: whether each of its lines of code ran, in order. */
interface ModuleCopy {
  module: string
  ran: boolean[]
}

/**
 * The copies of src modules in one dist file, and which of their lines ran. ncc marks concatenated modules
 * with `// CONCATENATED MODULE: ./src/…`; a module it kept apart starts with its number and its harmony exports.
 */
function copiesIn(text: string, ran: Uint8Array, exports: Map<string, Set<string>>): ModuleCopy[] {
  const copies: ModuleCopy[] = []
  let module: string | undefined
  let exportedNames: string[] | undefined // collected while reading a kept-apart module's export block
  let offset = 0
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    const marker = /^;?\/\/ (CONCATENATED|EXTERNAL) MODULE: (.*)$/.exec(line)
    const harmony = HARMONY_EXPORT.exec(line)
    if (marker) {
      // An EXTERNAL MODULE line only imports a module defined elsewhere.
      module = marker[1] === 'CONCATENATED' ? /^\.\/(src\/.*\.ts)$/.exec(marker[2] ?? '')?.[1] : undefined
      if (module !== undefined) copies.push({ module, ran: [] })
      exportedNames = undefined
    } else if (/^\/\*\*\*\/ (\d+:|}\),?)$/.test(line)) {
      // `/***/ 1234:` opens a kept-apart module, named by the exports that follow; `/***/ })` closes one.
      module = undefined
      exportedNames = line.endsWith(':') ? [] : undefined
    } else if (harmony && exportedNames) {
      exportedNames.push(...[harmony[1] ?? '', ...(harmony[2] ?? '').split(/, */)].filter((name) => name !== ''))
    } else if (line !== '' && !line.startsWith('/*') && exportedNames) {
      module = moduleExporting(exportedNames, exports)
      if (module !== undefined) copies.push({ module, ran: [] })
      exportedNames = undefined
    }
    const ranHere = ran[offset + raw.indexOf(line)] === 1
    if (module !== undefined && !marker && !harmony && isCode(line)) copies.at(-1)?.ran.push(ranHere)
    offset += raw.length + 1
  }
  return copies
}

const coverageDir = from ?? (await mkdtemp(join(tmpdir(), 'dist-v8-coverage-')))
if (from === undefined) {
  const jest = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), ...TESTS], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules', ACTION_V8_COVERAGE: coverageDir }
  })
  if (jest.status !== 0) process.exitCode = jest.status ?? 1
}

const distFiles = (await readdir(DIST)).filter((file) => file.endsWith('.js')).map((file) => join(DIST, file))
const sources = new Map(await Promise.all(distFiles.map(async (file) => [file, await readFile(file, 'utf8')] as const)))
const ran = await ranInDist(coverageDir, sources)
const exports = await srcExports()
// A module in two chunks is in the bundle twice, and each run uses whichever copy loaded first: a line ran if it ran
// in either copy.
const modules = new Map<string, boolean[]>()
const notLoaded: string[] = []
for (const [file, text] of sources) {
  const ranHere = ran.get(file) ?? new Uint8Array()
  // A chunk that no process loaded is left over from an earlier bundle (ncc does not clear dist/): not counted.
  if (!ranHere.includes(1)) {
    notLoaded.push(basename(file))
    continue
  }
  for (const copy of copiesIn(text, ranHere, exports)) {
    const seen = modules.get(copy.module)
    if (seen && seen.length !== copy.ran.length) throw new Error(`Two copies of ${copy.module} differ in ${file}`)
    modules.set(copy.module, seen ? seen.map((did, index) => did || copy.ran[index] === true) : copy.ran)
  }
}

const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`)
const processes = (await readdir(coverageDir)).length
console.log(`\nsrc/ in dist/*.js, as ${processes} runs of the bundle ran it (raw V8 coverage: ${coverageDir}):`)
let [code, run] = [0, 0]
for (const [module, lines] of [...modules].sort(([a], [b]) => a.localeCompare(b))) {
  const hit = lines.filter((did) => did).length
  console.log(`  ${module.padEnd(32)} ${percent(hit, lines.length).padStart(7)}  (${hit}/${lines.length} lines)`)
  code += lines.length
  run += hit
}
console.log(`  ${'all'.padEnd(32)} ${percent(run, code).padStart(7)}  (${run}/${code} lines)`)
if (notLoaded.length > 0) console.log(`  (not counted, loaded by no process: ${notLoaded.join(', ')})`)
