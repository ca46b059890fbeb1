// Entry point for the runner's post step (runs.post: dist/post/index.js). It runs after every job that used the
// action, so with nothing in the state it ends at once: a Node.js start, no az, no request. Only when the main step
// saved a synthetic study it could not confirm deleted does the cleanup load (post-cleanup.ts, a chunk of its own).
import { LEFT_STUDY_STATE, stateVariable } from './state.ts'

const study = process.env[stateVariable(LEFT_STUDY_STATE)] ?? ''
if (study !== '') {
  const { cleanUpLeftStudy } = await import('./post-cleanup.ts')
  await cleanUpLeftStudy(study)
  process.stdout.write('', () => process.exit())
}
