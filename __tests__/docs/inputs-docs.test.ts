// What the docs say about the inputs is what action.yml declares and what the parser accepts: .env.example lists
// every input with its default, and troubleshooting's invalid-input table names every allowed value.
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { TROUBLESHOOTING_PATH } from '../../src/errors.ts'
import { ALLOWED_VALUES, INPUT_NAMES, inputVariable } from '../../src/inputs.ts'

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const action = parse(read('action.yml')) as { inputs: Record<string, { default?: string }> }

describe('.env.example', () => {
  const assignments = read('.env.example')
    .split('\n')
    .flatMap((line) => {
      const match = /^(INPUT_[^=\s]+)=(.*)$/.exec(line)
      return match ? [[match[1] ?? '', match[2] ?? ''] as const] : []
    })

  it('sets every input action.yml declares, once each, and no other', () => {
    const names = assignments.map(([name]) => name)
    expect(names).toEqual([...new Set(names)])
    expect([...names].sort()).toEqual(Object.keys(action.inputs).map(inputVariable).sort())
  })

  it("gives each input action.yml's default", () => {
    const defaults = Object.entries(action.inputs).map(([name, input]) => [inputVariable(name), input.default ?? ''])
    expect(Object.fromEntries(assignments)).toEqual(Object.fromEntries(defaults))
  })

  it('names every input the parser reads', () => {
    expect(assignments.map(([name]) => name).sort()).toEqual(INPUT_NAMES.map(inputVariable).sort())
  })
})

describe("troubleshooting's invalid-input table", () => {
  const section = read(TROUBLESHOOTING_PATH).split('\n## Invalid input\n')[1]?.split('\n## ')[0] ?? ''
  const rows = new Map(
    section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => {
        const [input = '', allowed = ''] = line.replace(/^\||\|$/g, '').split('|')
        return [input.trim().replace(/`/g, ''), allowed] as const
      })
  )

  it('has a row for every input', () => {
    expect([...rows.keys()].sort()).toEqual([...INPUT_NAMES].sort())
  })

  test.each(Object.entries(ALLOWED_VALUES))('names every value %s accepts, and no other', (input, values) => {
    const named = [...(rows.get(input) ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1])
    // What follows "not" names values that are refused.
    const refused = /\(not [^)]*\)/.exec(rows.get(input) ?? '')?.[0] ?? ''
    const refusedNames = [...refused.matchAll(/`([^`]+)`/g)].map((match) => match[1])
    expect([...new Set(named.filter((value) => !refusedNames.includes(value)))].sort()).toEqual([...values].sort())
  })
})
