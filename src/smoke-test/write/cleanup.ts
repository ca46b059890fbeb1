// The post step's cleanup of a study a cancelled or killed main step left: the study DELETE, then a search that no
// longer finds it, each a retried step under one deadline. The post step knows only the study's UID (its state), so it
// confirms by search alone, not by the change feed as the round trip can.
import type { ActionError } from '../../errors.ts'
import type { Attempt, CheckContext } from '../step.ts'
import { exchangeWithin, runStep } from '../step.ts'
import type { WriteProblem } from './answers.ts'
import { readDeleteAnswer, readSearchAnswer } from './answers.ts'
import { diagnoseWriteCheck } from './diagnose.ts'
import { studyDeleteRequest, studySearchRequest, WRITE_STEPS } from './round-trip.ts'

/** A study UID as the action makes them (2.25.<decimal>): anything else in the state is not the action's to delete. */
export const OWN_STUDY_UID = /^2\.25\.\d{1,39}$/

export interface LeftStudy {
  baseUrl: string
  studyInstanceUid: string
  waitForAccess: boolean
  deadlineMs: number
}

/** Deletes the study and sees it gone: undefined when done, else why not. */
export async function deleteLeftStudy(study: LeftStudy, context: CheckContext): Promise<ActionError | undefined> {
  const { baseUrl, studyInstanceUid: uid, waitForAccess, deadlineMs } = study
  const remaining = (): number => deadlineMs - context.clock.now()
  const deleteRequest = studyDeleteRequest(baseUrl, uid)
  const deleted = await runStep(
    {
      label: WRITE_STEPS.delete,
      deadlineMs,
      attempt: async (): Promise<Attempt<void, WriteProblem>> => {
        const exchange = await exchangeWithin(context, deleteRequest, remaining())
        return { exchange, answer: readDeleteAnswer(exchange, waitForAccess) }
      },
      diagnose: (last, diagnosis, problem) => diagnoseWriteCheck(WRITE_STEPS.delete, last, diagnosis, problem)
    },
    context
  )
  if (!deleted.ok) return deleted.failure
  const search = studySearchRequest(baseUrl, uid)
  const confirmed = await runStep(
    {
      label: WRITE_STEPS.confirmDelete,
      deadlineMs,
      attempt: async (): Promise<Attempt<void, WriteProblem>> => {
        const exchange = await exchangeWithin(context, search, remaining())
        const answer = readSearchAnswer(exchange, uid, waitForAccess)
        if (answer.verdict !== 'ok') return { exchange, answer }
        if (!answer.value) return { exchange, answer: { verdict: 'ok', value: undefined } }
        return {
          exchange,
          answer: { verdict: 'transient', reason: 'the study is still found', problem: { kind: 'still-found' } }
        }
      },
      diagnose: (last, diagnosis, problem) => diagnoseWriteCheck(WRITE_STEPS.confirmDelete, last, diagnosis, problem)
    },
    context
  )
  return confirmed.ok ? undefined : confirmed.failure
}
