// Inputs that do nothing in the combination given: each gets one warning, so a setting that was meant to matter is
// not silently ignored. Pure; run after parseInputs has accepted the inputs.
import { DEFAULT_API_VERSION } from './dicom-service.ts'
import type { Config, InputName } from './inputs.ts'

/** One warning per input that the other inputs leave without effect. */
export function idleInputWarnings(read: (name: InputName) => string, config: Config): string[] {
  const warnings: string[] = []
  const smokeTestOff = !config.dicom || config.dicom.smokeTest === 'off'
  // Accepted values only reach here, so any letter case of 'true' is true.
  if (read('wait-for-access').toLowerCase() === 'true' && smokeTestOff) {
    warnings.push(
      `Input 'wait-for-access' is true but the smoke test is off, so it does nothing: only the smoke test waits ` +
        `for access. Set 'smoke-test: true' (or read or write), or remove wait-for-access.`
    )
  }
  // The runner fills in action.yml's default, so only another version can have been asked for.
  const apiVersion = read('api-version')
  if (!config.dicom && apiVersion !== '' && apiVersion !== DEFAULT_API_VERSION) {
    warnings.push(
      `Input 'api-version' is ${apiVersion} but 'dicom-url' is empty, so it does nothing: it only shapes ` +
        `dicom-base-url and the smoke test. Set dicom-url, or remove api-version.`
    )
  }
  return warnings
}
