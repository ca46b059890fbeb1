// The Node.js the action needs: refused before anything runs, in one line the runner reads as an error even where
// @actions/core cannot load.
import { EOL } from 'node:os'
import { checkNodeVersion, MINIMUM_NODE, refusedOldNode } from '../../src/node-version.ts'

const RUNNER_ENV = { GITHUB_ACTION_REPOSITORY: 'dicom-tools/dicom-token-action', GITHUB_ACTION_REF: 'v1' }

afterEach(() => {
  process.exitCode = undefined
})

describe('the Node.js version', () => {
  it.each(['24.0.0', '22.19.0', '23.1.0', '100.0.0'])('%s runs', (version) => {
    expect(() => checkNodeVersion(version)).not.toThrow()
  })

  it.each(['22.18.9', '20.19.2', '18.20.0', '21.99.0'])('%s is refused, naming both versions', (version) => {
    expect(() => checkNodeVersion(version)).toThrow(
      `The action runs on Node.js ${version}, but it needs Node.js ${MINIMUM_NODE} or later; nothing was run.`
    )
  })
})

describe('the refusal printed without @actions/core', () => {
  it('on an old Node.js: one ::error:: line with the fix and the link, exit code 1', () => {
    const written: string[] = []
    expect(refusedOldNode('20.19.2', RUNNER_ENV, (line) => written.push(line))).toBe(true)
    expect(process.exitCode).toBe(1)
    expect(written).toHaveLength(1)
    const [line = ''] = written
    expect(line.endsWith(EOL)).toBe(true)
    expect(line.slice(0, -EOL.length)).not.toMatch(/[\r\n%]/)
    expect(line).toMatch(/^::error::The action runs on Node\.js 20\.19\.2, but it needs Node\.js 22\.19 or later;/)
    expect(line).toContain('Run it as a step of a GitHub Actions job')
    expect(line).toContain('https://github.com/dicom-tools/dicom-token-action/blob/v1/docs/troubleshooting.md#')
  })

  it('on a Node.js new enough: nothing printed, the exit code left alone', () => {
    const written: string[] = []
    expect(refusedOldNode('24.11.1', RUNNER_ENV, (line) => written.push(line))).toBe(false)
    expect(written).toEqual([])
    expect(process.exitCode).toBeUndefined()
  })
})
