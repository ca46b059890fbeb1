// CHANGELOG.md (Keep a Changelog) as the release needs it: the Unreleased section turned into a version's section,
// and one version's section as release notes. `node scripts/changelog.ts notes 1.2.3` prints that version's notes.
import { readFileSync } from 'node:fs'

export const REPOSITORY_URL = 'https://github.com/dicom-tools/dicom-token-action'
const SEMVER = /^\d+\.\d+\.\d+$/

/** The lines of the `## [name]` section, without its heading, up to the next `## ` heading or the link list. */
function sectionBounds(lines: string[], name: string): { heading: number; end: number } | undefined {
  const heading = lines.findIndex((line) => line === `## [${name}]` || line.startsWith(`## [${name}] `))
  if (heading === -1) return undefined
  const isEnd = (line: string): boolean => line.startsWith('## ') || /^\[[^\]]+\]: /.test(line)
  const next = lines.findIndex((line, index) => index > heading && isEnd(line))
  return { heading, end: next === -1 ? lines.length : next }
}

/** The notes of one version: its section's text, trimmed. Throws when CHANGELOG.md has no such section. */
export function versionNotes(changelog: string, version: string): string {
  const lines = changelog.split('\n')
  const bounds = sectionBounds(lines, version)
  if (!bounds) throw new Error(`CHANGELOG.md has no '## [${version}]' section.`)
  const notes = lines
    .slice(bounds.heading + 1, bounds.end)
    .join('\n')
    .trim()
  if (notes === '') throw new Error(`The '## [${version}]' section of CHANGELOG.md is empty.`)
  return notes
}

/**
 * The changelog with the Unreleased entries moved under `## [version] - date`, an empty Unreleased section left above
 * it, and the link list updated (Unreleased compares from the new tag; the version links to its release).
 */
export function releaseUnreleased(changelog: string, version: string, date: string): string {
  if (!SEMVER.test(version)) throw new Error(`'${version}' is not a version like 1.2.3.`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`'${date}' is not a date like 2026-11-29.`)
  const lines = changelog.split('\n')
  if (sectionBounds(lines, version)) throw new Error(`CHANGELOG.md already has a '## [${version}]' section.`)
  const bounds = sectionBounds(lines, 'Unreleased')
  if (!bounds) throw new Error("CHANGELOG.md has no '## [Unreleased]' section.")
  const entries = lines
    .slice(bounds.heading + 1, bounds.end)
    .join('\n')
    .trim()
  if (entries === '') throw new Error("The '## [Unreleased]' section of CHANGELOG.md is empty: nothing to release.")

  const released = [
    ...lines.slice(0, bounds.heading),
    '## [Unreleased]',
    '',
    `## [${version}] - ${date}`,
    '',
    entries,
    '',
    ...lines.slice(bounds.end)
  ]
  const links = released.filter((line) => /^\[[^\]]+\]: /.test(line) && !line.startsWith('[Unreleased]: '))
  const body = released
    .filter((line) => !/^\[[^\]]+\]: /.test(line))
    .join('\n')
    .trimEnd()
  return [
    body,
    '',
    `[Unreleased]: ${REPOSITORY_URL}/compare/v${version}...HEAD`,
    `[${version}]: ${REPOSITORY_URL}/releases/tag/v${version}`,
    ...links,
    ''
  ].join('\n')
}

if (import.meta.main) {
  const [command, version] = process.argv.slice(2)
  if (command !== 'notes' || version === undefined || !SEMVER.test(version)) {
    console.error('Usage: node scripts/changelog.ts notes 1.2.3')
    process.exit(2)
  }
  try {
    console.log(versionNotes(readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8'), version))
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
}
