// How a refused input is shown (pure): on one line, with no control character and nothing of a URL that could be a
// secret, whatever the value holds. Every refusal of an input goes through here, then through the printer.
import { ActionError } from './errors.ts'

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * A refused value as the log may show it: on one line, and without what could be a secret in a URL — user info,
 * query and fragment — whether or not the URL parses (a bad port, a space, an '@' inside a password).
 */
export function shownValue(value: string): string {
  let shown = value
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    shown = shown
      .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@') // greedy: up to the last '@' before the path
      .replace(/#.*$/s, '#***')
      .replace(/\?.*$/s, '?***')
  }
  const controls = /[\u0000-\u001f\u007f-\u009f]/g // eslint-disable-line no-control-regex -- what is escaped here
  shown = shown.replace(controls, (c) => CONTROL_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown
}

/** The one line an input the action does not accept gets: its name, the value as it may be shown, what is allowed. */
export function refusal(input: string, value: string, allowed: string): ActionError {
  const shown = shownValue(value)
  return new ActionError('invalid-input', `Input '${input}' is invalid: '${shown}'.`, `Allowed: ${allowed}.`)
}
