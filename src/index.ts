// Entry point for the runner (runs.main: dist/index.js).
import { run } from './main.ts'

await run()
// Everything is written; tearing down the loaded modules would only delay the step. Exit once stdout is flushed.
process.stdout.write('', () => process.exit())
