export const id = 561;
export const ids = [561];
export const modules = {

/***/ 6561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runWriteCheck: () => (/* binding */ runWriteCheck)
});

// UNUSED EXPORTS: CLEANUP_RESERVE_SHARE, MAX_CLEANUP_RESERVE_MS, WRITE_STEPS, cleanupReserveMs, studyDeleteRequest, studySearchRequest

// EXTERNAL MODULE: ./src/cancellation.ts
var cancellation = __webpack_require__(4632);
// EXTERNAL MODULE: ./src/smoke-test/step.ts
var smoke_test_step = __webpack_require__(3212);
// EXTERNAL MODULE: ./src/smoke-test/exchange.ts
var smoke_test_exchange = __webpack_require__(8663);
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
    return (0,smoke_test_exchange/* fieldOf */._F)(dataSet, tag)?.Value?.[0];
}
function items(dataSet, tag) {
    return ((0,smoke_test_exchange/* fieldOf */._F)(dataSet, tag)?.Value ?? []).filter(isDataSet);
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
    const body = parseJson(exchange);
    const failed = failedSops(body).find((f) => f.sopInstanceUid === uids.sopInstanceUid);
    if (exchange.status === 202 && failed)
        return { verdict: 'fatal', problem: { kind: 'failed-sop', failureReason: failed.failureReason } };
    const verdict = exchange.status === 202 ? 'ok' : (0,smoke_test_exchange/* classifyExchange */.Cj)(exchange, waitForAccess);
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
    const verdict = (0,smoke_test_exchange/* classifyExchange */.Cj)(exchange, waitForAccess);
    if (verdict !== 'ok')
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
    const verdict = (0,smoke_test_exchange/* classifyExchange */.Cj)(exchange, waitForAccess);
    if (verdict === 'transient')
        return { verdict };
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
    const verdict = (0,smoke_test_exchange/* classifyExchange */.Cj)(exchange, waitForAccess);
    return verdict === 'ok' ? { verdict, value: undefined } : { verdict };
}

// EXTERNAL MODULE: ./src/smoke-test/write/budget.ts
var budget = __webpack_require__(3067);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/token.ts
var src_token = __webpack_require__(4606);
// EXTERNAL MODULE: ./src/smoke-test/diagnose.ts
var diagnose = __webpack_require__(2526);
;// CONCATENATED MODULE: ./src/smoke-test/write/diagnose.ts
// Turns a failed step of the write round trip into the one error a person can act on. Pure. What is not special to
// writing (401, 404, timeouts, network, 5xx) goes to diagnoseExchange, as for the read check.



const BODY_PREVIEW_CHARS = 160;
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
function describeWarningReason(reason) {
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
    const said = exchange.body ? `: "${(0,diagnose/* preview */.VH)(exchange.body, token, BODY_PREVIEW_CHARS)}"` : '';
    const fromBody = stowBodyProblem(exchange, problem, said);
    if (fromBody)
        return fromBody;
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
/** The UIDs a metadata answer gave, as server text: each quoted (sanitised and cut), never as they came. */
function foundUids(found, token) {
    const shown = (name, value) => `${name} ${value === undefined ? 'none' : `'${(0,diagnose/* preview */.VH)(value, token, UID_PREVIEW_CHARS)}'`}`;
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
        return new errors/* ActionError */.lZ('write-failed-sop', `The DICOM service answered 202 to POST ${exchange.url} but did not store the synthetic instance: its ` +
            `FailedSOPSequence gives ${reasonGiven(problem.failureReason)}.`, 'Look the reason code up in the DICOM service documentation (STOW-RS response status codes); a validation ' +
            'failure usually means the service has stricter checks than the smoke test expects — please open an issue ' +
            'with the code.');
    }
    if (problem?.kind !== 'unreadable' && problem?.kind !== 'not-stored')
        return undefined;
    // A 200 or 202 that does not say the instance was stored: it may have been, so cleanup ran.
    return new errors/* ActionError */.lZ('smoke-response', `The DICOM service answered ${exchange.status ?? '?'} to POST ${exchange.url}, but not with a STOW-RS response ` +
        `that lists the synthetic instance as stored${said}; it may have stored it all the same, so cleanup ran for ` +
        `it.`, 'Something other than the DICOM service may be answering (a proxy, a gateway, another server): check dicom-url.');
}
/** A later step found the service's answer wrong for what was just stored. */
function diagnoseWriteCheck(step, exchange, context, problem) {
    if (problem === undefined)
        return (0,diagnose/* diagnoseExchange */.iG)(exchange, context, 'unexpected');
    const request = `${exchange.method} ${exchange.url}`;
    const tried = (0,diagnose/* triedFor */.sk)(context);
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
    return new errors/* ActionError */.lZ('write-check', `The write round trip failed at '${step}': ${what[problem.kind]()}.`, 'The service may lag under load: raise timeout-seconds; if it persists, open an issue with the debug log.');
}
/** Cleanup failed: the synthetic study is still there, and a person has to delete it. */
function cleanupFailed(studyInstanceUid, baseUrl, cause, earlier) {
    return new errors/* ActionError */.lZ('write-cleanup', `Could not delete the synthetic study ${studyInstanceUid} that the smoke test stored: ` +
        `${cause.message}${earlier ? ` (Before that the round trip had failed: ${earlier.message})` : ''}`, `Delete it by hand with a DICOM Data Owner token: DELETE ${baseUrl}/studies/${studyInstanceUid}.`);
}

// EXTERNAL MODULE: ./src/smoke-test/read/changefeed.ts
var changefeed = __webpack_require__(2777);
;// CONCATENATED MODULE: ./src/smoke-test/write/feed.ts



/** v1 pages by sequence number (offset is a sequence, limit a span); v2 by rows inside a time window. */
const FEED_PAGE_LIMIT = { 'v1.0-prerelease': 100, v1: 100, v2: 200 };
/**
 * v2's window opens this long before the STOW's answer on the service's own clock (its Date header, which has whole
 * seconds and is written after the entry): the entry's timestamp is at most the STOW's own time earlier.
 */
const FEED_WINDOW_MARGIN_MS = 5000;
/** Without a usable Date header the runner's clock is all there is: then the window opens this long before the write. */
const FEED_WINDOW_SKEW_MS = 10 * 60_000;
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
    const sequence = (0,smoke_test_exchange/* fieldOf */._F)(entry, 'sequence');
    return (typeof sequence === 'number' &&
        sequence > target.afterSequence &&
        (0,smoke_test_exchange/* fieldOf */._F)(entry, 'sopInstanceUid') === target.sopInstanceUid &&
        String((0,smoke_test_exchange/* fieldOf */._F)(entry, 'action')).toLowerCase() === target.action.toLowerCase());
}
/** One page of the feed: whether it has the target entry, and where the next page starts (undefined: no more yet). */
function readFeedPage(exchange, target, cursor, waitForAccess) {
    const verdict = (0,smoke_test_exchange/* classifyExchange */.Cj)(exchange, waitForAccess);
    if (verdict !== 'ok')
        return { verdict };
    const body = (0,changefeed/* isEmptyFeed */.w6)(exchange) ? [] : parseJson(exchange);
    if (!Array.isArray(body)) {
        return { verdict: 'fatal', problem: { kind: 'unreadable', expected: 'a JSON array of change feed entries' } };
    }
    const entries = body.filter((e) => typeof e === 'object' && e !== null);
    const found = entries.some((entry) => isTargetEntry(entry, target));
    if (entries.length === 0)
        return { verdict: 'ok', value: { found } };
    const sequences = entries.map((e) => (0,smoke_test_exchange/* fieldOf */._F)(e, 'sequence')).filter((s) => typeof s === 'number');
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
function feedPoller(request, start) {
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
async function syntheticInstance(options) {
    const nextUuid = options.randomUuid ?? external_node_crypto_.randomUUID;
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
    return (0,smoke_test_step/* exchangeWithin */.dd)(trip.context, request, deadlineMs - trip.context.clock.now());
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
    const stepsDeadline = input.deadlineMs - (0,budget/* cleanupReserveMs */.L1)(input.timeoutMs);
    const rows = [];
    const run = async (step, deadlineMs, stepContext = context) => {
        const attempt = () => step.attempt(trip, deadlineMs);
        const result = await (0,smoke_test_step/* runStep */.eg)({ label: step.title, deadlineMs, attempt, diagnose: step.diagnose }, stepContext);
        rows.push((0,smoke_test_step/* stepRow */.Dx)(step.title, result));
        return result;
    };
    const report = (failure) => {
        const elapsedMs = clock.now() - startedAt;
        return { steps: rows, elapsedMs, studyInstanceUid: instance.studyInstanceUid, failure };
    };
    if ((0,smoke_test_step/* isCancelled */.mm)(context)) {
        rows.push(...[STORE, ...CHECKS, DELETE, CONFIRM_DELETE].map((step) => (0,smoke_test_step/* skippedRow */.P5)(step.title)));
        return report(cancelledWrite(context, trip, 'nothing was stored'));
    }
    input.keepStudy?.(instance.studyInstanceUid); // before the STOW: a kill from here on leaves the post step its UID
    const { stored, failure } = await storeAndCheck(trip, instance, { run, rows }, stepsDeadline);
    if (!stored && !trip.mayBeStored) {
        rows.push((0,smoke_test_step/* skippedRow */.P5)(WRITE_STEPS.delete), (0,smoke_test_step/* skippedRow */.P5)(WRITE_STEPS.confirmDelete));
        return report((0,smoke_test_step/* isCancelled */.mm)(context) ? cancelledWrite(context, trip, 'nothing was stored') : failure);
    }
    const deleted = await cleanUp(trip, input, context, run);
    if (deleted === true)
        input.keepStudy?.('');
    else if (!rows.some((row) => row.title === WRITE_STEPS.confirmDelete))
        rows.push((0,smoke_test_step/* skippedRow */.P5)(WRITE_STEPS.confirmDelete));
    if ((0,smoke_test_step/* isCancelled */.mm)(context))
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
        if (failure || (0,smoke_test_step/* isCancelled */.mm)(trip.context)) {
            rows.push((0,smoke_test_step/* skippedRow */.P5)(check.title));
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
    const deadline = Math.min(cancelDeadline, Math.max(input.deadlineMs, clock.now() + (0,budget/* cleanupReserveMs */.L1)(input.timeoutMs)));
    // The cleanup's requests, too, go out with the watch that ends at the kill rather than at the cancel.
    const cleanupContext = {
        ...context,
        cancel: (0,cancellation/* untilCancelDeadline */.jB)(context.cancel),
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
    return (0,cancellation/* cancelled */.KW)(context.cancel?.by ?? 'SIGINT', 'during the write round trip', said);
}
/** What the steps share, for an instance whose round trip starts at `startedAt`. */
function roundTrip(input, context, instance, startedAt) {
    const { baseUrl, apiVersion, waitForAccess } = input.dicom;
    const { sequenceBefore } = input;
    const readPage = (path, deadlineMs) => (0,smoke_test_step/* exchangeWithin */.dd)(context, { url: new URL(`${baseUrl}${path}`) }, deadlineMs - context.clock.now());
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


/***/ })

};
