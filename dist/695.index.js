export const id = 695;
export const ids = [695];
export const modules = {

/***/ 8695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openDicomConnection: () => (/* binding */ openDicomConnection)
});

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
var external_node_net_default = /*#__PURE__*/__webpack_require__.n(external_node_net_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: ./src/dicom-service.ts
var dicom_service = __webpack_require__(9293);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/smoke-test/exchange.ts
var exchange = __webpack_require__(8663);
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
// handshakes are done by the time the token arrives; behind a proxy, the requests go through its CONNECT tunnel
// instead.






async function sender(dispatcher) {
    const { default: request } = await Promise.all(/* import() */[__webpack_require__.e(440), __webpack_require__.e(43)]).then(__webpack_require__.t.bind(__webpack_require__, 4043, 23));
    return (options) => request.call(dispatcher, options);
}
/**
 * Opens TCP+TLS to the DICOM host now. Behind a proxy (HTTPS_PROXY and friends, as runners set them) the requests go
 * through it, unless NO_PROXY lists the host.
 */
async function openDicomConnection(dicomBaseUrl, timeoutMs, env = process.env) {
    const url = new URL(dicomBaseUrl);
    const secure = url.protocol === 'https:';
    const { hostname, port } = endpointOf(url);
    // inputs.ts refuses it first; this only keeps the rule where the connection is made.
    if (!secure && !(0,dicom_service/* isLoopbackHost */.cW)(hostname))
        throw new Error('plain http is only allowed to loopback hosts');
    const connectTimeoutMs = (0,exchange/* requestTimeoutMs */.Hl)(timeoutMs);
    const proxy = proxyFor(url, env);
    if (proxy) {
        if (!URL.canParse(proxy.uri)) {
            throw new errors/* ActionError */.lZ('smoke-network', `The proxy in ${proxy.variable} is not a URL the smoke test can use (its value is not shown: it may hold ` +
                `credentials).`, `Set ${proxy.variable} to http://<host>:<port>, or list the DICOM host in NO_PROXY.`);
        }
        // Through the proxy's CONNECT tunnel: no head start, but the same requests, still TLS end to end. The whole of
        // undici loads here: its proxy agent opens the tunnel with methods that undici's index adds to every dispatcher.
        const { ProxyAgent } = await Promise.all(/* import() */[__webpack_require__.e(440), __webpack_require__.e(701), __webpack_require__.e(43), __webpack_require__.e(752)]).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19));
        const agent = new ProxyAgent({
            uri: proxy.uri,
            requestTls: { rejectUnauthorized: true },
            connect: { timeout: connectTimeoutMs },
            maxResponseSize: exchange/* MAX_BODY_BYTES */.YK,
            connections: 1,
            pipelining: 2
        });
        return {
            send: await sender(agent),
            proxyVariable: proxy.variable,
            close: () => agent.destroy().catch(() => undefined)
        };
    }
    const early = preconnect(hostname, port, secure, connectTimeoutMs);
    // These load while az runs: undici's client and connector only, not the whole package.
    const [{ default: Client }, { default: buildConnector }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(440), __webpack_require__.e(701)]).then(__webpack_require__.t.bind(__webpack_require__, 3701, 23)),
        Promise.all(/* import() */[__webpack_require__.e(440), __webpack_require__.e(136)]).then(__webpack_require__.t.bind(__webpack_require__, 9136, 23))
    ]);
    const fallback = buildConnector({ timeout: connectTimeoutMs, rejectUnauthorized: true });
    let handedOver = false;
    const client = new Client(url.origin, {
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
        send: await sender(client),
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


/***/ }),

/***/ 8663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hl: () => (/* binding */ requestTimeoutMs),
/* harmony export */   YK: () => (/* binding */ MAX_BODY_BYTES),
/* harmony export */   jh: () => (/* binding */ transportErrorCode),
/* harmony export */   z$: () => (/* binding */ exchangeOnce)
/* harmony export */ });
/* unused harmony export REQUEST_TIMEOUT_MS */
/** A single request may not hold the step longer than this, even with a long timeout-seconds. */
const REQUEST_TIMEOUT_MS = 15_000;
/** Larger answers are cut: nothing the smoke test reads is anywhere near this. */
const MAX_BODY_BYTES = 1024 * 1024;
/** How long the next request (or connection) may take, given what is left of the deadline. Never 0 ms. */
function requestTimeoutMs(remainingMs) {
    return Math.max(1, Math.min(remainingMs, REQUEST_TIMEOUT_MS));
}
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
/** Sends one request with the token and waits at most `timeoutMs` for all of its answer. Never throws. */
async function exchangeOnce(send, request, token, timeoutMs, clock) {
    const { url, method = 'GET' } = request;
    const started = clock.now();
    const signal = AbortSignal.timeout(timeoutMs);
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
            body,
            latencyMs: clock.now() - started
        };
    })();
    exchange.catch(() => undefined); // may still fail after the timeout won the race below
    try {
        return await Promise.race([exchange, aborted(signal)]);
    }
    catch (error) {
        return { method, url: url.href, errorCode: transportErrorCode(error), latencyMs: clock.now() - started };
    }
}


/***/ })

};
