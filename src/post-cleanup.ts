// The post step's cleanup: the main step was cancelled or killed after its STOW may have stored the synthetic study
// and before it saw the study deleted. Signs in the way the main step did (the same inputs, az run the same way),
// deletes the study, sees it gone, and says so in one line; or fails with the UID to delete by hand.
import { classifyAzFailure, parseAzOutput } from './azure-cli/output.ts'
import { findAz, startAz } from './azure-cli/run.ts'
import { ActionError, describeFailure, describeUnexpected } from './errors.ts'
import { inputsFromEnv } from './inputs.ts'
import { createRunner } from './runner.ts'
import type { Runner } from './runner.ts'
import { systemClock } from './retry.ts'
import { deleteStudy, STUDY_UID } from './smoke-test/cleanup.ts'
import { openDicomConnection } from './smoke-test/connection.ts'
import { cleanupFailed } from './smoke-test/write-diagnose.ts'
import { issueToken } from './token.ts'

export async function cleanUpLeftStudy(
  studyInstanceUid: string,
  env: NodeJS.ProcessEnv = process.env,
  runner: Runner = createRunner(env)
): Promise<void> {
  if (!STUDY_UID.test(studyInstanceUid)) {
    runner.warning('The post step found a saved study UID it does not recognise, so it deleted nothing.')
    return
  }
  const config = inputsFromEnv(env)
  const baseUrl = config.dicom?.baseUrl
  try {
    if (baseUrl === undefined) throw new Error('dicom-url is not set for the post step')
    const started = Date.now()
    const deadlineMs = started + config.timeoutMs
    const azPath = await findAz()
    const result = await startAz(azPath, config).result
    const issued = result.exitCode === 0 ? issueToken(parseAzOutput(result.stdout)) : undefined
    if (issued) runner.mask(issued.value)
    if (!issued) throw classifyAzFailure(result, config)
    const connection = await openDicomConnection(baseUrl, config.timeoutMs, env)
    try {
      const waitForAccess = config.dicom?.waitForAccess ?? false
      const input = { send: connection.send, baseUrl, studyInstanceUid, issued, waitForAccess }
      const failure = await deleteStudy({ ...input, deadlineMs, clock: systemClock, log: runner })
      if (failure) throw failure
    } finally {
      await connection.close()
    }
    runner.info(
      `Deleted the synthetic study ${studyInstanceUid} that the main step left behind when it was cancelled or ` +
        `killed, and saw it gone (${Date.now() - started} ms).`
    )
  } catch (error) {
    const cause = error instanceof ActionError ? error : new ActionError('write-cleanup', describeUnexpected(error), '')
    runner.fail(describeFailure(cleanupFailed(studyInstanceUid, baseUrl ?? '<dicom-url>', cause), env))
  }
}
