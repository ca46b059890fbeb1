// A real Orthanc with its DICOMweb plugin on 127.0.0.1, in a temp folder of its own, for tests that need a server that
// really stores, finds and returns DICOM. Debian packages it: apt-get install orthanc orthanc-dicomweb.
import { spawn, type ChildProcess } from 'node:child_process'
import { constants } from 'node:fs'
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { unusedLoopbackPort } from '../net/loopback-server.ts'

export const ORTHANC_BINARY = '/usr/sbin/Orthanc'
export const DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so'
export const DICOMWEB_ROOT = '/dicom-web'
/** Runs Orthanc and stops it when this process goes away, even by SIGKILL (see orthanc-guard.ts). */
const GUARD = join(dirname(fileURLToPath(import.meta.url)), 'orthanc-guard.ts')

export interface OrthancOptions {
  binary?: string
  plugin?: string
  /** How long Orthanc may take to answer GET /system; it usually takes about a second. */
  readyTimeoutMs?: number
  /** Orthanc is killed after this long even if stop() is never called, so a crashed test cannot leave it running. */
  maxLifetimeMs?: number
}

export interface OrthancAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

export interface OrthancRequestOptions {
  headers?: Record<string, string>
  body?: Buffer | string
  timeoutMs?: number
}

export interface Orthanc {
  /** http://127.0.0.1:PORT, Orthanc's REST API; DICOMweb is under `${url}/dicom-web`. */
  url: string
  dicomWebUrl: string
  /** The guard's process id: Orthanc runs as its child and ends with it. */
  pid: number
  /** The temp folder holding Orthanc's configuration, index and storage; stop() removes it. */
  directory: string
  /** One request to Orthanc on a fresh connection (Orthanc closes idle keep-alive connections after 1 s). */
  request(method: string, path: string, options?: OrthancRequestOptions): Promise<OrthancAnswer>
  /** The parsed JSON of a GET or POST to the REST API; throws on a status other than 200. */
  json(method: 'GET' | 'POST', path: string, body?: string): Promise<unknown>
  /** Deletes every patient, so the next test starts from an empty store. */
  clear(): Promise<void>
  /** What Orthanc printed, for a failure message. */
  log(): string
  /** Stops Orthanc (SIGTERM, then SIGKILL after 10 s, by the guard) and removes its temp folder; safe to call twice. */
  stop(): Promise<void>
}

const REQUEST_TIMEOUT_MS = 10_000
// Longer than the guard's own grace before it SIGKILLs Orthanc: killing the guard first would orphan Orthanc.
const STOP_GRACE_MS = 15_000
const LOG_LIMIT = 64 * 1024

/** Why a real Orthanc cannot run here, or undefined when it can. */
export async function orthancUnavailable(options: OrthancOptions = {}): Promise<string | undefined> {
  const binary = options.binary ?? ORTHANC_BINARY
  const plugin = options.plugin ?? DICOMWEB_PLUGIN
  if (!(await reachable(binary, constants.X_OK))) return `Orthanc is not installed (${binary}): apt-get install orthanc`
  if (!(await reachable(plugin, constants.R_OK))) {
    return `the Orthanc DICOMweb plugin is not installed (${plugin}): apt-get install orthanc-dicomweb`
  }
  return undefined
}

/** A running Orthanc, or the reason it cannot run here (Orthanc or its DICOMweb plugin missing). */
export async function startOrthanc(options: OrthancOptions = {}): Promise<Orthanc | string> {
  const unavailable = await orthancUnavailable(options)
  if (unavailable !== undefined) return unavailable
  // The free port can be taken between the probe and Orthanc's bind: a second try, on a new port, covers that race.
  try {
    return await launch(options)
  } catch (error) {
    if (!(error instanceof OrthancStartError) || !error.exitedEarly) throw error
    return launch(options)
  }
}

class OrthancStartError extends Error {
  readonly exitedEarly: boolean
  constructor(message: string, exitedEarly: boolean) {
    super(message)
    this.exitedEarly = exitedEarly
  }
}

async function launch(options: OrthancOptions): Promise<Orthanc> {
  const dir = await mkdtemp(join(tmpdir(), 'dicom-token-orthanc-'))
  let child: ChildProcess | undefined
  let lifetime: NodeJS.Timeout | undefined
  let logText = ''
  let stopping: Promise<void> | undefined

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      clearTimeout(lifetime)
      if (child !== undefined) await terminate(child)
      await rm(dir, { recursive: true, force: true })
    })()
    return stopping
  }

  try {
    const port = await unusedLoopbackPort()
    const configPath = join(dir, 'orthanc.json')
    await writeFile(configPath, JSON.stringify(orthancConfig(join(dir, 'db'), port), null, 2))
    // The guard's stdin stays open as long as this process lives; it is Orthanc's tie to this test run.
    const guardArgs = [GUARD, options.binary ?? ORTHANC_BINARY, configPath, dir]
    child = spawn(process.execPath, guardArgs, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] })
    const keep = (chunk: Buffer): void => {
      logText = (logText + chunk.toString('utf8')).slice(-LOG_LIMIT)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    lifetime = setTimeout(() => void stop(), options.maxLifetimeMs ?? 10 * 60_000)
    lifetime.unref()

    const url = `http://127.0.0.1:${port}`
    const orthanc: Orthanc = {
      url,
      dicomWebUrl: `${url}${DICOMWEB_ROOT}`,
      pid: child.pid ?? -1,
      directory: dir,
      request: (method, path, requestOptions) => requestOnce(`${url}${path}`, method, requestOptions),
      async json(method, path, body) {
        const answer = await requestOnce(`${url}${path}`, method, body === undefined ? {} : { body })
        const text = answer.body.toString('utf8')
        if (answer.status !== 200) throw new Error(`Orthanc ${method} ${path} answered ${answer.status}: ${text}`)
        return JSON.parse(text) as unknown
      },
      async clear() {
        const patients = (await orthanc.json('GET', '/patients')) as string[]
        for (const id of patients) await requestOnce(`${url}/patients/${id}`, 'DELETE')
      },
      log: () => logText,
      stop
    }
    await waitUntilReady(orthanc, child, options.readyTimeoutMs ?? 15_000)
    return orthanc
  } catch (error) {
    await stop()
    if (error instanceof OrthancStartError) throw error
    throw new OrthancStartError(`Orthanc did not start: ${String(error)}\n${logText}`, false)
  }
}

function orthancConfig(storage: string, httpPort: number): Record<string, unknown> {
  return {
    Name: 'dicom-token-action-test',
    StorageDirectory: storage,
    IndexDirectory: storage,
    HttpPort: httpPort,
    // "DicomPort": 0 does not turn DICOM off: Orthanc 1.10 then listens on a random port on every interface.
    DicomServerEnabled: false,
    DicomPort: 0,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: false,
    // Plain bodies: the front passes them through and must not have to undo gzip.
    HttpCompressionEnabled: false,
    HttpThreadsCount: 4,
    ConcurrentJobs: 1,
    SaveJobs: false,
    Plugins: [DICOMWEB_PLUGIN],
    DicomWeb: { Enable: true, Root: `${DICOMWEB_ROOT}/` }
  }
}

async function waitUntilReady(orthanc: Orthanc, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited: string | undefined
  child.once('exit', (code, signal) => {
    exited = `exited with ${signal ?? `code ${code ?? 'none'}`}`
  })
  child.once('error', (error) => {
    exited = `could not be run: ${error.message}`
  })
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new OrthancStartError(`Orthanc ${exited}\n${orthanc.log()}`, true)
    }
    const answer = await orthanc.request('GET', '/system', { timeoutMs: 1000 }).catch(() => undefined)
    if (answer?.status === 200) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new OrthancStartError(`Orthanc did not answer GET /system within ${timeoutMs} ms\n${orthanc.log()}`, false)
}

/** SIGTERM, and SIGKILL if Orthanc has not exited after the grace period; resolves once it has exited. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const grace = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
  await exited
  clearTimeout(grace)
}

function requestOnce(url: string, method: string, options: OrthancRequestOptions = {}): Promise<OrthancAnswer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body)
    const headers = { ...options.headers, ...(body === undefined ? {} : { 'Content-Length': String(body.length) }) }
    const req = httpRequest(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.once('end', () => {
        clearTimeout(timer)
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) })
      })
      res.once('error', reject)
    })
    // A bound on the whole exchange, not only on idle time: a slow trickle must fail too.
    const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS
    const timedOut = new Error(`Orthanc did not answer ${method} ${url} in ${timeoutMs} ms`)
    const timer = setTimeout(() => req.destroy(timedOut), timeoutMs)
    req.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    req.end(body)
  })
}

async function reachable(path: string, mode: number): Promise<boolean> {
  try {
    await access(path, mode)
    return true
  } catch {
    return false
  }
}
