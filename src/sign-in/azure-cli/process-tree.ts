// Which processes run below a given one, so a timed-out az can be stopped whole: the Azure CLI is often a shell
// launcher (Microsoft's deb, Homebrew) that starts python without exec, and killing the launcher alone orphans it.
import { execFile } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { win32 } from 'node:path'

/**
 * Windows' taskkill by its full path: spawned by bare name, libuv looks in the current directory (the checkout,
 * GITHUB_WORKSPACE) before PATH, so a taskkill.exe planted in the repository would run instead.
 */
export function taskkillPath(env: Record<string, string | undefined>): string {
  const systemRoot = env.SystemRoot ?? env.SYSTEMROOT ?? env.windir ?? 'C:\\Windows'
  return win32.join(systemRoot, 'System32', 'taskkill.exe')
}

/** The parent pid from /proc/<pid>/stat: "pid (comm) state ppid …", where comm may itself hold spaces or ')'. */
export function parentFromProcStat(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ppid = Number(fields[1])
  return Number.isInteger(ppid) ? ppid : undefined
}

/** A zombie has ended; it only waits for a parent (often a container's init that never reaps) to collect it. */
export function stateFromProcStat(stat: string): string | undefined {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]
}

/** `ps -A -o pid= -o ppid=` output as pid -> parent pid. */
export function parentsFromPs(output: string): Map<number, number> {
  const parents = new Map<number, number>()
  for (const line of output.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s*$/.exec(line)
    if (match) parents.set(Number(match[1]), Number(match[2]))
  }
  return parents
}

/** Every descendant of `root`, children before grandchildren. */
export function descendantsOf(root: number, parents: Map<number, number>): number[] {
  const found: number[] = []
  for (let i = -1; i < found.length; i++) {
    const parent = i === -1 ? root : found[i]
    for (const [pid, ppid] of parents) if (ppid === parent && pid !== root && !found.includes(pid)) found.push(pid)
  }
  return found
}

async function processParents(): Promise<Map<number, number>> {
  if (process.platform === 'linux') {
    const parents = new Map<number, number>()
    const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name))
    await Promise.all(
      pids.map(async (pid) => {
        const ppid = parentFromProcStat(await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ''))
        if (ppid !== undefined) parents.set(Number(pid), ppid)
      })
    )
    return parents
  }
  return new Promise((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { timeout: 2000 }, (error, stdout) =>
      resolve(error ? new Map() : parentsFromPs(stdout))
    )
  })
}

/** The process and everything below it; only the process itself when the system will not say. */
export async function processTree(pid: number): Promise<number[]> {
  try {
    return [pid, ...descendantsOf(pid, await processParents())]
  } catch {
    return [pid]
  }
}

/** The pids that still run: signal 0 finds them, and on Linux /proc tells a zombie (already ended) apart. */
export async function stillRunning(pids: number[]): Promise<number[]> {
  const running = await Promise.all(
    pids.map(async (pid) => {
      try {
        process.kill(pid, 0)
      } catch {
        return false
      }
      if (process.platform !== 'linux') return true
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
      return stat !== '' && stateFromProcStat(stat) !== 'Z'
    })
  )
  return pids.filter((_, index) => running[index])
}
