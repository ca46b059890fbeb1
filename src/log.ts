// Where the stages write what they did. main.ts hands them one that prints through @actions/core;
// tests hand them one that records.

export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}
