// Where the stages write what they did. main.ts hands them the runner (runner.ts), which sanitises every line;
// tests hand them one that records.

export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}
