import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

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
/* harmony export */   Vp: () => (/* binding */ describeUnexpected),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/* unused harmony exports TROUBLESHOOTING_PATH, HOME_REPOSITORY, FAILURES, troubleshootingUrl */
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
    'smoke-not-found': '404-not-found',
    'smoke-tls': 'tls-certificate-errors',
    'smoke-redirect': 'redirects',
    'smoke-timeout': 'timeouts',
    'smoke-network': 'connection-errors',
    'smoke-unavailable': 'throttled-or-unavailable',
    'smoke-response': 'unexpected-response'
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
    return `${error.message} ${error.fix} See ${troubleshootingUrl(error.kind, env)}`;
}
/** An unexpected error still becomes one line; the stack goes to the debug log only. */
function describeUnexpected(error) {
    const detail = (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
    return (`The action failed unexpectedly: ${detail}. This is a bug in the action; please open an issue with the debug ` +
        `log (re-run with debug logging enabled).`);
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1162);
// Entry point for the runner (runs.main: dist/index.js).

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();
// Everything is written; tearing down the loaded modules would only delay the step. Exit once stdout is flushed.
process.stdout.write('', () => process.exit());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1162:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/dicom-service.ts
var dicom_service = __nccwpck_require__(9293);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __nccwpck_require__(3916);
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
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 3 modules
var exec = __nccwpck_require__(7187);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __nccwpck_require__(8701);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./src/sign-in/azure-cli/process-tree.ts
// Which processes run below a given one, so a timed-out az can be stopped whole: the Azure CLI is often a shell
// launcher (Microsoft's deb, Homebrew) that starts python without exec, and killing the launcher alone orphans it.


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
async function stopAz(child) {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
        return;
    if (process.platform === 'win32') {
        // az.cmd runs python under cmd.exe: taskkill /T stops the whole tree.
        const exited = new Promise((resolve) => child.once('exit', () => resolve()));
        (0,external_node_child_process_namespaceObject.spawn)('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' }).on('error', () => undefined);
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, KILL_GRACE_MS).unref())]);
        return;
    }
    const tree = await processTree(child.pid);
    signalAll(tree, 'SIGTERM');
    const graceEnds = Date.now() + KILL_GRACE_MS;
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
function withinTimeout(execution, child, timeoutMs) {
    return new Promise((resolve, reject) => {
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true; // az's own end, once killed, is not the result
            const running = child();
            void (running ? stopAz(running) : Promise.resolve()).then(() => reject(new src_errors/* ActionError */.lZ('az-timeout', `az account get-access-token did not finish within ${timeoutMs / 1000} s and was stopped.`, 'The Azure CLI may be waiting on the network or an identity endpoint; check the runner can reach ' +
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
        throw new src_errors/* ActionError */.lZ('az-failed', `The Azure CLI at ${azPath} could not be started: ${error instanceof Error ? error.message : String(error)}.`, 'Check that az is installed correctly and executable by the runner user.');
    })
        .finally(() => watch.stop());
    return { started: watch.started, result: withinTimeout(execution, watch.child, config.timeoutMs) };
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
    'export-variable'
]));
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// The runner refuses or owns these; exporting the token into them would fail or break later steps.
const RESERVED_ENV = /^(GITHUB_|RUNNER_|ACTIONS_)|^(PATH|NODE_OPTIONS|CI|HOME)$/i;
const YAML_TRUE = ['true', 'True', 'TRUE'];
const YAML_FALSE = ['false', 'False', 'FALSE'];
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
 */
function refuseAzFileOrOption(input, value) {
    if (/^[@-]/.test(value)) {
        throw notAllowed(input, value, `a value that does not start with '@' or '-' (the Azure CLI reads those as a file or an option)`);
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
function parseDicomUrl(value) {
    if (value === '')
        return undefined;
    const allowed = `an absolute https URL such as https://<workspace>-<service>.dicom.azurehealthcareapis.com (http only for ` +
        `loopback hosts: localhost, 127.x.x.x, [::1])`;
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
    if (value === 'read' || value === 'write')
        return value;
    if (value === '' || YAML_FALSE.includes(value))
        return 'off';
    if (YAML_TRUE.includes(value))
        return 'read';
    throw notAllowed('smoke-test', value, 'false, true (the same as read), read or write');
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
    const tenant = parseTenant(read('tenant'));
    const subscription = parseSubscription(read('subscription'));
    if (tenant && subscription) {
        throw refusal(`Inputs 'tenant' and 'subscription' were both given.`, 'Set only one of them: az account get-access-token takes a tenant or a subscription, not both.');
    }
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
        tenant,
        subscription,
        dicom: dicomUrl && dicomTarget(dicomUrl, apiVersion, smokeTest, waitForAccess),
        timeoutMs: parseTimeoutMs(read('timeout-seconds')),
        exportVariable: parseExportVariable(read('export-variable'))
    };
}
/** The environment variable the runner passes an input in: INPUT_<NAME> (upper-cased, spaces as '_', hyphens kept). */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
function inputsFromEnv(env) {
    return parseInputs((name) => (env[inputVariable(name)] ?? '').trim());
}
/** "owner/repo run 123 attempt 2" from the runner's variables, or undefined when the runner does not say which run. */
function runLabelFrom(env) {
    const repository = env.GITHUB_REPOSITORY;
    const runId = env.GITHUB_RUN_ID;
    if (!repository || !runId)
        return undefined;
    const attempt = env.GITHUB_RUN_ATTEMPT;
    return `${repository} run ${runId}${attempt ? ` attempt ${attempt}` : ''}`;
}

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
    throw new src_errors/* ActionError */.lZ('node-too-old', `The action runs on Node.js ${version}, but it needs Node.js ${MINIMUM_NODE} or later; nothing was run.`, 'Run it as a step of a GitHub Actions job (the runner starts it on Node.js 24), or by hand with Node.js 24.');
}

// EXTERNAL MODULE: ./src/token.ts
var token = __nccwpck_require__(4606);
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
        ...(report.latestSequence !== undefined ? { 'latest-sequence': String(report.latestSequence) } : {}),
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
        writeSummary: (heading, rows) => sink.writeSummary(printer.cell(heading), rows.map(([name, value]) => [printer.cell(name), printer.cell(value)])),
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
            await core.summary.emptyBuffer().addHeading(heading, 3).addTable(rows).write();
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
    return createRunner(await __nccwpck_require__.e(/* import() */ 264).then(__nccwpck_require__.bind(__nccwpck_require__, 7264)));
}

;// CONCATENATED MODULE: ./src/summary.ts

const SUMMARY_HEADING = 'DICOM access token';
function latency(ms) {
    return `${Math.round(ms)} ms`;
}
function summaryRows(config, issued, report) {
    const { claims } = issued;
    const rows = [
        ['Resource', config.resource],
        ['Tenant', issued.tenantId ?? 'unknown'],
        ['Principal', (0,token/* describePrincipal */.wC)(claims) ?? 'unknown'],
        ['Token expires', issued.expiresAtMs === undefined ? 'unknown' : (0,token/* formatExpiry */.B8)(issued.expiresAtMs)]
    ];
    if (config.dicom)
        rows.push(['Service URL', config.dicom.url], ['API version', config.dicom.apiVersion]);
    if (report)
        rows.push(...smokeTestRows(report));
    rows.push(['Smoke test', report ? (report.passed ? 'passed' : 'failed') : 'skipped']);
    return rows;
}
function smokeTestRows(report) {
    const rows = report.endpoints.map(({ url, exchange, attempts }) => {
        const outcome = exchange.errorCode ?? String(exchange.status ?? '');
        const tries = attempts > 1 ? `, ${attempts} attempts` : '';
        return [`GET ${new URL(url).pathname}`, `${outcome} in ${latency(exchange.latencyMs)}${tries}`];
    });
    rows.push(['Latest sequence', report.latestSequence === undefined ? '—' : String(report.latestSequence)]);
    if (report.write)
        rows.push(...report.write.steps.map(writeStepRow), ['Round trip', latency(report.write.elapsedMs)]);
    return rows;
}
function writeStepRow(step) {
    if (step.outcome === 'skipped')
        return [`Write: ${step.title}`, 'skipped'];
    const answer = step.answer ? ` (${step.answer}${step.attempts > 1 ? `, ${step.attempts} attempts` : ''})` : '';
    return [`Write: ${step.title}`, `${step.outcome} in ${latency(step.elapsedMs)}${answer}`];
}

;// CONCATENATED MODULE: ./src/main.ts
// run(): inputs -> token -> outputs -> smoke test -> summary. The one place that talks to the runner.
// az is started first; @actions/core (behind the runner), the smoke test (undici, TLS) and its connection load while
// az runs.









async function run(env = process.env, given) {
    // Nothing is printed before the token is back, so core needs to be there only then (or for a refusal).
    let loading = given && Promise.resolve(given);
    const runnerNow = () => (loading ??= loadRunnerEarly());
    let connection;
    try {
        checkNodeVersion(process.versions.node);
        const config = inputsFromEnv(env);
        checkRunnerFiles(env, config.exportVariable !== undefined);
        const az = await startAzSignIn(config);
        void runnerNow();
        const smoke = connectEarly(config, env);
        connection = smoke?.connection;
        const result = await az.run.result;
        const runner = await runnerNow();
        const issued = tokenFromAz(az, result, config, runner);
        setOutputs(runner, tokenOutputs(config, issued));
        if (config.exportVariable)
            runner.exportVariable(config.exportVariable, issued.value);
        logToken(runner, config.resource, issued);
        const report = smoke && (await smokeTest(smoke, config, issued, runner, env));
        if (report)
            logRequests(runner, report);
        setOutputs(runner, smokeTestOutputs(report));
        await writeSummary(runner, summaryRows(config, issued, report));
        if (report?.failure)
            throw report.failure;
        if (report)
            logPassed(runner, report);
    }
    catch (error) {
        fail(await runnerNow(), error, env);
    }
    finally {
        await (await connection?.catch(() => undefined))?.close();
    }
}
/** Finds az and starts it; resolves once it runs, so the smoke test can load and connect meanwhile. */
async function startAzSignIn(config) {
    const azPath = await findAz();
    const startedMs = Date.now();
    const run = startAz(azPath, config);
    await run.started;
    return { azPath, startedMs, run };
}
/** The token az printed, masked before any other line is printed; or the failure, in az's words. */
function tokenFromAz({ azPath, startedMs }, result, config, runner) {
    const issued = result.exitCode === 0 ? (0,token/* issueToken */.RU)(parseAzOutput(result.stdout)) : undefined;
    if (issued)
        runner.mask(issued.value); // before any other line is printed
    const ended = result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`;
    runner.debug(`az (${azPath}) ended with ${ended} after ${Date.now() - startedMs} ms.`);
    for (const warning of splitAzStderr(result.stderr).warnings)
        runner.debug(`az: ${warning}`);
    if (!issued)
        throw classifyAzFailure(result, config);
    return issued;
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
    log.info(`Smoke test passed: the change feed answered in ${Math.round(elapsedMs)} ms; latest sequence ${latestSequence ?? 0}.`);
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
        runner.fail((0,src_errors/* describeUnexpected */.Vp)(error));
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
async function smokeTest({ connection, dicom }, config, issued, log, env) {
    const { runSmokeTest } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(505)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8505));
    return runSmokeTest({ connection, dicom, timeoutMs: config.timeoutMs, runLabel: runLabelFrom(env), issued, log });
}
/** The summary is a courtesy: a runner without one (local runs, old runners) must not fail a step that worked. */
async function writeSummary(runner, rows) {
    try {
        await runner.writeSummary(SUMMARY_HEADING, rows);
    }
    catch (error) {
        runner.debug(`No job summary written: ${error instanceof Error ? error.message : String(error)}`);
    }
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
    log.info(`Got a token for ${resource} (audience ${claims.audience ?? 'unknown'}; ${who}); it expires ${expiry}.`);
    for (const warning of (0,token/* tokenWarnings */.DS)(claims, resource, expiresAtMs, Date.now()))
        log.warning(warning);
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
/**
 * Text quoted from a server or az inside a message: without the token or any long secret-like run, on one line, and
 * cut to `maxChars`. The token is removed before the text is flattened, so one wrapped across lines is found too.
 */
function quote(text, secret, maxChars) {
    const flat = removeSecretLikeRuns(removeSecret(text ?? '', secret))
        .replace(/\s+/g, ' ')
        .trim();
    return flat.length > maxChars ? `${flat.slice(0, maxChars)}…` : flat;
}


/***/ }),

/***/ 4606:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ formatExpiry),
/* harmony export */   DS: () => (/* binding */ tokenWarnings),
/* harmony export */   K6: () => (/* binding */ audienceMatches),
/* harmony export */   RU: () => (/* binding */ issueToken),
/* harmony export */   wC: () => (/* binding */ describePrincipal)
/* harmony export */ });
/* unused harmony exports EXPIRY_WARNING_MS, decodeClaims, tokenExpiryMs */
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
/** What the action knows about the token az gave it, decided once for the log, the outputs and the summary. */
function issueToken(az) {
    const claims = decodeClaims(az.accessToken);
    return {
        value: az.accessToken,
        claims,
        expiresAtMs: tokenExpiryMs(az.expiresOnEpoch, claims),
        // An output and a log line: only a tenant ID or domain, never whatever else az or the token may hold there.
        tenantId: [az.tenant, claims.tenantId].find((tenant) => tenant !== undefined && (0,_dicom_service_js__WEBPACK_IMPORTED_MODULE_0__/* .isTenant */ .$F)(tenant))
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

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7187:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  m: () => (/* binding */ exec),
  H: () => (/* binding */ getExecOutput)
});

// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(3193);
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
        const stdoutDecoder = new external_string_decoder_.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_.StringDecoder('utf8');
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
