import type { CliIo } from '../../../src/cli/io';

/** A CliIo that records its output, outside any git work tree (the cwd does not exist, so no git runs). */
export function fakeIo(argv: string[], stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    argv,
    cwd: '/nonexistent-dir-for-change-control-tests',
    env: {},
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    readStdin: async () => stdin,
  };
  return io;
}
