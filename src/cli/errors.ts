/** An error the CLI reports as one clear line and a non-zero exit (no stack trace). */
export class CliError extends Error {}
