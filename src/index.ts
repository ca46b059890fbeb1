// Entry point for the runner (runs.main: dist/index.js).
import { run } from './main.ts'

await run()
