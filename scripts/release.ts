// npm run release -- 1.2.3 [--date YYYY-MM-DD]: prepares release v1.2.3 on a clean work tree. Sets the version in
// package.json and package-lock.json, turns CHANGELOG.md's Unreleased section into the 1.2.3 section dated today
// (UTC), commits that, and creates the annotated tag v1.2.3. It pushes nothing: pushing the tag starts the release
// workflow (.github/workflows/release.yml), which checks dist/ and the tests, publishes the release and moves v1.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { releaseUnreleased } from './changelog.ts'

const REPO_ROOT = dirname(dirname(fileURLToPath(import.meta.url)))

function fail(message: string): never {
  console.error(`npm run release: ${message}`)
  process.exit(1)
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim()
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index === -1 ? undefined : process.argv[index + 1]
}

const version = (process.argv[2] ?? '').replace(/^v/, '')
if (!/^\d+\.\d+\.\d+$/.test(version)) fail('give the version to release, e.g. npm run release -- 1.2.3')
const tag = `v${version}`
const date = option('--date') ?? new Date().toISOString().slice(0, 10)

if (git('status', '--porcelain') !== '') fail('the work tree has changes; commit or stash them first.')
if (git('tag', '--list', tag) !== '') fail(`the tag ${tag} exists already.`)
const newer = git('tag', '--list', 'v*.*.*')
  .split('\n')
  .filter((existing) => /^v\d+\.\d+\.\d+$/.test(existing))
  .filter((existing) => {
    const [a, b] = [existing.slice(1), version].map((v) => v.split('.').map(Number))
    const order = (a ?? []).map((part, i) => part - (b?.[i] ?? 0)).find((difference) => difference !== 0) ?? 0
    return order >= 0
  })
if (newer.length > 0) fail(`${tag} is not newer than the existing tag(s) ${newer.join(', ')}.`)

const changelogPath = join(REPO_ROOT, 'CHANGELOG.md')
let changelog: string
try {
  changelog = releaseUnreleased(readFileSync(changelogPath, 'utf8'), version, date)
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
writeFileSync(changelogPath, changelog)
// npm sets the version in package.json and package-lock.json alike; git is left to this script.
const npmVersion = ['version', version, '--no-git-tag-version', '--allow-same-version']
execFileSync('npm', npmVersion, { cwd: REPO_ROOT, stdio: 'ignore' })
git('add', 'CHANGELOG.md', 'package.json', 'package-lock.json')
git('commit', '--quiet', '--message', `Release ${tag}`)
git('tag', '--annotate', tag, '--message', tag)

console.log(`Prepared ${tag} (${date}): CHANGELOG.md, package.json and package-lock.json committed; tag ${tag} made.`)
console.log(`Check with: git show ${tag}`)
const major = `v${version.split('.')[0] ?? ''}`
console.log(`Publish with: git push origin HEAD ${tag}   (the release workflow then publishes it and moves ${major})`)
