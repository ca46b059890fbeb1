export const id = 760;
export const ids = [760];
export const modules = {

/***/ 4760:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cleanUpLeftStudy: () => (/* binding */ cleanUpLeftStudy)
});

;// CONCATENATED MODULE: ./src/errors.ts
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
class errors_ActionError extends Error {
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

;// CONCATENATED MODULE: ./src/cancellation.ts
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
function cancellation_cancelled(by, during, outcome) {
    return new errors_ActionError('cancelled', `The step was cancelled (${by}) ${during}; ${outcome}.`, 'Nothing to do if the cancel was meant (a cancel, timeout-minutes, or a newer run with concurrency: ' +
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
    throw cancellation_cancelled(first, stage, outcome);
}
/**
 * For the cleanup after a cancel: a watch that aborts not at the cancel but at its deadline, so the DELETE and its
 * confirmation use the time left before the runner's kill, and not a moment longer.
 */
function cancellation_untilCancelDeadline(watch, now = Date.now) {
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

;// CONCATENATED MODULE: ./src/dicom-service.ts
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
    'api-version': API_VERSIONS
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
    return new errors_ActionError('invalid-input', message, fix);
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
        return DEFAULT_RESOURCE;
    refuseAzFileOrOption('resource', value);
    const looksLikeUri = /^[a-z][a-z0-9+.-]*:\/\/?\S+$/i.test(value) && URL.canParse(value);
    if (!(looksLikeUri || isGuid(value))) {
        throw notAllowed('resource', value, `an absolute URI such as ${DEFAULT_RESOURCE}, or an application (client) ID GUID`);
    }
    return value;
}
function parseTenant(value) {
    if (value === '')
        return undefined;
    refuseAzFileOrOption('tenant', value);
    if (!isTenant(value)) {
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
    if (!isGuid(value)) {
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
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
    if (!secure || url.username || url.password || url.search || url.hash) {
        throw notAllowed('dicom-url', value, `${allowed}, without credentials, query or fragment`);
    }
    const path = url.pathname.replace(/\/+$/, '');
    const versionSegment = path.split('/').pop() ?? '';
    if (API_VERSIONS.includes(versionSegment)) {
        throw refusal(`Input 'dicom-url' is invalid: '${shownValue(value)}' ends with the API version '${versionSegment}'.`, `Give the service URL without the version and set 'api-version: ${versionSegment}' instead.`);
    }
    return url;
}
function parseApiVersion(value) {
    if (value === '')
        return DEFAULT_API_VERSION;
    const version = API_VERSIONS.find((v) => v === value);
    if (!version)
        throw notAllowed('api-version', value, API_VERSIONS.join(', '));
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
    if (smokeTest !== 'off' && isOtherAzureAudience(resource)) {
        throw refusal(`Input 'resource' is '${shownValue(resource)}', another Azure service's audience: the smoke test would ` +
            `send that token to dicom-url.`, `Leave 'resource' at its default (${DEFAULT_RESOURCE}) for the smoke test, or turn the smoke test off.`);
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

;// CONCATENATED MODULE: ./src/retry.ts
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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/print.ts
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
    const missing = needed.filter((name) => !env[name] || !existsSync(env[name]));
    if (missing.length > 0) {
        throw new ActionError('runner-files', `The runner provides no ${missing.join(' or ')} file, so the token cannot be handed to later steps safely; ` +
            `nothing was run.`, 'Run the action as a step of a GitHub Actions job on a runner that supports node24 actions; to run it by ' +
            'hand, set these variables to files that exist.');
    }
}
/** The choke point: whatever the stages say reaches `sink` only as sanitised lines and cells. */
function sanitising(sink) {
    // Every secret of the run (the access token, the OIDC token) is removed from every line.
    const secrets = [];
    let printer = createPrinter();
    const mask = (secret) => {
        if (!secrets.includes(secret))
            secrets.push(secret);
        printer = createPrinter(...secrets);
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
            if (removeSecret(value, secrets) !== value)
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
    throw new errors_ActionError('runner-files', `The runner's ${file} file could not be written (${reason}), so '${name}' was not set.`, 'Run the action as a step of a GitHub Actions job; by hand, set the variable to a file that exists.');
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
    return createRunner(await __webpack_require__.e(/* import() */ 264).then(__webpack_require__.bind(__webpack_require__, 7264)));
}

;// CONCATENATED MODULE: ./src/token.ts

/** Expiries outside these (epoch seconds) are not expiries: 1e20 or 1e300 would make no date at all. */
const EARLIEST_EXPIRY_S = Date.UTC(2000, 0, 1) / 1000;
const LATEST_EXPIRY_S = Date.UTC(9999, 11, 31) / 1000;
function plausibleExpiryMs(epochSeconds) {
    if (typeof epochSeconds !== 'number' || !Number.isFinite(epochSeconds))
        return undefined;
    return epochSeconds > EARLIEST_EXPIRY_S && epochSeconds < LATEST_EXPIRY_S ? epochSeconds * 1000 : undefined;
}
const EXPIRY_WARNING_MS = (/* unused pure expression or super */ null && (10 * 60 * 1000));
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
        tenantId: [az.tenant, claims.tenantId].find((tenant) => tenant !== undefined && isTenant(tenant)),
        source: { kind: 'az' }
    };
}

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
        throw new errors_ActionError('az-output', `az account get-access-token printed ${stdout.length} characters that are not the expected JSON with an ` +
            `accessToken (not shown: it may contain the token).`, 'Make sure the az found on PATH is the Azure CLI itself (not a wrapper or shim), that no extension or ' +
            'upgrade prompt writes to its stdout, and that it is 2.30 or later.');
    }
    // The runner masks a secret line by line, and undici sends only visible ASCII in a header: a token with whitespace,
    // control or non-ASCII characters could be neither hidden nor used.
    if (!/^[\x21-\x7e]+$/.test(accessToken)) {
        throw new errors_ActionError('az-output', `az account get-access-token printed an accessToken of ${accessToken.length} characters with whitespace, ` +
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
    return quote(errors.map((line) => line.replace(/^ERROR:\s*/, '')).join(' '), undefined, MAX_QUOTED_CHARS);
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
        fix: () => `Check the 'resource' input (the DICOM service's is ${DEFAULT_RESOURCE}) and that the tenant you log in to ` +
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
        return new errors_ActionError(pattern.kind, pattern.message(failure), pattern.fix(failure));
    const ended = result.signal
        ? `az account get-access-token was stopped by signal ${result.signal}`
        : `az account get-access-token failed with exit code ${result.exitCode}`;
    return new errors_ActionError('az-failed', `${ended} — ${azSaid}`, result.exitCode === 2
        ? 'Exit code 2 means az rejected its arguments: update the Azure CLI (2.30 or later) and check the ' +
            'tenant/subscription inputs.'
        : 'Check the inputs and that azure/login succeeded earlier in this job.');
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __webpack_require__(3053);
var external_node_diagnostics_channel_default = /*#__PURE__*/__webpack_require__.n(external_node_diagnostics_channel_);
// EXTERNAL MODULE: ./node_modules/@actions/exec/lib/exec.js + 1 modules
var exec = __webpack_require__(1955);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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
        (0,external_node_child_process_.execFile)('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { timeout: 2000 }, (error, stdout) => resolve(error ? new Map() : parentsFromPs(stdout)));
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
        throw new errors_ActionError('az-missing', 'The Azure CLI (az) was not found on PATH.', 'GitHub-hosted runners include it; on a self-hosted runner or container install it ' +
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
        (0,external_node_child_process_.spawn)(taskkillPath(process.env), ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' }).on('error', () => undefined);
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
            void (running ? stopAz(running) : Promise.resolve()).then(() => reject(new errors_ActionError('az-timeout', `${command} did not finish within ${timeoutMs / 1000} s and was stopped.`, 'The Azure CLI may be waiting on the network or an identity endpoint; check the runner can reach ' +
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
        throw new errors_ActionError('az-failed', `The Azure CLI at ${commandLine.replace(/^"|"$/g, '')} could not be started: ${error instanceof Error ? error.message : String(error)}.`, 'Check that az is installed correctly and executable by the runner user.');
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
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
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
            throw new errors_ActionError('authority-refused', `The AZURE_AUTHORITY_HOST environment variable is not an authority the OIDC token can be sent to: ` +
                `${problem} (${shown(fromEnv)}); nothing was sent.`, "Set AZURE_AUTHORITY_HOST to your cloud's Entra ID host over https (for example " +
                'https://login.microsoftonline.com, https://login.microsoftonline.us or https://login.chinacloudapi.cn), or ' +
                'unset it.');
        }
        return { url: normalise(fromEnv), source: AUTHORITY_HOST_VARIABLE };
    }
    if (azActiveDirectory !== undefined && azActiveDirectory.trim() !== '') {
        const problem = authorityProblem(azActiveDirectory.trim());
        if (problem) {
            throw new errors_ActionError('authority-refused', `The Entra endpoint of the cloud az is signed in to (az cloud show: endpoints.activeDirectory) is not an ` +
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
    return new errors_ActionError('no-id-token-permission', `The job cannot ask GitHub for an OIDC token to exchange as client ${clientId}: the runner did not set ` +
        `${missing.join(' or ')}, which it sets only for jobs allowed to.`, `Grant the job 'permissions: id-token: write' (a job's permissions block replaces the workflow's, so list ` +
        `'contents: read' there too if the job checks out code). Pull requests from forks never get an OIDC token.`);
}
const MAX_CLAIM_CHARS = 300;
function claim(payload, name) {
    const value = payload[name];
    const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : value;
    return typeof text === 'string' && text !== '' ? quote(text, undefined, MAX_CLAIM_CHARS) : undefined;
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
    return new errors_ActionError('oidc-token-failed', `GitHub did not give the job an OIDC token: ${detail}.`, 'This is usually a passing problem of GitHub: re-run the job. If it persists, check ' +
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
        const said = quote(error instanceof Error ? error.message : String(error), undefined, 300);
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
    if (!isGuid(name))
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
    if (tenant === undefined || !isTenant(tenant)) {
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
    return new errors_ActionError(azError.kind, azError.message, `${azError.fix} ${reason}`);
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
    return new errors_ActionError('federated-answer', `Entra ID answered the token request with HTTP 200, but ${detail} (not shown: it may contain the token).`, "Check that the authority (AZURE_AUTHORITY_HOST, or az's cloud) is Entra ID itself and not a proxy or " +
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
    const claims = decodeClaims(accessToken);
    const expiresIn = expiresInSeconds(answer.expires_in);
    return {
        value: accessToken,
        claims,
        expiresAtMs: expiresIn === undefined ? claims.expiresAtMs : answeredAtMs + expiresIn * 1000,
        // An output and a log line: only a tenant ID or domain, never whatever else the token may hold there.
        tenantId: [claims.tenantId, identity.tenant].find((tenant) => tenant !== undefined && isTenant(tenant)),
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

;// CONCATENATED MODULE: ./src/tls.ts
// Which transport error codes are certificate or TLS failures: no retry makes a certificate valid. One list for the
// smoke test's requests and the federated exchange's, which run on different clients (undici, Node's https).
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH/;
function isTlsError(code) {
    return code !== undefined && TLS_CODES.test(code);
}

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
    return new errors_ActionError('federated-no-credential', `Entra ID found no federated credential of client ${context.identity.clientId} that matches the job's OIDC ` +
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
        return new errors_ActionError('federated-client-not-found', `Entra ID has no application with client ID ${clientId} in tenant ${tenant} (AADSTS700016) — Entra said: ${said}`, `Check 'client-id' (the app registration's Application (client) ID, or the managed identity's Client ID) and ` +
            `'tenant' (the tenant it lives in).`);
    }
    if (code === '900023' || code === '90002') {
        return new errors_ActionError('federated-tenant-not-found', `Entra ID does not know the tenant '${tenant}' (AADSTS${code}) — Entra said: ${said}`, `Check 'tenant': the Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com, ` +
            `of the cloud the authority serves.`);
    }
    if (code === '500011') {
        return new errors_ActionError('resource-not-found', `Entra ID does not know the resource '${context.resource}' in this tenant (AADSTS500011) — Entra said: ${said}`, `Check the 'resource' input (the DICOM service's is ${DEFAULT_RESOURCE}) and that the tenant has an Azure ` +
            `Health Data Services workspace.`);
    }
    const what = code === '' ? `HTTP ${status}` : `AADSTS${code}`;
    return new errors_ActionError('aad-error', `Entra ID refused the federated token request of client ${clientId} (${what}) — Entra said: ${said}`, code === ''
        ? 'Check the client-id, tenant and audience inputs.'
        : `Look up AADSTS${code} (https://login.microsoftonline.com/error?code=${code}) and check the client-id, ` +
            `tenant and audience inputs.`);
}
function saidByEntra(entra) {
    const words = quote(entra.description ?? entra.error, undefined, diagnose_MAX_QUOTED_CHARS);
    const trace = entra.traceId ? ` (trace ID ${quote(entra.traceId, undefined, 80)})` : '';
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
    if (isTlsError(answer.errorCode)) {
        return new errors_ActionError('authority-unreachable', `The TLS connection to the Entra ID authority ${host} failed (${answer.errorCode ?? ''}); the OIDC token was ` +
            `not sent.`, 'A TLS-inspecting proxy needs its CA in NODE_EXTRA_CA_CERTS; otherwise check AZURE_AUTHORITY_HOST names the ' +
            'real authority.');
    }
    if (answer.errorCode !== undefined) {
        const what = answer.errorCode === 'TimeoutError' ? 'did not answer in time' : `could not be reached (${answer.errorCode})`;
        return new errors_ActionError('authority-unreachable', `The Entra ID authority ${host} ${what}: ${how}.`, UNREACHABLE_FIX);
    }
    const entra = readEntraError(answer.body);
    const said = entra ? ` — Entra said: ${saidByEntra(entra)}` : '.';
    return new errors_ActionError('authority-unreachable', `The Entra ID authority ${host} answered HTTP ${answer.status ?? '?'} (unavailable or throttled): ${how}${said}`, UNREACHABLE_FIX);
}
function unexpectedAnswer(exchange, context) {
    const { status = 0, locationHost, body } = exchange.answer;
    const host = context.identity.authority.url;
    const fix = "Check that the authority (AZURE_AUTHORITY_HOST, or az's cloud) is Entra ID's host itself, e.g. " +
        'https://login.microsoftonline.com, and not a proxy, gateway or sign-in page in front of it.';
    if (status >= 300 && status < 400) {
        return new errors_ActionError('federated-answer', `The Entra ID authority ${host} answered the token request with a redirect (HTTP ${status}` +
            `${locationHost ? ` to ${quote(locationHost, undefined, 120)}` : ''}), which is not followed: the OIDC ` +
            `token goes to the token endpoint only.`, fix);
    }
    const shown = quote(body, undefined, 200);
    return new errors_ActionError('federated-answer', `The Entra ID authority ${host} answered the token request with HTTP ${status} and no Entra error` +
        `${shown === '' ? ' (an empty body)' : `: ${shown}`}.`, fix);
}
/** The one error for an exchange that did not end in a 200. */
function diagnoseTokenExchange(exchange, context) {
    const { answer } = exchange;
    if (answer.errorCode === 'ERR_INSECURE_AUTHORITY') {
        return new errors_ActionError('authority-refused', `The authority ${context.identity.authority.url} is plain http to a host that is not loopback; the OIDC ` +
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
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
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
    if (!secure && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
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
        return isTlsError(answer.errorCode) || answer.errorCode === 'ERR_INSECURE_AUTHORITY' ? 'fatal' : 'transient';
    }
    if (answer.status === 200)
        return 'done';
    return isRetryableStatus(answer.status ?? 0) ? 'transient' : 'fatal';
}
async function exchangeToken(request, options) {
    const post = options.post ?? postForm;
    const clock = options.clock ?? systemClock;
    const report = await withRetry(async (_attempt, remainingMs) => {
        const answer = await post(request.url, request.body, Math.max(1, Math.min(remainingMs, TOKEN_REQUEST_TIMEOUT_MS)));
        const outcome = answerOutcome(answer);
        if (outcome !== 'transient')
            return { kind: outcome, value: answer };
        const retryAfterMs = parseRetryAfter(answer.retryAfter, clock.now());
        return { kind: 'transient', reason: retryReason(answer), retryAfterMs, last: answer };
    }, { deadlineMs: options.deadlineMs, clock, onRetry: options.onRetry });
    return { answer: report.value, attempts: report.attempts, gaveUp: report.gaveUp?.reason };
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
            finish: (runner, cancel) => unlessCancelled(federatedToken(identity, config, env, runner), cancel, 'while the token was requested', 'no token was issued')
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
    const result = await unlessCancelled(az.run.result, cancel, 'while az account get-access-token ran', 'az was stopped', () => az.run.stop());
    const issued = result.exitCode === 0 ? issueToken(parseAzOutput(result.stdout)) : undefined;
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
        if (!(error instanceof errors_ActionError))
            throw error;
        throw new errors_ActionError(error.kind, `az's sign-in had expired (AADSTS700024), and the federated exchange that replaces it failed: ${error.message}`, error.fix);
    }
    runner.mask(issued.value); // before any other line is printed
    runner.info(`az could not get the token: the OIDC token azure/login gave it had expired (AADSTS700024; GitHub's lasts 5 ` +
        `minutes). A fresh OIDC token from GitHub was exchanged with Entra ID as client ${plan.clientId} instead.`);
    return issued;
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/smoke-test/exchange.ts


/** A single request may not hold the step longer than this, even with a long timeout-seconds. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Larger answers are cut: nothing the smoke test reads is anywhere near this. */
const MAX_BODY_BYTES = 1024 * 1024;
/** How long the next request (or connection) may take, given what is left of the deadline. Never 0 ms. */
function requestTimeoutMs(remainingMs) {
    return Math.max(1, Math.min(remainingMs, REQUEST_TIMEOUT_MS));
}
/** The errorCode of a request aborted because the step was cancelled, not because it timed out. */
const CANCELLED_CODE = 'CANCELLED';
/** Reduces whatever undici threw to a code; its message may quote request details, so it is not kept. */
function transportErrorCode(error) {
    if (typeof error !== 'object' || error === null)
        return 'UNKNOWN';
    const { code, name, cause, message } = error;
    // undici reports a proxy that refuses the tunnel as an aborted request; its status is what matters.
    const proxyStatus = typeof message === 'string' ? /^Proxy response \((\d{3})\)/.exec(message)?.[1] : undefined;
    if (proxyStatus !== undefined)
        return `PROXY_${proxyStatus}`;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED')
        return code;
    if (name === 'TimeoutError' || name === 'AbortError')
        return 'TimeoutError';
    if (cause !== undefined && cause !== error)
        return transportErrorCode(cause);
    return typeof name === 'string' ? name : 'UNKNOWN';
}
async function readBody(body) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
        size += buffer.length;
        if (size > MAX_BODY_BYTES)
            break;
        chunks.push(buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
}
/** Settles (rejects) when the signal aborts, whatever the request still waits for (undici does not abort a connect). */
function aborted(signal) {
    return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}
/**
 * Sends one request with the token and waits at most `timeoutMs` for all of its answer, or until `cancel` aborts it.
 * Never throws.
 */
async function exchangeOnce(send, request, token, timeoutMs, clock, cancel) {
    const { url, method = 'GET' } = request;
    const started = clock.now();
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = cancel ? AbortSignal.any([timeout, cancel]) : timeout;
    const headers = {
        authorization: `Bearer ${token}`,
        accept: request.accept ?? 'application/json'
    };
    if (request.body)
        headers['content-type'] = request.body.contentType;
    const exchange = (async () => {
        const response = await send({
            origin: url.origin,
            method,
            path: `${url.pathname}${url.search}`,
            headers,
            body: request.body?.bytes,
            signal,
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs
        });
        const body = await readBody(response.body);
        return {
            method,
            url: url.href,
            status: response.statusCode,
            contentType: header(response.headers, 'content-type'),
            wwwAuthenticate: header(response.headers, 'www-authenticate'),
            location: header(response.headers, 'location'),
            retryAfter: header(response.headers, 'retry-after'),
            date: header(response.headers, 'date'),
            body,
            latencyMs: clock.now() - started
        };
    })();
    exchange.catch(() => undefined); // may still fail after the timeout won the race below
    try {
        return await Promise.race([exchange, aborted(signal)]);
    }
    catch (error) {
        const errorCode = cancel?.aborted ? CANCELLED_CODE : transportErrorCode(error);
        return { method, url: url.href, errorCode, latencyMs: clock.now() - started };
    }
}

// Answers that are not HTTP the client can read (undici's parser errors, both Content-Length and Transfer-Encoding, a
// bad status line or header value) or are larger than it reads: no retry makes them readable.
const PROTOCOL_CODES = /^(HPE_|HTTPParserError$|UND_ERR_RES_EXCEEDED_MAX_SIZE$|UND_ERR_INVALID_ARG$|UND_ERR_RES_CONTENT_LENGTH_MISMATCH$)/;
function isProtocolError(code) {
    return code !== undefined && PROTOCOL_CODES.test(code);
}
/** What transportErrorCode makes of a proxy's refusal of the tunnel: `PROXY_<status>`. */
const PROXY_AUTHENTICATION_REQUIRED = 'PROXY_407';
/**
 * Is this attempt finished, worth another try, or a failure no retry will fix? With wait-for-access a 403 is a role
 * assignment that has not applied yet (it can take about 10 minutes), so it is tried again until the deadline.
 */
function exchange_classifyExchange(exchange, waitForAccess = false) {
    const code = exchange.errorCode;
    if (code !== undefined) {
        return isTlsError(code) || isProtocolError(code) || code === PROXY_AUTHENTICATION_REQUIRED ? 'fatal' : 'transient';
    }
    const status = exchange.status ?? 0;
    if (status === 200 || status === 204)
        return 'ok';
    if (status === 403 && waitForAccess)
        return 'transient';
    return isRetryableStatus(status) ? 'transient' : 'fatal';
}
/** Why an attempt is tried again, as the log line says it. */
function exchange_retryReason(exchange) {
    if (exchange.errorCode !== undefined)
        return exchange.errorCode;
    const status = `HTTP ${exchange.status ?? '?'}`;
    return exchange.status === 403 ? `${status}, waiting for the role assignment to apply` : status;
}
/**
 * A field of a JSON object the service sent, whatever its case: change feed entries come in camelCase from the service
 * and in PascalCase in the docs, and DICOM JSON tags in either case of hex.
 */
function exchange_fieldOf(record, name) {
    const wanted = name.toLowerCase();
    const key = Object.keys(record).find((k) => k.toLowerCase() === wanted);
    return key === undefined ? undefined : record[key];
}

;// CONCATENATED MODULE: ./src/smoke-test/proxy.ts
// Which proxy, if any, the runner's environment sends a DICOM request through: HTTPS_PROXY and NO_PROXY read the way
// curl, undici and the Azure CLI read them. Pure.
/** One NO_PROXY entry: `name`, `name:port`, `[v6]:port` or a bare IPv6 address (whose colons are not a port). */
function noProxyEntry(entry) {
    const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ?? /^([^:]+):(\d+)$/.exec(entry);
    if (!match)
        return { name: entry };
    return { name: match[1] ?? '', port: match[2] === undefined ? undefined : Number(match[2]) };
}
/** The host to connect to (IPv6 without brackets) and the port, the scheme's default when the URL has none. */
function endpointOf(url) {
    return {
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: Number(url.port || (url.protocol === 'https:' ? 443 : 80))
    };
}
/** NO_PROXY as curl and undici read it: '*', or host names (a leading '.' or '*.' optional) with an optional port. */
function bypassesProxy(hostname, port, noProxy) {
    const host = hostname.toLowerCase();
    return noProxy
        .split(/[\s,]+/)
        .filter((entry) => entry !== '')
        .some((entry) => {
        if (entry === '*')
            return true;
        const { name, port: entryPort } = noProxyEntry(entry.toLowerCase().replace(/^\*?\./, ''));
        if (entryPort !== undefined && entryPort !== port)
            return false;
        return host === name || host.endsWith(`.${name}`);
    });
}
/**
 * The proxy the runner's environment sends this URL through, if any (lower-case variables first, as undici reads them).
 * Only https goes through a proxy: the token then travels inside a CONNECT tunnel. Plain http (loopback only) never
 * does, or the proxy would read the token.
 */
function proxyFor(url, env) {
    if (url.protocol !== 'https:')
        return undefined;
    const variable = ['https_proxy', 'HTTPS_PROXY'].find((name) => env[name]);
    if (variable === undefined)
        return undefined;
    const { hostname, port } = endpointOf(url);
    if (bypassesProxy(hostname, port, env.no_proxy || env.NO_PROXY || ''))
        return undefined;
    const value = env[variable] ?? '';
    return { variable, uri: /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}` };
}

;// CONCATENATED MODULE: ./src/smoke-test/connection.ts
// The connection the smoke test's requests go out on. It is opened while az is still running, so the TCP and TLS
// handshakes are done by the time the token arrives. Behind a proxy, the requests go through its CONNECT tunnel.







/**
 * Opens TCP+TLS to the DICOM host now. Behind a proxy (HTTPS_PROXY and friends, as runners set them) the requests go
 * through it, unless NO_PROXY lists the host.
 */
function openDicomConnection(dicomBaseUrl, timeoutMs, env = process.env) {
    const url = new URL(dicomBaseUrl);
    const secure = url.protocol === 'https:';
    const { hostname, port } = endpointOf(url);
    // inputs.ts refuses it first; this only keeps the rule where the connection is made.
    if (!secure && !isLoopbackHost(hostname))
        throw new Error('plain http is only allowed to loopback hosts');
    const connectTimeoutMs = requestTimeoutMs(timeoutMs);
    const proxy = proxyFor(url, env);
    return proxy ? throughProxy(proxy, connectTimeoutMs) : direct(url, hostname, port, connectTimeoutMs);
}
/** Through the proxy's CONNECT tunnel: no head start, but the same requests, still TLS end to end. */
function throughProxy(proxy, connectTimeoutMs) {
    if (!URL.canParse(proxy.uri)) {
        throw new errors_ActionError('smoke-network', `The proxy in ${proxy.variable} is not a URL the smoke test can use (its value is not shown: it may hold ` +
            `credentials).`, `Set ${proxy.variable} to http://<host>:<port>, or list the DICOM host in NO_PROXY.`);
    }
    const agent = new undici/* ProxyAgent */.kT({
        uri: proxy.uri,
        requestTls: { rejectUnauthorized: true },
        connect: { timeout: connectTimeoutMs },
        maxResponseSize: MAX_BODY_BYTES,
        connections: 1,
        pipelining: 2
    });
    return {
        send: (options) => agent.request(options),
        proxyVariable: proxy.variable,
        close: () => agent.destroy().catch(() => undefined)
    };
}
/** Straight to the service, on the socket opened while az runs; a later reconnect opens a socket of its own. */
function direct(url, hostname, port, connectTimeoutMs) {
    const early = preconnect(hostname, port, url.protocol === 'https:', connectTimeoutMs);
    const fallback = (0,undici/* buildConnector */.gU)({ timeout: connectTimeoutMs, rejectUnauthorized: true });
    let handedOver = false;
    const client = new undici/* Client */.Kj(url.origin, {
        pipelining: 2,
        maxResponseSize: MAX_BODY_BYTES,
        connect: (options, callback) => {
            if (handedOver) {
                fallback(options, callback);
                return;
            }
            handedOver = true;
            void early.take().then((socket) => {
                if (socket)
                    callback(null, socket);
                else
                    fallback(options, callback);
            });
        }
    });
    return {
        send: (options) => client.request(options),
        close: async () => {
            early.discard();
            await client.destroy().catch(() => undefined);
        }
    };
}
function preconnect(hostname, port, secure, timeoutMs) {
    const socket = secure
        ? external_node_tls_default().connect({
            host: hostname,
            port,
            servername: external_node_net_default().isIP(hostname) ? undefined : hostname,
            ALPNProtocols: ['http/1.1'],
            rejectUnauthorized: true // whatever NODE_TLS_REJECT_UNAUTHORIZED says: the token goes over this connection
        })
        : external_node_net_default().connect({ host: hostname, port });
    // Any failure here is only a missed head start: the request connects again and reports that error itself.
    const ignore = () => undefined;
    socket.on('error', ignore);
    socket.setTimeout(timeoutMs, () => socket.destroy());
    const ready = new Promise((resolve) => {
        socket.once(secure ? 'secureConnect' : 'connect', () => resolve(socket));
        socket.once('close', () => resolve(undefined));
    });
    return {
        take: async () => {
            const connected = await ready;
            if (!connected || socket.destroyed || !socket.writable)
                return undefined;
            socket.off('error', ignore);
            socket.setTimeout(0);
            return socket;
        },
        discard: () => socket.destroy()
    };
}

;// CONCATENATED MODULE: ./src/smoke-test/step.ts


/** One request with the token, given `remainingMs` at most (and never more than one request may take). */
function step_exchangeWithin(context, request, remainingMs) {
    const { send, issued, clock } = context;
    const signals = [context.cancel?.signal, context.interrupt?.aborted ? undefined : context.interrupt];
    const present = signals.filter((signal) => signal !== undefined);
    const abort = present.length > 1 ? AbortSignal.any(present) : present[0];
    return exchangeOnce(send, request, issued.value, requestTimeoutMs(remainingMs), clock, abort);
}
/** Whether the runner has cancelled the step. */
function step_isCancelled(context) {
    return context.cancel?.signal.aborted === true;
}
/** The clock, with a wait that ends early once the step is cancelled (the next attempt then ends at once). */
function cancellableClock(context) {
    const signal = context.cancel?.signal;
    if (signal === undefined)
        return context.clock;
    const base = context.clock;
    return {
        ...base,
        now: () => base.now(),
        random: () => base.random(),
        sleep: (ms) => new Promise((resolve) => {
            if (signal.aborted)
                return resolve();
            const done = () => {
                signal.removeEventListener('abort', done);
                resolve();
            };
            signal.addEventListener('abort', done, { once: true });
            void base.sleep(ms).then(done);
        })
    };
}
function retryLine(label, attempt, reason, delayMs) {
    return `${label}: attempt ${attempt} failed (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s.`;
}
async function step_runStep(step, context) {
    const { log } = context;
    const clock = cancellableClock(context);
    const startedAt = step.startedAtMs ?? clock.now();
    const report = await withRetry(async (_attempt, remainingMs) => {
        const last = await step.attempt(remainingMs);
        const { answer, exchange } = last;
        if (answer.verdict === 'ok')
            return { kind: 'done', value: last };
        // A cancelled step is not retried: what it saw last is its end.
        if (answer.verdict === 'fatal' || step_isCancelled(context))
            return { kind: 'fatal', value: last };
        const retryAfterMs = parseRetryAfter(exchange.retryAfter, clock.now());
        return { kind: 'transient', reason: answer.reason ?? exchange_retryReason(exchange), retryAfterMs, last };
    }, {
        deadlineMs: step.deadlineMs,
        clock,
        onRetry: (attempt, reason, delayMs) => log.info(retryLine(step.label, attempt, reason, delayMs))
    });
    const { exchange, answer } = report.value;
    const done = { exchange, attempts: report.attempts, elapsedMs: clock.now() - startedAt };
    if (answer.verdict === 'ok')
        return { ...done, ok: true, value: answer.value };
    const diagnosis = {
        issued: context.issued,
        proxyVariable: context.proxyVariable,
        nowMs: clock.now(),
        attempts: report.attempts,
        elapsedMs: done.elapsedMs,
        gaveUp: report.gaveUp
    };
    return { ...done, ok: false, failure: step.diagnose(exchange, diagnosis, answer.problem) };
}
/** A step's row in the job summary: how it ended, how long it took, and its last answer. */
function step_stepRow(title, result) {
    const { exchange, attempts, elapsedMs } = result;
    const answer = exchange.errorCode ?? String(exchange.status ?? '');
    return { title, outcome: result.ok ? 'passed' : 'failed', elapsedMs, attempts, answer };
}
function step_skippedRow(title) {
    return { title, outcome: 'skipped', elapsedMs: 0, attempts: 0 };
}

;// CONCATENATED MODULE: ./src/smoke-test/write/answers.ts

/** DICOM JSON tags (PS3.18 F.2) the round trip reads. */
const TAGS = {
    studyInstanceUid: '0020000D',
    seriesInstanceUid: '0020000E',
    sopInstanceUid: '00080018',
    referencedSopInstanceUid: '00081155',
    warningReason: '00081196',
    failureReason: '00081197',
    failedSopSequence: '00081198',
    referencedSopSequence: '00081199'
};
function answers_parseJson(exchange) {
    try {
        return JSON.parse(exchange.body ?? '');
    }
    catch {
        return undefined;
    }
}
function isDataSet(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function firstValue(dataSet, tag) {
    return exchange_fieldOf(dataSet, tag)?.Value?.[0];
}
function items(dataSet, tag) {
    return (exchange_fieldOf(dataSet, tag)?.Value ?? []).filter(isDataSet);
}
/** The FailureReason (0008,1197) of each instance in a STOW answer's FailedSOPSequence (0008,1198). */
function failedSops(body) {
    if (!isDataSet(body))
        return [];
    return items(body, TAGS.failedSopSequence).map((item) => {
        const sop = firstValue(item, TAGS.referencedSopInstanceUid);
        const reason = firstValue(item, TAGS.failureReason);
        return {
            sopInstanceUid: typeof sop === 'string' ? sop : undefined,
            failureReason: typeof reason === 'number' ? reason : undefined
        };
    });
}
/** Our instance's item in ReferencedSOPSequence (0008,1199), if the answer lists it as stored. */
function storedItem(body, sopInstanceUid) {
    if (!isDataSet(body))
        return undefined;
    return items(body, TAGS.referencedSopSequence).find((item) => firstValue(item, TAGS.referencedSopInstanceUid) === sopInstanceUid);
}
/**
 * A STOW-RS answer. `afterUncertainAttempt`: an earlier attempt timed out or got a 5xx, so it may have stored the
 * instance; its fresh UIDs cannot be anyone else's, so a 409 then means that attempt did store it. A 202 is not a
 * refusal: API v2 answers 202 for an instance stored with a warning (an optional attribute that fails validation),
 * listed in ReferencedSOPSequence with a WarningReason and in no FailedSOPSequence.
 */
function readStowAnswer(exchange, uids, waitForAccess, afterUncertainAttempt) {
    if (exchange.status === 409 && afterUncertainAttempt)
        return { verdict: 'ok', value: {} };
    const body = answers_parseJson(exchange);
    const failed = failedSops(body).find((f) => f.sopInstanceUid === uids.sopInstanceUid);
    if (exchange.status === 202 && failed)
        return { verdict: 'fatal', problem: { kind: 'failed-sop', failureReason: failed.failureReason } };
    const verdict = exchange.status === 202 ? 'ok' : exchange_classifyExchange(exchange, waitForAccess);
    if (verdict !== 'ok')
        return { verdict };
    if (!isDataSet(body))
        return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a DICOM JSON STOW-RS response' } };
    const item = storedItem(body, uids.sopInstanceUid);
    if (item === undefined)
        return { verdict: 'fatal', problem: { kind: 'not-stored' } };
    const warningReason = firstValue(item, TAGS.warningReason);
    return { verdict: 'ok', value: typeof warningReason === 'number' ? { warningReason } : {} };
}
/**
 * Whether a STOW attempt may have stored the instance, so cleanup must run: anything but a clear refusal. Clear are
 * a 4xx (the service said no before storing) and a FailedSOPSequence that names the instance; a timeout, a reset,
 * a 5xx, or a 200/202 that cannot be read or lists other UIDs all may have stored it.
 */
function mayHaveStored(exchange, answer) {
    if (answer.verdict === 'ok')
        return true;
    if (answer.verdict === 'fatal' && answer.problem?.kind === 'failed-sop')
        return false;
    const status = exchange.status;
    return status === undefined || status < 400 || status >= 500;
}
/** A QIDO-RS search for the study: whether it lists it (204 and [] list nothing). */
function readSearchAnswer(exchange, studyInstanceUid, waitForAccess) {
    const verdict = exchange_classifyExchange(exchange, waitForAccess);
    if (verdict !== 'ok')
        return { verdict };
    if (exchange.status === 204 || (exchange.body ?? '').trim() === '')
        return { verdict: 'ok', value: false };
    const body = answers_parseJson(exchange);
    if (!Array.isArray(body))
        return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a DICOM JSON array of studies' } };
    const found = body.some((study) => isDataSet(study) && firstValue(study, TAGS.studyInstanceUid) === studyInstanceUid);
    return { verdict: 'ok', value: found };
}
/** WADO-RS metadata of the instance: its study, series and SOP instance UIDs must be the ones stored. */
function readMetadataAnswer(exchange, uids, waitForAccess) {
    const verdict = exchange_classifyExchange(exchange, waitForAccess);
    if (verdict === 'transient')
        return { verdict };
    if (verdict === 'fatal' || exchange.status === 204)
        return { verdict: 'fatal' };
    const body = answers_parseJson(exchange);
    const instance = Array.isArray(body) ? body[0] : undefined;
    if (!isDataSet(instance))
        return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a DICOM JSON array with the instance' } };
    const found = {};
    for (const name of ['studyInstanceUid', 'seriesInstanceUid', 'sopInstanceUid']) {
        const value = firstValue(instance, TAGS[name]);
        if (typeof value === 'string')
            found[name] = value;
    }
    const matches = found.studyInstanceUid === uids.studyInstanceUid && found.seriesInstanceUid === uids.seriesInstanceUid;
    return matches && found.sopInstanceUid === uids.sopInstanceUid
        ? { verdict: 'ok', value: undefined }
        : { verdict: 'fatal', problem: { kind: 'uid-mismatch', found } };
}
/** A study DELETE: done when the study is gone, also when it was not there (404); the confirmation step checks. */
function readDeleteAnswer(exchange, waitForAccess) {
    if (exchange.status === 202 || exchange.status === 404)
        return { verdict: 'ok', value: undefined };
    const verdict = exchange_classifyExchange(exchange, waitForAccess);
    return verdict === 'ok' ? { verdict, value: undefined } : { verdict };
}

;// CONCATENATED MODULE: ./src/smoke-test/diagnose.ts
// Turns a failed exchange into the one error a person can act on: what happened, the likely cause, the fix. Pure.
// A transport error goes by its code, an answer by its status; the write check adds what is special to writing.






const BODY_PREVIEW_CHARS = 120;
const TIMEOUT_CODES = new Set([
    'TimeoutError',
    'AbortError',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CONNECT_TIMEOUT',
    'ETIMEDOUT'
]);
function challengeParameter(challenge, name) {
    if (!challenge)
        return undefined;
    return new RegExp(`${name}="([^"]*)"`, 'i').exec(challenge)?.[1];
}
/** A server's words inside a message. */
function preview(text, token, maxChars = BODY_PREVIEW_CHARS) {
    return quote(text, token, maxChars);
}
/** "after 3 attempt(s) in 4.2 s", for messages about a step that was retried. */
function triedFor(context) {
    return `after ${context.attempts} attempt(s) in ${(context.elapsedMs / 1000).toFixed(1)} s`;
}
function requestOf(exchange) {
    return `${exchange.method} ${exchange.url}`;
}
function diagnoseUnauthorized(exchange, context) {
    const description = challengeParameter(exchange.wwwAuthenticate, 'error_description');
    const serviceTenant = /login\.microsoftonline\.com\/([^/"]+)/i.exec(challengeParameter(exchange.wwwAuthenticate, 'authorization_uri') ?? '')?.[1];
    // Server text, like everything else from the challenge: quoted, never as it came.
    const shownTenant = serviceTenant === undefined ? '' : preview(serviceTenant, context.issued.value, 80);
    const said = `The DICOM service rejected the token with 401 at ` +
        `${exchange.url}${description ? `: "${preview(description, context.issued.value)}"` : ''}.`;
    const { claims, expiresAtMs } = context.issued;
    if (!audienceMatches(claims.audience, DEFAULT_RESOURCE)) {
        return new errors_ActionError('smoke-unauthorized', `${said} The token's audience is '${claims.audience ?? ''}', but the DICOM service expects ` +
            `'${DEFAULT_RESOURCE}'.`, `Leave the 'resource' input at its default (${DEFAULT_RESOURCE}).`);
    }
    if (expiresAtMs !== undefined && expiresAtMs <= context.nowMs) {
        return new errors_ActionError('smoke-unauthorized', `${said} The token expired at ${formatExpiry(expiresAtMs)}.`, 'Get the token right before the steps that use it.');
    }
    if (serviceTenant &&
        claims.tenantId &&
        !['common', 'organizations'].includes(serviceTenant) &&
        serviceTenant.toLowerCase() !== claims.tenantId.toLowerCase()) {
        return new errors_ActionError('smoke-unauthorized', `${said} The service belongs to tenant ${shownTenant}, but the token was issued by tenant ${claims.tenantId}.`, `Log in to tenant ${shownTenant} with azure/login (tenant-id), or set the 'tenant' input.`);
    }
    return new errors_ActionError('smoke-unauthorized', `${said} The token has audience '${claims.audience ?? 'unknown'}' and tenant '${claims.tenantId ?? 'unknown'}'.`, `Check that dicom-url is a DICOM service of the tenant azure/login signed in to, and that 'resource' is ` +
        `${DEFAULT_RESOURCE}.`);
}
/** wait-for-access ran out of time: still 403 at the deadline. `role` is the role the request needs. */
function accessNeverApplied(exchange, context, role) {
    const who = describePrincipal(context.issued.claims) ?? 'the signed-in identity';
    const waited = `${(context.elapsedMs / 1000).toFixed(1)} s`;
    return new errors_ActionError('smoke-access-timeout', `The DICOM service still answered 403 to ${exchange.method} ${exchange.url} after waiting ${waited} ` +
        `(${context.attempts} attempt(s)) for ${who} to get a DICOM Data role.`, `Check that the principal has the ${role} role on the DICOM service; a new assignment can take about 10 ` +
        `minutes to apply (longer through a group), so raise timeout-seconds if it was just made.`);
}
function diagnoseProxyRefusal(variable, status, exchange, tried) {
    const host = new URL(exchange.url).host;
    if (status === '407') {
        return new errors_ActionError('smoke-proxy', `The proxy in ${variable} answered 407 to the tunnel to ${host}: it wants authentication.`, `Give the proxy's user and password in ${variable} (http://user:password@host:port, from a secret), or ` +
            `list the DICOM host in NO_PROXY.`);
    }
    return new errors_ActionError('smoke-proxy', `The proxy in ${variable} answered ${status} to the tunnel to ${host} (${tried}).`, `Check that the proxy may reach the DICOM host, or list it in NO_PROXY.`);
}
/**
 * One actionable error for a failed exchange. `bodyProblem` is what reading a good status found wrong with its body
 * (see read/changefeed.ts); the body is not read again here.
 */
function diagnoseExchange(exchange, context, bodyProblem) {
    if (exchange.errorCode !== undefined)
        return diagnoseTransportError(exchange, exchange.errorCode, context);
    return diagnoseStatus(exchange, context, bodyProblem);
}
/** No answer: the certificate, the answer's framing, the proxy, the clock or the network. */
function diagnoseTransportError(exchange, code, context) {
    const tried = triedFor(context);
    if (isTlsError(code)) {
        return new errors_ActionError('smoke-tls', `The TLS certificate of ${new URL(exchange.url).host} was not accepted (${code}).`, 'Check the dicom-url host name; if a TLS-inspecting proxy is in the way, trust its CA with ' +
            'NODE_EXTRA_CA_CERTS on the runner.');
    }
    if (isProtocolError(code)) {
        const meaning = code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE'
            ? 'it is larger than the 1 MiB the action reads'
            : 'it is not valid HTTP/1.1';
        return new errors_ActionError('smoke-response', `The answer to ${requestOf(exchange)} could not be read (${code}): ${meaning}.`, 'Something other than the DICOM service may be answering (a proxy, a firewall, another server): check ' +
            'dicom-url.');
    }
    const proxy = context.proxyVariable;
    if (proxy !== undefined && code.startsWith('PROXY_'))
        return diagnoseProxyRefusal(proxy, code.slice(6), exchange, tried);
    if (proxy !== undefined && !TIMEOUT_CODES.has(code)) {
        return new errors_ActionError('smoke-proxy', `Could not reach the DICOM service through the proxy in ${proxy} (${code}, ${tried}).`, `Check that the proxy in ${proxy} runs and the runner can reach it (its value is not shown: it may hold ` +
            `credentials), or list the DICOM host in NO_PROXY.`);
    }
    if (TIMEOUT_CODES.has(code)) {
        return new errors_ActionError('smoke-timeout', `The DICOM service did not answer ${requestOf(exchange)} in time (${code}, ${tried}).`, 'Check that the service is running and reachable from the runner, or raise timeout-seconds.');
    }
    return new errors_ActionError('smoke-network', `Could not reach the DICOM service at ${new URL(exchange.url).host} (${code}, ${tried}).`, 'Check dicom-url and that the runner can reach it (DNS of a new service can take minutes; private ' +
        'endpoints need a runner inside the network).');
}
/** An answer, by its status: the body, the token, the role, the URL, or the service's state. */
function diagnoseStatus(exchange, context, bodyProblem) {
    const status = exchange.status ?? 0;
    if (status === 200 || status === 204)
        return diagnoseBody(exchange, status, context.issued.value, bodyProblem);
    if (status === 401)
        return diagnoseUnauthorized(exchange, context);
    if (status === 403 && context.gaveUp) {
        return accessNeverApplied(exchange, context, 'DICOM Data Reader (or DICOM Data Owner)');
    }
    if (status === 403)
        return diagnoseForbidden(exchange, context.issued);
    if (status === 404) {
        return new errors_ActionError('smoke-not-found', `The DICOM service answered 404 for ${exchange.url}.`, 'Check dicom-url (https://<workspace>-<service>.dicom.azurehealthcareapis.com, normally with no path) and ' +
            'api-version (v1.0-prerelease, v1 or v2).');
    }
    if (status >= 300 && status < 400)
        return diagnoseRedirect(exchange, status);
    if (isRetryableStatus(status))
        return diagnoseUnavailable(exchange, status, context);
    return diagnoseRefusal(exchange, status, context.issued.value);
}
function shownContentType(exchange, token) {
    return exchange.contentType === undefined ? 'none' : preview(exchange.contentType, token, 80);
}
/** A good status with a body that is not what the check reads. */
function diagnoseBody(exchange, status, token, bodyProblem) {
    const request = requestOf(exchange);
    if (bodyProblem === 'not-json') {
        return new errors_ActionError('smoke-response', `${request} answered ${status} with Content-Type '${shownContentType(exchange, token)}', not JSON; it ` +
            `starts with: "${preview(exchange.body, token)}".`, 'A proxy, firewall or login page may be answering instead of the DICOM service: check dicom-url.');
    }
    return new errors_ActionError('smoke-response', `${request} answered ${status}, but the body is not a change feed: ${bodyProblem ?? 'unreadable'}; it ` +
        `starts with: "${preview(exchange.body, token)}".`, 'Check that dicom-url points at an Azure Health Data Services DICOM service and api-version is right.');
}
function diagnoseForbidden(exchange, issued) {
    return new errors_ActionError('smoke-forbidden', `The DICOM service refused ${describePrincipal(issued.claims) ?? 'the signed-in identity'} with 403 at ` +
        `${exchange.url}${exchange.body ? ` ("${preview(exchange.body, issued.value)}")` : ''}.`, 'Assign that principal the DICOM Data Reader (or DICOM Data Owner) role on the DICOM service; new role ' +
        'assignments can take several minutes to apply, so re-run after a few minutes.');
}
function diagnoseRedirect(exchange, status) {
    const target = exchange.location && URL.canParse(exchange.location, exchange.url)
        ? new URL(exchange.location, exchange.url).origin
        : 'an unknown location';
    return new errors_ActionError('smoke-redirect', `${requestOf(exchange)} answered ${status}, a redirect to ${target}; it was not followed, so the token was not ` +
        `sent there.`, 'Set dicom-url to the service URL itself (the final https://<workspace>-<service>.dicom.azurehealthcareapis.com).');
}
/** Still throttled or not ready when the retries ended. */
function diagnoseUnavailable(exchange, status, context) {
    const { gaveUp } = context;
    const retryAfter = gaveUp?.reason === 'retry-after-past-deadline' && gaveUp.retryAfterMs !== undefined
        ? ` It asked to retry after ${Math.ceil(gaveUp.retryAfterMs / 1000)} s, past the deadline.`
        : '';
    return new errors_ActionError('smoke-unavailable', `The DICOM service still answered ${status} to ${requestOf(exchange)} ${triedFor(context)}.${retryAfter}`, 'The service is throttled or not ready (a new deployment can take minutes): raise timeout-seconds, or run ' +
        'the smoke test later.');
}
/** A status no retry fixes, with the service's own words. */
function diagnoseRefusal(exchange, status, token) {
    const request = requestOf(exchange);
    const said = exchange.body ? `: "${preview(exchange.body, token)}"` : '';
    if (status === 424) {
        return new errors_ActionError('smoke-dependency', `The DICOM service answered 424 Failed Dependency to ${request}${said}: it cannot reach its storage ` +
            `account or its customer-managed key.`, "Check the service's linked storage account (or Data Lake) and its key vault key and access; this is not " +
            'retried, as it does not fix itself within a step.');
    }
    // The service answers an API version it does not serve with 400 UnsupportedApiVersion, in plain text.
    if (status === 400 && /UnsupportedApiVersion|api[- ]version/i.test(exchange.body ?? '')) {
        return new errors_ActionError('smoke-response', `${request} answered 400${said}: the DICOM service does not support this API version.`, 'Set api-version to a version the service supports (v2, v1 or v1.0-prerelease).');
    }
    return new errors_ActionError('smoke-response', `${request} answered ${status}${said}.`, 'Check dicom-url and api-version.');
}

;// CONCATENATED MODULE: ./src/smoke-test/write/diagnose.ts
// Turns a failed step of the write round trip into the one error a person can act on. Pure. What is not special to
// writing (401, 404, timeouts, network, 5xx) goes to diagnoseExchange, as for the read check.



const diagnose_BODY_PREVIEW_CHARS = 160;
/** A UID has at most 64 characters; what a server puts there instead is cut a little after. */
const UID_PREVIEW_CHARS = 70;
/** What the failure reasons Azure and PS3.4 define mean (0008,1197), for the ones a smoke test can meet. */
const FAILURE_REASONS = {
    0x0110: 'processing failure',
    0x0122: 'SOP class not supported',
    0x0124: 'not authorized',
    0xa700: 'out of resources',
    0xa900: 'validation failure: the data set does not pass the service checks',
    0xa901: 'the instance does not belong to the study in the URL',
    0xb00e: 'the instance is already stored',
    0xb00f: 'the instance is being created by another request',
    0xc000: 'cannot understand',
    0xc122: 'referenced transfer syntax not supported'
};
/** The attribute a refusal names, when its body does: a tag such as (0010,0020), with any keyword after it. */
function refusedAttribute(body) {
    const match = /\(([0-9A-F]{4}),\s?([0-9A-F]{4})\)(?:\s*[-:]?\s*([A-Z][A-Za-z]+)\b)?/i.exec(body ?? '');
    if (match)
        return `(${match[1]?.toUpperCase()},${match[2]?.toUpperCase()})${match[3] ? ` ${match[3]}` : ''}`;
    const tag = /"([0-9A-F]{8})"/i.exec(body ?? '')?.[1];
    return tag ? `(${tag.slice(0, 4).toUpperCase()},${tag.slice(4).toUpperCase()})` : undefined;
}
/** What the warning reasons PS3.4 defines mean (0008,1196); API v2 stores an instance with one and answers 202. */
const WARNING_REASONS = {
    0xb000: 'coercion of data elements',
    0xb006: 'elements discarded',
    0xb007: 'data set does not match SOP class'
};
/** "45063 (0xB007, data set does not match SOP class)". */
function diagnose_describeWarningReason(reason) {
    const meaning = WARNING_REASONS[reason];
    return `${reason} (0x${reason.toString(16).toUpperCase().padStart(4, '0')}${meaning ? `, ${meaning}` : ''})`;
}
/** "272 (0x0110, processing failure)". */
function describeFailureReason(reason) {
    if (reason === undefined)
        return 'no failure reason';
    const meaning = FAILURE_REASONS[reason];
    return `${reason} (0x${reason.toString(16).toUpperCase().padStart(4, '0')}${meaning ? `, ${meaning}` : ''})`;
}
/** The STOW's own failures: the status says what the service thought of the instance or of the caller. */
function diagnoseStow(exchange, context, problem) {
    const token = context.issued.value;
    const request = `POST ${exchange.url}`;
    const said = exchange.body ? `: "${preview(exchange.body, token, diagnose_BODY_PREVIEW_CHARS)}"` : '';
    const fromBody = stowBodyProblem(exchange, problem, said);
    if (fromBody)
        return fromBody;
    switch (exchange.status) {
        case 403:
            if (context.gaveUp)
                return accessNeverApplied(exchange, context, 'DICOM Data Owner');
            return new errors_ActionError('write-forbidden', `The DICOM service refused to store the synthetic instance for ` +
                `${describePrincipal(context.issued.claims) ?? 'the signed-in identity'} with 403 at ${exchange.url}: it ` +
                `can read, so it has a reader role only; smoke-test: write needs DICOM Data Owner.`, 'Assign that principal the DICOM Data Owner role on the DICOM service (or use smoke-test: read); with ' +
                'wait-for-access: true the action waits for a new assignment to apply.');
        case 409:
            return new errors_ActionError('write-conflict', `The DICOM service answered 409 to ${request}: the instance already exists, although its UIDs were made ` +
                `fresh for this run.`, 'Re-run the step; if it happens again, the service may be rejecting by another rule: check the 409 body ' +
                'in the debug log.');
        case 400:
        case 415: {
            const attribute = refusedAttribute(exchange.body);
            return new errors_ActionError('write-refused', `The DICOM service refused the synthetic instance with ${exchange.status} at ` +
                `${exchange.url}${attribute ? `, naming attribute ${attribute}` : ''}${said}.`, 'The service checks instances more strictly than the smoke test expects; please open an issue with this ' +
                'line. Check also that nothing between the runner and the service rewrites the multipart body.');
        }
        case 413:
            return new errors_ActionError('write-too-large', `The DICOM service (or a proxy in front of it) answered 413 to ${request}: request too large, for one ` +
                `small synthetic instance.`, 'A proxy or gateway between the runner and the service limits request bodies: raise its limit, or use ' +
                'smoke-test: read.');
    }
    return diagnoseExchange(exchange, context, problem === undefined ? undefined : 'a DICOM JSON STOW-RS response');
}
/** The UIDs a metadata answer gave, as server text: each quoted (sanitised and cut), never as they came. */
function foundUids(found, token) {
    const shown = (name, value) => `${name} ${value === undefined ? 'none' : `'${preview(value, token, UID_PREVIEW_CHARS)}'`}`;
    return [
        shown('study', found.studyInstanceUid),
        shown('series', found.seriesInstanceUid),
        shown('instance', found.sopInstanceUid)
    ].join(', ');
}
function reasonGiven(reason) {
    return reason === undefined ? 'no failure reason' : `failure reason ${describeFailureReason(reason)}`;
}
/** What the STOW answer's body showed: the instance listed as failed, or an answer that does not say it was stored. */
function stowBodyProblem(exchange, problem, said) {
    if (problem?.kind === 'failed-sop') {
        return new errors_ActionError('write-failed-sop', `The DICOM service answered 202 to POST ${exchange.url} but did not store the synthetic instance: its ` +
            `FailedSOPSequence gives ${reasonGiven(problem.failureReason)}.`, 'Look the reason code up in the DICOM service documentation (STOW-RS response status codes); a validation ' +
            'failure usually means the service has stricter checks than the smoke test expects — please open an issue ' +
            'with the code.');
    }
    if (problem?.kind !== 'unreadable' && problem?.kind !== 'not-stored')
        return undefined;
    // A 200 or 202 that does not say the instance was stored: it may have been, so cleanup ran.
    return new errors_ActionError('smoke-response', `The DICOM service answered ${exchange.status ?? '?'} to POST ${exchange.url}, but not with a STOW-RS response ` +
        `that lists the synthetic instance as stored${said}; it may have stored it all the same, so cleanup ran for ` +
        `it.`, 'Something other than the DICOM service may be answering (a proxy, a gateway, another server): check dicom-url.');
}
/** A later step found the service's answer wrong for what was just stored. */
function diagnoseWriteCheck(step, exchange, context, problem) {
    if (problem === undefined)
        return diagnoseExchange(exchange, context, 'unexpected');
    const request = `${exchange.method} ${exchange.url}`;
    const tried = triedFor(context);
    const what = {
        'failed-sop': () => `${request} listed the instance as failed`,
        'not-stored': () => `${request} answered 200 without listing the synthetic instance as stored`,
        'not-found': () => `the search ${request} did not find the study that was just stored (${tried})`,
        'uid-mismatch': () => `the metadata from ${request} is for another instance ` +
            `(${problem.kind === 'uid-mismatch' ? foundUids(problem.found, context.issued.value) : ''})`,
        unreadable: () => `${request} answered ${exchange.status ?? '?'}, but not with ` +
            (problem.kind === 'unreadable' ? problem.expected : 'what was expected'),
        'not-in-feed': () => `the change feed did not list the ${problem.kind === 'not-in-feed' ? problem.action : ''} of the synthetic ` +
            `instance (${tried})`,
        'still-found': () => `the study was still found after its DELETE (${tried})`
    };
    return new errors_ActionError('write-check', `The write round trip failed at '${step}': ${what[problem.kind]()}.`, 'The service may lag under load: raise timeout-seconds; if it persists, open an issue with the debug log.');
}
/** Cleanup failed: the synthetic study is still there, and a person has to delete it. */
function diagnose_cleanupFailed(studyInstanceUid, baseUrl, cause, earlier) {
    return new errors_ActionError('write-cleanup', `Could not delete the synthetic study ${studyInstanceUid} that the smoke test stored: ` +
        `${cause.message}${earlier ? ` (Before that the round trip had failed: ${earlier.message})` : ''}`, `Delete it by hand with a DICOM Data Owner token: DELETE ${baseUrl}/studies/${studyInstanceUid}.`);
}

;// CONCATENATED MODULE: ./src/smoke-test/write/budget.ts
// The round trip's share of timeout-seconds (pure): what cleanup keeps for itself, and what a write needs before it
// starts, so one is never sent without the time to delete what it stored.

/**
 * Cleanup's reserve: the steps before cleanup stop this long before the deadline, so the DELETE and its confirmation
 * always get time, also after a step spent its retries. A quarter of timeout-seconds, at most 15 s (a DELETE takes well
 * under a second). Should the deadline have passed anyway, cleanup still gets the reserve from when it starts: a study
 * left behind is worse than a step that overruns timeout-seconds by a few seconds.
 */
const CLEANUP_RESERVE_SHARE = 0.25;
const MAX_CLEANUP_RESERVE_MS = 15_000;
function budget_cleanupReserveMs(timeoutMs) {
    return Math.min(MAX_CLEANUP_RESERVE_MS, Math.round(timeoutMs * CLEANUP_RESERVE_SHARE));
}
/** The least the steps before cleanup need (a STOW, a search, a metadata read, a feed read take well under 1 s each). */
const MIN_WRITE_STEPS_MS = 2000;
/** How much time the round trip needs when it starts: its steps' least, and cleanup's reserve. */
function writeTimeNeededMs(timeoutMs) {
    return MIN_WRITE_STEPS_MS + budget_cleanupReserveMs(timeoutMs);
}
/** The read check left too little of the deadline for a write and its cleanup: nothing is stored rather than risked. */
function noTimeForWrite(leftMs, timeoutMs) {
    const neededMs = writeTimeNeededMs(timeoutMs);
    const seconds = (ms) => (Math.max(0, ms) / 1000).toFixed(1);
    return new ActionError('write-no-time', `The read check left ${seconds(leftMs)} s of timeout-seconds (${timeoutMs / 1000} s), too little for the ` +
        `write round trip and its cleanup; nothing was stored.`, `Raise timeout-seconds by at least ${Math.ceil((neededMs - leftMs) / 1000)} s (the round trip needs ` +
        `${seconds(neededMs)} s when it starts, a quarter of timeout-seconds of it, up to 15 s, for cleanup).`);
}

;// CONCATENATED MODULE: ./src/smoke-test/read/changefeed.ts

const CHANGEFEED_ENDPOINTS = [
    { name: 'changefeed', path: '/changefeed?offset=0&limit=1&includeMetadata=false' },
    { name: 'latest', path: '/changefeed/latest?includeMetadata=false' }
];
/** A feed with nothing in it yet answers 204, an empty body or `null`, by endpoint and version. */
function changefeed_isEmptyFeed(exchange) {
    const text = (exchange.body ?? '').trim();
    return exchange.status === 204 || text === '' || text === 'null';
}
/** An entry's `sequence`, in whichever case the service wrote it. */
function entrySequence(entry) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
        return undefined;
    const sequence = fieldOf(entry, 'sequence');
    return typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0 ? sequence : undefined;
}
/** The sequence a 200/204 shows (0 for an empty feed), or why its body is not a change feed. */
function readChangefeedBody(name, exchange) {
    if (name === 'latest' && changefeed_isEmptyFeed(exchange))
        return { sequence: 0 };
    if (!/\bjson\b/i.test(exchange.contentType ?? ''))
        return { problem: 'not-json' };
    let body;
    try {
        body = JSON.parse((exchange.body ?? '').trim());
    }
    catch {
        return { problem: 'not-json' };
    }
    if (name === 'latest') {
        const sequence = entrySequence(body);
        return sequence === undefined ? { problem: 'an entry with a numeric sequence was expected' } : { sequence };
    }
    if (!Array.isArray(body))
        return { problem: 'a JSON array of change feed entries was expected' };
    const sequences = body.map(entrySequence);
    if (sequences.some((s) => s === undefined)) {
        return { problem: 'every change feed entry should have a numeric sequence' };
    }
    return { sequence: Math.max(0, ...sequences) };
}
/**
 * One answer, read once: a change feed with its sequence, a transient failure, or a failure to diagnose. A fatal
 * answer's `problem` is set when the status was good but the body is not a change feed.
 */
function readChangefeedAnswer(name, exchange, waitForAccess = false) {
    const verdict = classifyExchange(exchange, waitForAccess);
    if (verdict !== 'ok')
        return { verdict };
    const read = readChangefeedBody(name, exchange);
    return 'sequence' in read ? { verdict: 'ok', value: read.sequence } : { verdict: 'fatal', problem: read.problem };
}

;// CONCATENATED MODULE: ./src/smoke-test/write/feed.ts



/** v1 pages by sequence number (offset is a sequence, limit a span); v2 by rows inside a time window. */
const FEED_PAGE_LIMIT = { 'v1.0-prerelease': 100, v1: 100, v2: 200 };
/**
 * v2's window opens this long before the STOW's answer on the service's own clock (its Date header, which has whole
 * seconds and is written after the entry): the entry's timestamp is at most the STOW's own time earlier.
 */
const FEED_WINDOW_MARGIN_MS = 5000;
/** Without a usable Date header the runner's clock is all there is: then the window opens this long before the write. */
const FEED_WINDOW_SKEW_MS = (/* unused pure expression or super */ null && (10 * 60_000));
/** One poll of the change feed reads at most this many pages before it waits and tries again. */
const MAX_FEED_PAGES_PER_POLL = 10;
/**
 * Where to read the feed from after the STOW: v1 after the sequence seen before the write; v2 from the STOW's time on
 * the service's clock (its answer's Date, less the STOW's latency and a margin), or, without a usable Date, from well
 * before the write on the runner's clock.
 */
function firstFeedCursor(apiVersion, sequenceBefore, writeStartedAtMs, stow) {
    if (apiVersion !== 'v2')
        return { offset: sequenceBefore };
    const serverMs = stow?.date === undefined ? NaN : Date.parse(stow.date);
    const startMs = Number.isNaN(serverMs)
        ? writeStartedAtMs - FEED_WINDOW_SKEW_MS
        : serverMs - (stow?.latencyMs ?? 0) - FEED_WINDOW_MARGIN_MS;
    return { offset: 0, startTime: new Date(startMs).toISOString() };
}
/** The newest entry: the round trip's own entry usually is it, which saves paging a busy feed. */
const LATEST_FEED_PATH = '/changefeed/latest?includeMetadata=false';
/** Whether a /changefeed/latest answer is the target entry itself. */
function latestIsTarget(exchange, target) {
    if (exchange.status !== 200)
        return false;
    const entry = parseJson(exchange);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
        return false;
    return isTargetEntry(entry, target);
}
function feedPagePath(apiVersion, cursor) {
    const query = new URLSearchParams({ offset: String(cursor.offset), limit: String(FEED_PAGE_LIMIT[apiVersion]) });
    if (cursor.startTime !== undefined)
        query.set('startTime', cursor.startTime);
    query.set('includeMetadata', 'false');
    return `/changefeed?${query.toString()}`;
}
function isTargetEntry(entry, target) {
    const sequence = fieldOf(entry, 'sequence');
    return (typeof sequence === 'number' &&
        sequence > target.afterSequence &&
        fieldOf(entry, 'sopInstanceUid') === target.sopInstanceUid &&
        String(fieldOf(entry, 'action')).toLowerCase() === target.action.toLowerCase());
}
/** One page of the feed: whether it has the target entry, and where the next page starts (undefined: no more yet). */
function readFeedPage(exchange, target, cursor, waitForAccess) {
    const verdict = classifyExchange(exchange, waitForAccess);
    if (verdict !== 'ok')
        return { verdict };
    const body = isEmptyFeed(exchange) ? [] : parseJson(exchange);
    if (!Array.isArray(body)) {
        return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a JSON array of change feed entries' } };
    }
    const entries = body.filter((e) => typeof e === 'object' && e !== null);
    const found = entries.some((entry) => isTargetEntry(entry, target));
    if (entries.length === 0)
        return { verdict: 'ok', value: { found } };
    const sequences = entries.map((e) => fieldOf(e, 'sequence')).filter((s) => typeof s === 'number');
    const next = cursor.startTime === undefined
        ? { offset: Math.max(cursor.offset, ...sequences) }
        : { ...cursor, offset: cursor.offset + entries.length };
    return { verdict: 'ok', value: { found, next } };
}
/**
 * Reads /changefeed/latest, and if that is not the target entry, the feed from where the last poll stopped until the
 * target shows or the pages run out for now; says whether it showed. The cursor starts once the STOW has answered (its
 * Date) and carries over from poll to poll, so the Delete is looked for after the Create.
 */
function feed_feedPoller(request, start) {
    const { apiVersion, waitForAccess } = start;
    let cursor;
    return async (target, deadlineMs) => {
        const latest = await request(LATEST_FEED_PATH, deadlineMs);
        if (latestIsTarget(latest, target))
            return { exchange: latest, answer: { verdict: 'ok', value: true } };
        cursor ??= firstFeedCursor(apiVersion, start.sequenceBefore, start.writeStartedAtMs, start.stowClock());
        let last;
        for (let page = 0; page < MAX_FEED_PAGES_PER_POLL || last === undefined; page++) {
            last = await request(feedPagePath(apiVersion, cursor), deadlineMs);
            const answer = readFeedPage(last, target, cursor, waitForAccess);
            if (answer.verdict !== 'ok')
                return { exchange: last, answer };
            if (answer.value.found)
                return { exchange: last, answer: { verdict: 'ok', value: true } };
            if (answer.value.next === undefined)
                break;
            cursor = answer.value.next;
        }
        return { exchange: last, answer: { verdict: 'ok', value: false } };
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/smoke-test/write/instance.ts
// The one synthetic DICOM instance the write smoke test stores and deletes: a new study with fresh 2.25 UIDs, one
// constant, obviously fake patient and an 8x8 black Secondary Capture image, and the STOW-RS body that carries it. dcmjs (about
// 1.4 MB of JavaScript) is imported only when an instance is built, so runs without the write test never load it.

/** Secondary Capture Image Storage: the image IOD that needs the least acquisition detail. */
const SECONDARY_CAPTURE_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.7';
const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const SMOKE_TEST_PATIENT_NAME = 'SMOKE^TEST';
/**
 * The same patient for every run and every repository: a downstream patient index or FHIR sync then holds one
 * synthetic patient, not one more per run (a study DELETE removes the study, never the patient a sync made of it).
 */
const SMOKE_TEST_PATIENT_ID = 'SMOKE-TEST';
/** An LO value (StudyDescription, PatientID) holds at most 64 characters. */
const LO_MAX = 64;
const IMAGE_SIZE = 8;
/** A UID under the 2.25 root: the UUID read as one unsigned integer (ITU-T X.667), at most 44 characters. */
function uidFromUuid(uuid) {
    const hex = uuid.replace(/-/g, '').toLowerCase();
    if (!/^[0-9a-f]{32}$/.test(hex))
        throw new RangeError(`not a UUID: '${uuid}'`);
    return `2.25.${BigInt(`0x${hex}`).toString()}`;
}
async function instance_syntheticInstance(options) {
    const nextUuid = options.randomUuid ?? randomUUID;
    const studyInstanceUid = uidFromUuid(nextUuid());
    const seriesInstanceUid = uidFromUuid(nextUuid());
    const sopInstanceUid = uidFromUuid(nextUuid());
    const patientId = SMOKE_TEST_PATIENT_ID;
    const studyDescription = loValue(options.runLabel ? `dicom-token-action smoke test, ${options.runLabel}` : 'dicom-token-action smoke test');
    const uids = { studyInstanceUid, seriesInstanceUid, sopInstanceUid };
    const dataset = syntheticDataSet(uids, { patientId, studyDescription }, options.now);
    const { data } = await __webpack_require__.e(/* import() */ 61).then(__webpack_require__.bind(__webpack_require__, 1061));
    const file = new data.DicomDict(data.DicomMetaDictionary.denaturalizeDataset(fileMetaInformation(sopInstanceUid)));
    file.dict = data.DicomMetaDictionary.denaturalizeDataset(dataset);
    const part10 = new Uint8Array(file.write());
    return { ...uids, sopClassUid: SECONDARY_CAPTURE_IMAGE_STORAGE, patientId, studyDescription, part10 };
}
/** The data set, by keyword as dcmjs names them: a Secondary Capture image with just what its IOD asks for. */
function syntheticDataSet(uids, names, now) {
    const date = dicomDate(now);
    const time = dicomTime(now);
    return {
        SpecificCharacterSet: 'ISO_IR 100',
        ImageType: ['DERIVED', 'SECONDARY'],
        InstanceCreationDate: date,
        InstanceCreationTime: time,
        SOPClassUID: SECONDARY_CAPTURE_IMAGE_STORAGE,
        SOPInstanceUID: uids.sopInstanceUid,
        StudyDate: date,
        StudyTime: time,
        SeriesDate: date,
        SeriesTime: time,
        ContentDate: date,
        ContentTime: time,
        // The dates and times above are UTC.
        TimezoneOffsetFromUTC: '+0000',
        AccessionNumber: '',
        Modality: 'OT',
        // Type 2C: dciodvfy asks for it when no body part says it is unpaired; empty means unknown.
        Laterality: '',
        ConversionType: 'WSD',
        Manufacturer: 'dicom-token-action',
        ReferringPhysicianName: '',
        StudyDescription: names.studyDescription,
        SeriesDescription: 'synthetic 8x8 image, deleted after the test',
        PatientName: SMOKE_TEST_PATIENT_NAME,
        PatientID: names.patientId,
        PatientBirthDate: '',
        PatientSex: 'O',
        // Says to every system downstream that this is no person's data; the method (Type 1C with it) says why.
        PatientIdentityRemoved: 'YES',
        DeidentificationMethod: 'synthetic test data, no patient',
        StudyInstanceUID: uids.studyInstanceUid,
        SeriesInstanceUID: uids.seriesInstanceUid,
        StudyID: 'SMOKE',
        SeriesNumber: '1',
        InstanceNumber: '1',
        PatientOrientation: '',
        SamplesPerPixel: 1,
        PhotometricInterpretation: 'MONOCHROME2',
        Rows: IMAGE_SIZE,
        Columns: IMAGE_SIZE,
        BitsAllocated: 8,
        BitsStored: 8,
        HighBit: 7,
        PixelRepresentation: 0,
        BurnedInAnnotation: 'NO',
        PixelData: [new Uint8Array(IMAGE_SIZE * IMAGE_SIZE).buffer],
        _vrMap: { PixelData: 'OB' }
    };
}
/** The Part 10 file meta information (group 0002). */
function fileMetaInformation(sopInstanceUid) {
    return {
        FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
        MediaStorageSOPClassUID: SECONDARY_CAPTURE_IMAGE_STORAGE,
        MediaStorageSOPInstanceUID: sopInstanceUid,
        TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
        // Names the writer, as every Part 10 file must: 2.25 + this action's UUID 130dc23d-a950-46ee-9361-ad0f74039882.
        ImplementationClassUID: '2.25.25326771451855391830505406615238449282',
        ImplementationVersionName: 'DICOMTOKEN_1'
    };
}
/**
 * A STOW-RS body with one part: `multipart/related; type="application/dicom"` (PS3.18 10.5), CRLF line ends.
 * The boundary must not occur in the instance: a random one (the default) never does; a given one is checked.
 */
function instance_stowRequestBody(part10, boundary = randomBoundary()) {
    // RFC 2046's boundary characters, less the space, which would need the parameter quoted.
    if (!/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/.test(boundary)) {
        throw new RangeError(`'${boundary}' is not a usable multipart boundary (RFC 2046: 1 to 70 safe characters)`);
    }
    const instance = Buffer.from(part10.buffer, part10.byteOffset, part10.byteLength);
    if (instance.includes(`--${boundary}`))
        throw new RangeError(`the boundary '${boundary}' occurs inside the instance`);
    const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`, 'latin1'),
        instance,
        Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1')
    ]);
    return { contentType: `multipart/related; type="application/dicom"; boundary=${boundary}`, body };
}
function randomBoundary() {
    return `dicom-token-action-${randomBytes(16).toString('hex')}`;
}
/** A printable-ASCII LO value: no backslash (the value separator), no control characters, at most 64 characters. */
function loValue(text) {
    return text
        .replace(/[^\x20-\x7e]|\\/g, '?')
        .trim()
        .slice(0, LO_MAX)
        .trim();
}
function dicomDate(at) {
    return `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
}
function dicomTime(at) {
    return `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
}
function pad(value) {
    return String(value).padStart(2, '0');
}

;// CONCATENATED MODULE: ./src/smoke-test/write/round-trip.ts
// The write check: one synthetic instance stored, found, retrieved and seen in the change feed, then deleted and seen
// gone. Each step is one attempt, retried as a step (step.ts); what an answer means is in answers.ts and feed.ts, what a
// failure says in diagnose.ts. Once the STOW may have stored the instance, cleanup runs whatever happens next.







const WRITE_STEPS = {
    store: 'Store (STOW-RS)',
    search: 'Search (QIDO-RS)',
    retrieve: 'Retrieve metadata (WADO-RS)',
    feedCreate: 'Change feed lists the Create',
    delete: 'Delete the study',
    confirmDelete: 'Change feed or search shows it deleted'
};

const DICOM_JSON = 'application/dicom+json';
function send(trip, request, deadlineMs) {
    return step_exchangeWithin(trip.context, request, deadlineMs - trip.context.clock.now());
}
/** The search for one study (QIDO-RS): the round trip's find and its confirmation, and the post step's. */
function studySearchRequest(baseUrl, studyInstanceUid) {
    const study = encodeURIComponent(studyInstanceUid);
    return { url: new URL(`${baseUrl}/studies?StudyInstanceUID=${study}`), accept: DICOM_JSON };
}
/** The study's DELETE: the round trip's cleanup, and the post step's. */
function studyDeleteRequest(baseUrl, studyInstanceUid) {
    return { method: 'DELETE', url: new URL(`${baseUrl}/studies/${studyInstanceUid}`), accept: DICOM_JSON };
}
function feedTarget(trip, action) {
    return { action, sopInstanceUid: trip.uids.sopInstanceUid, afterSequence: trip.sequenceBefore };
}
const PASSED = { verdict: 'ok', value: undefined };
function notYet(reason, problem) {
    return { verdict: 'transient', reason, problem };
}
const checkFailure = (title) => (last, context, problem) => diagnoseWriteCheck(title, last, context, problem);
// 1. Store. An attempt that timed out or got a 5xx may have stored it, so cleanup runs then too.
const STORE = {
    title: WRITE_STEPS.store,
    attempt: async (trip, deadlineMs) => {
        const body = { contentType: trip.stow.contentType, bytes: trip.stow.body };
        const request = { method: 'POST', url: new URL(`${trip.baseUrl}/studies`), accept: DICOM_JSON, body };
        const last = await send(trip, request, deadlineMs);
        const answer = readStowAnswer(last, trip.uids, trip.waitForAccess, trip.mayBeStored);
        if (mayHaveStored(last, answer))
            trip.mayBeStored = true;
        if (answer.verdict !== 'ok')
            return { exchange: last, answer };
        trip.stowClock = { date: last.date, latencyMs: last.latencyMs };
        trip.warningReason = answer.value.warningReason;
        return { exchange: last, answer: PASSED };
    },
    diagnose: diagnoseStow
};
// 2–4. Find it, read it back, see it in the change feed; the first failure skips the rest but not cleanup.
const CHECKS = [
    {
        title: WRITE_STEPS.search,
        attempt: async (trip, deadlineMs) => {
            const last = await send(trip, studySearchRequest(trip.baseUrl, trip.uids.studyInstanceUid), deadlineMs);
            const answer = readSearchAnswer(last, trip.uids.studyInstanceUid, trip.waitForAccess);
            if (answer.verdict !== 'ok')
                return { exchange: last, answer };
            return {
                exchange: last,
                answer: answer.value ? PASSED : notYet('the study is not found yet', { kind: 'not-found' })
            };
        },
        diagnose: checkFailure(WRITE_STEPS.search)
    },
    {
        title: WRITE_STEPS.retrieve,
        attempt: async (trip, deadlineMs) => {
            const { studyInstanceUid: study, seriesInstanceUid: series, sopInstanceUid: instance } = trip.uids;
            const path = `/studies/${study}/series/${series}/instances/${instance}/metadata`;
            const last = await send(trip, { url: new URL(`${trip.baseUrl}${path}`), accept: DICOM_JSON }, deadlineMs);
            return { exchange: last, answer: readMetadataAnswer(last, trip.uids, trip.waitForAccess) };
        },
        diagnose: checkFailure(WRITE_STEPS.retrieve)
    },
    {
        title: WRITE_STEPS.feedCreate,
        attempt: async (trip, deadlineMs) => {
            const { exchange, answer } = await trip.pollFeed(feedTarget(trip, 'Create'), deadlineMs);
            if (answer.verdict !== 'ok')
                return { exchange, answer };
            const missing = notYet('the Create is not in the change feed yet', { kind: 'not-in-feed', action: 'Create' });
            return { exchange, answer: answer.value ? PASSED : missing };
        },
        diagnose: checkFailure(WRITE_STEPS.feedCreate)
    }
];
// 5–6. Cleanup: delete the study, then see it gone from the search, or its Delete in the change feed.
const DELETE = {
    title: WRITE_STEPS.delete,
    attempt: async (trip, deadlineMs) => {
        const last = await send(trip, studyDeleteRequest(trip.baseUrl, trip.uids.studyInstanceUid), deadlineMs);
        return { exchange: last, answer: readDeleteAnswer(last, trip.waitForAccess) };
    },
    diagnose: checkFailure(WRITE_STEPS.delete)
};
const CONFIRM_DELETE = {
    title: WRITE_STEPS.confirmDelete,
    attempt: async (trip, deadlineMs) => {
        const last = await send(trip, studySearchRequest(trip.baseUrl, trip.uids.studyInstanceUid), deadlineMs);
        const search = readSearchAnswer(last, trip.uids.studyInstanceUid, trip.waitForAccess);
        if (search.verdict === 'ok' && !search.value)
            return { exchange: last, answer: PASSED };
        if (search.verdict !== 'ok')
            return { exchange: last, answer: search };
        const feed = await trip.pollFeed(feedTarget(trip, 'Delete'), deadlineMs);
        if (feed.answer.verdict !== 'ok')
            return { exchange: feed.exchange, answer: feed.answer };
        if (feed.answer.value)
            return { exchange: feed.exchange, answer: PASSED };
        return { exchange: last, answer: notYet('the Delete is not in the change feed yet', { kind: 'still-found' }) };
    },
    diagnose: checkFailure(WRITE_STEPS.confirmDelete)
};
async function runWriteCheck(input, context) {
    const { clock } = context;
    const instance = await syntheticInstance({ runLabel: input.runLabel, now: new Date(clock.now()) });
    const startedAt = clock.now();
    const trip = roundTrip(input, context, instance, startedAt);
    const stepsDeadline = input.deadlineMs - cleanupReserveMs(input.timeoutMs);
    const rows = [];
    const run = async (step, deadlineMs, stepContext = context) => {
        const attempt = () => step.attempt(trip, deadlineMs);
        const result = await runStep({ label: step.title, deadlineMs, attempt, diagnose: step.diagnose }, stepContext);
        rows.push(stepRow(step.title, result));
        return result;
    };
    const report = (failure) => {
        const elapsedMs = clock.now() - startedAt;
        return { steps: rows, elapsedMs, studyInstanceUid: instance.studyInstanceUid, failure };
    };
    if (isCancelled(context)) {
        rows.push(...[STORE, ...CHECKS, DELETE, CONFIRM_DELETE].map((step) => skippedRow(step.title)));
        return report(cancelledWrite(context, trip, 'nothing was stored'));
    }
    input.keepStudy?.(instance.studyInstanceUid); // before the STOW: a kill from here on leaves the post step its UID
    const { stored, failure } = await storeAndCheck(trip, instance, { run, rows }, stepsDeadline);
    if (!stored && !trip.mayBeStored) {
        rows.push(skippedRow(WRITE_STEPS.delete), skippedRow(WRITE_STEPS.confirmDelete));
        return report(isCancelled(context) ? cancelledWrite(context, trip, 'nothing was stored') : failure);
    }
    const deleted = await cleanUp(trip, input, context, run);
    if (deleted === true)
        input.keepStudy?.('');
    else if (!rows.some((row) => row.title === WRITE_STEPS.confirmDelete))
        rows.push(skippedRow(WRITE_STEPS.confirmDelete));
    if (isCancelled(context))
        return report(cancelledWrite(context, trip, deleted));
    return report(deleted === true ? failure : cleanupFailed(instance.studyInstanceUid, trip.baseUrl, deleted, failure));
}
/** 1–4: store, then find it, read it back and see it in the feed; the first failure, or a cancel, skips the rest. */
async function storeAndCheck(trip, instance, { run, rows }, deadlineMs) {
    const { log } = trip.context;
    const stored = await run(STORE, deadlineMs);
    if (stored.ok) {
        log.info(`Stored the synthetic study ${instance.studyInstanceUid} (${instance.studyDescription}); it is deleted at the end.`);
    }
    if (trip.warningReason !== undefined) {
        log.warning(`The DICOM service stored the synthetic instance with a warning: WarningReason ` +
            `${describeWarningReason(trip.warningReason)}; the round trip goes on, and deletes it at the end.`);
    }
    let failure = stored.ok ? undefined : stored.failure;
    for (const check of CHECKS) {
        if (failure || isCancelled(trip.context)) {
            rows.push(skippedRow(check.title));
            continue;
        }
        const checked = await run(check, deadlineMs);
        if (!checked.ok)
            failure = checked.failure;
    }
    return { stored: stored.ok, failure };
}
/**
 * Cleanup: delete the study, then see it gone. Its own deadline, never earlier than the reserve from now; after a
 * cancel, the time left before the runner's kill, with requests that the cancel itself does not abort. True when
 * the study is gone, else why not.
 */
async function cleanUp(trip, input, context, run) {
    const { clock } = context;
    const cancelDeadline = context.cancel?.deadlineMs ?? Infinity;
    const deadline = Math.min(cancelDeadline, Math.max(input.deadlineMs, clock.now() + cleanupReserveMs(input.timeoutMs)));
    // The cleanup's requests, too, go out with the watch that ends at the kill rather than at the cancel.
    const cleanupContext = {
        ...context,
        cancel: untilCancelDeadline(context.cancel),
        interrupt: context.cancel?.signal
    };
    trip.context = cleanupContext;
    const deleted = await run(DELETE, deadline, cleanupContext);
    const confirmed = deleted.ok ? await run(CONFIRM_DELETE, deadline, cleanupContext) : deleted;
    return confirmed.ok ? true : confirmed.failure;
}
/** The one line of a round trip the runner cancelled: whether the study was deleted, or its UID to delete by hand. */
function cancelledWrite(context, trip, outcome) {
    const uid = trip.uids.studyInstanceUid;
    const said = typeof outcome === 'string'
        ? outcome
        : outcome === true
            ? `the synthetic study ${uid} was deleted`
            : `the synthetic study ${uid} may be left: delete it by hand with a DICOM Data Owner token: ` +
                `DELETE ${trip.baseUrl}/studies/${uid} (the post step tries again after the job's steps)`;
    return cancelled(context.cancel?.by ?? 'SIGINT', 'during the write round trip', said);
}
/** What the steps share, for an instance whose round trip starts at `startedAt`. */
function roundTrip(input, context, instance, startedAt) {
    const { baseUrl, apiVersion, waitForAccess } = input.dicom;
    const { sequenceBefore } = input;
    const readPage = (path, deadlineMs) => exchangeWithin(context, { url: new URL(`${baseUrl}${path}`) }, deadlineMs - context.clock.now());
    const trip = {
        context,
        baseUrl,
        waitForAccess,
        uids: instance,
        stow: stowRequestBody(instance.part10),
        sequenceBefore,
        pollFeed: (target, deadlineMs) => pollFeed(target, deadlineMs),
        mayBeStored: false
    };
    const stowClock = () => trip.stowClock;
    const pollFeed = feedPoller(readPage, {
        apiVersion,
        sequenceBefore,
        writeStartedAtMs: startedAt,
        waitForAccess,
        stowClock
    });
    return trip;
}

;// CONCATENATED MODULE: ./src/smoke-test/write/cleanup.ts




/** A study UID as the action makes them (2.25.<decimal>): anything else in the state is not the action's to delete. */
const OWN_STUDY_UID = /^2\.25\.\d{1,39}$/;
/** Deletes the study and sees it gone: undefined when done, else why not. */
async function deleteLeftStudy(study, context) {
    const { baseUrl, studyInstanceUid: uid, waitForAccess, deadlineMs } = study;
    const remaining = () => deadlineMs - context.clock.now();
    const deleteRequest = studyDeleteRequest(baseUrl, uid);
    const deleted = await step_runStep({
        label: WRITE_STEPS.delete,
        deadlineMs,
        attempt: async () => {
            const exchange = await step_exchangeWithin(context, deleteRequest, remaining());
            return { exchange, answer: readDeleteAnswer(exchange, waitForAccess) };
        },
        diagnose: (last, diagnosis, problem) => diagnoseWriteCheck(WRITE_STEPS.delete, last, diagnosis, problem)
    }, context);
    if (!deleted.ok)
        return deleted.failure;
    const search = studySearchRequest(baseUrl, uid);
    const confirmed = await step_runStep({
        label: WRITE_STEPS.confirmDelete,
        deadlineMs,
        attempt: async () => {
            const exchange = await step_exchangeWithin(context, search, remaining());
            const answer = readSearchAnswer(exchange, uid, waitForAccess);
            if (answer.verdict !== 'ok')
                return { exchange, answer };
            if (!answer.value)
                return { exchange, answer: { verdict: 'ok', value: undefined } };
            return {
                exchange,
                answer: { verdict: 'transient', reason: 'the study is still found', problem: { kind: 'still-found' } }
            };
        },
        diagnose: (last, diagnosis, problem) => diagnoseWriteCheck(WRITE_STEPS.confirmDelete, last, diagnosis, problem)
    }, context);
    return confirmed.ok ? undefined : confirmed.failure;
}

;// CONCATENATED MODULE: ./src/post-cleanup.ts
// The post step's cleanup: the main step was cancelled or killed after its STOW may have stored the synthetic study
// and before it saw the study deleted. Signs in the way the main step did (the same inputs through the same sign-in:
// az, or with client-id the federated exchange), deletes the study, sees it gone, and says so in one line; or fails
// with the UID to delete by hand. The runner cancels a post step too (SIGINT, SIGTERM, the kill): a cancel during the
// sign-in ends it, a DELETE under way gets the time left before the kill.









async function cleanUpLeftStudy(studyInstanceUid, env = process.env, given) {
    const runner = given ?? (await loadRunner());
    if (!OWN_STUDY_UID.test(studyInstanceUid)) {
        runner.warning('The post step found a saved study UID that is not one the action makes, so it deleted nothing.');
        return;
    }
    let baseUrl = '<dicom-base-url>';
    const cancel = listenForCancel();
    try {
        const config = inputsFromEnv(env);
        if (config.dicom === undefined)
            throw new Error('dicom-url is not set in the post step');
        baseUrl = config.dicom.baseUrl;
        const started = Date.now();
        const issued = await (await startSignIn(config, env)).finish(runner, cancel);
        const connection = openDicomConnection(baseUrl, config.timeoutMs, env);
        try {
            const context = {
                send: connection.send,
                issued,
                clock: systemClock,
                log: runner,
                cancel: cancellation_untilCancelDeadline(cancel)
            };
            const study = { baseUrl, studyInstanceUid, waitForAccess: config.dicom.waitForAccess };
            const failure = await deleteLeftStudy({ ...study, deadlineMs: started + config.timeoutMs }, context);
            if (failure)
                throw failure;
        }
        finally {
            await connection.close();
        }
        runner.info(`Deleted the synthetic study ${studyInstanceUid} that the main step left when it was cancelled or killed, ` +
            `and saw it gone (${Date.now() - started} ms).`);
    }
    catch (error) {
        const cause = error instanceof errors_ActionError ? error : new errors_ActionError('write-cleanup', describeUnexpected(error), '');
        runner.fail(describeFailure(diagnose_cleanupFailed(studyInstanceUid, baseUrl, cause), env));
    }
    finally {
        cancel.dispose();
    }
}


/***/ })

};
