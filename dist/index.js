import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4632:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fh: () => (/* binding */ listenForCancel),
/* harmony export */   KW: () => (/* binding */ cancelled),
/* harmony export */   MS: () => (/* binding */ unlessCancelled),
/* harmony export */   jB: () => (/* binding */ untilCancelDeadline)
/* harmony export */ });
/* unused harmony exports AFTER_SIGINT_MS, AFTER_SIGTERM_MS, deadlineAfter, whenAborted */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
// The runner cancels a step (a user's cancel, timeout-minutes, a newer run with cancel-in-progress) with SIGINT, then
// SIGTERM 7.5 s later, then a kill of the tree 2.5 s after that (actions/runner ProcessInvoker.cs). Node's default is
// to exit at once on either signal, with no finally and no cleanup: this turns them into an abort signal the stages
// watch, and says how long is left before the kill, so the cleanup can use that time and no more.

/** After SIGINT the runner kills the step's tree at 10 s; the cleanup ends by this, leaving time to print. */
const AFTER_SIGINT_MS = 8500;
/** A SIGTERM that comes first (another canceller) is followed by the kill 2.5 s later. */
const AFTER_SIGTERM_MS = 2000;
/** The cleanup deadline a cancel by `by` at `atMs` leaves (pure). */
function deadlineAfter(by, atMs) {
    return atMs + (by === 'SIGINT' ? AFTER_SIGINT_MS : AFTER_SIGTERM_MS);
}
/** Listens for the runner's SIGINT and SIGTERM from now on. Later signals only shorten the deadline. */
function listenForCancel(now = Date.now) {
    const controller = new AbortController();
    let by;
    let deadlineMs;
    const onSignal = (name) => {
        const deadline = deadlineAfter(name, now());
        deadlineMs = deadlineMs === undefined ? deadline : Math.min(deadlineMs, deadline);
        if (by !== undefined)
            return;
        by = name;
        controller.abort(name);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: controller.signal,
        get by() {
            return by;
        },
        get deadlineMs() {
            return deadlineMs;
        },
        dispose() {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        }
    };
}
/** The one line of a cancelled step: where it was, and what became of what it had started. */
function cancelled(by, during, outcome) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('cancelled', `The step was cancelled (${by}) ${during}; ${outcome}.`, 'Nothing to do if the cancel was meant (a cancel, timeout-minutes, or a newer run with concurrency: ' +
        'cancel-in-progress); otherwise re-run the job.');
}
/** Resolves with the signal's name once `signal` aborts (at once if it has); never settles otherwise. */
function whenAborted(signal) {
    return new Promise((resolve) => {
        const abort = () => resolve(signal.reason);
        if (signal.aborted)
            abort();
        else
            signal.addEventListener('abort', abort, { once: true });
    });
}
/** What `work` gives; or, when the runner cancels the step first, the cancel (after `stop`, if given). */
async function unlessCancelled(work, cancel, stage, outcome, stop) {
    work.catch(() => undefined); // a failure after the cancel is not the step's
    const first = await Promise.race([work.then((value) => ({ value })), whenAborted(cancel.signal)]);
    if (typeof first !== 'string')
        return first.value;
    await stop?.();
    throw cancelled(first, stage, outcome);
}
/**
 * For the cleanup after a cancel: a watch that aborts not at the cancel but at its deadline, so the DELETE and its
 * confirmation use the time left before the runner's kill, and not a moment longer.
 */
function untilCancelDeadline(watch, now = Date.now) {
    if (watch === undefined)
        return undefined;
    const controller = new AbortController();
    const arm = () => {
        const timer = setTimeout(() => controller.abort(watch.by), Math.max(0, (watch.deadlineMs ?? now()) - now()));
        timer.unref();
    };
    if (watch.signal.aborted)
        arm();
    else
        watch.signal.addEventListener('abort', arm, { once: true });
    return {
        signal: controller.signal,
        get by() {
            return watch.by;
        },
        get deadlineMs() {
            return watch.deadlineMs;
        }
    };
}


/***/ }),

/***/ 9293:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $F: () => (/* binding */ isTenant),
/* harmony export */   BZ: () => (/* binding */ DEFAULT_RESOURCE),
/* harmony export */   Bo: () => (/* binding */ API_VERSIONS),
/* harmony export */   W_: () => (/* binding */ isGuid),
/* harmony export */   _L: () => (/* binding */ DEFAULT_API_VERSION),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   mn: () => (/* binding */ isOtherAzureAudience)
/* harmony export */ });
// Facts about the Azure DICOM service that more than one stage needs: its token audience and API versions,
// and which hosts may be reached over plain http. Pure; imported by the input parser and the smoke test alike.
/** The audience the DICOM service expects in its tokens. */
const DEFAULT_RESOURCE = 'https://dicom.healthcareapis.azure.com';
const API_VERSIONS = ['v1.0-prerelease', 'v1', 'v2'];
const DEFAULT_API_VERSION = 'v2';
/** Plain http is allowed to these hosts only (tests, local emulators): the token never crosses a network in clear. */
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
function isGuid(value) {
    return GUID.test(value);
}
/** A tenant as Entra ID names one: its ID (GUID) or one of its domains. */
function isTenant(value) {
    return GUID.test(value) || DOMAIN.test(value);
}
// Audiences of other Azure services. A token for one of them is a credential for that service: it must never be sent
// to dicom-url, whoever answers there. A custom audience (api://…, an app ID) is not in this list: a self-hosted DICOM
// server behind its own app registration accepts one.
const OTHER_AZURE_HOSTS = new Set([
    'management.azure.com',
    'management.core.windows.net',
    'management.usgovcloudapi.net',
    'management.chinacloudapi.cn',
    'graph.microsoft.com',
    'graph.microsoft.us',
    'graph.windows.net',
    'storage.azure.com',
    'vault.azure.net',
    'database.windows.net',
    'ossrdbms-aad.database.windows.net',
    'servicebus.azure.net',
    'eventhubs.azure.net',
    'cognitiveservices.azure.com',
    'monitor.azure.com',
    'api.loganalytics.io',
    'fhir.azurehealthcareapis.com',
    'azurehealthcareapis.com'
]);
const OTHER_AZURE_HOST_SUFFIXES = [
    '.blob.core.windows.net',
    '.queue.core.windows.net',
    '.table.core.windows.net',
    '.file.core.windows.net',
    '.dfs.core.windows.net',
    '.vault.azure.net',
    '.database.windows.net',
    '.servicebus.windows.net',
    '.fhir.azurehealthcareapis.com'
];
// Resource Manager, Microsoft Graph and Azure AD Graph by application ID.
const OTHER_AZURE_APP_IDS = new Set([
    '797f4846-ba00-4fd7-ba43-dac1f8f63013',
    '00000003-0000-0000-c000-000000000000',
    '00000002-0000-0000-c000-000000000000'
]);
/** Is this a token audience (or resource) of another Azure service than DICOM? */
function isOtherAzureAudience(audience) {
    if (audience === undefined)
        return false;
    return audience.split(',').some((part) => {
        const value = part.trim().toLowerCase();
        if (OTHER_AZURE_APP_IDS.has(value))
            return true;
        if (!URL.canParse(value))
            return false;
        const host = new URL(value).hostname;
        return OTHER_AZURE_HOSTS.has(host) || OTHER_AZURE_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
    });
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ic: () => (/* binding */ describeFailure),
/* harmony export */   KB: () => (/* binding */ troubleshootingUrl),
/* harmony export */   Qz: () => (/* binding */ failureSentence),
/* harmony export */   Vp: () => (/* binding */ describeUnexpected),
/* harmony export */   lZ: () => (/* binding */ ActionError),
/* harmony export */   pl: () => (/* binding */ unexpectedSentence)
/* harmony export */ });
/* unused harmony exports TROUBLESHOOTING_PATH, HOME_REPOSITORY, FAILURES */
// The failures the action reports. Each kind carries its fix and its troubleshooting entry, so every
// message a person reads in a failed workflow log says what happened, why, what to do, and where to read more.
const TROUBLESHOOTING_PATH = 'docs/troubleshooting.md';
/** Where the action lives when the runner does not say (local runs, `uses: ./`). */
const HOME_REPOSITORY = 'dicom-tools/dicom-token-action';
/** Every failure kind, with the anchor of its entry in docs/troubleshooting.md. */
const FAILURES = {
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
};
/** An expected failure: reported as one clear line, never with a stack trace. */
class ActionError extends Error {
    kind;
    fix;
    constructor(kind, message, fix) {
        super(message);
        this.name = 'ActionError';
        this.kind = kind;
        this.fix = fix;
    }
}
/** Links to the entry for the version of the action that is running, when the runner tells us which. */
function troubleshootingUrl(kind, env = process.env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const repository = env.GITHUB_ACTION_REPOSITORY || HOME_REPOSITORY;
    const ref = (env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF) || 'main';
    return `${server}/${repository}/blob/${ref}/${TROUBLESHOOTING_PATH}#${FAILURES[kind]}`;
}
/** The one line a failed step shows. */
function describeFailure(error, env = process.env) {
    return `${failureSentence(error)} See ${troubleshootingUrl(error.kind, env)}`;
}
/** What happened and the fix, without the link: the failure as the job summary states it beside its link. */
function failureSentence(error) {
    return `${error.message} ${error.fix}`;
}
/** An unexpected error, without the link: what it said, and how to report it. */
function unexpectedSentence(error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
    return (`The action failed unexpectedly: ${detail}. This is a bug in the action; please open an issue with the debug ` +
        `log (re-run with debug logging enabled).`);
}
/** An unexpected error still becomes one line, with the entry on reporting a bug; the stack goes to the debug log. */
function describeUnexpected(error, env = process.env) {
    return `${unexpectedSentence(error)} See ${troubleshootingUrl('unexpected', env)}`;
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(491);
/* harmony import */ var _node_version_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5333);
// Entry point for the runner (runs.main: dist/index.js).


if (!(0,_node_version_js__WEBPACK_IMPORTED_MODULE_1__/* .refusedOldNode */ .qy)(process.versions.node, process.env))
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();
// Everything is written; tearing down the loaded modules would only delay the step. Exit once stdout is flushed.
process.stdout.write('', () => process.exit());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 491:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/cancellation.ts
var cancellation = __nccwpck_require__(4632);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/token.ts
var token = __nccwpck_require__(4606);
// EXTERNAL MODULE: ./src/dicom-service.ts
var dicom_service = __nccwpck_require__(9293);
// EXTERNAL MODULE: ./src/print.ts
var print = __nccwpck_require__(3996);
;// CONCATENATED MODULE: ./src/sign-in/azure-cli/output.ts
// What `az account get-access-token` printed, read (pure): the token JSON of either CLI generation on stdout,
// warnings apart from errors on stderr, and a failure turned into the error a person can act on.



/** The JSON object in `text`, or undefined when it is not one. */
function jsonObject(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? parsed
        : undefined;
}
function nonEmptyString(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** Reads `az account get-access-token --output json`. Never echoes what it could not read: it may hold the token. */
function parseAzOutput(stdout) {
    const record = jsonObject(stdout);
    const accessToken = nonEmptyString(record?.accessToken);
    if (!record || accessToken === undefined) {
        throw new src_errors/* ActionError */.lZ('az-output', `az account get-access-token printed ${stdout.length} characters that are not the expected JSON with an ` +
            `accessToken (not shown: it may contain the token).`, 'Make sure the az found on PATH is the Azure CLI itself (not a wrapper or shim), that no extension or ' +
            'upgrade prompt writes to its stdout, and that it is 2.30 or later.');
    }
    // The runner masks a secret line by line, and undici sends only visible ASCII in a header: a token with whitespace,
    // control or non-ASCII characters could be neither hidden nor used.
    if (!/^[\x21-\x7e]+$/.test(accessToken)) {
        throw new src_errors/* ActionError */.lZ('az-output', `az account get-access-token printed an accessToken of ${accessToken.length} characters with whitespace, ` +
            `control or non-ASCII characters, which is not a usable token (not shown).`, 'Make sure the az found on PATH is the Azure CLI itself (not a wrapper or shim) and that nothing rewrites ' +
            'its output.');
    }
    const epoch = Number(record.expires_on);
    return {
        accessToken,
        expiresOnEpoch: record.expires_on !== undefined && Number.isFinite(epoch) ? epoch : undefined,
        tenant: nonEmptyString(record.tenant),
        subscription: nonEmptyString(record.subscription)
    };
}
/** az writes `WARNING:` lines to stderr even on success: they belong in the debug log, not in errors. */
function splitAzStderr(stderr) {
    const lines = stderr
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    return {
        warnings: lines.filter((line) => line.startsWith('WARNING:')),
        errors: lines.filter((line) => !line.startsWith('WARNING:'))
    };
}
const MAX_QUOTED_CHARS = 400;
/** az's own words, for the message: its error lines joined, without anything that looks like a secret, cut. */
function quoteAz(errors) {
    return (0,print/* quote */.hD)(errors.map((line) => line.replace(/^ERROR:\s*/, '')).join(' '), undefined, MAX_QUOTED_CHARS);
}
const NETWORK_PATTERNS = new RegExp([
    'Failed to establish a new connection',
    'Max retries exceeded',
    'Name or service not known',
    'getaddrinfo',
    'Temporary failure in name resolution',
    'Connection (?:refused|reset|aborted)',
    'ConnectionError',
    'timed out',
    'SSLError',
    'certificate verify failed',
    'ProxyError'
].join('|'), 'i');
/** In order: an AADSTS code says most, then az's words, most specific first. */
const AZ_FAILURE_PATTERNS = [
    {
        aadsts: /^700024$/,
        kind: 'oidc-assertion-expired',
        message: ({ azSaid }) => `Entra ID refused the OIDC client assertion (AADSTS700024) — ${azSaid}`,
        fix: () => "With OIDC, azure/login signs in with GitHub's ID token, which lasts about 5 minutes, and az uses it again " +
            'for this token: run this action soon after azure/login (or run azure/login again right before it).'
    },
    {
        aadsts: /^500011$/,
        kind: 'resource-not-found',
        message: ({ azSaid, config }) => `Entra ID does not know the resource '${config.resource}' in this tenant (AADSTS500011) — ${azSaid}`,
        fix: () => `Check the 'resource' input (the DICOM service's is ${dicom_service/* DEFAULT_RESOURCE */.BZ}) and that the tenant you log in to ` +
            `has an Azure Health Data Services workspace.`
    },
    {
        aadsts: /^\d+$/,
        kind: 'aad-error',
        message: ({ azSaid, aadsts }) => `Entra ID refused the token request (AADSTS${aadsts}) — ${azSaid}`,
        fix: ({ aadsts }) => `Look up AADSTS${aadsts} (https://login.microsoftonline.com/error?code=${aadsts}) and check the ` +
            `credentials azure/login used.`
    },
    {
        said: /Tenant shouldn't be specified for managed identity/i,
        kind: 'tenant-with-managed-identity',
        message: ({ azSaid }) => `A tenant was given, but az is logged in with a managed identity, which cannot ask another tenant for ` +
            `tokens — ${azSaid}`,
        fix: ({ config }) => `Remove the 'tenant' input (the managed identity's own tenant is used), or log in with a service principal ` +
            `of tenant '${config.tenant ?? ''}'.`
    },
    {
        said: /az login|az account set|No subscription found|Please run 'az login'/i,
        kind: 'az-not-logged-in',
        message: ({ azSaid }) => `The Azure CLI is not logged in — ${azSaid}`,
        fix: () => 'Run azure/login earlier in the same job (with OIDC: permissions id-token: write and client-id, tenant-id, ' +
            'subscription-id or allow-no-subscriptions), or az login on a self-hosted runner.'
    },
    {
        said: /MSI|managed identity|identity endpoint|IMDS/i,
        kind: 'identity-endpoint',
        message: ({ azSaid }) => `The managed identity endpoint did not give az a token — ${azSaid}`,
        fix: () => 'On a self-hosted runner with a managed identity, check the identity is assigned to the VM and the ' +
            'endpoint is reachable, or log in with azure/login instead. A 400 can also mean the resource is unknown in ' +
            "the tenant (az hides AADSTS500011 for managed identities): check the 'resource' input."
    },
    {
        said: NETWORK_PATTERNS,
        kind: 'az-network',
        message: ({ azSaid }) => `The Azure CLI could not reach Entra ID — ${azSaid}`,
        fix: () => 'Check the runner can reach login.microsoftonline.com (proxy settings: HTTPS_PROXY, REQUESTS_CA_BUNDLE for ' +
            'TLS-inspecting proxies) and try again.'
    }
];
function matches(pattern, failure) {
    if (failure.aadsts !== '')
        return pattern.aadsts?.test(failure.aadsts) ?? false;
    return pattern.said?.test(failure.said) ?? false;
}
/** Maps a failed az run to the error the user can act on, keeping az's own words (and any AADSTS code). */
function classifyAzFailure(result, config) {
    const { errors } = splitAzStderr(result.stderr);
    const how = result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`;
    const said = errors.length > 0 ? quoteAz(errors) : `(no error text; ${how})`;
    // az's lines do not always end a sentence; the fix that follows must not run into them.
    const azSaid = `az said: ${said}${/[.!?)]$/.test(said) ? '' : '.'}`;
    const failure = { said, azSaid, aadsts: /AADSTS(\d+)/.exec(said)?.[1] ?? '', config };
    const pattern = AZ_FAILURE_PATTERNS.find((candidate) => matches(candidate, failure));
    if (pattern)
        return new src_errors/* ActionError */.lZ(pattern.kind, pattern.message(failure), pattern.fix(failure));
    const ended = result.signal
        ? `az account get-access-token was stopped by signal ${result.signal}`
        : `az account get-access-token failed with exit code ${result.exitCode}`;
    return new src_errors/* ActionError */.lZ('az-failed', `${ended} — ${azSaid}`, result.exitCode === 2
        ? 'Exit code 2 means az rejected its arguments: update the Azure CLI (2.30 or later) and check the ' +
            'tenant/subscription inputs.'
        : 'Check the inputs and that azure/login succeeded earlier in this job.');
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __nccwpck_require__(3053);
var external_node_diagnostics_channel_default = /*#__PURE__*/__nccwpck_require__.n(external_node_diagnostics_channel_);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 4 modules
var exec = __nccwpck_require__(5334);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __nccwpck_require__(8701);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/sign-in/azure-cli/process-tree.ts
// Which processes run below a given one, so a timed-out az can be stopped whole: the Azure CLI is often a shell
// launcher (Microsoft's deb, Homebrew) that starts python without exec, and killing the launcher alone orphans it.



/**
 * Windows' taskkill by its full path: spawned by bare name, libuv looks in the current directory (the checkout,
 * GITHUB_WORKSPACE) before PATH, so a taskkill.exe planted in the repository would run instead.
 */
function taskkillPath(env) {
    const systemRoot = env.SystemRoot ?? env.SYSTEMROOT ?? env.windir ?? 'C:\\Windows';
    return external_node_path_.win32.join(systemRoot, 'System32', 'taskkill.exe');
}
/** The parent pid from /proc/<pid>/stat: "pid (comm) state ppid …", where comm may itself hold spaces or ')'. */
function parentFromProcStat(stat) {
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
}
/** A zombie has ended; it only waits for a parent (often a container's init that never reaps) to collect it. */
function stateFromProcStat(stat) {
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
}
/** `ps -A -o pid= -o ppid=` output as pid -> parent pid. */
function parentsFromPs(output) {
    const parents = new Map();
    for (const line of output.split('\n')) {
        const match = /^\s*(\d+)\s+(\d+)\s*$/.exec(line);
        if (match)
            parents.set(Number(match[1]), Number(match[2]));
    }
    return parents;
}
/** Every descendant of `root`, children before grandchildren. */
function descendantsOf(root, parents) {
    const found = [];
    for (let i = -1; i < found.length; i++) {
        const parent = i === -1 ? root : found[i];
        for (const [pid, ppid] of parents)
            if (ppid === parent && pid !== root && !found.includes(pid))
                found.push(pid);
    }
    return found;
}
async function processParents() {
    if (process.platform === 'linux') {
        const parents = new Map();
        const pids = (await (0,promises_.readdir)('/proc')).filter((name) => /^\d+$/.test(name));
        await Promise.all(pids.map(async (pid) => {
            const ppid = parentFromProcStat(await (0,promises_.readFile)(`/proc/${pid}/stat`, 'utf8').catch(() => ''));
            if (ppid !== undefined)
                parents.set(Number(pid), ppid);
        }));
        return parents;
    }
    return new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { timeout: 2000 }, (error, stdout) => resolve(error ? new Map() : parentsFromPs(stdout)));
    });
}
/** The process and everything below it; only the process itself when the system will not say. */
async function processTree(pid) {
    try {
        return [pid, ...descendantsOf(pid, await processParents())];
    }
    catch {
        return [pid];
    }
}
/** The pids that still run: signal 0 finds them, and on Linux /proc tells a zombie (already ended) apart. */
async function stillRunning(pids) {
    const running = await Promise.all(pids.map(async (pid) => {
        try {
            process.kill(pid, 0);
        }
        catch {
            return false;
        }
        if (process.platform !== 'linux')
            return true;
        const stat = await (0,promises_.readFile)(`/proc/${pid}/stat`, 'utf8').catch(() => '');
        return stat !== '' && stateFromProcStat(stat) !== 'Z';
    }));
    return pids.filter((_, index) => running[index]);
}

;// CONCATENATED MODULE: ./src/sign-in/azure-cli/run.ts






/**
 * How az is invoked.
 * The path is quoted because @actions/exec splits its command line on spaces (C:\Program Files\...\az.cmd).
 */
function azInvocation(azPath, config) {
    const args = ['account', 'get-access-token', '--resource', config.resource];
    if (config.tenant)
        args.push('--tenant', config.tenant);
    if (config.subscription)
        args.push('--subscription', config.subscription);
    args.push('--output', 'json');
    return { commandLine: `"${azPath}"`, args };
}
async function findAz() {
    const azPath = await io/* which */.K7('az', false);
    if (!azPath) {
        throw new src_errors/* ActionError */.lZ('az-missing', 'The Azure CLI (az) was not found on PATH.', 'GitHub-hosted runners include it; on a self-hosted runner or container install it ' +
            '(https://learn.microsoft.com/cli/azure/install-azure-cli) and run azure/login before this step.');
    }
    return azPath;
}
const KILL_GRACE_MS = 2000;
/** On a cancel the step should end within about 2 s, long before the runner's kill. */
const CANCEL_GRACE_MS = 1000;
const POLL_MS = 50;
function signalAll(pids, signal) {
    for (const pid of pids) {
        try {
            process.kill(pid, signal);
        }
        catch {
            // already gone
        }
    }
}
/** Stops az and whatever it started, and waits (briefly) until they are gone, so no orphan outlives the step. */
async function stopAz(child, graceMs = KILL_GRACE_MS) {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
        return;
    if (process.platform === 'win32') {
        // az.cmd runs python under cmd.exe: taskkill /T stops the whole tree.
        const exited = new Promise((resolve) => child.once('exit', () => resolve()));
        (0,external_node_child_process_namespaceObject.spawn)(taskkillPath(process.env), ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' }).on('error', () => undefined);
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
        return;
    }
    const tree = await processTree(child.pid);
    signalAll(tree, 'SIGTERM');
    const graceEnds = Date.now() + graceMs;
    while ((await stillRunning(tree)).length > 0 && Date.now() < graceEnds)
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    signalAll(await stillRunning(tree), 'SIGKILL');
}
/**
 * Catches the next child process Node creates: @actions/exec does not expose the child, but Node announces every child
 * it creates on the `child_process` diagnostics channel. `started` settles once it exists, or `stop` is called.
 */
function watchNextChild() {
    let child;
    let markStarted = () => undefined;
    const started = new Promise((resolve) => (markStarted = resolve));
    const onChildProcess = (message) => {
        child ??= message.process;
        external_node_diagnostics_channel_default().unsubscribe('child_process', onChildProcess);
        markStarted();
    };
    external_node_diagnostics_channel_default().subscribe('child_process', onChildProcess);
    const stop = () => {
        external_node_diagnostics_channel_default().unsubscribe('child_process', onChildProcess);
        markStarted();
    };
    return { child: () => child, started, stop };
}
/** az's result, unless the timeout comes first: then az and what it started are stopped, and that is the failure. */
function withinTimeout(execution, child, timeoutMs, command) {
    return new Promise((resolve, reject) => {
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true; // az's own end, once killed, is not the result
            const running = child();
            void (running ? stopAz(running) : Promise.resolve()).then(() => reject(new src_errors/* ActionError */.lZ('az-timeout', `${command} did not finish within ${timeoutMs / 1000} s and was stopped.`, 'The Azure CLI may be waiting on the network or an identity endpoint; check the runner can reach ' +
                'login.microsoftonline.com, or raise timeout-seconds.')));
        }, timeoutMs);
        const settle = (finish) => {
            if (timedOut)
                return;
            clearTimeout(timer);
            finish();
        };
        execution.then((value) => settle(() => resolve(value)), (error) => settle(() => reject(error)));
    });
}
function startAz(azPath, config) {
    const { commandLine, args } = azInvocation(azPath, config);
    return runAz(commandLine, args, config.timeoutMs);
}
/** Runs one az command, silent, bounded by `timeoutMs`; its tree is stopped when the timeout comes. */
function runAz(commandLine, args, timeoutMs) {
    const stdout = [];
    const stderr = [];
    const watch = watchNextChild();
    const execution = exec/* exec */.m(commandLine, args, {
        silent: true, // nothing az prints reaches the log: its stdout is the token
        ignoreReturnCode: true,
        delay: 1000,
        listeners: { stdout: (data) => stdout.push(data), stderr: (data) => stderr.push(data) }
    })
        .then((exitCode) => ({
        exitCode,
        // A process ended by a signal has no exit code; which signal it was is what a person needs to know.
        signal: watch.child()?.signalCode ?? undefined,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
    }))
        .catch((error) => {
        throw new src_errors/* ActionError */.lZ('az-failed', `The Azure CLI at ${commandLine.replace(/^"|"$/g, '')} could not be started: ${error instanceof Error ? error.message : String(error)}.`, 'Check that az is installed correctly and executable by the runner user.');
    })
        .finally(() => watch.stop());
    const command = `az ${args
        .filter((arg) => !arg.startsWith('-'))
        .slice(0, 2)
        .join(' ')}`;
    const stop = async () => {
        await watch.started;
        const running = watch.child();
        if (running)
            await stopAz(running, CANCEL_GRACE_MS);
    };
    return { started: watch.started, result: withinTimeout(execution, watch.child, timeoutMs, command), stop };
}

;// CONCATENATED MODULE: ./src/sign-in/federated/authority.ts
// Where the federated exchange sends the GitHub OIDC token: the Entra ID authority host. Pure.
// The token is a credential, so only https is accepted, or plain http to a loopback host (tests, emulators).


const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
/** The Azure SDKs' variable for the authority host; every @azure/identity credential honours it. */
const AUTHORITY_HOST_VARIABLE = 'AZURE_AUTHORITY_HOST';
/**
 * Why a URL is not an authority the token may be sent to, or undefined when it is one. Credentials, a query or a
 * fragment in it are refused too: they would end up in log lines, and no authority host has them.
 */
function authorityProblem(value) {
    if (!URL.canParse(value))
        return 'it is not a URL';
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return `its scheme is ${url.protocol.slice(0, -1)}`;
    if (url.protocol === 'http:' && !(0,dicom_service/* isLoopbackHost */.cW)(url.hostname)) {
        return 'it is plain http to a host that is not loopback, and the OIDC token would cross the network in clear';
    }
    if (url.username !== '' || url.password !== '')
        return 'it holds credentials';
    if (url.search !== '' || url.hash !== '')
        return 'it has a query or a fragment';
    return undefined;
}
/** The value for a message: its origin and path when it is a URL without credentials, else nothing of it. */
function shown(value) {
    if (!URL.canParse(value))
        return 'its value is not shown';
    const url = new URL(value);
    if (url.username !== '' || url.password !== '')
        return 'its value is not shown';
    return `it is '${url.protocol}//${url.host}${url.pathname}'`;
}
function normalise(value) {
    const url = new URL(value);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
/**
 * The authority: AZURE_AUTHORITY_HOST when set, else the Entra endpoint of the cloud az is signed in to (the fallback
 * only), else the global cloud's. A value that is not a safe authority is refused before any request is made.
 */
function chooseAuthority(env, azActiveDirectory) {
    const fromEnv = env[AUTHORITY_HOST_VARIABLE]?.trim();
    if (fromEnv) {
        const problem = authorityProblem(fromEnv);
        if (problem) {
            throw new src_errors/* ActionError */.lZ('authority-refused', `The AZURE_AUTHORITY_HOST environment variable is not an authority the OIDC token can be sent to: ` +
                `${problem} (${shown(fromEnv)}); nothing was sent.`, "Set AZURE_AUTHORITY_HOST to your cloud's Entra ID host over https (for example " +
                'https://login.microsoftonline.com, https://login.microsoftonline.us or https://login.chinacloudapi.cn), or ' +
                'unset it.');
        }
        return { url: normalise(fromEnv), source: AUTHORITY_HOST_VARIABLE };
    }
    if (azActiveDirectory !== undefined && azActiveDirectory.trim() !== '') {
        const problem = authorityProblem(azActiveDirectory.trim());
        if (problem) {
            throw new src_errors/* ActionError */.lZ('authority-refused', `The Entra endpoint of the cloud az is signed in to (az cloud show: endpoints.activeDirectory) is not an ` +
                `authority the OIDC token can be sent to: ${problem} (${shown(azActiveDirectory.trim())}); nothing was sent.`, `Register the cloud with an https active-directory endpoint (az cloud update --endpoint-active-directory), ` +
                'or set AZURE_AUTHORITY_HOST to its Entra ID host.');
        }
        return { url: normalise(azActiveDirectory.trim()), source: 'az cloud show' };
    }
    return { url: DEFAULT_AUTHORITY_HOST, source: 'default' };
}

;// CONCATENATED MODULE: ./src/sign-in/federated/oidc.ts
// The job's GitHub OIDC token: whether the job may ask for one, asking for it within the step's deadline, and what it
// presents to Entra ID (its subject, issuer and audience: not secret, and what a federated credential must match).


/** The runner sets both only for a job with `permissions: id-token: write`. */
const ID_TOKEN_REQUEST_URL = 'ACTIONS_ID_TOKEN_REQUEST_URL';
const ID_TOKEN_REQUEST_TOKEN = 'ACTIONS_ID_TOKEN_REQUEST_TOKEN';
const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';
/** The request variables the runner did not set; empty when the job may ask for an OIDC token. */
function missingIdTokenVariables(env) {
    return [ID_TOKEN_REQUEST_URL, ID_TOKEN_REQUEST_TOKEN].filter((name) => !env[name]);
}
function noIdTokenPermission(missing, clientId) {
    return new src_errors/* ActionError */.lZ('no-id-token-permission', `The job cannot ask GitHub for an OIDC token to exchange as client ${clientId}: the runner did not set ` +
        `${missing.join(' or ')}, which it sets only for jobs allowed to.`, `Grant the job 'permissions: id-token: write' (a job's permissions block replaces the workflow's, so list ` +
        `'contents: read' there too if the job checks out code). Pull requests from forks never get an OIDC token.`);
}
const MAX_CLAIM_CHARS = 300;
function claim(payload, name) {
    const value = payload[name];
    const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : value;
    return typeof text === 'string' && text !== '' ? (0,print/* quote */.hD)(text, undefined, MAX_CLAIM_CHARS) : undefined;
}
function presentedIdentity(oidcToken) {
    const segment = oidcToken.split('.')[1];
    let payload;
    try {
        payload = segment ? JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) : undefined;
    }
    catch {
        payload = undefined;
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
        return {};
    const record = payload;
    return { subject: claim(record, 'sub'), issuer: claim(record, 'iss'), audience: claim(record, 'aud') };
}
function oidcFailure(detail) {
    return new src_errors/* ActionError */.lZ('oidc-token-failed', `GitHub did not give the job an OIDC token: ${detail}.`, 'This is usually a passing problem of GitHub: re-run the job. If it persists, check ' +
        'https://www.githubstatus.com and that the job still has the id-token permission.');
}
/**
 * Asks for the OIDC token, and gives up when the deadline passes: getIDToken has no timeout of its own. What it
 * answers is checked: the token goes into a form body and must be masked whole, so it must be visible ASCII.
 */
async function requestOidcToken(getIdToken, audience, timeoutMs) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(oidcFailure(`it did not answer within ${Math.ceil(timeoutMs / 1000)} s`)), timeoutMs);
    });
    const asked = getIdToken(audience).catch((error) => {
        const said = (0,print/* quote */.hD)(error instanceof Error ? error.message : String(error), undefined, 300);
        throw oidcFailure(`asking for one failed (${said.replace(/[.\s]+$/, '')})`);
    });
    asked.catch(() => undefined); // may still fail after the deadline won the race below
    try {
        const token = await Promise.race([asked, timeout]);
        if (!/^[\x21-\x7e]+$/.test(token)) {
            throw oidcFailure(`its answer of ${token.length} characters is not a token (not shown)`);
        }
        return token;
    }
    finally {
        clearTimeout(timer);
    }
}

;// CONCATENATED MODULE: ./src/sign-in/federated/fallback.ts
// Whether a failed az sign-in can be replaced by a fresh federated exchange (pure). az fails with AADSTS700024 when
// the OIDC token azure/login gave it has expired (it lasts 5 minutes); the job can ask GitHub for a new one and make
// the same exchange as the same service principal, if az says which one that is.




/** Entra's code for a client assertion past its lifetime: azure/login's OIDC token, expired. */
const ASSERTION_EXPIRED_CODE = '700024';
/** The cloud whose authority is the default one, as `az account show` names it. */
const GLOBAL_CLOUD = 'AzureCloud';
/** `az account show`'s user.name after `az login --identity`. */
const MANAGED_IDENTITY_NAMES = new Set(['systemAssignedIdentity', 'userAssignedIdentity']);
/**
 * Whether az's failure is the one a fresh OIDC token fixes, and whether the job can get one. undefined: not this
 * failure, so nothing to fall back on; a reason: it is, but the job cannot ask for a token (said in the fix).
 */
function fallbackPrecondition(azError, env) {
    if (azError.kind !== 'oidc-assertion-expired')
        return { possible: false };
    const missing = missingIdTokenVariables(env);
    if (missing.length === 0)
        return { possible: true };
    return {
        possible: false,
        reason: `The action could have asked GitHub for a fresh OIDC token instead, but the runner did not set ` +
            `${missing.join(' or ')}: grant the job 'permissions: id-token: write' (as azure/login with OIDC needs ` +
            `anyway).`
    };
}
function asRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
function parsedRecord(json) {
    try {
        return asRecord(JSON.parse(json ?? ''));
    }
    catch {
        return undefined;
    }
}
function field(object, name) {
    const value = object?.[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** Who az is signed in as, from `az account show`: a service principal's client ID, or why there is none. */
function signedInClient(account) {
    if (!account)
        return { reason: 'az account show gave no account to fall back on.' };
    const user = asRecord(account.user);
    const type = field(user, 'type');
    const name = field(user, 'name') ?? '';
    if (MANAGED_IDENTITY_NAMES.has(name) || user?.assignedIdentityInfo !== undefined) {
        return {
            reason: 'az is signed in with a managed identity, which has no OIDC token to renew: nothing to fall back to.'
        };
    }
    if (type !== 'servicePrincipal') {
        return {
            reason: `az is signed in as a ${type ?? 'principal of unknown type'}, not a service principal with a federated ` +
                'credential: nothing to fall back to.'
        };
    }
    if (!(0,dicom_service/* isGuid */.W_)(name))
        return { reason: 'az account show names no client ID for its service principal.' };
    return { clientId: name };
}
/**
 * The exchange to make instead: as az's service principal (`user.name`), in its tenant (`tenantId`), at
 * AZURE_AUTHORITY_HOST or else the Entra endpoint of az's cloud (`az cloud show`: endpoints.activeDirectory).
 * Takes what az printed, untrusted; an authority that is not safe is refused (thrown) rather than skipped.
 */
function planFallback(accountJson, cloudJson, env) {
    const account = parsedRecord(accountJson);
    const client = signedInClient(account);
    if ('reason' in client)
        return client;
    const tenant = field(account, 'tenantId');
    if (tenant === undefined || !(0,dicom_service/* isTenant */.$F)(tenant)) {
        return { reason: 'az account show names no tenant for its service principal.' };
    }
    const activeDirectory = field(asRecord(parsedRecord(cloudJson)?.endpoints), 'activeDirectory');
    if (!env[AUTHORITY_HOST_VARIABLE] &&
        activeDirectory === undefined &&
        field(account, 'environmentName') !== GLOBAL_CLOUD) {
        return {
            reason: `az cloud show gave no Entra endpoint for az's cloud: set AZURE_AUTHORITY_HOST to it (for the global ` +
                'cloud, https://login.microsoftonline.com).'
        };
    }
    return { plan: { clientId: client.clientId, tenant, authority: chooseAuthority(env, activeDirectory) } };
}
/** az's own error, and after its fix (run azure/login again, or sooner), why the fallback could not be made. */
function withoutFallback(azError, reason) {
    return new src_errors/* ActionError */.lZ(azError.kind, azError.message, `${azError.fix} ${reason}`);
}

;// CONCATENATED MODULE: ./src/sign-in/federated/answers.ts
// What Entra ID's token endpoint answered, read (pure): a success becomes the same IssuedToken that az's answer
// becomes; an error becomes its AADSTS codes and description. Nothing unread is ever echoed: it may hold the token.



/** expires_in outside this (seconds) is not a lifetime Entra gives: the token's `exp` is used instead. */
const MAX_EXPIRES_IN_S = 24 * 60 * 60;
function answers_jsonObject(body) {
    let parsed;
    try {
        parsed = JSON.parse(body ?? '');
    }
    catch {
        return undefined;
    }
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? parsed
        : undefined;
}
function unreadableSuccess(detail) {
    return new src_errors/* ActionError */.lZ('federated-answer', `Entra ID answered the token request with HTTP 200, but ${detail} (not shown: it may contain the token).`, "Check that the authority (AZURE_AUTHORITY_HOST, or az's cloud) is Entra ID itself and not a proxy or " +
        'gateway that rewrites its answers.');
}
function expiresInSeconds(value) {
    const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    return typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0 && seconds <= MAX_EXPIRES_IN_S
        ? seconds
        : undefined;
}
/**
 * Reads a 200 answer: `{token_type: "Bearer", expires_in, access_token}`. The expiry is `expires_in` from when the
 * answer arrived, else the token's `exp`; the tenant is the token's `tid`, else the tenant asked for.
 */
function issueFederatedToken(body, answeredAtMs, identity) {
    const answer = answers_jsonObject(body);
    const accessToken = answer?.access_token;
    if (!answer || typeof accessToken !== 'string' || accessToken === '') {
        throw unreadableSuccess(`its ${body.length} characters are not the expected JSON with an access_token`);
    }
    // The runner masks a secret line by line, and a header carries only visible ASCII: anything else is no token.
    if (!/^[\x21-\x7e]+$/.test(accessToken)) {
        throw unreadableSuccess(`its access_token of ${accessToken.length} characters has whitespace, control or non-ASCII characters`);
    }
    const tokenType = answer.token_type;
    if (tokenType !== undefined && (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer')) {
        throw unreadableSuccess('its token_type is not Bearer, the only kind the DICOM service takes');
    }
    const claims = (0,token/* decodeClaims */.Yq)(accessToken);
    const expiresIn = expiresInSeconds(answer.expires_in);
    return {
        value: accessToken,
        claims,
        expiresAtMs: expiresIn === undefined ? claims.expiresAtMs : answeredAtMs + expiresIn * 1000,
        // An output and a log line: only a tenant ID or domain, never whatever else the token may hold there.
        tenantId: [claims.tenantId, identity.tenant].find((tenant) => tenant !== undefined && (0,dicom_service/* isTenant */.$F)(tenant)),
        source: { kind: 'federated', clientId: identity.clientId }
    };
}
function answers_text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** Reads an error body; undefined when it is not Entra's JSON error (an HTML page from a proxy, say). */
function readEntraError(body) {
    const answer = answers_jsonObject(body);
    const error = answers_text(answer?.error);
    const description = answers_text(answer?.error_description);
    if (!answer || (error === undefined && description === undefined))
        return undefined;
    const listed = Array.isArray(answer.error_codes)
        ? answer.error_codes.filter((code) => Number.isInteger(code)).map(String)
        : [];
    const described = [...(description ?? '').matchAll(/AADSTS(\d+)/g)].map((match) => match[1] ?? '');
    return {
        codes: listed.length > 0 ? listed : [...new Set(described)],
        error,
        description,
        traceId: answers_text(answer.trace_id),
        correlationId: answers_text(answer.correlation_id)
    };
}

// EXTERNAL MODULE: ./src/tls.ts
var tls = __nccwpck_require__(98);
;// CONCATENATED MODULE: ./src/sign-in/federated/diagnose.ts
// What went wrong with the federated exchange, as one actionable error (pure): Entra ID's AADSTS codes, the authority
// unreachable or unavailable, an answer that is not Entra's. Entra's own words are quoted, cleaned of anything that
// looks like a secret; the OIDC token's subject, issuer and audience are named, since a credential must match them.






const diagnose_MAX_QUOTED_CHARS = 400;
/** A value for a POSIX shell command line, single-quoted. */
function shellQuoted(value) {
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** A credential name Entra accepts (letters, digits, '-' and '_', 3 to 120 characters), made from the subject. */
function credentialName(subject) {
    const name = subject
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 120);
    return name.length >= 3 ? name : 'github-actions';
}
/** The commands that add the credential the job's token would match: for an app, and for a managed identity. */
function federatedCredentialCommands(clientId, presented) {
    const name = credentialName(presented.subject);
    const parameters = JSON.stringify({
        name,
        issuer: presented.issuer,
        subject: presented.subject,
        audiences: [presented.audience]
    });
    return [
        `az ad app federated-credential create --id ${shellQuoted(clientId)} --parameters ${shellQuoted(parameters)}`,
        `az identity federated-credential create --name ${shellQuoted(name)} --identity-name <identity-name> ` +
            `--resource-group <resource-group> --issuer ${shellQuoted(presented.issuer)} ` +
            `--subject ${shellQuoted(presented.subject)} --audiences ${shellQuoted(presented.audience)}`
    ];
}
function presentedOrDefaults(context) {
    const { presented } = context;
    return {
        subject: presented.subject ?? '<subject>',
        issuer: presented.issuer ?? GITHUB_OIDC_ISSUER,
        audience: presented.audience ?? context.audience
    };
}
function noMatchingCredential(code, said, context) {
    const presented = presentedOrDefaults(context);
    const [forApp = '', forIdentity = ''] = federatedCredentialCommands(context.identity.clientId, presented);
    return new src_errors/* ActionError */.lZ('federated-no-credential', `Entra ID found no federated credential of client ${context.identity.clientId} that matches the job's OIDC ` +
        `token (AADSTS${code}): the token presented subject '${presented.subject}', issuer '${presented.issuer}' and ` +
        `audience '${presented.audience}' — Entra said: ${said}`, `Add a federated credential with exactly these values (subjects are compared case-sensitively). For an app ` +
        `registration: ${forApp} — for a user-assigned managed identity: ${forIdentity}`);
}
/** The error for an AADSTS code, with Entra's own words. */
function aadstsError(entra, status, context) {
    const { clientId, tenant } = context.identity;
    const code = entra.codes[0] ?? '';
    const said = saidByEntra(entra);
    if (code === '700213' || code === '70021')
        return noMatchingCredential(code, said, context);
    if (code === '700016') {
        return new src_errors/* ActionError */.lZ('federated-client-not-found', `Entra ID has no application with client ID ${clientId} in tenant ${tenant} (AADSTS700016) — Entra said: ${said}`, `Check 'client-id' (the app registration's Application (client) ID, or the managed identity's Client ID) and ` +
            `'tenant' (the tenant it lives in).`);
    }
    if (code === '900023' || code === '90002') {
        return new src_errors/* ActionError */.lZ('federated-tenant-not-found', `Entra ID does not know the tenant '${tenant}' (AADSTS${code}) — Entra said: ${said}`, `Check 'tenant': the Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com, ` +
            `of the cloud the authority serves.`);
    }
    if (code === '500011') {
        return new src_errors/* ActionError */.lZ('resource-not-found', `Entra ID does not know the resource '${context.resource}' in this tenant (AADSTS500011) — Entra said: ${said}`, `Check the 'resource' input (the DICOM service's is ${dicom_service/* DEFAULT_RESOURCE */.BZ}) and that the tenant has an Azure ` +
            `Health Data Services workspace.`);
    }
    const what = code === '' ? `HTTP ${status}` : `AADSTS${code}`;
    return new src_errors/* ActionError */.lZ('aad-error', `Entra ID refused the federated token request of client ${clientId} (${what}) — Entra said: ${said}`, code === ''
        ? 'Check the client-id, tenant and audience inputs.'
        : `Look up AADSTS${code} (https://login.microsoftonline.com/error?code=${code}) and check the client-id, ` +
            `tenant and audience inputs.`);
}
function saidByEntra(entra) {
    const words = (0,print/* quote */.hD)(entra.description ?? entra.error, undefined, diagnose_MAX_QUOTED_CHARS);
    const trace = entra.traceId ? ` (trace ID ${(0,print/* quote */.hD)(entra.traceId, undefined, 80)})` : '';
    return `${words.replace(/[.\s]+$/, '')}${trace}.`;
}
function tried(attempts, gaveUp, timeoutMs) {
    const times = attempts === 1 ? 'once' : `${attempts} times`;
    const within = gaveUp === 'retry-after-past-deadline' ? ', and it asked for a wait past the deadline' : '';
    return `tried ${times} within timeout-seconds (${Math.ceil(timeoutMs / 1000)} s)${within}`;
}
const UNREACHABLE_FIX = 'Check that the runner can reach the authority over https (a firewall or proxy may block it; AZURE_AUTHORITY_HOST ' +
    "names another cloud's host), and try again; a longer timeout-seconds rides out a short outage.";
/** The authority could not be reached, spoke no TLS the runner trusts, or stayed unavailable. */
function unreachable(exchange, context) {
    const { answer, attempts, gaveUp } = exchange;
    const host = context.identity.authority.url;
    const how = tried(attempts, gaveUp, context.timeoutMs);
    if ((0,tls/* isTlsError */.s)(answer.errorCode)) {
        return new src_errors/* ActionError */.lZ('authority-unreachable', `The TLS connection to the Entra ID authority ${host} failed (${answer.errorCode ?? ''}); the OIDC token was ` +
            `not sent.`, 'A TLS-inspecting proxy needs its CA in NODE_EXTRA_CA_CERTS; otherwise check AZURE_AUTHORITY_HOST names the ' +
            'real authority.');
    }
    if (answer.errorCode !== undefined) {
        const what = answer.errorCode === 'TimeoutError' ? 'did not answer in time' : `could not be reached (${answer.errorCode})`;
        return new src_errors/* ActionError */.lZ('authority-unreachable', `The Entra ID authority ${host} ${what}: ${how}.`, UNREACHABLE_FIX);
    }
    const entra = readEntraError(answer.body);
    const said = entra ? ` — Entra said: ${saidByEntra(entra)}` : '.';
    return new src_errors/* ActionError */.lZ('authority-unreachable', `The Entra ID authority ${host} answered HTTP ${answer.status ?? '?'} (unavailable or throttled): ${how}${said}`, UNREACHABLE_FIX);
}
function unexpectedAnswer(exchange, context) {
    const { status = 0, locationHost, body } = exchange.answer;
    const host = context.identity.authority.url;
    const fix = "Check that the authority (AZURE_AUTHORITY_HOST, or az's cloud) is Entra ID's host itself, e.g. " +
        'https://login.microsoftonline.com, and not a proxy, gateway or sign-in page in front of it.';
    if (status >= 300 && status < 400) {
        return new src_errors/* ActionError */.lZ('federated-answer', `The Entra ID authority ${host} answered the token request with a redirect (HTTP ${status}` +
            `${locationHost ? ` to ${(0,print/* quote */.hD)(locationHost, undefined, 120)}` : ''}), which is not followed: the OIDC ` +
            `token goes to the token endpoint only.`, fix);
    }
    const shown = (0,print/* quote */.hD)(body, undefined, 200);
    return new src_errors/* ActionError */.lZ('federated-answer', `The Entra ID authority ${host} answered the token request with HTTP ${status} and no Entra error` +
        `${shown === '' ? ' (an empty body)' : `: ${shown}`}.`, fix);
}
/** The one error for an exchange that did not end in a 200. */
function diagnoseTokenExchange(exchange, context) {
    const { answer } = exchange;
    if (answer.errorCode === 'ERR_INSECURE_AUTHORITY') {
        return new src_errors/* ActionError */.lZ('authority-refused', `The authority ${context.identity.authority.url} is plain http to a host that is not loopback; the OIDC ` +
            `token was not sent.`, 'Use the https authority of your cloud.');
    }
    if (answer.errorCode !== undefined || exchange.gaveUp !== undefined)
        return unreachable(exchange, context);
    const status = answer.status ?? 0;
    const entra = status >= 400 ? readEntraError(answer.body) : undefined;
    if (entra)
        return aadstsError(entra, status, context);
    return unexpectedAnswer(exchange, context);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
var external_node_http_default = /*#__PURE__*/__nccwpck_require__.n(external_node_http_);
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
var external_node_https_default = /*#__PURE__*/__nccwpck_require__.n(external_node_https_namespaceObject);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __nccwpck_require__(9809);
;// CONCATENATED MODULE: ./src/sign-in/federated/exchange.ts
// The token request, sent: one POST to Entra ID's token endpoint per attempt, each bounded by its own timeout inside
// the step's deadline, transient answers retried with the action's retry policy. Never follows a redirect: the OIDC
// token goes to the token endpoint and nowhere else. Node's own https client: it loads in a few milliseconds.





/** A single request may not hold the step longer than this, even with a long timeout-seconds. */
const TOKEN_REQUEST_TIMEOUT_MS = 15_000;
/** Entra's answers are a few hundred bytes; anything longer is cut (and then unreadable). */
const MAX_ANSWER_BYTES = 64 * 1024;
function errorCode(error) {
    const { code, name } = (error ?? {});
    if (name === 'AbortError' || name === 'TimeoutError' || code === 'ABORT_ERR')
        return 'TimeoutError';
    if (typeof code === 'string')
        return code;
    return typeof name === 'string' ? name : 'UNKNOWN';
}
function hostOf(location, base) {
    return location !== undefined && URL.canParse(location, base.href) ? new URL(location, base).host : undefined;
}
/** The token request over Node's https (http for loopback only), certificates always verified, no connection kept. */
const postForm = (url, body, timeoutMs) => {
    const started = performance.now();
    const secure = url.protocol === 'https:';
    if (!secure && !(url.protocol === 'http:' && (0,dicom_service/* isLoopbackHost */.cW)(url.hostname))) {
        // authority.ts refuses it first; this keeps the rule where the token is sent.
        return Promise.resolve({ errorCode: 'ERR_INSECURE_AUTHORITY', latencyMs: 0 });
    }
    return new Promise((resolve) => {
        const settle = (answer) => resolve({ ...answer, latencyMs: performance.now() - started });
        const options = {
            method: 'POST',
            agent: false,
            signal: AbortSignal.timeout(timeoutMs),
            // Whatever NODE_TLS_REJECT_UNAUTHORIZED says: this request carries a credential.
            rejectUnauthorized: true,
            headers: {
                'content-type': 'application/x-www-form-urlencoded',
                'content-length': Buffer.byteLength(body),
                accept: 'application/json'
            }
        };
        const request = (secure ? (external_node_https_default()) : (external_node_http_default())).request(url, options, (response) => {
            const chunks = [];
            let size = 0;
            response.on('data', (chunk) => {
                size += chunk.length;
                if (size <= MAX_ANSWER_BYTES)
                    chunks.push(chunk);
            });
            response.on('error', (error) => settle({ errorCode: errorCode(error) }));
            response.on('end', () => {
                const retryAfter = response.headers['retry-after'];
                settle({
                    status: response.statusCode,
                    body: Buffer.concat(chunks).toString('utf8'),
                    retryAfter,
                    locationHost: hostOf(response.headers.location, url)
                });
            });
        });
        request.on('error', (error) => settle({ errorCode: errorCode(error) }));
        request.end(body);
    });
};
/** Why an attempt is tried again, as the retry line says it. */
function retryReason(answer) {
    return answer.errorCode ?? `HTTP ${answer.status ?? '?'}`;
}
/** 200 is done; 429, 5xx and connection errors are tried again; TLS errors and Entra's 4xx are final. */
function answerOutcome(answer) {
    if (answer.errorCode !== undefined) {
        return (0,tls/* isTlsError */.s)(answer.errorCode) || answer.errorCode === 'ERR_INSECURE_AUTHORITY' ? 'fatal' : 'transient';
    }
    if (answer.status === 200)
        return 'done';
    return (0,retry/* isRetryableStatus */.PS)(answer.status ?? 0) ? 'transient' : 'fatal';
}
async function exchangeToken(request, options) {
    const post = options.post ?? postForm;
    const clock = options.clock ?? retry/* systemClock */.ml;
    const report = await (0,retry/* withRetry */.bD)(async (_attempt, remainingMs) => {
        const answer = await post(request.url, request.body, Math.max(1, Math.min(remainingMs, TOKEN_REQUEST_TIMEOUT_MS)));
        const outcome = answerOutcome(answer);
        if (outcome !== 'transient')
            return { kind: outcome, value: answer };
        const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(answer.retryAfter, clock.now());
        return { kind: 'transient', reason: retryReason(answer), retryAfterMs, last: answer };
    }, { deadlineMs: options.deadlineMs, clock, onRetry: options.onRetry });
    return { answer: report.value, attempts: report.attempts, gaveUp: report.gaveUp?.reason };
}

;// CONCATENATED MODULE: ./src/sign-in/federated/request.ts
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** azure/login's default for its `audience` input, and the audience every Entra federated credential starts with. */
const DEFAULT_OIDC_AUDIENCE = 'api://AzureADTokenExchange';
/** The token endpoint of the tenant at the authority: `<authority>/<tenant>/oauth2/v2.0/token`. */
function tokenEndpoint(identity) {
    return new URL(`${identity.authority.url}/${encodeURIComponent(identity.tenant)}/oauth2/v2.0/token`);
}
/**
 * The scope for one resource, as az makes it from `--resource`: the resource with `/.default` appended, a trailing
 * slash kept (`https://management.core.windows.net/` gives `…//.default`, which is what Entra expects for it).
 */
function scopeFor(resource) {
    return `${resource}/.default`;
}
function tokenRequest(identity, resource, oidcToken) {
    const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: identity.clientId,
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: oidcToken,
        scope: scopeFor(resource)
    });
    return { url: tokenEndpoint(identity), body: form.toString() };
}

;// CONCATENATED MODULE: ./src/sign-in/federated/sign-in.ts





async function signInFederated(input) {
    const { identity, runner: log } = input;
    const now = () => input.clock?.now() ?? Date.now();
    const missing = missingIdTokenVariables(input.env);
    if (missing.length > 0)
        throw noIdTokenPermission(missing, identity.clientId);
    // The request token is the runner's to guard, but any echo of it (in getIDToken's error, say) is removed too.
    input.runner.mask(input.env[ID_TOKEN_REQUEST_TOKEN] ?? '');
    // getIDToken masks the OIDC token before it returns it: nothing can print it before that.
    const getIdToken = (audience) => input.runner.getIDToken(audience);
    const oidcToken = await requestOidcToken(getIdToken, input.audience, Math.max(1, input.deadlineMs - now()));
    const presented = presentedIdentity(oidcToken);
    const request = tokenRequest(identity, input.resource, oidcToken);
    log.debug(`Exchanging the job's OIDC token (subject '${presented.subject ?? 'unknown'}', audience ` +
        `'${presented.audience ?? input.audience}') at ${request.url.href} as client ${identity.clientId}.`);
    const exchange = await exchangeToken(request, {
        deadlineMs: input.deadlineMs,
        post: input.post,
        clock: input.clock,
        onRetry: (attempt, reason, delayMs) => log.info(`POST ${request.url.href}: attempt ${attempt} failed (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s.`)
    });
    const { answer } = exchange;
    log.debug(`POST ${request.url.href}: ${answer.errorCode ?? `HTTP ${answer.status ?? '?'}`} in ` +
        `${Math.round(answer.latencyMs)} ms, attempt ${exchange.attempts}.`);
    if (answer.status !== 200 || answer.errorCode !== undefined) {
        throw diagnoseTokenExchange(exchange, {
            identity,
            presented,
            resource: input.resource,
            audience: input.audience,
            timeoutMs: input.timeoutMs
        });
    }
    return issueFederatedToken(answer.body ?? '', now(), identity);
}

;// CONCATENATED MODULE: ./src/sign-in/index.ts
// Where the token comes from: az (the default), or with client-id a federated exchange of the job's OIDC token with
// Entra ID, without az. After az fails with AADSTS700024 (azure/login's OIDC token has expired) the same exchange is
// made as az's own service principal, when az says which one that is and the job can ask GitHub for a fresh token.








/**
 * Starts getting the token. az is started at once, so the smoke test loads and connects while it runs; the direct
 * mode only checks its authority here, so a bad AZURE_AUTHORITY_HOST is refused before anything runs.
 */
async function startSignIn(config, env) {
    const { clientId, tenant } = config;
    if (clientId !== undefined && tenant !== undefined) {
        const identity = { clientId, tenant, authority: chooseAuthority(env) };
        return {
            finish: (runner, cancel) => (0,cancellation/* unlessCancelled */.MS)(federatedToken(identity, config, env, runner), cancel, 'while the token was requested', 'no token was issued')
        };
    }
    const azPath = await findAz();
    const startedMs = Date.now();
    const run = startAz(azPath, config);
    await run.started;
    return { finish: (runner, cancel) => azToken({ azPath, startedMs, run }, config, env, runner, cancel) };
}
/** The exchange, and the access token masked the moment it is there. */
async function federatedToken(identity, config, env, runner) {
    const issued = await signInFederated({
        identity,
        resource: config.resource,
        audience: config.audience,
        deadlineMs: Date.now() + config.timeoutMs,
        timeoutMs: config.timeoutMs,
        env,
        runner
    });
    runner.mask(issued.value); // before any other line is printed
    return issued;
}
/** The token az printed, masked before any other line is printed; or the fallback, or the failure in az's words. */
async function azToken(az, config, env, runner, cancel) {
    const result = await (0,cancellation/* unlessCancelled */.MS)(az.run.result, cancel, 'while az account get-access-token ran', 'az was stopped', () => az.run.stop());
    const issued = result.exitCode === 0 ? (0,token/* issueToken */.RU)(parseAzOutput(result.stdout)) : undefined;
    if (issued)
        runner.mask(issued.value); // before any other line is printed
    logAzRun(runner, az, result);
    if (issued)
        return issued;
    const failure = classifyAzFailure(result, config);
    const precondition = fallbackPrecondition(failure, env);
    if (!precondition.possible)
        throw precondition.reason ? withoutFallback(failure, precondition.reason) : failure;
    return fallBack(az.azPath, failure, config, env, runner);
}
function logAzRun(log, { azPath, startedMs }, result) {
    const ended = result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`;
    log.debug(`az (${azPath}) ended with ${ended} after ${Date.now() - startedMs} ms.`);
    for (const warning of splitAzStderr(result.stderr).warnings)
        log.debug(`az: ${warning}`);
}
/** What az says it is signed in as, and to which cloud: bounded like az's own run, and never printed. */
async function azAccount(azPath, env, deadlineMs) {
    const show = async (args) => {
        const result = await runAz(`"${azPath}"`, [...args, '--output', 'json'], Math.max(1, deadlineMs - Date.now()))
            .result;
        return result.exitCode === 0 ? result.stdout : undefined;
    };
    const account = (await show(['account', 'show'])) ?? '';
    // The authority is AZURE_AUTHORITY_HOST when it is set: az's cloud is then not needed.
    const cloud = env[AUTHORITY_HOST_VARIABLE] ? undefined : await show(['cloud', 'show']);
    return { account, cloud };
}
/** After AADSTS700024: the same exchange as az's service principal, with a fresh OIDC token; or az's error. */
async function fallBack(azPath, failure, config, env, runner) {
    const deadlineMs = Date.now() + config.timeoutMs;
    const { account, cloud } = await azAccount(azPath, env, deadlineMs);
    const decision = planFallback(account, cloud, env);
    if ('reason' in decision)
        throw withoutFallback(failure, decision.reason);
    const { plan } = decision;
    runner.debug(`az failed with AADSTS700024; exchanging a fresh OIDC token as client ${plan.clientId} instead.`);
    let issued;
    try {
        issued = await signInFederated({
            identity: plan,
            resource: config.resource,
            audience: config.audience,
            deadlineMs,
            timeoutMs: config.timeoutMs,
            env,
            runner
        });
    }
    catch (error) {
        if (!(error instanceof src_errors/* ActionError */.lZ))
            throw error;
        throw new src_errors/* ActionError */.lZ(error.kind, `az's sign-in had expired (AADSTS700024), and the federated exchange that replaces it failed: ${error.message}`, error.fix);
    }
    runner.mask(issued.value); // before any other line is printed
    runner.info(`az could not get the token: the OIDC token azure/login gave it had expired (AADSTS700024; GitHub's lasts 5 ` +
        `minutes). A fresh OIDC token from GitHub was exchanged with Entra ID as client ${plan.clientId} instead.`);
    return issued;
}

;// CONCATENATED MODULE: ./src/idle-inputs.ts
// Inputs that do nothing in the combination given: each gets one warning, so a setting that was meant to matter is
// not silently ignored. Pure; run after parseInputs has accepted the inputs.

/** One warning per input that the other inputs leave without effect. */
function idleInputWarnings(read, config) {
    const warnings = [];
    const smokeTestOff = !config.dicom || config.dicom.smokeTest === 'off';
    // Accepted values only reach here, so any letter case of 'true' is true.
    if (read('wait-for-access').toLowerCase() === 'true' && smokeTestOff) {
        warnings.push(`Input 'wait-for-access' is true but the smoke test is off, so it does nothing: only the smoke test waits ` +
            `for access. Set 'smoke-test: true' (or read or write), or remove wait-for-access.`);
    }
    // The runner fills in action.yml's default, so only another version can have been asked for.
    const apiVersion = read('api-version');
    if (!config.dicom && apiVersion !== '' && apiVersion !== dicom_service/* DEFAULT_API_VERSION */._L) {
        warnings.push(`Input 'api-version' is ${apiVersion} but 'dicom-url' is empty, so it does nothing: it only shapes ` +
            `dicom-base-url and the smoke test. Set dicom-url, or remove api-version.`);
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/inputs.ts
// Raw step inputs -> a validated, typed Config. Pure: every rule and its message lives here, so bad input is refused
// before az or the network is touched. Every refusal goes through refusal(), which shows a value only as shownValue()
// makes it, and then through the printer.



const DEFAULT_TIMEOUT_SECONDS = 60;
const MAX_TIMEOUT_SECONDS = 3600;
/** Input names exactly as action.yml declares them. */
const INPUT_NAMES = (/* unused pure expression or super */ null && ([
    'resource',
    'tenant',
    'subscription',
    'dicom-url',
    'api-version',
    'smoke-test',
    'wait-for-access',
    'timeout-seconds',
    'export-variable',
    'client-id',
    'audience'
]));
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// The runner refuses or owns these; exporting the token into them would fail or break later steps.
const RESERVED_ENV = /^(GITHUB_|RUNNER_|ACTIONS_)|^(PATH|NODE_OPTIONS|CI|HOME)$/i;
/** A word in the letter cases YAML 1.2's core schema allows for its booleans: true, True, TRUE. */
function yamlCases(word) {
    return [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()];
}
const YAML_TRUE = yamlCases('true');
const YAML_FALSE = yamlCases('false');
const SMOKE_TEST_READ = yamlCases('read');
const SMOKE_TEST_WRITE = yamlCases('write');
/**
 * Every value a boolean-or-mode input accepts, in one letter-case rule (lower, Capitalised, UPPER) for all of them;
 * the parser reads these, and the docs test checks docs/troubleshooting.md's table against them.
 */
const ALLOWED_VALUES = {
    'smoke-test': [...YAML_FALSE, ...YAML_TRUE, ...SMOKE_TEST_READ, ...SMOKE_TEST_WRITE],
    'wait-for-access': [...YAML_FALSE, ...YAML_TRUE],
    'api-version': dicom_service/* API_VERSIONS */.Bo
};
const CONTROL_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * A refused value as the log may show it: on one line, and without what could be a secret in a URL — user info,
 * query and fragment — whether or not the URL parses (a bad port, a space, an '@' inside a password).
 */
function shownValue(value) {
    let shown = value;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
        shown = shown
            .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1***@') // greedy: up to the last '@' before the path
            .replace(/#.*$/s, '#***')
            .replace(/\?.*$/s, '?***');
    }
    const controls = /[\u0000-\u001f\u007f-\u009f]/g; // eslint-disable-line no-control-regex -- what is escaped here
    shown = shown.replace(controls, (c) => CONTROL_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}
/** The one way an input is refused: what is wrong (any value in it shown through shownValue), and the fix. */
function refusal(message, fix) {
    return new src_errors/* ActionError */.lZ('invalid-input', message, fix);
}
/** The usual refusal: the input's name, the value as it may be shown, what is allowed. */
function notAllowed(input, value, allowed) {
    return refusal(`Input '${input}' is invalid: '${shownValue(value)}'.`, `Allowed: ${allowed}.`);
}
/**
 * az reads an argument that starts with '@' as "the contents of this file" and one that starts with '-' as an option:
 * `@/proc/self/environ` would put the step's environment into az's error message. No value passed to az may.
 * On Windows az is az.cmd, so its arguments pass through cmd.exe, which expands %VAR% even inside quotes and has no
 * escape for it there: a '%' is refused on every runner, so a workflow behaves the same on all of them.
 */
function refuseAzFileOrOption(input, value) {
    if (/^[@-]/.test(value)) {
        throw notAllowed(input, value, `a value that does not start with '@' or '-' (the Azure CLI reads those as a file or an option)`);
    }
    if (value.includes('%')) {
        throw notAllowed(input, value, `a value without '%' (on Windows, cmd.exe would expand %NAME% in it for az.cmd)`);
    }
}
function parseResource(value) {
    if (value === '')
        return dicom_service/* DEFAULT_RESOURCE */.BZ;
    refuseAzFileOrOption('resource', value);
    const looksLikeUri = /^[a-z][a-z0-9+.-]*:\/\/?\S+$/i.test(value) && URL.canParse(value);
    if (!(looksLikeUri || (0,dicom_service/* isGuid */.W_)(value))) {
        throw notAllowed('resource', value, `an absolute URI such as ${dicom_service/* DEFAULT_RESOURCE */.BZ}, or an application (client) ID GUID`);
    }
    return value;
}
function parseTenant(value) {
    if (value === '')
        return undefined;
    refuseAzFileOrOption('tenant', value);
    if (!(0,dicom_service/* isTenant */.$F)(value)) {
        throw notAllowed('tenant', value, 'a tenant ID (GUID) or a domain such as contoso.onmicrosoft.com');
    }
    return value;
}
function parseSubscription(value) {
    if (value === '')
        return undefined;
    refuseAzFileOrOption('subscription', value);
    // az accepts a subscription ID or its display name.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
    if (value.length > 128 || /[\u0000-\u001f]/.test(value)) {
        throw notAllowed('subscription', value, 'a subscription ID (GUID) or name');
    }
    return value;
}
function parseClientId(value) {
    if (value === '')
        return undefined;
    if (!(0,dicom_service/* isGuid */.W_)(value)) {
        throw notAllowed('client-id', value, 'the Application (client) ID of an app registration or a user-assigned ' +
            "managed identity, a GUID such as azure/login's client-id");
    }
    return value;
}
function parseAudience(value) {
    if (value === '')
        return DEFAULT_OIDC_AUDIENCE;
    // It goes into the OIDC token request's URL and the token's aud claim: one visible word, as Entra compares it.
    if (value.length > 256 || !/^[\x21-\x7e]+$/.test(value)) {
        throw notAllowed('audience', value, `the audience of the federated credential, such as ${DEFAULT_OIDC_AUDIENCE}`);
    }
    return value;
}
/** Who signs in, and where: az's defaults, or with client-id a federated exchange, which needs a tenant. */
function parseSignIn(read) {
    const tenant = parseTenant(read('tenant'));
    const subscription = parseSubscription(read('subscription'));
    const clientId = parseClientId(read('client-id'));
    if (clientId && subscription) {
        throw refusal(`Inputs 'client-id' and 'subscription' were both given.`, "Remove 'subscription': with client-id the action does not run az, and the token comes from the tenant " +
            "given in 'tenant'.");
    }
    if (clientId && !tenant) {
        throw refusal(`Input 'client-id' is set but 'tenant' is empty.`, "Set 'tenant' to the Directory (tenant) ID of the client, as azure/login's tenant-id.");
    }
    if (tenant && subscription) {
        throw refusal(`Inputs 'tenant' and 'subscription' were both given.`, 'Set only one of them: az account get-access-token takes a tenant or a subscription, not both.');
    }
    return { tenant, subscription, clientId, audience: parseAudience(read('audience')) };
}
function parseDicomUrl(value) {
    if (value === '')
        return undefined;
    const allowed = `an absolute https URL such as https://<workspace>-<service>.dicom.azurehealthcareapis.com (http only for ` +
        `loopback hosts: localhost, 127.x.x.x, [::1])`;
    // 'host.example.com' or 'host:8443/path': a host without its scheme, which URL would refuse or misread.
    if (/^[^\s:/?#@]+(:\d+)?(\/\S*)?$/.test(value) && URL.canParse(`https://${value}`)) {
        throw refusal(`Input 'dicom-url' is invalid: '${shownValue(value)}' has no scheme.`, `Add https:// in front: 'https://${shownValue(value)}'.`);
    }
    if (!URL.canParse(value))
        throw notAllowed('dicom-url', value, allowed);
    const url = new URL(value);
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && (0,dicom_service/* isLoopbackHost */.cW)(url.hostname));
    if (!secure || url.username || url.password || url.search || url.hash) {
        throw notAllowed('dicom-url', value, `${allowed}, without credentials, query or fragment`);
    }
    const path = url.pathname.replace(/\/+$/, '');
    const versionSegment = path.split('/').pop() ?? '';
    if (dicom_service/* API_VERSIONS */.Bo.includes(versionSegment)) {
        throw refusal(`Input 'dicom-url' is invalid: '${shownValue(value)}' ends with the API version '${versionSegment}'.`, `Give the service URL without the version and set 'api-version: ${versionSegment}' instead.`);
    }
    return url;
}
function parseApiVersion(value) {
    if (value === '')
        return dicom_service/* DEFAULT_API_VERSION */._L;
    const version = dicom_service/* API_VERSIONS */.Bo.find((v) => v === value);
    if (!version)
        throw notAllowed('api-version', value, dicom_service/* API_VERSIONS */.Bo.join(', '));
    return version;
}
function parseBoolean(input, value) {
    if (value === '' || YAML_FALSE.includes(value))
        return false;
    if (YAML_TRUE.includes(value))
        return true;
    throw notAllowed(input, value, 'true or false (YAML 1.2 core schema: true, True, TRUE, false, False, FALSE)');
}
/** `true` is the read check, as before `write` existed; YAML's booleans are read as parseBoolean reads them. */
function parseSmokeTest(value) {
    if (value === '' || YAML_FALSE.includes(value))
        return 'off';
    if (YAML_TRUE.includes(value) || SMOKE_TEST_READ.includes(value))
        return 'read';
    if (SMOKE_TEST_WRITE.includes(value))
        return 'write';
    throw notAllowed('smoke-test', value, 'false, true (the same as read), read or write, each in lower case, Capitalised or UPPER case');
}
function parseTimeoutMs(value) {
    if (value === '')
        return DEFAULT_TIMEOUT_SECONDS * 1000;
    const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
    if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
        throw notAllowed('timeout-seconds', value, `a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS}`);
    }
    return Math.ceil(seconds * 1000); // never 0 ms for a positive value
}
function parseExportVariable(value) {
    if (value === '')
        return undefined;
    if (!ENV_NAME.test(value) || RESERVED_ENV.test(value)) {
        throw notAllowed('export-variable', value, 'an environment variable name (letters, digits and _, not starting with a digit), not PATH, NODE_OPTIONS, ' +
            'CI, HOME or GITHUB_/RUNNER_/ACTIONS_*');
    }
    return value;
}
function dicomTarget(url, apiVersion, smokeTest, waitForAccess) {
    const normalised = `${url.origin}${url.pathname.replace(/\/+$/, '')}`; // no trailing slash, whatever was given
    return {
        url: normalised,
        apiVersion,
        baseUrl: `${normalised}/${apiVersion}`,
        host: url.host,
        smokeTest,
        waitForAccess
    };
}
/** Validates every input; `read` returns the raw (trimmed) value, '' when unset. */
function parseInputs(read) {
    const signIn = parseSignIn(read);
    const dicomUrl = parseDicomUrl(read('dicom-url'));
    const apiVersion = parseApiVersion(read('api-version'));
    const smokeTest = parseSmokeTest(read('smoke-test'));
    // Only the smoke test talks to the service, so without it wait-for-access has nothing to wait for.
    // It is still checked.
    const waitForAccess = parseBoolean('wait-for-access', read('wait-for-access'));
    if (smokeTest !== 'off' && !dicomUrl) {
        throw refusal(`Input 'smoke-test' is ${shownValue(read('smoke-test'))} but 'dicom-url' is empty.`, 'Set dicom-url to your DICOM service URL (https://<workspace>-<service>.dicom.azurehealthcareapis.com), or ' +
            'turn the smoke test off.');
    }
    const resource = parseResource(read('resource'));
    if (smokeTest !== 'off' && (0,dicom_service/* isOtherAzureAudience */.mn)(resource)) {
        throw refusal(`Input 'resource' is '${shownValue(resource)}', another Azure service's audience: the smoke test would ` +
            `send that token to dicom-url.`, `Leave 'resource' at its default (${dicom_service/* DEFAULT_RESOURCE */.BZ}) for the smoke test, or turn the smoke test off.`);
    }
    return {
        resource,
        ...signIn,
        dicom: dicomUrl && dicomTarget(dicomUrl, apiVersion, smokeTest, waitForAccess),
        timeoutMs: parseTimeoutMs(read('timeout-seconds')),
        exportVariable: parseExportVariable(read('export-variable'))
    };
}
/** The environment variable the runner passes an input in: INPUT_<NAME> (upper-cased, spaces as '_', hyphens kept). */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
/** One input as the runner passed it, trimmed; '' when unset. */
function readInput(env, name) {
    return (env[inputVariable(name)] ?? '').trim();
}
function inputsFromEnv(env) {
    return parseInputs((name) => readInput(env, name));
}
/**
 * "run 123 attempt 2, owner/repo" from the runner's variables, or undefined when the runner does not say which run.
 * The run comes first: StudyDescription holds 64 characters, and what is cut must be the repository's end, not the
 * run ID (11 digits today) that finds the run.
 */
function runLabelFrom(env) {
    const repository = env.GITHUB_REPOSITORY;
    const runId = env.GITHUB_RUN_ID;
    if (!repository || !runId)
        return undefined;
    const attempt = env.GITHUB_RUN_ATTEMPT;
    return `run ${runId}${attempt ? ` attempt ${attempt}` : ''}, ${repository}`;
}

// EXTERNAL MODULE: ./src/node-version.ts + 1 modules
var node_version = __nccwpck_require__(5333);
;// CONCATENATED MODULE: ./src/outputs.ts

/** Output names exactly as action.yml declares them. */
const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'token',
    'expires-on',
    'tenant-id',
    'dicom-base-url',
    'smoke-test-result',
    'latest-sequence',
    'round-trip-ms'
]));
function tokenOutputs(config, issued) {
    const outputs = {
        token: issued.value,
        'expires-on': issued.expiresAtMs === undefined ? '' : (0,token/* formatExpiry */.B8)(issued.expiresAtMs),
        'tenant-id': issued.tenantId ?? ''
    };
    if (config.dicom)
        outputs['dicom-base-url'] = config.dicom.baseUrl;
    return outputs;
}
function smokeTestOutputs(report) {
    if (!report)
        return { 'smoke-test-result': 'skipped' };
    return {
        'smoke-test-result': report.passed ? 'passed' : 'failed',
        // As action.yml says: only when the smoke test passed, though the summary shows what the reads gave.
        ...(report.passed && report.latestSequence !== undefined
            ? { 'latest-sequence': String(report.latestSequence) }
            : {}),
        ...(report.write ? { 'round-trip-ms': String(Math.round(report.write.elapsedMs)) } : {})
    };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/runner.ts
// The seam to the runner. The stages speak `Runner`; `sanitising()` is the one choke point every line, cell and secret
// passes; behind it, a thin adapter over @actions/core speaks the runner's protocol (workflow commands, file commands,
// the job summary, state and the OIDC token). main.ts loads core while az runs (loadRunner), so it costs no wall time.



const FILES = { output: 'GITHUB_OUTPUT', env: 'GITHUB_ENV', state: 'GITHUB_STATE' };
/**
 * Refuses to run where the runner gives no file for outputs (or, when asked to export, for the environment):
 * the only other way, `::set-output` on stdout, would print the token in clear.
 */
function checkRunnerFiles(env, exporting) {
    const needed = exporting ? [FILES.output, FILES.env] : [FILES.output];
    const missing = needed.filter((name) => !env[name] || !(0,external_node_fs_namespaceObject.existsSync)(env[name]));
    if (missing.length > 0) {
        throw new src_errors/* ActionError */.lZ('runner-files', `The runner provides no ${missing.join(' or ')} file, so the token cannot be handed to later steps safely; ` +
            `nothing was run.`, 'Run the action as a step of a GitHub Actions job on a runner that supports node24 actions; to run it by ' +
            'hand, set these variables to files that exist.');
    }
}
/** The choke point: whatever the stages say reaches `sink` only as sanitised lines and cells. */
function sanitising(sink) {
    // Every secret of the run (the access token, the OIDC token) is removed from every line.
    const secrets = [];
    let printer = (0,print/* createPrinter */.Fr)();
    const mask = (secret) => {
        if (!secrets.includes(secret))
            secrets.push(secret);
        printer = (0,print/* createPrinter */.Fr)(...secrets);
        sink.mask(secret);
    };
    return {
        mask,
        info: (message) => sink.info(printer.line(message)),
        // A debug text may be a stack: each of its lines becomes a line of its own.
        debug: (message) => {
            for (const line of printer.lines(message))
                sink.debug(line);
        },
        warning: (message) => sink.warning(printer.line(message)),
        fail: (message) => sink.fail(printer.line(message)),
        setOutput: (name, value) => sink.setOutput(name, value),
        exportVariable: (name, value) => sink.exportVariable(name, value),
        writeSummary: (heading, rows) => sink.writeSummary(printer.cell(heading), rows.map(([name, value]) => [printer.cell(name), sanitisedCell(printer, value)])),
        getIDToken: async (audience) => {
            const token = await sink.getIDToken(audience);
            mask(token); // core masks it too; this also puts it into the sanitiser, whatever the sink does
            return token;
        },
        saveState: (name, value) => {
            // State is a file the runner keeps for the post step and passes to it in its environment: no place for a token.
            if ((0,print/* removeSecret */.xg)(value, secrets) !== value)
                throw new Error(`state '${name}' would hold a secret`);
            sink.saveState(name, value);
        },
        getState: (name) => sink.getState(name)
    };
}
/** A cell's text as HTML; a link keeps its href only when it is an http(s) URL, escaped like any text. */
function sanitisedCell(printer, cell) {
    if (typeof cell === 'string')
        return printer.cell(cell);
    const text = printer.cell(cell.text);
    return /^https?:\/\/[^\s]+$/.test(cell.href) ? { text, href: printer.cell(cell.href) } : text;
}
/** A sanitised cell as the HTML core.summary writes as it is. */
function cellHtml(cell) {
    return typeof cell === 'string' ? cell : `<a href="${cell.href}">${cell.text}</a>`;
}
/**
 * Runs one file command of core. Without its file, core would print the value on stdout instead (`::set-output`,
 * `::set-env`, `::save-state`): the token in clear. That is refused, as is a file that cannot be written.
 */
function fileCommand(file, name, command) {
    let reason = process.env[file] ? undefined : 'not set';
    try {
        if (reason === undefined)
            command();
    }
    catch (error) {
        // core throws its own Error for a missing file, and the file system's (EISDIR, EACCES…) for the rest.
        reason = error.code ?? 'missing';
    }
    if (reason === undefined)
        return;
    throw new src_errors/* ActionError */.lZ('runner-files', `The runner's ${file} file could not be written (${reason}), so '${name}' was not set.`, 'Run the action as a step of a GitHub Actions job; by hand, set the variable to a file that exists.');
}
/** The runner's own protocol, as @actions/core speaks it. Only ever reached through `sanitising`. */
function coreProtocol(core) {
    return {
        mask: (secret) => core.setSecret(secret),
        info: (message) => core.info(message),
        debug: (message) => core.debug(message),
        warning: (message) => core.warning(message),
        fail: (message) => core.setFailed(message),
        setOutput: (name, value) => fileCommand(FILES.output, name, () => core.setOutput(name, value)),
        exportVariable: (name, value) => fileCommand(FILES.env, name, () => core.exportVariable(name, value)),
        // core writes the cells as they are (they are already sanitised HTML) and refuses a GITHUB_STEP_SUMMARY that is
        // not set or not a writable file, without creating one. Its buffer is one per process: start it empty.
        writeSummary: async (heading, rows) => {
            const table = rows.map(([name, value]) => [name, cellHtml(value)]);
            await core.summary.emptyBuffer().addHeading(heading, 3).addTable(table).write();
        },
        getIDToken: (audience) => core.getIDToken(audience),
        saveState: (name, value) => fileCommand(FILES.state, name, () => core.saveState(name, value)),
        getState: (name) => core.getState(name)
    };
}
/** The runner behind the sanitiser, for a core module already loaded. */
function createRunner(core) {
    return sanitising(coreProtocol(core));
}
/** Loads @actions/core (with its HTTP client, a chunk of its own in dist/) and gives the runner behind it. */
async function loadRunner() {
    return createRunner(await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(264)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7264)));
}

;// CONCATENATED MODULE: ./src/state.ts
// What the main step hands its post step through the runner's state (GITHUB_STATE, read back as STATE_<name>).
/** The UID of the synthetic study the main step may have stored and has not yet seen deleted; '' once it has. */
const LEFT_STUDY_STATE = 'synthetic-study';
/** The variable the runner gives the post step a saved value in (as @actions/core's getState reads it). */
function stateVariable(name) {
    return `STATE_${name}`;
}

;// CONCATENATED MODULE: ./src/summary.ts
// The job summary: a heading that names the use and says passed or failed, why it failed with its troubleshooting
// link, then what was checked. Pure; it never sees the token, only its non-secret claims, and whatever it says reaches
// the summary through the sanitiser (Runner.writeSummary behind sanitising()).


const SUMMARY_TITLE = 'DICOM access token';
const PASSED_MARK = '✅';
const FAILED_MARK = '❌';
function jobSummary(facts, env = process.env) {
    const { config, issued, report, failure } = facts;
    const failed = failure !== undefined;
    const rows = [['Result', failed ? failedResult(facts) : 'passed']];
    if (failed)
        rows.push(...failureRows(failure, env));
    if (config && issued)
        rows.push(...tokenRows(config, issued));
    if (config?.dicom)
        rows.push(['Service URL', config.dicom.url], ['API version', config.dicom.apiVersion]);
    if (report)
        rows.push(...smokeTestRows(report));
    if (issued)
        rows.push(['Smoke test', report ? (report.passed ? 'passed' : 'failed') : 'skipped']);
    return { heading: summaryHeading(config, failed), rows };
}
/** The mark, and what the use was for (the DICOM host, else the resource), so two uses in one job differ. */
function summaryHeading(config, failed) {
    const target = config && (config.dicom?.host ?? config.resource);
    return `${failed ? FAILED_MARK : PASSED_MARK} ${SUMMARY_TITLE}${target ? ` for ${target}` : ''}`;
}
/** Whether later steps have a token: the first thing a reader of a failed run needs. */
function failedResult({ issued, report }) {
    if (!issued)
        return 'failed: no token was issued';
    if (report && !report.passed)
        return 'failed in the smoke test; the token outputs are set';
    return 'failed after the token was issued';
}
function failureRows(failure, env) {
    const [sentence, kind] = failure instanceof src_errors/* ActionError */.lZ
        ? [(0,src_errors/* failureSentence */.Qz)(failure), failure.kind]
        : [(0,src_errors/* unexpectedSentence */.pl)(failure), 'unexpected'];
    const url = (0,src_errors/* troubleshootingUrl */.KB)(kind, env);
    const link = { text: url.slice(url.lastIndexOf('/') + 1), href: url };
    return [
        ['Why', sentence],
        ['Troubleshooting', link]
    ];
}
function tokenRows(config, issued) {
    return [
        ['Resource', config.resource],
        ['Tenant', issued.tenantId ?? 'unknown'],
        ['Principal', (0,token/* describePrincipal */.wC)(issued.claims) ?? 'unknown'],
        ['Obtained', (0,token/* describeSource */.B6)(issued.source)],
        ['Token expires', issued.expiresAtMs === undefined ? 'unknown' : (0,token/* formatExpiry */.B8)(issued.expiresAtMs)]
    ];
}
function milliseconds(ms) {
    return `${Math.round(ms)} ms`;
}
/** A request's or step's whole time, retries and waits included, and how many attempts it took. */
function timeTaken(elapsedMs, attempts) {
    return `${milliseconds(elapsedMs)}${attempts > 1 ? ` over ${attempts} attempts` : ''}`;
}
function smokeTestRows(report) {
    const rows = report.endpoints.map(({ url, exchange, attempts, elapsedMs }) => {
        const outcome = exchange.errorCode ?? String(exchange.status ?? '');
        return [`GET ${new URL(url).pathname}`, `${outcome} in ${timeTaken(elapsedMs, attempts)}`];
    });
    rows.push(['Latest sequence', report.latestSequence === undefined ? '—' : String(report.latestSequence)]);
    if (report.write) {
        rows.push(...report.write.steps.map(writeStepRow), ['Round trip', milliseconds(report.write.elapsedMs)]);
    }
    return rows;
}
function writeStepRow(step) {
    if (step.outcome === 'skipped')
        return [`Write: ${step.title}`, 'skipped'];
    const answer = step.answer ? ` (${step.answer})` : '';
    return [`Write: ${step.title}`, `${step.outcome} in ${timeTaken(step.elapsedMs, step.attempts)}${answer}`];
}

;// CONCATENATED MODULE: ./src/main.ts
// run(): inputs -> token -> outputs -> smoke test -> summary. The one place that talks to the runner.
// The sign-in starts first (az, or the federated exchange's checks); @actions/core (behind the runner), the smoke test
// (undici, TLS) and its connection load while az runs.











async function run(env = process.env, given) {
    // Nothing is printed before the token is back, so core needs to be there only then (or for a refusal).
    let loading = given && Promise.resolve(given);
    const runnerNow = () => (loading ??= loadRunnerEarly());
    let connection;
    // What the summary can tell, as far as the step got; and warnings that wait for the token's mask to be set.
    const facts = {};
    const idleWarnings = [];
    // From now on the runner's SIGINT and SIGTERM cancel the step instead of ending Node at once.
    const cancel = (0,cancellation/* listenForCancel */.Fh)();
    try {
        (0,node_version/* checkNodeVersion */.vP)(process.versions.node);
        const config = (facts.config = inputsFromEnv(env));
        idleWarnings.push(...idleInputWarnings((name) => readInput(env, name), config));
        checkRunnerFiles(env, config.exportVariable !== undefined);
        const signIn = await startSignIn(config, env);
        void runnerNow();
        const smoke = connectEarly(config, env);
        connection = smoke?.connection;
        const runner = await runnerNow();
        const issued = (facts.issued = await signIn.finish(runner, cancel));
        warn(runner, idleWarnings);
        setOutputs(runner, tokenOutputs(config, issued));
        if (config.exportVariable)
            runner.exportVariable(config.exportVariable, issued.value);
        logToken(runner, config.resource, issued);
        const report = (facts.report = smoke && (await smokeTest(smoke, { config, issued, runner, env, cancel })));
        if (report)
            logRequests(runner, report);
        setOutputs(runner, smokeTestOutputs(report));
        if (report?.failure)
            throw report.failure;
        if (report && cancel.by)
            throw (0,cancellation/* cancelled */.KW)(cancel.by, 'as the smoke test ended', 'it is not reported as passed');
        await writeSummary(runner, jobSummary(facts, env));
        if (report)
            logPassed(runner, report);
    }
    catch (error) {
        const runner = await runnerNow();
        warn(runner, idleWarnings);
        fail(runner, error, env);
        // Also when the step failed before it had a token: the summary is where a failed run is read first.
        await writeSummary(runner, jobSummary({ ...facts, failure: error }, env));
    }
    finally {
        await (await connection?.catch(() => undefined))?.close();
        cancel.dispose();
    }
}
/** What each change feed request saw, for the debug log. */
function logRequests(log, report) {
    for (const { exchange, attempts } of report.endpoints) {
        const outcome = exchange.errorCode ?? `HTTP ${exchange.status ?? '?'}`;
        log.debug(`${exchange.method} ${exchange.url}: ${outcome} in ${Math.round(exchange.latencyMs)} ms, attempt ${attempts}.`);
    }
}
function logPassed(log, report) {
    const { elapsedMs, latestSequence } = report;
    const readMs = Math.round(report.readMs ?? elapsedMs);
    log.info(`Smoke test passed in ${Math.round(elapsedMs)} ms: the change feed answered in ${readMs} ms; latest sequence ` +
        `${latestSequence ?? 0}.`);
    if (report.write) {
        const ms = Math.round(report.write.elapsedMs);
        log.info(`Write round trip passed: one synthetic instance stored, found, retrieved and deleted in ${ms} ms.`);
    }
}
/** One catch at the top: an expected failure is one clear line, anything else one line too, its stack in debug. */
function fail(runner, error, env) {
    if (error instanceof src_errors/* ActionError */.lZ) {
        runner.fail((0,src_errors/* describeFailure */.Ic)(error, env));
    }
    else {
        runner.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
        runner.fail((0,src_errors/* describeUnexpected */.Vp)(error, env));
    }
}
/** Starts loading @actions/core; a failure to load is awaited, and so reported, where the runner is first needed. */
function loadRunnerEarly() {
    const runner = loadRunner();
    runner.catch(() => undefined);
    return runner;
}
/**
 * When there is a smoke test to run, loads it and opens its connection while az runs; a failure is reported by the
 * smoke test itself.
 */
function connectEarly(config, env) {
    const { dicom } = config;
    if (!dicom || dicom.smokeTest === 'off')
        return undefined;
    // One import loads the connection and the rest of the read check, so nothing is left to load once the token is there.
    const connection = Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(505)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8505)).then(({ openDicomConnection }) => openDicomConnection(dicom.baseUrl, config.timeoutMs, env));
    connection.catch(() => undefined); // awaited later; a failure here must not crash the step while az runs
    return { dicom, connection };
}
async function smokeTest({ connection, dicom }, step) {
    const { config, issued, runner, env, cancel } = step;
    const { runSmokeTest } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(505)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8505));
    // The post step deletes a study a killed step left: it finds its UID in the state, saved before each STOW.
    const keepStudy = (studyInstanceUid) => {
        try {
            runner.saveState(LEFT_STUDY_STATE, studyInstanceUid);
        }
        catch (error) {
            runner.debug(`The study UID was not saved for the post step: ${error instanceof Error ? error.message : ''}`);
        }
    };
    const { timeoutMs } = config;
    return runSmokeTest({
        connection,
        dicom,
        timeoutMs,
        runLabel: runLabelFrom(env),
        issued,
        log: runner,
        cancel,
        keepStudy
    });
}
/** The summary is a courtesy: a runner without one (local runs, old runners) must not fail a step that worked. */
async function writeSummary(runner, { heading, rows }) {
    try {
        await runner.writeSummary(heading, rows);
    }
    catch (error) {
        runner.debug(`No job summary written: ${error instanceof Error ? error.message : String(error)}`);
    }
}
/** Prints each warning once: what is printed is taken out of `pending`. */
function warn(log, pending) {
    for (const warning of pending.splice(0))
        log.warning(warning);
}
function setOutputs(runner, outputs) {
    for (const [name, value] of Object.entries(outputs))
        runner.setOutput(name, value);
}
function logToken(log, resource, issued) {
    const { claims, expiresAtMs } = issued;
    const who = `${(0,token/* describePrincipal */.wC)(claims) ?? 'unknown principal'}, tenant ${issued.tenantId ?? 'unknown'}`;
    const inMinutes = (ms) => Math.round((ms - Date.now()) / 60000);
    const expiry = expiresAtMs === undefined ? 'unknown' : `${(0,token/* formatExpiry */.B8)(expiresAtMs)} (in ${inMinutes(expiresAtMs)} min)`;
    // The audience is named only when it is not the resource asked for (tokenWarnings then says why that matters).
    const same = claims.audience !== undefined && (0,token/* audienceMatches */.K6)(claims.audience, resource);
    const audience = same ? '' : `audience ${claims.audience ?? 'unknown'}; `;
    log.info(`Got a token for ${resource} ${(0,token/* describeSource */.B6)(issued.source)} (${audience}${who}); it expires ${expiry}.`);
    for (const warning of (0,token/* tokenWarnings */.DS)(claims, resource, expiresAtMs, Date.now()))
        log.warning(warning);
}


/***/ }),

/***/ 5333:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  vP: () => (/* binding */ checkNodeVersion),
  qy: () => (/* binding */ refusedOldNode)
});

// UNUSED EXPORTS: MINIMUM_NODE

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/node-version.ts
// The Node.js the action needs. The runner starts node24 actions on Node 24; run by hand on an older Node, the smoke
// test's HTTP client (undici 8, which needs 22.19) would fail with an error that blames the network. Pure.


const MINIMUM_NODE = '22.19';
/** Refuses a Node.js older than MINIMUM_NODE, before anything runs. */
function checkNodeVersion(version) {
    const [major = 0, minor = 0] = version.split('.').map(Number);
    const [needMajor = 0, needMinor = 0] = MINIMUM_NODE.split('.').map(Number);
    if (major > needMajor || (major === needMajor && minor >= needMinor))
        return;
    throw new errors/* ActionError */.lZ('node-too-old', `The action runs on Node.js ${version}, but it needs Node.js ${MINIMUM_NODE} or later; nothing was run.`, 'Run it as a step of a GitHub Actions job (the runner starts it on Node.js 24), or by hand with Node.js 24.');
}
/**
 * On a Node.js too old for it, @actions/core cannot even load (its HTTP client's undici needs zstd from Node.js 22.15),
 * so this one refusal is printed as the runner reads an error line, without core. The text is the action's own; it
 * is kept to one line with no '%', the only characters the runner would read as escapes.
 */
function refusedOldNode(version, env, write = (line) => process.stdout.write(line)) {
    try {
        checkNodeVersion(version);
        return false;
    }
    catch (error) {
        if (!(error instanceof errors/* ActionError */.lZ))
            throw error;
        process.exitCode = 1;
        write(`::error::${(0,errors/* describeFailure */.Ic)(error, env).replace(/[%\r\n]/g, ' ')}${external_node_os_namespaceObject.EOL}`);
        return true;
    }
}


/***/ }),

/***/ 3996:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fr: () => (/* binding */ createPrinter),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   xg: () => (/* binding */ removeSecret)
/* harmony export */ });
/* unused harmony exports REDACTED, TOKEN_WINDOW_CHARS, MIN_SEGMENT_CHARS, SECRET_RUN_CHARS, removeSecretLikeRuns, showInvisible, neutraliseCommands, escapeHtml */
// The one sanitiser every log line and job-summary cell goes through. Pure: it removes the token in whatever form
// it comes back in, shows invisible characters as escapes, and keeps quoted text from issuing workflow commands.
/** What a removed secret is shown as: the runner's own mask, so both read the same. */
const REDACTED = '***';
/** Any run of the token this long is removed, so an echo that is cut short or split up is caught too. */
const TOKEN_WINDOW_CHARS = 16;
/** A `.`-separated segment of the token this long is removed on its own (shorter ones are too common to remove). */
const MIN_SEGMENT_CHARS = 8;
/** In quoted text, a base64url run this long is taken for a secret, unless it is plainly not one. */
const SECRET_RUN_CHARS = 40;
/** The printer for a run: every line and cell it makes is free of each of `secrets` (the access token, an OIDC token). */
function createPrinter(...secrets) {
    const clean = (text, options = {}) => {
        const withoutToken = removeSecret(text, secrets);
        return options.quoted ? removeSecretLikeRuns(withoutToken) : withoutToken;
    };
    const line = (text, options) => neutraliseCommands(showInvisible(clean(text, options)));
    return {
        line,
        lines: (text, options) => clean(text, options)
            .split(/\r\n|\n|\r/)
            .map((part) => neutraliseCommands(showInvisible(part))),
        cell: (text, options) => escapeHtml(line(text, options))
    };
}
// Dropped from the searched text: what a server or a terminal puts between the pieces of a wrapped token.
const SPACING = /^[\s\p{Default_Ignorable_Code_Point}]$/u;
// JSON (\u002e, \/), percent (%2E) and HTML (&#46;) encodings, and the JSON escapes of whitespace (\n).
const ENCODED = /\\u([0-9a-fA-F]{4})|\\([/\\"'])|\\[nrtbfv]|%([0-9a-fA-F]{2})|&#(\d{1,5});|&#[xX]([0-9a-fA-F]{1,4});/y;
// Enough for a token encoded twice (%252E), without looping on text that keeps changing.
const DECODING_PASSES = 3;
function decodedChar(match) {
    const [, unicodeHex, escaped, percentHex, decimal, htmlHex] = match;
    const hex = unicodeHex ?? percentHex ?? htmlHex;
    if (hex !== undefined)
        return String.fromCharCode(parseInt(hex, 16));
    if (escaped !== undefined)
        return escaped;
    if (decimal !== undefined)
        return Number(decimal) <= 0xffff ? String.fromCharCode(Number(decimal)) : undefined;
    return ' '; // \n, \t ...: whitespace, dropped like the real thing
}
/** One pass: drops spacing and decodes one layer of encoding, each unit keeping the span it came from. */
function decodeOnce(units) {
    const text = units.map((unit) => unit.char).join('');
    const decoded = [];
    for (let i = 0; i < units.length;) {
        const codePoint = text.codePointAt(i) ?? 0;
        const width = codePoint > 0xffff ? 2 : 1;
        if (SPACING.test(String.fromCodePoint(codePoint))) {
            i += width;
            continue;
        }
        ENCODED.lastIndex = i;
        const match = ENCODED.exec(text);
        const char = match ? decodedChar(match) : undefined;
        const first = units[i];
        const last = units[i + (match?.[0].length ?? 1) - 1];
        if (match && char !== undefined && first && last) {
            if (!SPACING.test(char))
                decoded.push({ char, start: first.start, end: last.end });
            i += match[0].length;
        }
        else {
            if (first)
                decoded.push(first);
            i += 1;
        }
    }
    return decoded;
}
/**
 * The text as the token is searched for in it, layer by layer: as it is, then without whitespace (the runner masks
 * whole strings only, so a token a server wrapped at 64 columns would show) and decoded once, twice… Each layer keeps a
 * map back to where each character came from. Every layer is searched: a later decoding can also spoil a token that
 * an earlier one showed whole (a literal '%' before decoded 'AA' reads as '%AA').
 */
function searchableLayers(text) {
    let units = Array.from({ length: text.length }, (_, i) => ({ char: text.charAt(i), start: i, end: i + 1 }));
    const layers = [units];
    for (let pass = 0; pass < DECODING_PASSES; pass++) {
        const decoded = decodeOnce(units);
        // Every decoding or drop shortens the text, so the same length means nothing is left to do.
        if (decoded.length === units.length)
            break;
        units = decoded;
        layers.push(units);
    }
    return layers;
}
// The patterns of the secrets asked about: a run has a token or two, and every line and cell asks about each again.
const knownPatterns = new Map();
function secretPatterns(secret) {
    const known = knownPatterns.get(secret);
    if (known)
        return known;
    // A server may also give a base64url token back in standard base64.
    const spellings = [...new Set([secret, secret.replace(/-/g, '+').replace(/_/g, '/')])];
    const windows = new Set();
    const whole = [];
    for (const spelling of spellings) {
        if (spelling.length < TOKEN_WINDOW_CHARS)
            whole.push(spelling);
        for (let i = 0; i + TOKEN_WINDOW_CHARS <= spelling.length; i++) {
            windows.add(spelling.slice(i, i + TOKEN_WINDOW_CHARS));
        }
        // Longer segments are caught by the windows.
        whole.push(...spelling.split('.').filter((s) => s.length >= MIN_SEGMENT_CHARS && s.length < TOKEN_WINDOW_CHARS));
    }
    const patterns = { windows, whole };
    if (knownPatterns.size >= 8)
        knownPatterns.clear(); // only tests ask about more than a few secrets, in one process
    knownPatterns.set(secret, patterns);
    return patterns;
}
/** Marks the characters of `searched` that belong to the secret: any TOKEN_WINDOW_CHARS run of it, or a segment. */
function markSecretCharacters(searched, secret, covered) {
    const { windows, whole } = secretPatterns(secret);
    for (let i = 0; i + TOKEN_WINDOW_CHARS <= searched.length; i++) {
        if (windows.has(searched.slice(i, i + TOKEN_WINDOW_CHARS)))
            covered.fill(true, i, i + TOKEN_WINDOW_CHARS);
    }
    for (const part of whole) {
        for (let at = searched.indexOf(part); at >= 0; at = searched.indexOf(part, at + 1)) {
            covered.fill(true, at, at + part.length);
        }
    }
}
/**
 * Removes each secret in every form it may come back in: whole or in segments, cut short, split across lines or
 * wrapped with spaces, URL-encoded, JSON- or HTML-escaped. Each run of one, with the spacing inside, becomes REDACTED.
 */
function removeSecret(text, secret) {
    const secrets = [secret ?? []].flat().flatMap((one) => one.replace(/\s/g, '') || []); // without spacing; '' dropped
    if (secrets.length === 0 || text === '')
        return text;
    // Which characters of the original text are a secret (or spacing inside one), found in any layer.
    const hidden = new Array(text.length).fill(false);
    for (const units of searchableLayers(text))
        hideCovered(units, coveredBySecrets(units, secrets), hidden);
    return redacted(text, hidden);
}
/** Which characters of one layer belong to a secret. */
function coveredBySecrets(units, secrets) {
    const searched = units.map((unit) => unit.char).join('');
    const covered = new Array(searched.length).fill(false);
    for (const one of secrets)
        markSecretCharacters(searched, one, covered);
    return covered;
}
/** Marks, in the original text, the span of each covered run of a layer's characters. */
function hideCovered(units, covered, hidden) {
    for (let i = 0; i < units.length; i++) {
        if (!covered[i] || covered[i - 1])
            continue;
        let last = i;
        while (covered[last + 1])
            last++;
        hidden.fill(true, units[i]?.start ?? 0, units[last]?.end ?? 0);
        i = last;
    }
}
/** The text with each hidden run replaced by one REDACTED. */
function redacted(text, hidden) {
    let result = '';
    for (let i = 0; i < text.length; i++) {
        if (!hidden[i])
            result += text.charAt(i);
        else if (!hidden[i - 1])
            result += REDACTED;
    }
    return result;
}
const SECRET_LIKE_RUN = new RegExp(`[A-Za-z0-9_-]{${SECRET_RUN_CHARS},}`, 'g');
/**
 * Plainly not a secret: hex digits and hyphens (digests, GUIDs, trace and correlation ids), or words joined by `-`
 * or `_` each in one letter case (host names, error codes). Random base64url of this length is almost never either
 * (odds about 1e-10); a secret that is all hex or all one case would be shown, which is why the token itself is
 * removed by value, not by this rule.
 */
function plainlyNotSecret(run) {
    if (/^[0-9a-f-]+$/.test(run) || /^[0-9A-F-]+$/.test(run))
        return true;
    return run.split(/[-_]/).every((word) => /^[a-z0-9]*$/.test(word) || /^[A-Z0-9]*$/.test(word));
}
/** For quoted text: replaces base64url runs of SECRET_RUN_CHARS or more that may be secrets (another token, a key). */
function removeSecretLikeRuns(text) {
    return text.replace(SECRET_LIKE_RUN, (run) => (plainlyNotSecret(run) ? run : REDACTED));
}
// Control characters (ANSI and OSC sequences start with ESC, end with BEL), format and other default-ignorable
// characters (zero-width spaces, bidi overrides), line and paragraph separators, and lone surrogates.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu;
const SHORT_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/**
 * Shows every invisible character as an escape (\n, \t, \u001b, \u200b, \u{e0041}), so the text is one line, a
 * terminal sequence is shown rather than obeyed, and nothing hides between the characters of a command.
 */
function showInvisible(text) {
    return text.replace(INVISIBLE, (char) => {
        const codePoint = char.codePointAt(0) ?? 0;
        const short = SHORT_ESCAPES[char];
        if (short !== undefined)
            return short;
        return codePoint > 0xffff ? `\\u{${codePoint.toString(16)}}` : `\\u${codePoint.toString(16).padStart(4, '0')}`;
    });
}
/**
 * Keeps a line from being read as a workflow command. The runner takes a line as a command when, after leading
 * whitespace, it starts with `::` (actions/runner ActionCommand.TryParseV2) or holds `##[` anywhere (TryParse, the
 * old form). A space is put in: `: :` and `## [`. Not a zero-width character: the runner compares with .NET's
 * culture-sensitive StartsWith and IndexOf, which may ignore such characters; it is why showInvisible runs first.
 * The action issues its own commands through @actions/core only, so a printed line never needs to be one.
 */
function neutraliseCommands(line) {
    return line.replace(/^(\s*):(?=:)/, '$1: ').replaceAll('##[', '## [');
}
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** core.summary writes cells as HTML as they are: server text must not become markup. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
const CUT_RUN = /[A-Za-z0-9_%.+/=-]+$/;
/**
 * Text quoted from a server or az inside a message: without the token or any long secret-like run, on one line, and
 * cut to `maxChars`. The token is removed before the text is flattened, so one wrapped across lines is found too.
 * Only a head of a long text is scanned (8 characters per one shown, at least 4096), so a 1 MiB body costs no more
 * than a short one; a run of token characters the cut splits is dropped: it may start a secret no longer seen whole.
 */
function quote(text, secret, maxChars) {
    const scanned = Math.max(4096, maxChars * 8);
    const cut = (text ?? '').length > scanned;
    const sanitised = removeSecretLikeRuns(removeSecret((text ?? '').slice(0, scanned), secret));
    const flat = (cut ? sanitised.replace(CUT_RUN, '') : sanitised).replace(/\s+/g, ' ').trim();
    return flat.length > maxChars || cut ? `${flat.slice(0, maxChars)}…` : flat;
}


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   PS: () => (/* binding */ isRetryableStatus),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   ml: () => (/* binding */ systemClock),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/* unused harmony exports BASE_DELAY_MS, MAX_DELAY_MS, RETRYABLE_STATUSES, MIN_ATTEMPT_MS, MIN_RETRY_DELAY_MS, backoffCapMs, backoffFloorMs, backoffDelayMs, maxAttempts, decideRetry */
// Deadline-bounded retries: exponential backoff with jitter, Retry-After honoured when it fits, the whole budget used.
// Timing is pure arithmetic over an injectable clock, sleep and random, so backoff tests take milliseconds.
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;
/** Besides these, every 5xx is retried. */
const RETRYABLE_STATUSES = new Set([408, 429]);
/** Every retry leaves its request at least this long before the deadline: no retry starts later than that. */
const MIN_ATTEMPT_MS = 500;
/** No wait is shorter than this, not even the last one, cut short to fit before the deadline. */
const MIN_RETRY_DELAY_MS = 100;
function isRetryableStatus(status) {
    return RETRYABLE_STATUSES.has(status) || (status >= 500 && status <= 599);
}
/** Retry-After as a wait in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value, nowMs) {
    if (value === undefined)
        return undefined;
    const text = value.trim();
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    // Only an HTTP date (always in GMT): Date.parse alone would read '1.5' or '-5' as dates and mean "retry now".
    const date = text.endsWith('GMT') ? Date.parse(text) : NaN;
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
/** The exponential cap for this retry (1-based): BASE_DELAY_MS, doubling, at most MAX_DELAY_MS. */
function backoffCapMs(retry) {
    return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));
}
/**
 * The least wait before this retry, whatever the server says and whatever the draw: half the cap (250 ms, 500 ms,
 * 1 s ... 5 s). It grows exponentially, which is what bounds the number of requests (see maxAttempts): a
 * `Retry-After: 0` from a confused server waits this long too.
 */
function backoffFloorMs(retry) {
    return backoffCapMs(retry) / 2;
}
/**
 * A uniform wait between the floor and the cap ("equal jitter"). Full jitter, from 0, spreads clients a little
 * better, but an unlucky run of small draws would be a tight loop; the floor rules that out.
 */
function backoffDelayMs(retry, random) {
    const floor = backoffFloorMs(retry);
    return floor + Math.floor(random() * (backoffCapMs(retry) - floor));
}
/**
 * The most attempts withRetry makes when the first starts `budgetMs` before the deadline, whatever the outcomes,
 * Retry-After values, draws and request durations.
 *
 * Why: with N attempts there are N - 1 waits. Each wait but the last is at least backoffFloorMs(its retry), and
 * the last at least MIN_RETRY_DELAY_MS (decideRetry cuts a wait short only once, for the last attempt). Attempt N
 * starts no later than deadline - MIN_ATTEMPT_MS. So, writing F(m) for backoffFloorMs(1) + ... + backoffFloorMs(m):
 *   F(N - 2) + MIN_RETRY_DELAY_MS <= budgetMs - MIN_ATTEMPT_MS,
 *   i.e. N <= 2 + max{ m >= 0 : F(m) <= budgetMs - MIN_ATTEMPT_MS - MIN_RETRY_DELAY_MS },
 * and N = 1 when not even that fits. F grows by 5 s a retry once the floor stops doubling, so the bound is about
 * budget / 5 s + 7: 6 for 6 s, 17 for 60 s, 725 for an hour. The bound is reached when every answer is an instant
 * `Retry-After: 0` (or every draw is 0).
 */
function maxAttempts(budgetMs) {
    const room = budgetMs - MIN_ATTEMPT_MS - MIN_RETRY_DELAY_MS;
    if (room < 0)
        return 1;
    let retries = 0;
    let waited = 0;
    while (waited + backoffFloorMs(retries + 1) <= room)
        waited += backoffFloorMs(++retries);
    return retries + 2;
}
/**
 * Whether to try again after a transient failure, and how long to wait first. The wait is Retry-After when the
 * server sent one, else the jittered backoff, and never less than the backoff floor. A wait that would leave the
 * request less than MIN_ATTEMPT_MS is cut short instead (`last`): the budget is all of timeout-seconds.
 */
function decideRetry(input) {
    // How long we may wait and still give the next request MIN_ATTEMPT_MS before the deadline.
    const slackMs = input.deadlineMs - MIN_ATTEMPT_MS - input.nowMs;
    // Checked first, so "retry after 0 s, past the deadline" is never said: time is up, whatever the server asked.
    if (slackMs < MIN_RETRY_DELAY_MS)
        return { retry: false, reason: 'deadline' };
    const { retry, retryAfterMs, random } = input;
    // The server said it will not be ready in time: an earlier retry would be refused again, so report its answer now.
    if (retryAfterMs !== undefined && retryAfterMs > slackMs) {
        return { retry: false, reason: 'retry-after-past-deadline', retryAfterMs };
    }
    const floor = backoffFloorMs(retry);
    const wanted = retryAfterMs === undefined ? backoffDelayMs(retry, random) : Math.max(retryAfterMs, floor);
    // Rather than give up with time left, wait until the last moment a request still fits and try once more.
    // After that attempt the slack is under MIN_RETRY_DELAY_MS, so a wait is cut short at most once.
    return wanted <= slackMs ? { retry: true, delayMs: wanted } : { retry: true, delayMs: slackMs, last: true };
}
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: () => Math.random()
};
/**
 * Runs `attempt` until it is done, fatal, or the deadline leaves no room for another try. Each attempt is handed
 * the time left before the deadline and must not take longer, so the whole run ends by the deadline.
 */
async function withRetry(attempt, options) {
    const clock = options.clock ?? systemClock;
    for (let attemptNumber = 1;; attemptNumber++) {
        const outcome = await attempt(attemptNumber, Math.max(0, options.deadlineMs - clock.now()));
        if (outcome.kind !== 'transient')
            return { value: outcome.value, attempts: attemptNumber };
        const decision = decideRetry({
            retry: attemptNumber,
            retryAfterMs: outcome.retryAfterMs,
            nowMs: clock.now(),
            deadlineMs: options.deadlineMs,
            random: () => clock.random()
        });
        if (!decision.retry) {
            return {
                value: outcome.last,
                attempts: attemptNumber,
                gaveUp: { reason: decision.reason, retryAfterMs: decision.retryAfterMs }
            };
        }
        options.onRetry?.(attemptNumber, outcome.reason, decision.delayMs);
        await clock.sleep(decision.delayMs);
    }
}


/***/ }),

/***/ 98:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ isTlsError)
/* harmony export */ });
// Which transport error codes are certificate or TLS failures: no retry makes a certificate valid. One list for the
// smoke test's requests and the federated exchange's, which run on different clients (undici, Node's https).
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH/;
function isTlsError(code) {
    return code !== undefined && TLS_CODES.test(code);
}


/***/ }),

/***/ 4606:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B6: () => (/* binding */ describeSource),
/* harmony export */   B8: () => (/* binding */ formatExpiry),
/* harmony export */   DS: () => (/* binding */ tokenWarnings),
/* harmony export */   K6: () => (/* binding */ audienceMatches),
/* harmony export */   RU: () => (/* binding */ issueToken),
/* harmony export */   Yq: () => (/* binding */ decodeClaims),
/* harmony export */   wC: () => (/* binding */ describePrincipal)
/* harmony export */ });
/* unused harmony exports EXPIRY_WARNING_MS, tokenExpiryMs */
/* harmony import */ var _dicom_service_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9293);

/** Expiries outside these (epoch seconds) are not expiries: 1e20 or 1e300 would make no date at all. */
const EARLIEST_EXPIRY_S = Date.UTC(2000, 0, 1) / 1000;
const LATEST_EXPIRY_S = Date.UTC(9999, 11, 31) / 1000;
function plausibleExpiryMs(epochSeconds) {
    if (typeof epochSeconds !== 'number' || !Number.isFinite(epochSeconds))
        return undefined;
    return epochSeconds > EARLIEST_EXPIRY_S && epochSeconds < LATEST_EXPIRY_S ? epochSeconds * 1000 : undefined;
}
const EXPIRY_WARNING_MS = 10 * 60 * 1000;
function stringClaim(payload, ...names) {
    for (const name of names) {
        const value = payload[name];
        if (typeof value === 'string' && value !== '')
            return value;
    }
    return undefined;
}
/** Who the token speaks for, as the DICOM service's role assignments name it; undefined for an opaque token. */
function describePrincipal(claims) {
    const parts = [claims.objectId && `object id ${claims.objectId}`, claims.appId && `app id ${claims.appId}`].filter((part) => !!part);
    return parts.length > 0 ? parts.join(', ') : undefined;
}
/** Decodes the payload segment; returns {} for anything that is not a JWT (opaque tokens are valid too). */
function decodeClaims(token) {
    const segments = token.split('.');
    if (segments.length !== 3 || !segments[1])
        return {};
    let payload;
    try {
        payload = JSON.parse(Buffer.from(segments[1], 'base64url').toString('utf8'));
    }
    catch {
        return {};
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
        return {};
    const claims = payload;
    const aud = claims.aud;
    return {
        audience: typeof aud === 'string'
            ? aud
            : Array.isArray(aud)
                ? aud.filter((a) => typeof a === 'string').join(', ')
                : undefined,
        tenantId: stringClaim(claims, 'tid'),
        objectId: stringClaim(claims, 'oid'),
        appId: stringClaim(claims, 'appid', 'azp'),
        issuer: stringClaim(claims, 'iss'),
        expiresAtMs: plausibleExpiryMs(claims.exp)
    };
}
/**
 * The expiry to report. az >= 2.54 prints `expires_on` (epoch seconds); older CLIs print only `expiresOn`
 * in the runner's local time with no zone, which is wrong on any runner not set to UTC — so it is never used alone.
 */
function tokenExpiryMs(expiresOnEpoch, claims) {
    return plausibleExpiryMs(expiresOnEpoch) ?? claims.expiresAtMs;
}
/** ISO 8601 in UTC to the second, e.g. 2026-11-23T20:32:40Z. */
function formatExpiry(expiresAtMs) {
    return new Date(Math.floor(expiresAtMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
function normaliseAudience(value) {
    return value.trim().replace(/\/+$/, '').toLowerCase();
}
/** Entra ID puts the resource URI (or its app ID) in `aud`; a mismatch means the service will answer 401. */
function audienceMatches(audience, resource) {
    if (audience === undefined)
        return true;
    const wanted = normaliseAudience(resource);
    return audience.split(',').some((a) => normaliseAudience(a) === wanted);
}
function tokenWarnings(claims, resource, expiresAtMs, nowMs) {
    const warnings = [];
    if (!audienceMatches(claims.audience, resource)) {
        warnings.push(`The token's audience is '${claims.audience ?? ''}', not the requested resource '${resource}'. The DICOM ` +
            `service will reject it with 401; check the 'resource' input.`);
    }
    if (expiresAtMs !== undefined && expiresAtMs - nowMs < EXPIRY_WARNING_MS) {
        const minutes = Math.max(0, Math.floor((expiresAtMs - nowMs) / 60000));
        warnings.push(`The token expires in ${minutes} minute(s) (${formatExpiry(expiresAtMs)}). Steps that run later may get ` +
            `401; get the token right before the steps that use it.`);
    }
    if (expiresAtMs === undefined) {
        warnings.push(`The token's expiry is unknown: az printed no usable 'expires_on' and the token has no usable 'exp' claim. ` +
            `'expires-on' is left empty.`);
    }
    return warnings;
}
/** For the log line and the job summary: "from az", "from a federated exchange as client <id>". */
function describeSource(source) {
    return source.kind === 'az' ? 'from az' : `from a federated exchange as client ${source.clientId}`;
}
/** What the action knows about the token az gave it, decided once for the log, the outputs and the summary. */
function issueToken(az) {
    const claims = decodeClaims(az.accessToken);
    return {
        value: az.accessToken,
        claims,
        expiresAtMs: tokenExpiryMs(az.expiresOnEpoch, claims),
        // An output and a log line: only a tenant ID or domain, never whatever else az or the token may hold there.
        tenantId: [az.tenant, claims.tenantId].find((tenant) => tenant !== undefined && (0,_dicom_service_js__WEBPACK_IMPORTED_MODULE_0__/* .isTenant */ .$F)(tenant)),
        source: { kind: 'az' }
    };
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 5334:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  m: () => (/* binding */ exec),
  H: () => (/* binding */ getExecOutput)
});

;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __nccwpck_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util = __nccwpck_require__(90);
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return __awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!io_util/* isRooted */.Qh(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield io/* which */.K7(this.toolPath, true);
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield io_util/* exists */.t2(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map

/***/ }),

/***/ 90:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H8: () => (/* binding */ IS_WINDOWS),
/* harmony export */   Qh: () => (/* binding */ isRooted),
/* harmony export */   t2: () => (/* binding */ exists),
/* harmony export */   vr: () => (/* binding */ tryGetExecutablePath)
/* harmony export */ });
/* unused harmony exports chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink, readlink, UV_FS_O_EXLOCK, READONLY, isDirectory, getCmdPath */
/* harmony import */ var fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9896);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6928);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs__WEBPACK_IMPORTED_MODULE_0__.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = path__WEBPACK_IMPORTED_MODULE_1__.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = path__WEBPACK_IMPORTED_MODULE_1__.dirname(filePath);
                        const upperName = path__WEBPACK_IMPORTED_MODULE_1__.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = path__WEBPACK_IMPORTED_MODULE_1__.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map

/***/ }),

/***/ 8701:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ which)
/* harmony export */ });
/* unused harmony exports cp, mv, rmRF, mkdirP, findInPath */
/* harmony import */ var assert__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2613);
/* harmony import */ var path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6928);
/* harmony import */ var _io_util_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(90);
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return __awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return __awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return __awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .IS_WINDOWS */ .H8 && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (_io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .isRooted */ .Qh(tool)) {
            const filePath = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .tryGetExecutablePath */ .vr(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(path__WEBPACK_IMPORTED_MODULE_1__.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(path__WEBPACK_IMPORTED_MODULE_1__.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield _io_util_js__WEBPACK_IMPORTED_MODULE_2__/* .tryGetExecutablePath */ .vr(path__WEBPACK_IMPORTED_MODULE_1__.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return __awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function copyFile(srcFile, destFile, force) {
    return __awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
