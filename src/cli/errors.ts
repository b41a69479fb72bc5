/** A mistake in how the command was called or what it was given: one line, exit code 2. */
export class CliError extends Error {}
