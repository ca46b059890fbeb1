export const id = 969;
export const ids = [969];
export const modules = {

/***/ 6969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CHANGEFEED_ENDPOINTS: () => (/* binding */ CHANGEFEED_ENDPOINTS),
  REQUEST_TIMEOUT_MS: () => (/* binding */ REQUEST_TIMEOUT_MS),
  bypassesProxy: () => (/* binding */ bypassesProxy),
  classifyExchange: () => (/* binding */ classifyExchange),
  diagnoseExchange: () => (/* binding */ diagnoseExchange),
  entrySequence: () => (/* binding */ entrySequence),
  isTlsError: () => (/* binding */ isTlsError),
  openDicomConnection: () => (/* binding */ openDicomConnection),
  proxyFor: () => (/* binding */ proxyFor),
  readChangefeedBody: () => (/* binding */ readChangefeedBody),
  runSmokeTest: () => (/* binding */ runSmokeTest),
  transportErrorCode: () => (/* binding */ transportErrorCode)
});

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/inputs.ts
var inputs = __webpack_require__(8422);
;// CONCATENATED MODULE: ./src/retry.ts
// Deadline-bounded retries: exponential backoff with full jitter, Retry-After honoured when it fits.
// Timing is pure arithmetic over an injectable clock, sleep and random, so backoff tests take milliseconds.
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;
/** Besides these, every 5xx is retried. */
const RETRYABLE_STATUSES = new Set([408, 429]);
/** A retry that would leave less time than this for its request is not worth making: the last real answer is reported. */
const MIN_ATTEMPT_MS = 500;
/** Even `Retry-After: 0` waits this long, so a confused server cannot drive a tight loop. */
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
/** Full jitter: a uniform wait between 0 and the exponential cap for this retry (1-based). */
function backoffDelayMs(retry, random) {
    const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (retry - 1));
    return Math.floor(random() * cap);
}
/** Whether to try again after a transient failure, and how long to wait first. */
function decideRetry(input) {
    // The wait and the next request must both fit before the deadline; otherwise stop now and report the last failure.
    const remaining = input.deadlineMs - input.nowMs - MIN_ATTEMPT_MS;
    if (input.retryAfterMs !== undefined) {
        const delayMs = Math.max(input.retryAfterMs, MIN_RETRY_DELAY_MS);
        return delayMs < remaining
            ? { retry: true, delayMs }
            : { retry: false, reason: 'retry-after-past-deadline', retryAfterMs: input.retryAfterMs };
    }
    const delayMs = Math.max(backoffDelayMs(input.retry, input.random), MIN_RETRY_DELAY_MS);
    return delayMs < remaining ? { retry: true, delayMs } : { retry: false, reason: 'deadline' };
}
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: () => Math.random()
};
/** Runs `attempt` until it is done, fatal, or the deadline leaves no room for another try. */
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
            return { value: outcome.last, attempts: attemptNumber, gaveUp: { reason: decision.reason, retryAfterMs: decision.retryAfterMs } };
        }
        options.onRetry?.(attemptNumber, outcome.reason, decision.delayMs);
        await clock.sleep(decision.delayMs);
    }
}

// EXTERNAL MODULE: ./src/token.ts
var src_token = __webpack_require__(4606);
;// CONCATENATED MODULE: ./src/changefeed.ts
// The smoke test: read the change feed with the new token and say exactly why when it fails.
// The connection is opened while az is still running; both requests then go out together on it.






const CHANGEFEED_ENDPOINTS = [
    { name: 'changefeed', path: '/changefeed?offset=0&limit=1&includeMetadata=false' },
    { name: 'latest', path: '/changefeed/latest?includeMetadata=false' }
];
/** A single request may not hold the step longer than this, even with a long timeout-seconds. */
const REQUEST_TIMEOUT_MS = 15_000;
const MAX_BODY_BYTES = 1024 * 1024;
const BODY_PREVIEW_CHARS = 120;
// ---- decisions (pure) ----
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME_MISMATCH/;
const TIMEOUT_CODES = new Set([
    'TimeoutError',
    'AbortError',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CONNECT_TIMEOUT',
    'ETIMEDOUT'
]);
function isTlsError(code) {
    return code !== undefined && TLS_CODES.test(code);
}
/** Reduces whatever undici threw to a code; its message may quote request details, so it is not kept. */
function transportErrorCode(error) {
    if (typeof error !== 'object' || error === null)
        return 'UNKNOWN';
    const { code, name, cause } = error;
    if (typeof code === 'string' && code !== 'UND_ERR_ABORTED')
        return code;
    if (name === 'TimeoutError' || name === 'AbortError')
        return 'TimeoutError';
    if (cause !== undefined && cause !== error)
        return transportErrorCode(cause);
    return typeof name === 'string' ? name : 'UNKNOWN';
}
function findKey(record, name) {
    const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : record[key];
}
/** The service writes camelCase, the docs show PascalCase: read `sequence` either way. */
function entrySequence(entry) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
        return undefined;
    const sequence = findKey(entry, 'sequence');
    return typeof sequence === 'number' && Number.isInteger(sequence) && sequence >= 0 ? sequence : undefined;
}
/** The sequence a 200/204 shows (0 for an empty feed), or why its body is not a change feed. */
function readChangefeedBody(name, exchange) {
    const text = (exchange.body ?? '').trim();
    if (name === 'latest' && (exchange.status === 204 || text === '' || text === 'null'))
        return { sequence: 0 };
    if (!/\bjson\b/i.test(exchange.contentType ?? ''))
        return { problem: 'not-json' };
    let body;
    try {
        body = JSON.parse(text);
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
    if (sequences.some((s) => s === undefined))
        return { problem: 'every change feed entry should have a numeric sequence' };
    return { sequence: Math.max(0, ...sequences) };
}
/** Is this attempt finished, worth another try, or a failure no retry will fix? */
function classifyExchange(exchange) {
    if (exchange.errorCode !== undefined)
        return isTlsError(exchange.errorCode) ? 'fatal' : 'transient';
    const status = exchange.status ?? 0;
    if (status === 200 || status === 204)
        return 'ok';
    return isRetryableStatus(status) ? 'transient' : 'fatal';
}
function challengeParameter(challenge, name) {
    if (!challenge)
        return undefined;
    return new RegExp(`${name}="([^"]*)"`, 'i').exec(challenge)?.[1];
}
function preview(text, token) {
    const flat = (0,src_token/* redactToken */.bH)(text ?? '', token)
        .replace(/\s+/g, ' ')
        .trim();
    return flat.length > BODY_PREVIEW_CHARS ? `${flat.slice(0, BODY_PREVIEW_CHARS)}…` : flat;
}
function diagnoseUnauthorized(exchange, context) {
    const description = challengeParameter(exchange.wwwAuthenticate, 'error_description');
    const serviceTenant = /login\.microsoftonline\.com\/([^/"]+)/i.exec(challengeParameter(exchange.wwwAuthenticate, 'authorization_uri') ?? '')?.[1];
    const said = `The DICOM service rejected the token with 401 at ${exchange.url}${description ? `: "${preview(description, context.token)}"` : ''}.`;
    const { claims } = context;
    if (!(0,src_token/* audienceMatches */.K6)(claims.audience, inputs/* DEFAULT_RESOURCE */.BZ)) {
        return new errors/* ActionError */.lZ('smoke-unauthorized', `${said} The token's audience is '${claims.audience ?? ''}', but the DICOM service expects '${inputs/* DEFAULT_RESOURCE */.BZ}'.`, `Leave the 'resource' input at its default (${inputs/* DEFAULT_RESOURCE */.BZ}).`);
    }
    if (context.expiresAtMs !== undefined && context.expiresAtMs <= context.nowMs) {
        return new errors/* ActionError */.lZ('smoke-unauthorized', `${said} The token expired at ${(0,src_token/* formatExpiry */.B8)(context.expiresAtMs)}.`, 'Get the token right before the steps that use it.');
    }
    if (serviceTenant &&
        claims.tenantId &&
        !['common', 'organizations'].includes(serviceTenant) &&
        serviceTenant.toLowerCase() !== claims.tenantId.toLowerCase()) {
        return new errors/* ActionError */.lZ('smoke-unauthorized', `${said} The service belongs to tenant ${serviceTenant}, but the token was issued by tenant ${claims.tenantId}.`, `Log in to tenant ${serviceTenant} with azure/login (tenant-id), or set the 'tenant' input.`);
    }
    return new errors/* ActionError */.lZ('smoke-unauthorized', `${said} The token has audience '${claims.audience ?? 'unknown'}' and tenant '${claims.tenantId ?? 'unknown'}'.`, `Check that dicom-url is a DICOM service of the tenant azure/login signed in to, and that 'resource' is ${inputs/* DEFAULT_RESOURCE */.BZ}.`);
}
/** One actionable error for the first failed endpoint; `undefined` when it did not fail. */
function diagnoseExchange(name, exchange, context) {
    const { token, claims } = context;
    const tried = `after ${context.attempts} attempt(s) in ${(context.elapsedMs / 1000).toFixed(1)} s`;
    if (exchange.errorCode !== undefined) {
        const code = exchange.errorCode;
        if (isTlsError(code)) {
            return new errors/* ActionError */.lZ('smoke-tls', `The TLS certificate of ${new URL(exchange.url).host} was not accepted (${code}).`, 'Check the dicom-url host name; if a TLS-inspecting proxy is in the way, trust its CA with NODE_EXTRA_CA_CERTS on the runner.');
        }
        if (TIMEOUT_CODES.has(code)) {
            return new errors/* ActionError */.lZ('smoke-timeout', `The DICOM service did not answer GET ${exchange.url} in time (${code}, ${tried}).`, 'Check that the service is running and reachable from the runner, or raise timeout-seconds.');
        }
        return new errors/* ActionError */.lZ('smoke-network', `Could not reach the DICOM service at ${new URL(exchange.url).host} (${code}, ${tried}).`, 'Check dicom-url and that the runner can reach it (DNS of a new service can take minutes; private endpoints need a runner inside the network).');
    }
    const status = exchange.status ?? 0;
    if (status === 200 || status === 204) {
        const read = readChangefeedBody(name, exchange);
        if ('sequence' in read)
            return undefined;
        if (read.problem === 'not-json') {
            return new errors/* ActionError */.lZ('smoke-response', `GET ${exchange.url} answered ${status} with Content-Type '${exchange.contentType ?? 'none'}', not JSON; it starts with: "${preview(exchange.body, token)}".`, 'A proxy, firewall or login page may be answering instead of the DICOM service: check dicom-url.');
        }
        return new errors/* ActionError */.lZ('smoke-response', `GET ${exchange.url} answered ${status}, but the body is not a change feed: ${read.problem}; it starts with: "${preview(exchange.body, token)}".`, 'Check that dicom-url points at an Azure Health Data Services DICOM service and api-version is right.');
    }
    if (status === 401)
        return diagnoseUnauthorized(exchange, context);
    if (status === 403) {
        return new errors/* ActionError */.lZ('smoke-forbidden', `The DICOM service refused ${(0,src_token/* describePrincipal */.wC)(claims) ?? 'the signed-in identity'} with 403 at ${exchange.url}${exchange.body ? ` ("${preview(exchange.body, token)}")` : ''}.`, 'Assign that principal the DICOM Data Reader (or DICOM Data Owner) role on the DICOM service; new role assignments can take several minutes to apply, so re-run after a few minutes.');
    }
    if (status === 404) {
        return new errors/* ActionError */.lZ('smoke-not-found', `The DICOM service answered 404 for ${exchange.url}.`, 'Check dicom-url (https://<workspace>-<service>.dicom.azurehealthcareapis.com, normally with no path) and api-version (v1.0-prerelease, v1 or v2).');
    }
    if (status >= 300 && status < 400) {
        const target = exchange.location && URL.canParse(exchange.location, exchange.url)
            ? new URL(exchange.location, exchange.url).origin
            : 'an unknown location';
        return new errors/* ActionError */.lZ('smoke-redirect', `GET ${exchange.url} answered ${status}, a redirect to ${target}; it was not followed, so the token was not sent there.`, 'Set dicom-url to the service URL itself (the final https://<workspace>-<service>.dicom.azurehealthcareapis.com).');
    }
    if (isRetryableStatus(status)) {
        const retryAfter = context.gaveUp?.reason === 'retry-after-past-deadline' && context.gaveUp.retryAfterMs !== undefined
            ? ` It asked to retry after ${Math.ceil(context.gaveUp.retryAfterMs / 1000)} s, past the deadline.`
            : '';
        return new errors/* ActionError */.lZ('smoke-unavailable', `The DICOM service still answered ${status} to GET ${exchange.url} ${tried}.${retryAfter}`, 'The service is throttled or not ready (a new deployment can take minutes): raise timeout-seconds, or run the smoke test later.');
    }
    return new errors/* ActionError */.lZ('smoke-response', `GET ${exchange.url} answered ${status}${exchange.body ? `: "${preview(exchange.body, token)}"` : ''}.`, 'Check dicom-url and api-version.');
}
/** One NO_PROXY entry: `name`, `name:port`, `[v6]:port` or a bare IPv6 address (whose colons are not a port). */
function noProxyEntry(entry) {
    const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ?? /^([^:]+):(\d+)$/.exec(entry);
    if (!match)
        return { name: entry };
    return { name: match[1] ?? '', port: match[2] === undefined ? undefined : Number(match[2]) };
}
/** The host to connect to (IPv6 without brackets) and the port, the scheme's default when the URL has none. */
function endpointOf(url) {
    return { hostname: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) };
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
/**
 * Opens TCP+TLS to the DICOM host now, so the handshake is done by the time the token arrives.
 * Behind a proxy (HTTPS_PROXY and friends, as runners set them) the requests go through it, unless NO_PROXY lists the host.
 */
async function openDicomConnection(dicomBaseUrl, timeoutMs, env = process.env) {
    const url = new URL(dicomBaseUrl);
    const secure = url.protocol === 'https:';
    const { hostname, port } = endpointOf(url);
    if (!secure && !(0,inputs/* isLoopbackHost */.cW)(hostname))
        throw new Error('plain http is only allowed to loopback hosts'); // inputs.ts refuses it first
    const connectTimeoutMs = Math.min(timeoutMs, REQUEST_TIMEOUT_MS);
    const proxy = proxyFor(url, env);
    if (proxy) {
        if (!URL.canParse(proxy.uri)) {
            throw new errors/* ActionError */.lZ('smoke-network', `The proxy in ${proxy.variable} is not a URL the smoke test can use (its value is not shown: it may hold credentials).`, `Set ${proxy.variable} to http://<host>:<port>, or list the DICOM host in NO_PROXY.`);
        }
        // Through the proxy's CONNECT tunnel: no head start, but the same requests, still TLS end to end.
        const undici = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19));
        const agent = new undici.ProxyAgent({
            uri: proxy.uri,
            requestTls: { rejectUnauthorized: true },
            connect: { timeout: connectTimeoutMs },
            maxResponseSize: MAX_BODY_BYTES,
            connections: 1,
            pipelining: 2
        });
        return { dispatcher: agent, close: () => agent.destroy().catch(() => undefined) };
    }
    const early = preconnect(hostname, port, secure, connectTimeoutMs);
    const undici = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19)); // loads while az runs
    const fallback = undici.buildConnector({ timeout: connectTimeoutMs, rejectUnauthorized: true });
    let handedOver = false;
    const client = new undici.Client(url.origin, {
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
        dispatcher: client,
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
            const ready_ = await ready;
            if (!ready_ || socket.destroyed || !socket.writable)
                return undefined;
            socket.off('error', ignore);
            socket.setTimeout(0);
            return socket;
        },
        discard: () => socket.destroy()
    };
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
/** Settles (rejects) when the signal aborts, whatever the request is still waiting for (undici does not abort a pending connect). */
function aborted(signal) {
    return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
}
async function exchangeOnce(dispatcher, url, token, timeoutMs, clock) {
    const started = clock.now();
    const signal = AbortSignal.timeout(timeoutMs);
    const exchange = (async () => {
        const response = await dispatcher.request({
            origin: url.origin,
            method: 'GET',
            path: `${url.pathname}${url.search}`,
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
            signal,
            headersTimeout: timeoutMs,
            bodyTimeout: timeoutMs
        });
        const body = await readBody(response.body);
        return {
            url: url.href,
            status: response.statusCode,
            contentType: header(response.headers, 'content-type'),
            wwwAuthenticate: header(response.headers, 'www-authenticate'),
            location: header(response.headers, 'location'),
            retryAfter: header(response.headers, 'retry-after'),
            body,
            latencyMs: clock.now() - started
        };
    })();
    exchange.catch(() => undefined); // may still fail after the timeout won the race below
    try {
        return await Promise.race([exchange, aborted(signal)]);
    }
    catch (error) {
        return { url: url.href, errorCode: transportErrorCode(error), latencyMs: clock.now() - started };
    }
}
function exchangeSummary(exchange) {
    return exchange.errorCode ?? `HTTP ${exchange.status ?? '?'}`;
}
async function runSmokeTest(input) {
    const clock = input.clock ?? systemClock;
    const startedAt = clock.now();
    const deadlineMs = startedAt + input.config.timeoutMs;
    const base = input.config.dicomBaseUrl ?? '';
    let dispatcher;
    try {
        dispatcher = (await input.connection).dispatcher;
    }
    catch (error) {
        const failure = error instanceof errors/* ActionError */.lZ
            ? error
            : new errors/* ActionError */.lZ('smoke-network', `Could not prepare a connection to ${new URL(base).host} (${transportErrorCode(error)}).`, "Check dicom-url and the runner's network and proxy settings.");
        return { passed: false, failure, endpoints: [], elapsedMs: clock.now() - startedAt };
    }
    const endpoints = await Promise.all(CHANGEFEED_ENDPOINTS.map(async ({ name, path }) => {
        const url = new URL(`${base}${path}`);
        const report = await withRetry(async (_attempt, remainingMs) => {
            const exchange = await exchangeOnce(dispatcher, url, input.token, Math.max(1, Math.min(remainingMs, REQUEST_TIMEOUT_MS)), clock);
            const verdict = classifyExchange(exchange);
            if (verdict === 'ok')
                return { kind: 'done', value: exchange };
            if (verdict === 'fatal')
                return { kind: 'fatal', value: exchange };
            return {
                kind: 'transient',
                reason: exchangeSummary(exchange),
                retryAfterMs: parseRetryAfter(exchange.retryAfter, clock.now()),
                last: exchange
            };
        }, {
            deadlineMs,
            clock,
            onRetry: (attempt, reason, delayMs) => input.log.info(`GET ${url.href}: attempt ${attempt} failed (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s.`)
        });
        // A good answer is read once here; only a failure goes on to its diagnosis.
        const read = classifyExchange(report.value) === 'ok' ? readChangefeedBody(name, report.value) : undefined;
        const failure = read && 'sequence' in read
            ? undefined
            : diagnoseExchange(name, report.value, {
                token: input.token,
                claims: input.claims,
                expiresAtMs: input.expiresAtMs,
                nowMs: clock.now(),
                attempts: report.attempts,
                elapsedMs: clock.now() - startedAt,
                gaveUp: report.gaveUp
            });
        return {
            name,
            url: url.href,
            exchange: report.value,
            attempts: report.attempts,
            failure,
            sequence: read && 'sequence' in read ? read.sequence : undefined
        };
    }));
    const failure = endpoints.find((e) => e.failure)?.failure;
    return {
        passed: failure === undefined,
        failure,
        latestSequence: failure ? undefined : endpoints.find((e) => e.name === 'latest')?.sequence,
        endpoints,
        elapsedMs: clock.now() - startedAt
    };
}


/***/ })

};
