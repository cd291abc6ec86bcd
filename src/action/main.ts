/** The GitHub Action's entry (dist/action.js): the runner's process around runAction. */
import { runAction } from './runAction';

/* c8 ignore start -- process wiring, exercised by the integration tests through the bundle */
if (require.main === module) {
  runAction({ env: process.env, cwd: process.cwd(), stdout: (t) => process.stdout.write(t) }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stdout.write(`::error title=Change Control::${String(err).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
      process.exitCode = 2;
    },
  );
}
/* c8 ignore stop */
