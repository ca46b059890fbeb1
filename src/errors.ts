// The failures the action reports. Each kind carries its fix and its troubleshooting entry, so every
// message a person reads in a failed workflow log says what happened, why, what to do, and where to read more.

export const TROUBLESHOOTING_PATH = 'docs/troubleshooting.md'
/** Where the action lives when the runner does not say (local runs, `uses: ./`). */
export const HOME_REPOSITORY = 'dicom-tools/dicom-token-action'

/** Every failure kind, with the anchor of its entry in docs/troubleshooting.md. */
export const FAILURES = {
  'invalid-input': 'invalid-input',
  'runner-files': 'no-output-file-from-the-runner',
  'node-too-old': 'nodejs-too-old',
  'wrong-audience': 'wrong-audience',
  'smoke-proxy': 'proxy-errors',
  'smoke-dependency': '424-failed-dependency',
  'az-missing': 'azure-cli-not-found',
  'az-not-logged-in': 'not-logged-in',
  'oidc-assertion-expired': 'aadsts700024-client-assertion-expired',
  'resource-not-found': 'aadsts500011-resource-not-found-in-tenant',
  'aad-error': 'other-aadsts-errors',
  'tenant-with-managed-identity': 'tenant-with-managed-identity',
  'identity-endpoint': 'managed-identity-endpoint-unreachable',
  'az-network': 'network-errors-from-the-azure-cli',
  'az-timeout': 'timeouts',
  'az-output': 'unreadable-azure-cli-output',
  'az-failed': 'other-azure-cli-errors',
  'no-id-token-permission': 'no-id-token-permission',
  'oidc-token-failed': 'github-oidc-token-request-failed',
  'authority-refused': 'authority-host-refused',
  'authority-unreachable': 'entra-id-authority-unreachable',
  'federated-no-credential': 'aadsts700213-no-matching-federated-credential',
  'federated-client-not-found': 'aadsts700016-client-id-not-found-in-the-tenant',
  'federated-tenant-not-found': 'aadsts900023-tenant-not-found',
  'federated-answer': 'unexpected-answer-from-entra-id',
  'smoke-unauthorized': '401-unauthorized',
  'smoke-forbidden': '403-forbidden',
  'smoke-access-timeout': 'still-403-after-waiting-for-access',
  'write-forbidden': '403-on-a-write-reader-role-only',
  'write-conflict': '409-conflict-the-instance-already-exists',
  'write-refused': '400-or-415-the-service-refused-the-instance',
  'write-too-large': '413-request-too-large',
  'write-failed-sop': '202-accepted-with-a-failedsopsequence',
  'write-check': 'write-round-trip-check-failed',
  'write-cleanup': 'cleanup-failed-synthetic-study-left-behind',
  'write-no-time': 'no-time-left-for-the-write-round-trip',
  cancelled: 'the-step-was-cancelled',
  'smoke-not-found': '404-not-found',
  'smoke-tls': 'tls-certificate-errors',
  'smoke-redirect': 'redirects',
  'smoke-timeout': 'timeouts',
  'smoke-network': 'connection-errors',
  'smoke-unavailable': 'throttled-or-unavailable',
  'smoke-response': 'unexpected-response',
  // Not an ActionError's kind: what describeUnexpected links to.
  unexpected: 'reporting-a-bug'
} as const

export type FailureKind = keyof typeof FAILURES

/** An expected failure: reported as one clear line, never with a stack trace. */
export class ActionError extends Error {
  readonly kind: FailureKind
  readonly fix: string

  constructor(kind: FailureKind, message: string, fix: string) {
    super(message)
    this.name = 'ActionError'
    this.kind = kind
    this.fix = fix
  }
}

export type RunnerEnv = Record<string, string | undefined>

/** Links to the entry for the version of the action that is running, when the runner tells us which. */
export function troubleshootingUrl(kind: FailureKind, env: RunnerEnv = process.env): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const repository = env.GITHUB_ACTION_REPOSITORY || HOME_REPOSITORY
  const ref = (env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF) || 'main'
  return `${server}/${repository}/blob/${ref}/${TROUBLESHOOTING_PATH}#${FAILURES[kind]}`
}

/** The one line a failed step shows. */
export function describeFailure(error: ActionError, env: RunnerEnv = process.env): string {
  return `${failureSentence(error)} See ${troubleshootingUrl(error.kind, env)}`
}

/** What happened and the fix, without the link: the failure as the job summary states it beside its link. */
export function failureSentence(error: ActionError): string {
  return `${error.message} ${error.fix}`
}

/** An unexpected error, without the link: what it said, and how to report it. */
export function unexpectedSentence(error: unknown): string {
  const detail = (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '')
  return (
    `The action failed unexpectedly: ${detail}. This is a bug in the action; please open an issue with the debug ` +
    `log (re-run with debug logging enabled).`
  )
}

/** An unexpected error still becomes one line, with the entry on reporting a bug; the stack goes to the debug log. */
export function describeUnexpected(error: unknown, env: RunnerEnv = process.env): string {
  return `${unexpectedSentence(error)} See ${troubleshootingUrl('unexpected', env)}`
}
