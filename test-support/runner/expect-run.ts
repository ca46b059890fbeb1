// What every runner-level test checks of a finished run: the one failure line and its troubleshooting anchor, and
// that the token shows nowhere it must not, in no form.
import { expect } from '@jest/globals'
import { findLeakedWindows, findLeaks, runPlaces } from './leak-check.ts'
import type { ActionRun } from './run-action.ts'

/** The run failed with exactly one error line, whose link ends with `#anchor`; returns that line. */
export function expectOneError(result: ActionRun, anchor: string): string {
  expect(result.exitCode).toBe(1)
  expect(result.errors).toHaveLength(1)
  const error = result.errors[0] ?? ''
  expect(error).toMatch(new RegExp(`#${anchor}$`))
  return error
}

/** The token shows nowhere but its mask line and the `token` output: not whole, not a segment, not a window of it. */
export function expectNoTokenShown(result: ActionRun, jwt: string): void {
  expect(findLeaks(jwt, runPlaces(result))).toEqual([])
  expect(findLeakedWindows(jwt, runPlaces(result))).toEqual([])
}
