// Properties of input validation over random values for every input: each set of inputs gives either a configuration
// or exactly one refusal line, and nothing that reaches az can be read by it as a file ('@…') or an option ('-…').
import fc from 'fast-check'
import { azInvocation } from '../../src/sign-in/azure-cli/run.ts'
import { ActionError, describeFailure } from '../../src/errors.ts'
import { INPUT_NAMES, parseInputs, type Config, type InputName } from '../../src/inputs.ts'

/** Values that probe the rules: random text, and text shaped like what each input takes, with hostile prefixes. */
const value = fc.oneof(
  fc.string({ unit: 'grapheme-composite', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', 'true', 'false', 'read', 'write', 'v2', 'v1', '60', '0.5', 'DICOM_TOKEN'),
  fc.constantFrom(
    'https://dicom.healthcareapis.azure.com',
    'https://x.dicom.azurehealthcareapis.com',
    'http://127.0.0.1:8080'
  ),
  fc.constantFrom('72f988bf-86f1-41af-91ab-2d7cd011db47', 'contoso.onmicrosoft.com', 'Contoso Production'),
  fc
    .tuple(fc.constantFrom('@', '-', '--', '@/proc/self/environ', ' @', '\t-'), fc.string({ maxLength: 20 }))
    .map(([prefix, rest]) => `${prefix}${rest}`),
  fc.webUrl({ withQueryParameters: true, withFragments: true, authoritySettings: { withUserInfo: true } })
)

const inputsArb = fc.record(
  Object.fromEntries(INPUT_NAMES.map((name) => [name, value])) as Record<InputName, typeof value>
)

function parsed(inputs: Record<InputName, string>): Config | ActionError {
  try {
    // The runner trims inputs (and so does inputsFromEnv); the rules see trimmed values.
    return parseInputs((name) => inputs[name].trim())
  } catch (error) {
    if (error instanceof ActionError) return error
    throw error
  }
}

describe('input validation, for any inputs', () => {
  it('gives a configuration or exactly one refusal line, never a throw of anything else', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const result = parsed(inputs)
        if (result instanceof ActionError) {
          expect(result.kind).toBe('invalid-input')
          const line = describeFailure(result, {})
          // eslint-disable-next-line no-control-regex -- a refusal line holds no control character at all
          expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('never passes az an argument value that starts with @ or -', () => {
    fc.assert(
      fc.property(inputsArb, (inputs) => {
        const result = parsed(inputs)
        if (result instanceof ActionError) return
        const { args } = azInvocation('/usr/bin/az', result)
        const values = args.filter((_, index) => index > 0 && args[index - 1]?.startsWith('--') === true)
        for (const argument of values) expect(argument).not.toMatch(/^[@-]/)
      }),
      { numRuns: 2000 }
    )
  })

  it('refuses a dicom-url with user info or a fragment, and shows neither, parseable or not', () => {
    const secretUrls = fc
      .tuple(fc.constantFrom('https', 'http'), fc.constantFrom('host', 'h.example', 'bad host', 'h:99999', 'h:x'))
      .map(([scheme, host]) => [`${scheme}://user:Pw-s3cret@${host}/`, `${scheme}://${host}/#t=Fr-s3cret`])
    const empty = Object.fromEntries(INPUT_NAMES.map((name) => [name, ''])) as Record<InputName, string>
    fc.assert(
      fc.property(secretUrls, (urls) => {
        for (const url of urls) {
          const result = parsed({ ...empty, 'dicom-url': url })
          expect(result).toBeInstanceOf(ActionError)
          expect(describeFailure(result as ActionError, {})).not.toContain('s3cret')
        }
      })
    )
  })
})
