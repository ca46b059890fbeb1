// The release tooling's view of CHANGELOG.md (scripts/changelog.ts), and the changelog and package.json agreeing.
import { readFileSync } from 'node:fs'
import { REPOSITORY_URL, releaseUnreleased, versionNotes } from '../../scripts/changelog.ts'

const ROOT = new URL('../../', import.meta.url)
const changelog = readFileSync(new URL('CHANGELOG.md', ROOT), 'utf8')
const packageVersion = (JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string }).version

const SAMPLE = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '### Fixed',
  '',
  '- A fix.',
  '',
  '## [1.0.0] - 2026-11-29',
  '',
  '### Added',
  '',
  '- The first version.',
  '',
  `[Unreleased]: ${REPOSITORY_URL}/compare/v1.0.0...HEAD`,
  `[1.0.0]: ${REPOSITORY_URL}/releases/tag/v1.0.0`,
  ''
].join('\n')

describe('CHANGELOG.md', () => {
  test('has an Unreleased section above the newest version, which is the version in package.json', () => {
    const headings = changelog.split('\n').filter((line) => line.startsWith('## '))
    expect(headings[0]).toBe('## [Unreleased]')
    expect(headings[1]?.replace(/ - \d{4}-\d{2}-\d{2}$/, ' - <date>')).toBe(`## [${packageVersion}] - <date>`)
    expect(versionNotes(changelog, packageVersion)).toMatch(/^### /)
  })

  test('dates 1.0.0, the first release, 2026-11-29', () => {
    expect(changelog).toContain('## [1.0.0] - 2026-11-29\n')
  })
})

describe('releasing the Unreleased entries', () => {
  test('moves them under the version and date, leaves an empty Unreleased section, and links both', () => {
    const released = releaseUnreleased(SAMPLE, '1.1.0', '2026-12-01')
    const sections = '## [Unreleased]\n\n## [1.1.0] - 2026-12-01\n\n### Fixed\n\n- A fix.\n\n## [1.0.0] - 2026-11-29\n'
    expect(released).toContain(sections)
    expect(released.trimEnd().split('\n').slice(-3)).toEqual([
      `[Unreleased]: ${REPOSITORY_URL}/compare/v1.1.0...HEAD`,
      `[1.1.0]: ${REPOSITORY_URL}/releases/tag/v1.1.0`,
      `[1.0.0]: ${REPOSITORY_URL}/releases/tag/v1.0.0`
    ])
    expect(versionNotes(released, '1.1.0')).toBe('### Fixed\n\n- A fix.')
  })

  test('refuses an empty Unreleased section, a version already there, and a malformed version', () => {
    const empty = releaseUnreleased(SAMPLE, '1.1.0', '2026-12-01')
    expect(() => releaseUnreleased(empty, '1.2.0', '2026-12-02')).toThrow(/empty: nothing to release/)
    expect(() => releaseUnreleased(SAMPLE, '1.0.0', '2026-12-02')).toThrow(/already has a '## \[1\.0\.0\]' section/)
    expect(() => releaseUnreleased(SAMPLE, 'v1.1', '2026-12-02')).toThrow(/not a version like 1\.2\.3/)
  })

  test('gives the notes of one version, and says when there is no such section', () => {
    expect(versionNotes(SAMPLE, '1.0.0')).toBe('### Added\n\n- The first version.')
    expect(() => versionNotes(SAMPLE, '9.9.9')).toThrow("CHANGELOG.md has no '## [9.9.9]' section.")
  })
})
