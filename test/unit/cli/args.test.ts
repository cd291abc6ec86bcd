import { strict as assert } from 'node:assert';
import { commandHelp, parseCommandArgs, usageLine, wantsHelp, type CommandSpec } from '../../../src/cli/args';
import { commands } from '../../../src/cli/commands/index';
import { parseEvidenceArgs } from '../../../src/cli/commands/evidence';
import { parsePrArgs } from '../../../src/cli/commands/pr';
import { parseStatusArgs } from '../../../src/cli/commands/status';
import { parseVerifyArgs } from '../../../src/cli/commands/verify';
import { commandDeadline } from '../../../src/cli/github';
import { main } from '../../../src/cli/main';
import { isChangeControlError } from '../../../src/core/errors';
import { fakeIo } from './fakeIo';

const spec = {
  name: 'demo',
  summary: 'Show what the spec layer does',
  synopsis: '--id N FILE',
  positionals: { name: 'FILE', description: 'The file to read', max: 1, tooMany: 'one file at a time' },
  options: {
    id: { type: 'string', value: 'N', valid: (v: string) => /^\d+$/.test(v), expects: 'a number', description: 'Which one' },
    format: { type: 'string', choices: ['text', 'json'], default: 'text', description: 'The output' },
    mode: { type: 'string', choices: ['a', 'b', 'c'], description: 'A mode' },
    tag: { type: 'string', value: 'TAG', multiple: true, description: 'A tag (repeat it)' },
    note: { type: 'string', value: 'TEXT', freeText: true, description: 'Free text' },
    remote: { type: 'string', value: 'NAME', default: 'origin', description: 'The remote' },
    yes: { type: 'boolean', short: 'y', description: 'Go ahead' },
    left: { type: 'boolean', description: 'Left' },
    right: { type: 'boolean', description: 'Right' },
  },
  exclusive: [['left', 'right']],
} as const satisfies CommandSpec;

/** The usage error `args` cause: its message, after checking its code and the usage line. */
function refusal(args: string[]): string {
  try {
    parseCommandArgs(spec, args);
  } catch (err) {
    assert.ok(isChangeControlError(err, 'usage'), String(err));
    assert.ok(err.message.endsWith(`\nusage: ${usageLine(spec)}`), err.message);
    return err.message.slice(0, err.message.indexOf('\n'));
  }
  assert.fail(`${args.join(' ')} was accepted`);
}

describe('cli/args: a command spec gives the parsing', () => {
  it('reads --flag value and --flag=value, aliases, positionals, and fills the defaults', () => {
    const { values, positionals } = parseCommandArgs(spec, ['--id', '7', '-y', '--format=json', '-']);
    assert.deepEqual(positionals, ['-']);
    assert.deepEqual(values, { id: '7', format: 'json', mode: undefined, tag: [], note: undefined, remote: 'origin', yes: true, left: false, right: false });
  });

  it('adds up a repeated multiple option in order, and keeps the last value of any other', () => {
    const { values } = parseCommandArgs(spec, ['--tag', 'a', '--remote', 'one', '--tag=b', '--remote=two', '--tag', 'c']);
    assert.deepEqual(values.tag, ['a', 'b', 'c']);
    assert.equal(values.remote, 'two');
  });

  it('takes what follows -- as positionals, and a value that starts with "-" only inline or as free text', () => {
    assert.deepEqual(parseCommandArgs(spec, ['--', '--yes']).positionals, ['--yes']);
    assert.equal(parseCommandArgs(spec, ['--remote=-odd']).values.remote, '-odd');
    assert.equal(parseCommandArgs(spec, ['--note', '-- leading dash']).values.note, '-- leading dash');
    assert.equal(parseCommandArgs(spec, ['--note', '']).values.note, '');
  });

  it('refuses an unknown flag, long or short, naming it', () => {
    assert.equal(refusal(['--bogus']), 'unknown option "--bogus".');
    assert.equal(refusal(['-x']), 'unknown option "-x".');
    assert.equal(refusal(['-yq']), 'unknown option "-q".');
  });

  it('refuses a missing value: at the end, before another flag, or empty', () => {
    assert.equal(refusal(['--remote']), '--remote needs a value (--remote NAME).');
    assert.equal(refusal(['--remote', '--yes']), '--remote needs a value (--remote NAME; for a value that starts with "-", write --remote=NAME).');
    assert.equal(refusal(['--remote=']), '--remote needs a value (--remote NAME).');
    assert.equal(refusal(['--note']), '--note needs a value (--note TEXT).');
  });

  it('refuses a value outside the choices, listing them', () => {
    assert.equal(refusal(['--format', 'yaml']), '--format must be "text" or "json", not "yaml".');
    assert.equal(refusal(['--mode=d']), '--mode must be one of "a", "b" or "c", not "d".');
  });

  it('refuses a value its check rejects, saying what it needs', () => {
    assert.equal(refusal(['--id', 'x1']), '--id needs a number, not "x1".');
  });

  it('refuses a value on a boolean, two of an exclusive group, and one positional too many', () => {
    assert.equal(refusal(['--yes=no']), '--yes takes no value.');
    assert.equal(refusal(['--left', '--right']), '--left and --right do not go together.');
    assert.equal(refusal(['--left', '--left']), '--left and --right do not go together.');
    assert.equal(refusal(['a', 'b']), 'one file at a time, not also "b".');
  });

  it('refuses a positional where the spec has none', () => {
    const bare = { name: 'bare', summary: 'No positionals', options: {} } as const satisfies CommandSpec;
    assert.throws(() => parseCommandArgs(bare, ['extra']), /^ChangeControlError: unknown argument "extra"\.\nusage: change-control bare$/);
  });

  it('quotes a hostile value in the message: control characters escaped, length cut', () => {
    const message = refusal(['--format', `x\u001b[2J${'y'.repeat(200)}`]);
    assert.ok(!message.includes('\u001b'), message);
    assert.match(message, /"x\\u001b\[2Jy{75}…"/);
  });
});

describe('cli/args: a command spec gives --help', () => {
  it('builds the usage line: the synopsis, then each option it does not name, a multiple one with "..."', () => {
    assert.equal(usageLine(spec), 'change-control demo --id N FILE [--format text|json] [--mode a|b|c] [--tag TAG]... [--note TEXT] [--remote NAME] [--yes] [--left] [--right]');
  });

  it('lists every option with its alias, placeholder, description and default', () => {
    const help = commandHelp(spec);
    assert.ok(help.startsWith(`usage: ${usageLine(spec)}\n\nShow what the spec layer does\n\nArguments:\n  FILE  The file to read\n\nOptions:\n`), help);
    assert.match(help, /^ {2}--format text\|json +The output \(default: text\)$/m);
    assert.match(help, /^ {2}--remote NAME +The remote \(default: origin\)$/m);
    assert.match(help, /^ {2}-y, --yes +Go ahead$/m);
    assert.match(help, /^ {2}-h, --help +Show this help$/m);
    assert.doesNotMatch(help, /--mode a\|b\|c .*default/);
  });

  it('is asked for by --help or -h (also in a group), not after --', () => {
    assert.equal(wantsHelp(['--help']), true);
    assert.equal(wantsHelp(['x', '-h']), true);
    assert.equal(wantsHelp(['-fh']), true);
    assert.equal(wantsHelp(['--', '--help']), false);
    assert.equal(wantsHelp(['--note=--help']), false);
  });

  it('prints each command\'s help, naming every option of its spec, and exits 0', async () => {
    for (const command of commands) {
      const io = fakeIo([command.name, '--help']);
      assert.equal(await main(io), 0, command.name);
      assert.equal(io.out, commandHelp(command.spec));
      for (const name of Object.keys(command.spec.options)) assert.match(io.out, new RegExp(`^ {2}(-\\w, )?--${name}\\b.* \\S`, 'm'), `${command.name} --${name}`);
    }
  });

  it('lists the commands from the same specs in change-control --help', async () => {
    const io = fakeIo(['--help']);
    assert.equal(await main(io), 0);
    for (const command of commands) assert.match(io.out, new RegExp(`^ {2}${command.spec.name} +${command.spec.summary.replace(/[()]/g, '\\$&')}$`, 'm'));
  });

  it('exits 2 on a usage error, printing the reason and the usage line', async () => {
    const io = fakeIo(['status', '--format', 'yaml']);
    assert.equal(await main(io), 2);
    assert.equal(io.err, `change-control status: --format must be "text" or "json", not "yaml".\nusage: ${commands.find((c) => c.name === 'status')!.usage}\n`);
  });
});

describe('cli --timeout (the flag form of CHANGE_CONTROL_TIMEOUT_SECONDS)', () => {
  it('is read by every command that talks to GitHub', () => {
    assert.equal(parseStatusArgs(['--timeout', '5']).timeoutSeconds, 5);
    assert.equal(parseVerifyArgs(['--pr', '1', '--timeout=0.5']).timeoutSeconds, 0.5);
    assert.equal(parseEvidenceArgs(['--pr', '1', '--timeout', '30']).timeoutSeconds, 30);
    assert.equal(parsePrArgs(['--timeout', '3600']).timeoutSeconds, 3600);
    assert.equal(parseStatusArgs([]).timeoutSeconds, undefined);
  });

  it('refuses what is not a number of seconds above 0 and up to an hour', () => {
    for (const bad of ['0', 'soon', '3601', '-1', '1e3']) {
      assert.throws(() => parseStatusArgs([`--timeout=${bad}`]), (err: unknown) => isChangeControlError(err, 'usage') && /--timeout needs a number of seconds above 0 and up to 3600/.test(err.message), bad);
    }
  });

  it('overrides CHANGE_CONTROL_TIMEOUT_SECONDS, even a bad one, and is scaled like it', () => {
    const env = { CHANGE_CONTROL_TIMEOUT_SECONDS: 'soon' };
    assert.throws(() => commandDeadline(env), /CHANGE_CONTROL_TIMEOUT_SECONDS must be a number/);
    const flag = commandDeadline(env, 1, 5);
    const scaled = commandDeadline({ CHANGE_CONTROL_TIMEOUT_SECONDS: '2' }, 10, 3);
    try {
      assert.equal(flag.seconds, 5);
      assert.equal(scaled.seconds, 30);
    } finally {
      flag.dispose();
      scaled.dispose();
    }
  });

  it('is offered only by the commands that talk to GitHub', () => {
    const withTimeout = commands.filter((c) => 'timeout' in c.spec.options).map((c) => c.name).sort();
    assert.deepEqual(withTimeout, ['doctor', 'evidence', 'merge', 'pr', 'release', 'status', 'verify']);
  });
});
