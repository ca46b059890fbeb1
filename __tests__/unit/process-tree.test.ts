// Finding what a timed-out az started, from /proc or ps output.
import {
  descendantsOf,
  parentFromProcStat,
  parentsFromPs,
  stateFromProcStat,
  stillRunning,
  taskkillPath
} from '../../src/sign-in/azure-cli/process-tree.ts'

describe('reading /proc/<pid>/stat', () => {
  it('reads the parent pid and state, even when the command name holds spaces and parentheses', () => {
    const stat = '4242 (python3 (az) x) S 4200 4242 4200 0 -1 4194304 1234 0 0 0'
    expect(parentFromProcStat(stat)).toBe(4200)
    expect(stateFromProcStat(stat)).toBe('S')
  })

  it('says Z for a zombie, and nothing for text that is not a stat line', () => {
    expect(stateFromProcStat('77 (sleep) Z 1 77 77 0')).toBe('Z')
    expect(parentFromProcStat('')).toBeUndefined()
  })
})

describe('reading ps output', () => {
  it('maps each pid to its parent and skips lines that are not two numbers', () => {
    expect(parentsFromPs('    1     0\n  300     1\n  301   300\n  PID  PPID\n\n')).toEqual(
      new Map([
        [1, 0],
        [300, 1],
        [301, 300]
      ])
    )
  })
})

describe('descendantsOf', () => {
  it('finds children and grandchildren, not siblings or ancestors', () => {
    const parents = new Map([
      [10, 1], // the action
      [20, 10], // az launcher (sh)
      [30, 20], // python
      [31, 30], // something python started
      [21, 10], // a sibling of az: not below it
      [40, 1]
    ])
    expect(descendantsOf(20, parents)).toEqual([30, 31])
    expect(descendantsOf(31, parents)).toEqual([])
  })
})

describe('stillRunning', () => {
  it('keeps a running process and drops a pid that is not there', async () => {
    expect(await stillRunning([process.pid, 2 ** 22 + 12345])).toEqual([process.pid])
  })
})

describe('taskkillPath', () => {
  it("is System32's taskkill by its full path, never a bare name the current directory could answer", () => {
    expect(taskkillPath({ SystemRoot: 'D:\\Windows' })).toBe('D:\\Windows\\System32\\taskkill.exe')
    expect(taskkillPath({})).toBe('C:\\Windows\\System32\\taskkill.exe')
  })
})
