// The messages docs/troubleshooting.md quotes are the ones the action prints: every stretch of literal text in a
// quoted message (between <placeholders>) stands in the source, or, for what az itself says, in the az notes.
import { readdirSync, readFileSync } from 'node:fs'
import { TROUBLESHOOTING_PATH } from '../../src/errors.ts'
import { DEFAULT_RESOURCE } from '../../src/dicom-service.ts'
import { MINIMUM_NODE } from '../../src/node-version.ts'

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')

const source = readdirSync(new URL('../../src', import.meta.url), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => read(`src/${name}`))
  .join('\n')
  // A message too long for one source line is written as literals joined with '+': read them as one.
  .replace(/(['"`])\s*\+\s*(['"`])/g, '')
  // Constants the messages interpolate read as their values.
  .replaceAll('${DEFAULT_RESOURCE}', DEFAULT_RESOURCE)
  .replaceAll('${TROUBLESHOOTING_PATH}', TROUBLESHOOTING_PATH)
  .replaceAll('${MINIMUM_NODE}', MINIMUM_NODE)
const azSays = (read('test-support/azure/AZ-NOTES.md') + read('__tests__/runner/token.test.ts')).replace(
  /(['"`])\s*\+\s*(['"`])/g,
  ''
)
/** What the GitHub runner itself prints, quoted where the docs explain it. */
const runnerSays = "Skip output 'token' since it may contain secret."
const troubleshooting = read('docs/troubleshooting.md')

const MIN_FRAGMENT = 24

function quotedMessages(markdown: string): string[] {
  return [...markdown.matchAll(/```text\n([\s\S]*?)\n```/g)].map((match) => match[1] ?? '')
}

/**
 * Literal stretches of a quoted message: split at <placeholders>, ellipses, [optional parts] and the ' — az said:'
 * seam, then at sentence ends.
 */
function fragments(message: string): string[] {
  return message
    .split(/<[^>]*>|…| — |\[|\]/)
    .flatMap((part) => part.split(/(?<=[.!?:])\s+/))
    .map((part) => part.trim())
    .filter((part) => part.length >= MIN_FRAGMENT)
}

describe('messages quoted in docs/troubleshooting.md', () => {
  const messages = quotedMessages(troubleshooting)

  it('are there to check', () => {
    expect(messages.length).toBeGreaterThan(15)
  })

  it.each(messages.map((message) => [message.slice(0, 70), message]))(
    '%s… is what the action (or az) prints',
    (_title, message) => {
      // The action ends az's own line with a period when az did not.
      const quoted = (fragment: string): boolean =>
        [fragment, fragment.replace(/\.$/, '')].some(
          (text) => source.includes(text) || azSays.includes(text) || runnerSays.includes(text)
        )
      const missing = fragments(message).filter((fragment) => !quoted(fragment))
      expect(missing).toEqual([])
    }
  )
})
