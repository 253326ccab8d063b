/**
 * A reader that stops early (`… | head -c 10`) closes the pipe: writes then fail with EPIPE, or with
 * ERR_STREAM_DESTROYED after the first failure. The output was not wanted any more, so that is no error: the script
 * goes on to its end and exits with its own code, without a stack trace. Any other write error is still thrown.
 */
export function ignoreClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}
