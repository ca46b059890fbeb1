// What the main step hands its post step through the runner's state (GITHUB_STATE, read back as STATE_<name>).

/** The UID of the synthetic study the main step may have stored and has not yet seen deleted; '' once it has. */
export const LEFT_STUDY_STATE = 'synthetic-study'

/** The variable the runner gives the post step a saved value in (as @actions/core's getState reads it). */
export function stateVariable(name: string): string {
  return `STATE_${name}`
}
