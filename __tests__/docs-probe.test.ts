import { readFileSync } from 'node:fs'
import { join } from 'node:path'

test('probe', async () => {
  const dist = join(process.cwd(), 'node_modules/@actions/workflow-parser/dist')
  for (const schema of ['workflow-v1.0.min.json', 'action-v1.0.min.json']) {
    const path = join(dist, schema)
    const json = JSON.parse(readFileSync(path, 'utf8'))
    import.meta.jest.unstable_mockModule(path, () => ({ default: json }))
  }
  const { parseWorkflow, NoOperationTraceWriter } = await import('@actions/workflow-parser')
  const { parseAction } = await import('@actions/workflow-parser/actions/index')
  const r = parseWorkflow({ name: 'x.yml', content: 'on: push\njobs:\n  a:\n    steps:\n      - run: echo\n' }, new NoOperationTraceWriter())
  console.log(r.context.errors.getErrors().map((e) => e.message))
  const a = parseAction({ name: 'action.yml', content: "name: x\ndescription: y\nruns:\n  using: node99\n  main: a.js\n" }, new NoOperationTraceWriter())
  console.log(a.context.errors.getErrors().map((e) => e.message))
})
