// The shape of src/: modules import each other without cycles (type-only and dynamic imports count too), and no file
// grows past what one reader holds in mind at once.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src')
const MAX_LINES = 400

// `import … from './x.ts'`, `import type … from`, `export … from`, `import './x.ts'` and `import('./x.ts')`.
const RELATIVE_IMPORT = /(?:\bfrom\s+|\bimport\s+|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g

const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.split('\\').join('/'))
  .sort()

function source(file: string): string {
  return readFileSync(join(SRC, file), 'utf8')
}

/** The src/-relative paths that `file` imports. */
function importsOf(file: string): string[] {
  const targets = [...source(file).matchAll(RELATIVE_IMPORT)].map(([, specifier = '']) =>
    relative(SRC, resolve(SRC, dirname(file), specifier))
      .split('\\')
      .join('/')
  )
  return [...new Set(targets)].sort()
}

const graph = new Map(files.map((file) => [file, importsOf(file)]))

/** Every cycle found by a depth-first walk, each as the path that closes it. */
function cycles(): string[][] {
  const found: string[][] = []
  const done = new Set<string>()
  const walk = (file: string, path: string[]): void => {
    const seenAt = path.indexOf(file)
    if (seenAt >= 0) {
      found.push([...path.slice(seenAt), file])
      return
    }
    if (done.has(file)) return
    for (const target of graph.get(file) ?? []) walk(target, [...path, file])
    done.add(file)
  }
  for (const file of files) walk(file, [])
  return found
}

describe('src/', () => {
  it('finds the modules and their imports, type-only and dynamic ones included', () => {
    expect(files).toContain('main.ts')
    const typeOnlyAndDynamic = ['log.ts', 'smoke-test/connection.ts', 'smoke-test/index.ts']
    expect(graph.get('main.ts')).toEqual(expect.arrayContaining(typeOnlyAndDynamic))
  })

  it('imports only files that exist', () => {
    const missing = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => !graph.has(target)).map((target) => `${file} -> ${target}`)
    )
    expect(missing).toEqual([])
  })

  it('has no import cycles', () => {
    expect(cycles().map((cycle) => cycle.join(' -> '))).toEqual([])
  })

  it(`has no file longer than ${MAX_LINES} lines`, () => {
    const lineCount = (file: string): number => source(file).replace(/\n$/, '').split('\n').length
    const tooLong = files.filter((file) => lineCount(file) > MAX_LINES)
    expect(tooLong.map((file) => `${file}: ${lineCount(file)} lines`)).toEqual([])
  })
})
