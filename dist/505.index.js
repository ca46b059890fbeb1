export const id = 505;
export const ids = [505];
export const modules = {

/***/ 2526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VH: () => (/* binding */ preview),
/* harmony export */   Yz: () => (/* binding */ accessNeverApplied),
/* harmony export */   iG: () => (/* binding */ diagnoseExchange),
/* harmony export */   sk: () => (/* binding */ triedFor)
/* harmony export */ });
/* harmony import */ var _dicom_service_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9293);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _print_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3996);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9809);
/* harmony import */ var _token_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4606);
/* harmony import */ var _exchange_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8663);
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
    return (0,_print_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(text, token, maxChars);
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
    if (!(0,_token_js__WEBPACK_IMPORTED_MODULE_4__/* .audienceMatches */ .K6)(claims.audience, _dicom_service_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_RESOURCE */ .BZ)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-unauthorized', `${said} The token's audience is '${claims.audience ?? ''}', but the DICOM service expects ` +
            `'${_dicom_service_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_RESOURCE */ .BZ}'.`, `Leave the 'resource' input at its default (${_dicom_service_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_RESOURCE */ .BZ}).`);
    }
    if (expiresAtMs !== undefined && expiresAtMs <= context.nowMs) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-unauthorized', `${said} The token expired at ${(0,_token_js__WEBPACK_IMPORTED_MODULE_4__/* .formatExpiry */ .B8)(expiresAtMs)}.`, 'Get the token right before the steps that use it.');
    }
    if (serviceTenant &&
        claims.tenantId &&
        !['common', 'organizations'].includes(serviceTenant) &&
        serviceTenant.toLowerCase() !== claims.tenantId.toLowerCase()) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-unauthorized', `${said} The service belongs to tenant ${shownTenant}, but the token was issued by tenant ${claims.tenantId}.`, `Log in to tenant ${shownTenant} with azure/login (tenant-id), or set the 'tenant' input.`);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-unauthorized', `${said} The token has audience '${claims.audience ?? 'unknown'}' and tenant '${claims.tenantId ?? 'unknown'}'.`, `Check that dicom-url is a DICOM service of the tenant azure/login signed in to, and that 'resource' is ` +
        `${_dicom_service_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_RESOURCE */ .BZ}.`);
}
/** wait-for-access ran out of time: still 403 at the deadline. `role` is the role the request needs. */
function accessNeverApplied(exchange, context, role) {
    const who = (0,_token_js__WEBPACK_IMPORTED_MODULE_4__/* .describePrincipal */ .wC)(context.issued.claims) ?? 'the signed-in identity';
    const waited = `${(context.elapsedMs / 1000).toFixed(1)} s`;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-access-timeout', `The DICOM service still answered 403 to ${exchange.method} ${exchange.url} after waiting ${waited} ` +
        `(${context.attempts} attempt(s)) for ${who} to get a DICOM Data role.`, `Check that the principal has the ${role} role on the DICOM service; a new assignment can take about 10 ` +
        `minutes to apply (longer through a group), so raise timeout-seconds if it was just made.`);
}
function diagnoseProxyRefusal(variable, status, exchange, tried) {
    const host = new URL(exchange.url).host;
    if (status === '407') {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-proxy', `The proxy in ${variable} answered 407 to the tunnel to ${host}: it wants authentication.`, `Give the proxy's user and password in ${variable} (http://user:password@host:port, from a secret), or ` +
            `list the DICOM host in NO_PROXY.`);
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-proxy', `The proxy in ${variable} answered ${status} to the tunnel to ${host} (${tried}).`, `Check that the proxy may reach the DICOM host, or list it in NO_PROXY.`);
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
    if ((0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__/* .isTlsError */ .sl)(code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-tls', `The TLS certificate of ${new URL(exchange.url).host} was not accepted (${code}).`, 'Check the dicom-url host name; if a TLS-inspecting proxy is in the way, trust its CA with ' +
            'NODE_EXTRA_CA_CERTS on the runner.');
    }
    if ((0,_exchange_js__WEBPACK_IMPORTED_MODULE_5__/* .isProtocolError */ .ZW)(code)) {
        const meaning = code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE'
            ? 'it is larger than the 1 MiB the action reads'
            : 'it is not valid HTTP/1.1';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-response', `The answer to ${requestOf(exchange)} could not be read (${code}): ${meaning}.`, 'Something other than the DICOM service may be answering (a proxy, a firewall, another server): check ' +
            'dicom-url.');
    }
    const proxy = context.proxyVariable;
    if (proxy !== undefined && code.startsWith('PROXY_'))
        return diagnoseProxyRefusal(proxy, code.slice(6), exchange, tried);
    if (proxy !== undefined && !TIMEOUT_CODES.has(code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-proxy', `Could not reach the DICOM service through the proxy in ${proxy} (${code}, ${tried}).`, `Check that the proxy in ${proxy} runs and the runner can reach it (its value is not shown: it may hold ` +
            `credentials), or list the DICOM host in NO_PROXY.`);
    }
    if (TIMEOUT_CODES.has(code)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-timeout', `The DICOM service did not answer ${requestOf(exchange)} in time (${code}, ${tried}).`, 'Check that the service is running and reachable from the runner, or raise timeout-seconds.');
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-network', `Could not reach the DICOM service at ${new URL(exchange.url).host} (${code}, ${tried}).`, 'Check dicom-url and that the runner can reach it (DNS of a new service can take minutes; private ' +
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
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-not-found', `The DICOM service answered 404 for ${exchange.url}.`, 'Check dicom-url (https://<workspace>-<service>.dicom.azurehealthcareapis.com, normally with no path) and ' +
            'api-version (v1.0-prerelease, v1 or v2).');
    }
    if (status >= 300 && status < 400)
        return diagnoseRedirect(exchange, status);
    if ((0,_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .isRetryableStatus */ .PS)(status))
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
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-response', `${request} answered ${status} with Content-Type '${shownContentType(exchange, token)}', not JSON; it ` +
            `starts with: "${preview(exchange.body, token)}".`, 'A proxy, firewall or login page may be answering instead of the DICOM service: check dicom-url.');
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-response', `${request} answered ${status}, but the body is not a change feed: ${bodyProblem ?? 'unreadable'}; it ` +
        `starts with: "${preview(exchange.body, token)}".`, 'Check that dicom-url points at an Azure Health Data Services DICOM service and api-version is right.');
}
function diagnoseForbidden(exchange, issued) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-forbidden', `The DICOM service refused ${(0,_token_js__WEBPACK_IMPORTED_MODULE_4__/* .describePrincipal */ .wC)(issued.claims) ?? 'the signed-in identity'} with 403 at ` +
        `${exchange.url}${exchange.body ? ` ("${preview(exchange.body, issued.value)}")` : ''}.`, 'Assign that principal the DICOM Data Reader (or DICOM Data Owner) role on the DICOM service; new role ' +
        'assignments can take several minutes to apply, so re-run after a few minutes.');
}
function diagnoseRedirect(exchange, status) {
    const target = exchange.location && URL.canParse(exchange.location, exchange.url)
        ? new URL(exchange.location, exchange.url).origin
        : 'an unknown location';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-redirect', `${requestOf(exchange)} answered ${status}, a redirect to ${target}; it was not followed, so the token was not ` +
        `sent there.`, 'Set dicom-url to the service URL itself (the final https://<workspace>-<service>.dicom.azurehealthcareapis.com).');
}
/** Still throttled or not ready when the retries ended. */
function diagnoseUnavailable(exchange, status, context) {
    const { gaveUp } = context;
    const retryAfter = gaveUp?.reason === 'retry-after-past-deadline' && gaveUp.retryAfterMs !== undefined
        ? ` It asked to retry after ${Math.ceil(gaveUp.retryAfterMs / 1000)} s, past the deadline.`
        : '';
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-unavailable', `The DICOM service still answered ${status} to ${requestOf(exchange)} ${triedFor(context)}.${retryAfter}`, 'The service is throttled or not ready (a new deployment can take minutes): raise timeout-seconds, or run ' +
        'the smoke test later.');
}
/** A status no retry fixes, with the service's own words. */
function diagnoseRefusal(exchange, status, token) {
    const request = requestOf(exchange);
    const said = exchange.body ? `: "${preview(exchange.body, token)}"` : '';
    if (status === 424) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-dependency', `The DICOM service answered 424 Failed Dependency to ${request}${said}: it cannot reach its storage ` +
            `account or its customer-managed key.`, "Check the service's linked storage account (or Data Lake) and its key vault key and access; this is not " +
            'retried, as it does not fix itself within a step.');
    }
    // The service answers an API version it does not serve with 400 UnsupportedApiVersion, in plain text.
    if (status === 400 && /UnsupportedApiVersion|api[- ]version/i.test(exchange.body ?? '')) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-response', `${request} answered 400${said}: the DICOM service does not support this API version.`, 'Set api-version to a version the service supports (v2, v1 or v1.0-prerelease).');
    }
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ('smoke-response', `${request} answered ${status}${said}.`, 'Check dicom-url and api-version.');
}


/***/ }),

/***/ 8663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cj: () => (/* binding */ classifyExchange),
/* harmony export */   DR: () => (/* binding */ retryReason),
/* harmony export */   Hl: () => (/* binding */ requestTimeoutMs),
/* harmony export */   YK: () => (/* binding */ MAX_BODY_BYTES),
/* harmony export */   ZW: () => (/* binding */ isProtocolError),
/* harmony export */   _F: () => (/* binding */ fieldOf),
/* harmony export */   jh: () => (/* binding */ transportErrorCode),
/* harmony export */   sl: () => (/* reexport safe */ _tls_js__WEBPACK_IMPORTED_MODULE_1__.s),
/* harmony export */   z$: () => (/* binding */ exchangeOnce)
/* harmony export */ });
/* unused harmony exports REQUEST_TIMEOUT_MS, CANCELLED_CODE, PROXY_AUTHENTICATION_REQUIRED */
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9809);
/* harmony import */ var _tls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98);


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
function classifyExchange(exchange, waitForAccess = false) {
    const code = exchange.errorCode;
    if (code !== undefined) {
        return (0,_tls_js__WEBPACK_IMPORTED_MODULE_1__/* .isTlsError */ .s)(code) || isProtocolError(code) || code === PROXY_AUTHENTICATION_REQUIRED ? 'fatal' : 'transient';
    }
    const status = exchange.status ?? 0;
    if (status === 200 || status === 204)
        return 'ok';
    if (status === 403 && waitForAccess)
        return 'transient';
    return (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .isRetryableStatus */ .PS)(status) ? 'transient' : 'fatal';
}
/** Why an attempt is tried again, as the log line says it. */
function retryReason(exchange) {
    if (exchange.errorCode !== undefined)
        return exchange.errorCode;
    const status = `HTTP ${exchange.status ?? '?'}`;
    return exchange.status === 403 ? `${status}, waiting for the role assignment to apply` : status;
}
/**
 * A field of a JSON object the service sent, whatever its case: change feed entries come in camelCase from the service
 * and in PascalCase in the docs, and DICOM JSON tags in either case of hex.
 */
function fieldOf(record, name) {
    const wanted = name.toLowerCase();
    const key = Object.keys(record).find((k) => k.toLowerCase() === wanted);
    return key === undefined ? undefined : record[key];
}


/***/ }),

/***/ 8505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openDicomConnection: () => (/* reexport */ openDicomConnection),
  runSmokeTest: () => (/* binding */ runSmokeTest)
});

// EXTERNAL MODULE: ./src/cancellation.ts
var cancellation = __webpack_require__(4632);
// EXTERNAL MODULE: ./src/dicom-service.ts
var dicom_service = __webpack_require__(9293);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/smoke-test/exchange.ts
var exchange = __webpack_require__(8663);
// EXTERNAL MODULE: ./src/smoke-test/diagnose.ts
var diagnose = __webpack_require__(2526);
// EXTERNAL MODULE: ./src/smoke-test/step.ts
var smoke_test_step = __webpack_require__(3212);
// EXTERNAL MODULE: ./src/smoke-test/read/changefeed.ts
var changefeed = __webpack_require__(2777);
;// CONCATENATED MODULE: ./src/smoke-test/read/check.ts



async function runReadCheck(dicom, timing, context) {
    const readEndpoint = async (name, path) => {
        const url = new URL(`${dicom.baseUrl}${path}`);
        const step = await (0,smoke_test_step/* runStep */.eg)({
            label: `GET ${url.href}`,
            ...timing,
            attempt: async (remainingMs) => {
                const exchange = await (0,smoke_test_step/* exchangeWithin */.dd)(context, { url }, remainingMs);
                return { exchange, answer: (0,changefeed/* readChangefeedAnswer */.RV)(name, exchange, dicom.waitForAccess) };
            },
            diagnose: diagnose/* diagnoseExchange */.iG
        }, context);
        const { exchange, attempts, elapsedMs } = step;
        const seen = { name, url: url.href, exchange, attempts, elapsedMs };
        return step.ok
            ? { ...seen, failure: undefined, sequence: step.value }
            : { ...seen, failure: step.failure, sequence: undefined };
    };
    const endpoints = await Promise.all(changefeed/* CHANGEFEED_ENDPOINTS */.SA.map(({ name, path }) => readEndpoint(name, path)));
    const failure = endpoints.find((e) => e.failure)?.failure;
    const latestSequence = failure ? undefined : (endpoints.find((e) => e.name === 'latest')?.sequence ?? 0);
    return { endpoints, failure, latestSequence };
}

// EXTERNAL MODULE: ./src/smoke-test/write/budget.ts
var budget = __webpack_require__(3067);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
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
    if (!secure && !(0,dicom_service/* isLoopbackHost */.cW)(hostname))
        throw new Error('plain http is only allowed to loopback hosts');
    const connectTimeoutMs = (0,exchange/* requestTimeoutMs */.Hl)(timeoutMs);
    const proxy = proxyFor(url, env);
    return proxy ? throughProxy(proxy, connectTimeoutMs) : direct(url, hostname, port, connectTimeoutMs);
}
/** Through the proxy's CONNECT tunnel: no head start, but the same requests, still TLS end to end. */
function throughProxy(proxy, connectTimeoutMs) {
    if (!URL.canParse(proxy.uri)) {
        throw new errors/* ActionError */.lZ('smoke-network', `The proxy in ${proxy.variable} is not a URL the smoke test can use (its value is not shown: it may hold ` +
            `credentials).`, `Set ${proxy.variable} to http://<host>:<port>, or list the DICOM host in NO_PROXY.`);
    }
    const agent = new undici/* ProxyAgent */.kT({
        uri: proxy.uri,
        requestTls: { rejectUnauthorized: true },
        connect: { timeout: connectTimeoutMs },
        maxResponseSize: exchange/* MAX_BODY_BYTES */.YK,
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
        maxResponseSize: exchange/* MAX_BODY_BYTES */.YK,
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

;// CONCATENATED MODULE: ./src/smoke-test/index.ts









async function runSmokeTest(input) {
    const clock = input.clock ?? retry/* systemClock */.ml;
    const startedAt = clock.now();
    const deadlineMs = startedAt + input.timeoutMs;
    const failed = (failure) => {
        return { passed: false, failure, endpoints: [], elapsedMs: clock.now() - startedAt };
    };
    const otherAudience = refuseOtherAudience(input.issued, input.dicom.host);
    if (otherAudience)
        return failed(otherAudience);
    const connection = await input.connection.catch((error) => connectionFailure(error, input.dicom.host));
    if (connection instanceof errors/* ActionError */.lZ)
        return failed(connection);
    const { send, proxyVariable } = connection;
    const context = {
        send,
        proxyVariable,
        issued: input.issued,
        clock,
        log: input.log,
        cancel: input.cancel
    };
    const read = await runReadCheck(input.dicom, { deadlineMs, startedAtMs: startedAt }, context);
    const readMs = clock.now() - startedAt;
    const { failure, write } = await afterRead(input, read, { deadlineMs, context });
    return {
        passed: failure === undefined,
        failure,
        latestSequence: read.latestSequence,
        endpoints: read.endpoints,
        write,
        readMs,
        elapsedMs: clock.now() - startedAt
    };
}
/**
 * After the read check: the cancel, if it came; else with smoke-test: write the round trip, unless the read check left
 * too little time for it and its cleanup.
 */
async function afterRead(input, read, { deadlineMs, context }) {
    if ((0,smoke_test_step/* isCancelled */.mm)(context)) {
        const by = input.cancel?.by ?? 'SIGINT';
        return { failure: (0,cancellation/* cancelled */.KW)(by, 'during the read check of the smoke test', 'nothing was written') };
    }
    if (read.failure || read.latestSequence === undefined || input.dicom.smokeTest !== 'write')
        return read;
    const leftMs = deadlineMs - context.clock.now();
    if (leftMs < (0,budget/* writeTimeNeededMs */.cT)(input.timeoutMs))
        return { failure: (0,budget/* noTimeForWrite */.PZ)(leftMs, input.timeoutMs) };
    const write = await writeCheck(input, { sequenceBefore: read.latestSequence, deadlineMs }, context);
    return { failure: write.failure, write };
}
/** A token for another Azure service is a credential for that service: it is never sent to dicom-url. */
function refuseOtherAudience(issued, host) {
    const { audience } = issued.claims;
    if (!(0,dicom_service/* isOtherAzureAudience */.mn)(audience))
        return undefined;
    return new errors/* ActionError */.lZ('wrong-audience', `The token az issued is for another Azure service (audience '${audience ?? ''}'), so it was not sent to ${host}.`, `Leave the 'resource' input at its default (${dicom_service/* DEFAULT_RESOURCE */.BZ}) for the smoke test.`);
}
function connectionFailure(error, host) {
    if (error instanceof errors/* ActionError */.lZ)
        return error;
    return new errors/* ActionError */.lZ('smoke-network', `Could not prepare a connection to ${host} (${(0,exchange/* transportErrorCode */.jh)(error)}).`, "Check dicom-url and the runner's network and proxy settings.");
}
/** The round trip, loaded only now: it brings dcmjs. */
async function writeCheck(input, after, context) {
    const { runWriteCheck } = await __webpack_require__.e(/* import() */ 561).then(__webpack_require__.bind(__webpack_require__, 6561));
    const { dicom, timeoutMs, runLabel, keepStudy } = input;
    return runWriteCheck({ dicom, ...after, timeoutMs, runLabel, keepStudy }, context);
}


/***/ }),

/***/ 2777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RV: () => (/* binding */ readChangefeedAnswer),
/* harmony export */   SA: () => (/* binding */ CHANGEFEED_ENDPOINTS),
/* harmony export */   w6: () => (/* binding */ isEmptyFeed)
/* harmony export */ });
/* unused harmony exports entrySequence, readChangefeedBody */
/* harmony import */ var _exchange_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8663);

const CHANGEFEED_ENDPOINTS = [
    { name: 'changefeed', path: '/changefeed?offset=0&limit=1&includeMetadata=false' },
    { name: 'latest', path: '/changefeed/latest?includeMetadata=false' }
];
/** A feed with nothing in it yet answers 204, an empty body or `null`, by endpoint and version. */
function isEmptyFeed(exchange) {
    const text = (exchange.body ?? '').trim();
    return exchange.status === 204 || text === '' || text === 'null';
}
/** An entry's `sequence`, in whichever case the service wrote it. */
function entrySequence(entry) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
        return undefined;
    const sequence = (0,_exchange_js__WEBPACK_IMPORTED_MODULE_0__/* .fieldOf */ ._F)(entry, 'sequence');
    return typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0 ? sequence : undefined;
}
/** The sequence a 200/204 shows (0 for an empty feed), or why its body is not a change feed. */
function readChangefeedBody(name, exchange) {
    if (name === 'latest' && isEmptyFeed(exchange))
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
    const verdict = (0,_exchange_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyExchange */ .Cj)(exchange, waitForAccess);
    if (verdict !== 'ok')
        return { verdict };
    const read = readChangefeedBody(name, exchange);
    return 'sequence' in read ? { verdict: 'ok', value: read.sequence } : { verdict: 'fatal', problem: read.problem };
}


/***/ }),

/***/ 3212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dx: () => (/* binding */ stepRow),
/* harmony export */   P5: () => (/* binding */ skippedRow),
/* harmony export */   dd: () => (/* binding */ exchangeWithin),
/* harmony export */   eg: () => (/* binding */ runStep),
/* harmony export */   mm: () => (/* binding */ isCancelled)
/* harmony export */ });
/* unused harmony export retryLine */
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9809);
/* harmony import */ var _exchange_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8663);


/** One request with the token, given `remainingMs` at most (and never more than one request may take). */
function exchangeWithin(context, request, remainingMs) {
    const { send, issued, clock } = context;
    const signals = [context.cancel?.signal, context.interrupt?.aborted ? undefined : context.interrupt];
    const present = signals.filter((signal) => signal !== undefined);
    const abort = present.length > 1 ? AbortSignal.any(present) : present[0];
    return (0,_exchange_js__WEBPACK_IMPORTED_MODULE_1__/* .exchangeOnce */ .z$)(send, request, issued.value, (0,_exchange_js__WEBPACK_IMPORTED_MODULE_1__/* .requestTimeoutMs */ .Hl)(remainingMs), clock, abort);
}
/** Whether the runner has cancelled the step. */
function isCancelled(context) {
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
async function runStep(step, context) {
    const { log } = context;
    const clock = cancellableClock(context);
    const startedAt = step.startedAtMs ?? clock.now();
    const report = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .withRetry */ .bD)(async (_attempt, remainingMs) => {
        const last = await step.attempt(remainingMs);
        const { answer, exchange } = last;
        if (answer.verdict === 'ok')
            return { kind: 'done', value: last };
        // A cancelled step is not retried: what it saw last is its end.
        if (answer.verdict === 'fatal' || isCancelled(context))
            return { kind: 'fatal', value: last };
        const retryAfterMs = (0,_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRetryAfter */ .mu)(exchange.retryAfter, clock.now());
        return { kind: 'transient', reason: answer.reason ?? (0,_exchange_js__WEBPACK_IMPORTED_MODULE_1__/* .retryReason */ .DR)(exchange), retryAfterMs, last };
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
function stepRow(title, result) {
    const { exchange, attempts, elapsedMs } = result;
    const answer = exchange.errorCode ?? String(exchange.status ?? '');
    return { title, outcome: result.ok ? 'passed' : 'failed', elapsedMs, attempts, answer };
}
function skippedRow(title) {
    return { title, outcome: 'skipped', elapsedMs: 0, attempts: 0 };
}


/***/ }),

/***/ 3067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L1: () => (/* binding */ cleanupReserveMs),
/* harmony export */   PZ: () => (/* binding */ noTimeForWrite),
/* harmony export */   cT: () => (/* binding */ writeTimeNeededMs)
/* harmony export */ });
/* unused harmony exports CLEANUP_RESERVE_SHARE, MAX_CLEANUP_RESERVE_MS, MIN_WRITE_STEPS_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
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
function cleanupReserveMs(timeoutMs) {
    return Math.min(MAX_CLEANUP_RESERVE_MS, Math.round(timeoutMs * CLEANUP_RESERVE_SHARE));
}
/** The least the steps before cleanup need (a STOW, a search, a metadata read, a feed read take well under 1 s each). */
const MIN_WRITE_STEPS_MS = 2000;
/** How much time the round trip needs when it starts: its steps' least, and cleanup's reserve. */
function writeTimeNeededMs(timeoutMs) {
    return MIN_WRITE_STEPS_MS + cleanupReserveMs(timeoutMs);
}
/** The read check left too little of the deadline for a write and its cleanup: nothing is stored rather than risked. */
function noTimeForWrite(leftMs, timeoutMs) {
    const neededMs = writeTimeNeededMs(timeoutMs);
    const seconds = (ms) => (Math.max(0, ms) / 1000).toFixed(1);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ('write-no-time', `The read check left ${seconds(leftMs)} s of timeout-seconds (${timeoutMs / 1000} s), too little for the ` +
        `write round trip and its cleanup; nothing was stored.`, `Raise timeout-seconds by at least ${Math.ceil((neededMs - leftMs) / 1000)} s (the round trip needs ` +
        `${seconds(neededMs)} s when it starts, a quarter of timeout-seconds of it, up to 15 s, for cleanup).`);
}


/***/ })

};
