// The post step's cleanup: the main step was cancelled or killed after its STOW may have stored the synthetic study
// and before it saw the study deleted. Signs in the way the main step did (the same inputs through the same sign-in:
// az, or with client-id the federated exchange), deletes the study, sees it gone, and says so in one line; or fails
// with the UID to delete by hand. The runner cancels a post step too (SIGINT, SIGTERM, the kill): a cancel during the
// sign-in ends it, a DELETE under way gets the time left before the kill.
import { listenForCancel, untilCancelDeadline } from './cancellation.ts'
import { ActionError, describeFailure, describeUnexpected } from './errors.ts'
import { inputsFromEnv } from './inputs.ts'
import { systemClock } from './retry.ts'
import { loadRunner } from './runner.ts'
import type { Runner } from './runner.ts'
import { startSignIn } from './sign-in/index.ts'
import { openDicomConnection } from './smoke-test/connection.ts'
import { deleteLeftStudy, OWN_STUDY_UID } from './smoke-test/write/cleanup.ts'
import { cleanupFailed } from './smoke-test/write/diagnose.ts'

export async function cleanUpLeftStudy(
  studyInstanceUid: string,
  env: NodeJS.ProcessEnv = process.env,
  given?: Runner
): Promise<void> {
  const runner = given ?? (await loadRunner())
  if (!OWN_STUDY_UID.test(studyInstanceUid)) {
    runner.warning('The post step found a saved study UID that is not one the action makes, so it deleted nothing.')
    return
  }
  let baseUrl = '<dicom-base-url>'
  const cancel = listenForCancel()
  try {
    const config = inputsFromEnv(env)
    if (config.dicom === undefined) throw new Error('dicom-url is not set in the post step')
    baseUrl = config.dicom.baseUrl
    const started = Date.now()
    const issued = await (await startSignIn(config, env)).finish(runner, cancel)
    const connection = openDicomConnection(baseUrl, config.timeoutMs, env)
    try {
      const context = {
        send: connection.send,
        issued,
        clock: systemClock,
        log: runner,
        cancel: untilCancelDeadline(cancel)
      }
      const study = { baseUrl, studyInstanceUid, waitForAccess: config.dicom.waitForAccess }
      const failure = await deleteLeftStudy({ ...study, deadlineMs: started + config.timeoutMs }, context)
      if (failure) throw failure
    } finally {
      await connection.close()
    }
    runner.info(
      `Deleted the synthetic study ${studyInstanceUid} that the main step left when it was cancelled or killed, ` +
        `and saw it gone (${Date.now() - started} ms).`
    )
  } catch (error) {
    const cause = error instanceof ActionError ? error : new ActionError('write-cleanup', describeUnexpected(error), '')
    runner.fail(describeFailure(cleanupFailed(studyInstanceUid, baseUrl, cause), env))
  } finally {
    cancel.dispose()
  }
}
