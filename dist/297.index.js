export const id = 297;
export const ids = [297];
export const modules = {

/***/ 297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runWriteCheck: () => (/* binding */ runWriteCheck)
});

// EXTERNAL MODULE: ./src/retry.ts
var retry = __webpack_require__(9809);
// EXTERNAL MODULE: ./src/smoke-test/changefeed.ts
var changefeed = __webpack_require__(6134);
// EXTERNAL MODULE: ./src/smoke-test/exchange.ts
var smoke_test_exchange = __webpack_require__(8663);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/smoke-test/instance.ts
// The one synthetic DICOM instance the write smoke test stores and deletes: a new study with fresh 2.25 UIDs, an
// obviously fake patient and an 8x8 black Secondary Capture image, and the STOW-RS body that carries it. dcmjs (about
// 1.4 MB of JavaScript) is imported only when an instance is built, so runs without the write test never load it.

/** Secondary Capture Image Storage: the image IOD that needs the least acquisition detail. */
const SECONDARY_CAPTURE_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.7';
const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const SMOKE_TEST_PATIENT_NAME = 'SMOKE^TEST';
const SMOKE_TEST_PATIENT_ID_PREFIX = 'SMOKE-TEST-';
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
async function syntheticInstance(options) {
    const nextUuid = options.randomUuid ?? external_node_crypto_.randomUUID;
    const studyUuid = nextUuid();
    const studyInstanceUid = uidFromUuid(studyUuid);
    const seriesInstanceUid = uidFromUuid(nextUuid());
    const sopInstanceUid = uidFromUuid(nextUuid());
    // Unique per study, so two smoke tests never share a patient; made from the UUID, never from anything real.
    const patientId = `${SMOKE_TEST_PATIENT_ID_PREFIX}${studyUuid.replace(/-/g, '').slice(0, 16).toUpperCase()}`;
    const studyDescription = loValue(options.runLabel ? `dicom-token-action smoke test, ${options.runLabel}` : 'dicom-token-action smoke test');
    const date = dicomDate(options.now);
    const time = dicomTime(options.now);
    const dataset = {
        SpecificCharacterSet: 'ISO_IR 100',
        ImageType: ['DERIVED', 'SECONDARY'],
        InstanceCreationDate: date,
        InstanceCreationTime: time,
        SOPClassUID: SECONDARY_CAPTURE_IMAGE_STORAGE,
        SOPInstanceUID: sopInstanceUid,
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
        StudyDescription: studyDescription,
        SeriesDescription: 'synthetic 8x8 image, deleted after the test',
        PatientName: SMOKE_TEST_PATIENT_NAME,
        PatientID: patientId,
        PatientBirthDate: '',
        PatientSex: 'O',
        StudyInstanceUID: studyInstanceUid,
        SeriesInstanceUID: seriesInstanceUid,
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
    const meta = {
        FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
        MediaStorageSOPClassUID: SECONDARY_CAPTURE_IMAGE_STORAGE,
        MediaStorageSOPInstanceUID: sopInstanceUid,
        TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
        // Names the writer, as every Part 10 file must: 2.25 + this action's UUID 130dc23d-a950-46ee-9361-ad0f74039882.
        ImplementationClassUID: '2.25.25326771451855391830505406615238449282',
        ImplementationVersionName: 'DICOMTOKEN_1'
    };
    const { data } = await __webpack_require__.e(/* import() */ 61).then(__webpack_require__.bind(__webpack_require__, 1061));
    const file = new data.DicomDict(data.DicomMetaDictionary.denaturalizeDataset(meta));
    file.dict = data.DicomMetaDictionary.denaturalizeDataset(dataset);
    const part10 = new Uint8Array(file.write());
    return {
        studyInstanceUid,
        seriesInstanceUid,
        sopInstanceUid,
        sopClassUid: SECONDARY_CAPTURE_IMAGE_STORAGE,
        patientId,
        studyDescription,
        part10
    };
}
/**
 * A STOW-RS body with one part: `multipart/related; type="application/dicom"` (PS3.18 10.5), CRLF line ends.
 * The boundary must not occur in the instance: a random one (the default) never does; a given one is checked.
 */
function stowRequestBody(part10, boundary = randomBoundary()) {
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
    return `dicom-token-action-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
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

;// CONCATENATED MODULE: ./src/smoke-test/write-answers.ts

/** DICOM JSON tags (PS3.18 F.2) the round trip reads. */
const TAGS = {
    studyInstanceUid: '0020000D',
    seriesInstanceUid: '0020000E',
    sopInstanceUid: '00080018',
    referencedSopInstanceUid: '00081155',
    failureReason: '00081197',
    failedSopSequence: '00081198',
    referencedSopSequence: '00081199'
};
function parseJson(exchange) {
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
    const key = Object.keys(dataSet).find((k) => k.toUpperCase() === tag);
    return key === undefined ? undefined : dataSet[key]?.Value?.[0];
}
function items(dataSet, tag) {
    const key = Object.keys(dataSet).find((k) => k.toUpperCase() === tag);
    const values = key === undefined ? [] : (dataSet[key]?.Value ?? []);
    return values.filter(isDataSet);
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
/**
 * A STOW-RS answer. `afterUncertainAttempt`: an earlier attempt timed out or got a 5xx, so it may have stored the
 * instance; its fresh UIDs cannot be anyone else's, so a 409 then means that attempt did store it.
 */
function readStowAnswer(exchange, uids, waitForAccess, afterUncertainAttempt) {
    if (exchange.status === 409 && afterUncertainAttempt)
        return { verdict: 'ok', value: undefined };
    const body = parseJson(exchange);
    if (exchange.status === 202) {
        const ours = failedSops(body).find((f) => f.sopInstanceUid === uids.sopInstanceUid) ?? failedSops(body)[0];
        return { verdict: 'fatal', problem: { kind: 'failed-sop', failureReason: ours?.failureReason } };
    }
    const verdict = (0,changefeed/* classifyExchange */.Cj)(exchange, waitForAccess);
    if (verdict === 'transient')
        return { verdict, reason: '' };
    if (verdict === 'fatal')
        return { verdict };
    if (!isDataSet(body))
        return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a DICOM JSON STOW-RS response' } };
    const stored = items(body, TAGS.referencedSopSequence).some((item) => firstValue(item, TAGS.referencedSopInstanceUid) === uids.sopInstanceUid);
    return stored ? { verdict: 'ok', value: undefined } : { verdict: 'fatal', problem: { kind: 'not-stored' } };
}
/** A QIDO-RS search for the study: whether it lists it (204 and [] list nothing). */
function readSearchAnswer(exchange, studyInstanceUid, waitForAccess) {
    const verdict = (0,changefeed/* classifyExchange */.Cj)(exchange, waitForAccess);
    if (verdict === 'transient')
        return { verdict, reason: '' };
    if (verdict === 'fatal')
        return { verdict };
    if (exchange.status === 204 || (exchange.body ?? '').trim() === '')
        return { verdict: 'ok', value: false };
    const body = parseJson(exchange);
    if (!Array.isArray(body))
        return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a DICOM JSON array of studies' } };
    const found = body.some((study) => isDataSet(study) && firstValue(study, TAGS.studyInstanceUid) === studyInstanceUid);
    return { verdict: 'ok', value: found };
}
/** WADO-RS metadata of the instance: its study, series and SOP instance UIDs must be the ones stored. */
function readMetadataAnswer(exchange, uids, waitForAccess) {
    const verdict = (0,changefeed/* classifyExchange */.Cj)(exchange, waitForAccess);
    if (verdict === 'transient')
        return { verdict, reason: '' };
    if (verdict === 'fatal' || exchange.status === 204)
        return { verdict: 'fatal' };
    const body = parseJson(exchange);
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
    const verdict = (0,changefeed/* classifyExchange */.Cj)(exchange, waitForAccess);
    if (verdict === 'transient')
        return { verdict, reason: '' };
    return verdict === 'ok' ? { verdict, value: undefined } : { verdict };
}
// ---- the change feed, polled for the round trip's own entries ----
/** v1 pages by sequence number (offset is a sequence, limit a span); v2 by rows inside a time window. */
const FEED_PAGE_LIMIT = { 'v1.0-prerelease': 100, v1: 100, v2: 200 };
/** v2's window opens this long before the write, so a runner clock behind the service's cannot hide the entry. */
const FEED_WINDOW_SKEW_MS = 10 * 60_000;
function firstFeedCursor(apiVersion, sequenceBefore, writeStartedAtMs) {
    if (apiVersion !== 'v2')
        return { offset: sequenceBefore };
    return { offset: 0, startTime: new Date(writeStartedAtMs - FEED_WINDOW_SKEW_MS).toISOString() };
}
function feedPagePath(apiVersion, cursor) {
    const query = new URLSearchParams({ offset: String(cursor.offset), limit: String(FEED_PAGE_LIMIT[apiVersion]) });
    if (cursor.startTime !== undefined)
        query.set('startTime', cursor.startTime);
    query.set('includeMetadata', 'false');
    return `/changefeed?${query.toString()}`;
}
/** One page of the feed: whether it has the target entry, and where the next page starts (undefined: no more yet). */
function readFeedPage(exchange, target, cursor, waitForAccess) {
    const verdict = (0,changefeed/* classifyExchange */.Cj)(exchange, waitForAccess);
    if (verdict === 'transient')
        return { verdict, reason: '' };
    if (verdict === 'fatal')
        return { verdict };
    const text = (exchange.body ?? '').trim();
    const body = exchange.status === 204 || text === '' || text === 'null' ? [] : parseJson({ ...exchange, body: text });
    if (!Array.isArray(body))
        return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a JSON array of change feed entries' } };
    const entries = body.filter((e) => typeof e === 'object' && e !== null);
    const found = entries.some((entry) => {
        const sequence = (0,changefeed/* entryField */.dg)(entry, 'sequence');
        return (typeof sequence === 'number' &&
            sequence > target.afterSequence &&
            (0,changefeed/* entryField */.dg)(entry, 'sopInstanceUid') === target.sopInstanceUid &&
            String((0,changefeed/* entryField */.dg)(entry, 'action')).toLowerCase() === target.action.toLowerCase());
    });
    if (entries.length === 0)
        return { verdict: 'ok', value: { found } };
    const sequences = entries.map((e) => (0,changefeed/* entryField */.dg)(e, 'sequence')).filter((s) => typeof s === 'number');
    const next = cursor.startTime === undefined
        ? { offset: Math.max(cursor.offset, ...sequences) }
        : { ...cursor, offset: cursor.offset + entries.length };
    return { verdict: 'ok', value: { found, next } };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/token.ts
var src_token = __webpack_require__(4606);
// EXTERNAL MODULE: ./src/smoke-test/diagnose.ts
var diagnose = __webpack_require__(2526);
;// CONCATENATED MODULE: ./src/smoke-test/write-diagnose.ts
// Turns a failed step of the write round trip into the one error a person can act on. Pure. What is not special to
// writing (401, 404, timeouts, network, 5xx) goes to diagnoseExchange, as for the read check.



const BODY_PREVIEW_CHARS = 160;
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
/**
 * The attribute a refusal names, when its body does: a tag such as (0010,0020), with the keyword after it if there is
 * one.
 */
function refusedAttribute(body) {
    const match = /\(([0-9A-F]{4}),\s?([0-9A-F]{4})\)(?:\s*[-:]?\s*([A-Z][A-Za-z]+)\b)?/i.exec(body ?? '');
    if (match)
        return `(${match[1]?.toUpperCase()},${match[2]?.toUpperCase()})${match[3] ? ` ${match[3]}` : ''}`;
    const tag = /"([0-9A-F]{8})"/i.exec(body ?? '')?.[1];
    return tag ? `(${tag.slice(0, 4).toUpperCase()},${tag.slice(4).toUpperCase()})` : undefined;
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
    const said = exchange.body ? `: "${(0,diagnose/* preview */.VH)(exchange.body, token, BODY_PREVIEW_CHARS)}"` : '';
    if (problem?.kind === 'failed-sop') {
        return new errors/* ActionError */.lZ('write-failed-sop', `The DICOM service answered 202 to ${request} but did not store the synthetic instance: its ` +
            `FailedSOPSequence gives failure reason ${describeFailureReason(problem.failureReason)}.`, 'Look the reason code up in the DICOM service documentation (STOW-RS response status codes); a validation ' +
            'failure usually means the service has stricter checks than the smoke test expects — please open an issue ' +
            'with the code.');
    }
    switch (exchange.status) {
        case 403:
            if (context.gaveUp)
                return (0,diagnose/* accessNeverApplied */.Yz)(exchange, context, 'DICOM Data Owner');
            return new errors/* ActionError */.lZ('write-forbidden', `The DICOM service refused to store the synthetic instance for ` +
                `${(0,src_token/* describePrincipal */.wC)(context.issued.claims) ?? 'the signed-in identity'} with 403 at ${exchange.url}: it ` +
                `can read, so it has a reader role only; smoke-test: write needs DICOM Data Owner.`, 'Assign that principal the DICOM Data Owner role on the DICOM service (or use smoke-test: read); with ' +
                'wait-for-access: true the action waits for a new assignment to apply.');
        case 409:
            return new errors/* ActionError */.lZ('write-conflict', `The DICOM service answered 409 to ${request}: the instance already exists, although its UIDs were made ` +
                `fresh for this run.`, 'Re-run the step; if it happens again, the service may be rejecting by another rule: check the 409 body ' +
                'in the debug log.');
        case 400:
        case 415: {
            const attribute = refusedAttribute(exchange.body);
            return new errors/* ActionError */.lZ('write-refused', `The DICOM service refused the synthetic instance with ${exchange.status} at ` +
                `${exchange.url}${attribute ? `, naming attribute ${attribute}` : ''}${said}.`, 'The service checks instances more strictly than the smoke test expects; please open an issue with this ' +
                'line. Check also that nothing between the runner and the service rewrites the multipart body.');
        }
        case 413:
            return new errors/* ActionError */.lZ('write-too-large', `The DICOM service (or a proxy in front of it) answered 413 to ${request}: request too large, for one ` +
                `small synthetic instance.`, 'A proxy or gateway between the runner and the service limits request bodies: raise its limit, or use ' +
                'smoke-test: read.');
    }
    return (0,diagnose/* diagnoseExchange */.iG)(exchange, context, problem === undefined ? undefined : 'a DICOM JSON STOW-RS response');
}
/** A later step found the service's answer wrong for what was just stored. */
function diagnoseWriteCheck(step, exchange, context, problem) {
    if (problem === undefined)
        return (0,diagnose/* diagnoseExchange */.iG)(exchange, context, 'unexpected');
    const request = `${exchange.method} ${exchange.url}`;
    const tried = `after ${context.attempts} attempt(s) in ${(context.elapsedMs / 1000).toFixed(1)} s`;
    const what = {
        'failed-sop': () => `${request} listed the instance as failed`,
        'not-stored': () => `${request} answered 200 without listing the synthetic instance as stored`,
        'not-found': () => `the search ${request} did not find the study that was just stored (${tried})`,
        'uid-mismatch': () => `the metadata from ${request} is for another instance ` +
            `(${problem.kind === 'uid-mismatch' ? JSON.stringify(problem.found) : ''})`,
        unreadable: () => `${request} answered ${exchange.status ?? '?'}, but not with ` +
            (problem.kind === 'unreadable' ? problem.expected : 'what was expected'),
        'not-in-feed': () => `the change feed did not list the ${problem.kind === 'not-in-feed' ? problem.action : ''} of the synthetic ` +
            `instance (${tried})`,
        'still-found': () => `the study was still found after its DELETE (${tried})`
    };
    return new errors/* ActionError */.lZ('write-check', `The write round trip failed at '${step}': ${what[problem.kind]()}.`, 'The service may lag under load: raise timeout-seconds; if it persists, open an issue with the debug log.');
}
/** Cleanup failed: the synthetic study is still there, and a person has to delete it. */
function cleanupFailed(studyInstanceUid, baseUrl, cause, earlier) {
    return new errors/* ActionError */.lZ('write-cleanup', `Could not delete the synthetic study ${studyInstanceUid} that the smoke test stored: ` +
        `${cause.message}${earlier ? ` (Before that the round trip had failed: ${earlier.message})` : ''}`, `Delete it by hand with a DICOM Data Owner token: DELETE ${baseUrl}/studies/${studyInstanceUid}.`);
}

// EXTERNAL MODULE: ./src/smoke-test/write-plan.ts
var write_plan = __webpack_require__(5323);
;// CONCATENATED MODULE: ./src/smoke-test/write.ts







/** One poll of the change feed reads at most this many pages before it waits and tries again. */
const MAX_FEED_PAGES_PER_POLL = 10;
const DICOM_JSON = 'application/dicom+json';
async function runWriteCheck(input) {
    const { clock, log, send, issued, proxyVariable } = input;
    const { baseUrl, apiVersion, waitForAccess } = input.dicom;
    const instance = await syntheticInstance({ runLabel: input.runLabel, now: new Date(clock.now()) });
    const uids = instance;
    const stow = stowRequestBody(instance.part10);
    const startedAt = clock.now();
    const reserveMs = (0,write_plan/* cleanupReserveMs */.L1)(input.timeoutMs);
    const stepsDeadline = input.deadlineMs - reserveMs;
    const steps = [];
    const exchange = (request, deadlineMs) => (0,smoke_test_exchange/* exchangeOnce */.z$)(send, request, issued.value, (0,smoke_test_exchange/* requestTimeoutMs */.Hl)(deadlineMs - clock.now()), clock);
    /** Runs one step under withRetry until it is done, fails, or its deadline leaves no room; records its row. */
    async function step(title, deadlineMs, attempt, diagnose) {
        const stepStart = clock.now();
        const report = await (0,retry/* withRetry */.bD)(async () => {
            const last = await attempt();
            const { answer } = last;
            if (answer.verdict === 'ok')
                return { kind: 'done', value: last };
            if (answer.verdict === 'fatal')
                return { kind: 'fatal', value: last };
            const reason = answer.verdict === 'pending' ? answer.reason : (0,changefeed/* retryReason */.DR)(last.exchange);
            const retryAfterMs = (0,retry/* parseRetryAfter */.mu)(last.exchange.retryAfter, clock.now());
            return { kind: 'transient', reason, retryAfterMs, last };
        }, {
            deadlineMs,
            clock,
            onRetry: (attemptNumber, reason, delayMs) => log.info(`${title}: attempt ${attemptNumber} failed (${reason}); retrying in ${(delayMs / 1000).toFixed(1)} s.`)
        });
        const { exchange: last, answer } = report.value;
        const elapsedMs = clock.now() - stepStart;
        const outcome = answer.verdict === 'ok' ? 'passed' : 'failed';
        steps.push({
            title,
            outcome,
            elapsedMs,
            attempts: report.attempts,
            answer: last.errorCode ?? String(last.status ?? '')
        });
        if (answer.verdict === 'ok')
            return { ok: true, value: answer.value };
        const context = {
            issued,
            proxyVariable,
            nowMs: clock.now(),
            attempts: report.attempts,
            elapsedMs,
            gaveUp: report.gaveUp
        };
        const problem = answer.verdict === 'transient' ? undefined : answer.problem;
        return { ok: false, failure: diagnose(last, context, problem) };
    }
    let cursor = firstFeedCursor(apiVersion, input.sequenceBefore, startedAt);
    /** Reads the feed from the cursor on until the target entry shows, or the pages run out for now. */
    async function pollFeed(target, deadlineMs) {
        const pending = {
            verdict: 'pending',
            reason: `the ${target.action} is not in the change feed yet`,
            problem: { kind: 'not-in-feed', action: target.action }
        };
        let last;
        for (let page = 0; page < MAX_FEED_PAGES_PER_POLL || last === undefined; page++) {
            last = await exchange({ url: new URL(`${baseUrl}${feedPagePath(apiVersion, cursor)}`) }, deadlineMs);
            const answer = readFeedPage(last, target, cursor, waitForAccess);
            if (answer.verdict !== 'ok')
                return { exchange: last, answer };
            if (answer.value.found)
                return { exchange: last, answer: { verdict: 'ok', value: undefined } };
            if (answer.value.next === undefined)
                break;
            cursor = answer.value.next;
        }
        return { exchange: last, answer: pending };
    }
    const searchRequest = {
        url: new URL(`${baseUrl}/studies?StudyInstanceUID=${encodeURIComponent(uids.studyInstanceUid)}`),
        accept: DICOM_JSON
    };
    const check = (title) => (last, context, problem) => diagnoseWriteCheck(title, last, context, problem);
    // 1. Store. An attempt that timed out or got a 5xx may have stored it, so cleanup runs then too.
    const attempts = { uncertain: false };
    const stored = await step(write_plan/* WRITE_STEPS */.Aj.store, stepsDeadline, async () => {
        const body = { contentType: stow.contentType, bytes: stow.body };
        const last = await exchange({ method: 'POST', url: new URL(`${baseUrl}/studies`), accept: DICOM_JSON, body }, stepsDeadline);
        const answer = readStowAnswer(last, uids, waitForAccess, attempts.uncertain);
        if (last.errorCode !== undefined || (last.status ?? 0) >= 500)
            attempts.uncertain = true;
        return { exchange: last, answer };
    }, diagnoseStow);
    let failure = stored.ok ? undefined : stored.failure;
    if (stored.ok)
        log.info(`Stored the synthetic study ${uids.studyInstanceUid} (${instance.studyDescription}); it is deleted at the end.`);
    // 2–4. Find it, read it back, see it in the change feed; the first failure skips the rest but not cleanup.
    const checks = [
        [
            write_plan/* WRITE_STEPS */.Aj.search,
            async () => {
                const last = await exchange(searchRequest, stepsDeadline);
                const answer = readSearchAnswer(last, uids.studyInstanceUid, waitForAccess);
                if (answer.verdict !== 'ok')
                    return { exchange: last, answer };
                if (answer.value)
                    return { exchange: last, answer: { verdict: 'ok', value: undefined } };
                return {
                    exchange: last,
                    answer: { verdict: 'pending', reason: 'the study is not found yet', problem: { kind: 'not-found' } }
                };
            }
        ],
        [
            write_plan/* WRITE_STEPS */.Aj.retrieve,
            async () => {
                const { studyInstanceUid: study, seriesInstanceUid: series, sopInstanceUid: instance } = uids;
                const path = `/studies/${study}/series/${series}/instances/${instance}/metadata`;
                const last = await exchange({ url: new URL(`${baseUrl}${path}`), accept: DICOM_JSON }, stepsDeadline);
                return { exchange: last, answer: readMetadataAnswer(last, uids, waitForAccess) };
            }
        ],
        [
            write_plan/* WRITE_STEPS */.Aj.feedCreate,
            () => pollFeed({ action: 'Create', sopInstanceUid: uids.sopInstanceUid, afterSequence: input.sequenceBefore }, stepsDeadline)
        ]
    ];
    let skipRest = !stored.ok;
    for (const [title, attempt] of checks) {
        if (skipRest) {
            steps.push({ title, outcome: 'skipped', elapsedMs: 0, attempts: 0 });
            continue;
        }
        const result = await step(title, stepsDeadline, attempt, check(title));
        if (!result.ok) {
            failure = result.failure;
            skipRest = true;
        }
    }
    // 5–6. Cleanup: its own deadline, never earlier than the reserve from now.
    if (stored.ok || attempts.uncertain) {
        const cleanupDeadline = Math.max(input.deadlineMs, clock.now() + reserveMs);
        const deleteUrl = new URL(`${baseUrl}/studies/${uids.studyInstanceUid}`);
        const deleted = await step(write_plan/* WRITE_STEPS */.Aj.delete, cleanupDeadline, async () => {
            const last = await exchange({ method: 'DELETE', url: deleteUrl, accept: DICOM_JSON }, cleanupDeadline);
            return { exchange: last, answer: readDeleteAnswer(last, waitForAccess) };
        }, check(write_plan/* WRITE_STEPS */.Aj.delete));
        const confirmed = deleted.ok
            ? await step(write_plan/* WRITE_STEPS */.Aj.confirmDelete, cleanupDeadline, async () => {
                const last = await exchange(searchRequest, cleanupDeadline);
                const search = readSearchAnswer(last, uids.studyInstanceUid, waitForAccess);
                if (search.verdict === 'ok' && !search.value)
                    return { exchange: last, answer: { verdict: 'ok', value: undefined } };
                if (search.verdict !== 'ok')
                    return { exchange: last, answer: search };
                const feed = await pollFeed({ action: 'Delete', sopInstanceUid: uids.sopInstanceUid, afterSequence: input.sequenceBefore }, cleanupDeadline);
                return feed.answer.verdict === 'pending'
                    ? { exchange: last, answer: { ...feed.answer, problem: { kind: 'still-found' } } }
                    : feed;
            }, check(write_plan/* WRITE_STEPS */.Aj.confirmDelete))
            : deleted;
        if (!confirmed.ok)
            failure = cleanupFailed(uids.studyInstanceUid, baseUrl, confirmed.failure, failure);
        if (!deleted.ok)
            steps.push({ title: write_plan/* WRITE_STEPS */.Aj.confirmDelete, outcome: 'skipped', elapsedMs: 0, attempts: 0 });
    }
    else {
        for (const title of [write_plan/* WRITE_STEPS */.Aj.delete, write_plan/* WRITE_STEPS */.Aj.confirmDelete])
            steps.push({ title, outcome: 'skipped', elapsedMs: 0, attempts: 0 });
    }
    return { steps, elapsedMs: clock.now() - startedAt, studyInstanceUid: uids.studyInstanceUid, failure };
}


/***/ })

};
