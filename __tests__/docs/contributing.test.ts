// CONTRIBUTING.md names only paths that exist: every path in backticks, every relative link, and every file and folder
// of its layout tree, so a renamed or deleted module cannot leave the guide describing a tree that is gone.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, posix, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const contributing = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8')

const FILE_EXTENSION = /\.(?:ts|js|md|yml|yaml|json|png|txt)$/

/** A backticked token that names a path: no spaces or placeholders, not a package name, with a folder or an extension. */
function isPathLike(token: string): boolean {
  if (/[\s<>:=$]/.test(token) || token.startsWith('@') || token.startsWith('-')) return false
  return token.includes('/') || FILE_EXTENSION.test(token)
}

/** Lines outside fenced code blocks. */
function prose(markdown: string): string {
  let fenced = false
  return markdown
    .split('\n')
    .filter((line) => {
      if (line.startsWith('```')) fenced = !fenced
      return !fenced && !line.startsWith('```')
    })
    .join('\n')
}

/** The paths in inline code spans and in relative links, outside code blocks. */
function mentionedPaths(markdown: string): string[] {
  const text = prose(markdown)
  const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] ?? '')
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => (match[1] ?? '').replace(/#.*$/, ''))
    .filter((target) => target !== '' && !/^[a-z]+:/i.test(target))
  return [...new Set([...spans.filter(isPathLike), ...links])]
}

/**
 * The paths a layout tree names: each entry by its indentation, and the file names its description mentions (in lower
 * case, as the files are: not Node.js).
 */
function treePaths(tree: string): string[] {
  const paths: string[] = []
  const folders: string[] = []
  let current = ''
  for (const line of tree.split('\n')) {
    // An entry is indented by two spaces a level; a line indented further continues the description above it.
    const entry = /^((?: {2}){0,4})(\S+)(.*)$/.exec(line)
    let description = line
    if (entry) {
      const [, indent = '', name = '', rest = ''] = entry
      const depth = indent.length / 2
      folders.length = depth
      current = posix.join(...folders, name)
      if (name.endsWith('/')) folders.push(name.slice(0, -1))
      paths.push(current)
      description = rest
    }
    const base = current.endsWith('/') ? current : posix.dirname(current)
    for (const match of description.matchAll(/(?<![\w./@-])([a-z_][\w./-]*\.(?:ts|js|md|yml|json))\b/g)) {
      const name = match[1] ?? ''
      paths.push(name.includes('/') ? name : posix.join(base, name))
    }
  }
  return [...new Set(paths)]
}

/** The fenced code blocks, each with its info string (`sh`, `yaml`, or '' for none). */
function codeBlocks(markdown: string): { info: string; body: string }[] {
  const blocks: { info: string; body: string[] }[] = []
  let open: { info: string; body: string[] } | undefined
  for (const line of markdown.split('\n')) {
    if (open === undefined && line.startsWith('```')) blocks.push((open = { info: line.slice(3).trim(), body: [] }))
    else if (open !== undefined && line.startsWith('```')) open = undefined
    else open?.body.push(line)
  }
  return blocks.map((block) => ({ info: block.info, body: block.body.join('\n') }))
}

/** The layout tree: the first code block with no info string that starts with `src/`. */
function layoutTree(markdown: string): string {
  return codeBlocks(markdown).find((block) => block.info === '' && block.body.startsWith('src/'))?.body ?? ''
}

/** Whether a path exists; a `*` in its last segment matches any characters. */
function exists(path: string): boolean {
  if (!path.includes('*')) return existsSync(join(ROOT, path))
  const folder = posix.dirname(path)
  const pattern = new RegExp(
    `^${posix
      .basename(path)
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')}$`
  )
  return existsSync(join(ROOT, folder)) && readdirSync(join(ROOT, folder)).some((name) => pattern.test(name))
}

describe('the paths CONTRIBUTING.md names', () => {
  test('are read from code spans, links and the layout tree', () => {
    const sample =
      'Run `npm run bundle`; see `src/main.ts`, `@actions/core`, `INPUT_<NAME>=`, [the guide](docs/guide.md#top) and ' +
      '[a site](https://example.com/x.md).\n\n```\nsrc/\n  main.ts   the pipeline; helper.ts beside it\n  sign-in/\n' +
      '    azure-cli/   run.ts, output.ts\n                 process-tree.ts\n  token.ts   (runs.main: dist/index.js)\n```\n'
    expect(mentionedPaths(sample)).toEqual(['src/main.ts', 'docs/guide.md'])
    expect(treePaths(layoutTree(sample))).toEqual([
      'src/',
      'src/main.ts',
      'src/helper.ts',
      'src/sign-in/',
      'src/sign-in/azure-cli/',
      'src/sign-in/azure-cli/run.ts',
      'src/sign-in/azure-cli/output.ts',
      'src/sign-in/azure-cli/process-tree.ts',
      'src/token.ts',
      'dist/index.js'
    ])
  })

  test('in backticks and links all exist', () => {
    const paths = mentionedPaths(contributing)
    expect(paths.length).toBeGreaterThan(20)
    expect(paths.filter((path) => !exists(path))).toEqual([])
  })

  test('in the layout tree all exist', () => {
    const paths = treePaths(layoutTree(contributing))
    expect(paths).toEqual(expect.arrayContaining(['src/main.ts', 'src/smoke-test/write/round-trip.ts']))
    expect(paths.filter((path) => !exists(path))).toEqual([])
  })
})
