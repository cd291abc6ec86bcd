/**
 * The CLI's flags, declared: each command states its options once (a
 * `CommandSpec`), and this file gives it the parsing, the `--help` text
 * and the usage errors. Parsing is node:util `parseArgs` (both
 * `--flag value` and `--flag=value`, `-` and anything after `--` as
 * positionals, short aliases, repeated options); its tokens are then
 * checked against the spec here, so every message names the flag and ends
 * with the usage line (exit 2), in the same words for every command.
 *
 * Rules: an unknown option is an error; a boolean takes no value; a value
 * given as the next argument may not start with "-" (so `--remote --yes`
 * does not swallow `--yes`) unless the option is free text, while
 * `--flag=-x` always works; a repeated option keeps the last value unless
 * it is `multiple`; `exclusive` groups allow one of their options once.
 */
import { parseArgs } from 'node:util';
import { ChangeControlError } from '../core/errors';

/** One option of a command. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** One line for `--help`. */
  readonly description: string;
  /** A one-letter alias (`-y`). */
  readonly short?: string;
  /** The value's placeholder in the usage line and `--help` (`NAME`); `VALUE` when not given. */
  readonly value?: string;
  /** The values allowed; anything else is a usage error listing them. */
  readonly choices?: readonly string[];
  /** The value when the option is absent (shown in `--help`). */
  readonly default?: string;
  /** What `--help` shows as the default when it is not a literal value. */
  readonly defaultText?: string;
  /** Given again, the values add up (in order) instead of the last one winning. */
  readonly multiple?: boolean;
  /** Any text is a value, even '' or one starting with "-" (a description). */
  readonly freeText?: boolean;
  /** A check on the value; a failing value is "FLAG needs EXPECTS, not VALUE". */
  readonly valid?: (value: string) => boolean;
  /** What a valid value is, for the message of `valid` ("a pull request number"). */
  readonly expects?: string;
}

export type OptionsSpec = Readonly<Record<string, OptionSpec>>;

export interface PositionalsSpec {
  /** The placeholder in `--help` (`FILE`). */
  readonly name: string;
  readonly description: string;
  /** How many may be given. */
  readonly max: number;
  /** Said when there are more than `max` ("one file at a time"), before ', not also "X".' */
  readonly tooMany: string;
}

/** A command's arguments, declared once. */
export interface CommandSpec<O extends OptionsSpec = OptionsSpec> {
  readonly name: string;
  /** One line for `change-control --help` and the command's own help. */
  readonly summary: string;
  /**
   * What follows the command name in the usage line: operands and required
   * options (`--pr N`, `(FILE | - | --range A..B)`). The options it names
   * are not repeated in brackets after it.
   */
  readonly synopsis?: string;
  readonly options: O;
  /** Positional arguments; without this, one is an error. */
  readonly positionals?: PositionalsSpec;
  /** Groups of options (their names in `options`) of which at most one may be given, once. */
  readonly exclusive?: readonly (readonly string[])[];
}

type ChoiceOf<S extends OptionSpec> = S extends { readonly choices: readonly (infer C extends string)[] } ? C : string;
type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { readonly multiple: true }
    ? ChoiceOf<S>[]
    : S extends { readonly default: string }
      ? ChoiceOf<S>
      : ChoiceOf<S> | undefined;

/** The parsed values: a boolean is false when absent, a `multiple` option [], a string its default or undefined. */
export type OptionValues<O extends OptionsSpec> = { -readonly [K in keyof O]: ValueOf<O[K]> };

export interface ParsedArgs<O extends OptionsSpec> {
  values: OptionValues<O>;
  positionals: string[];
}

/** The `--help` option every command has (handled before parsing, by main). */
const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'Show this help' };

/** True when the arguments ask for help (`--help` or `-h`, before any `--`). */
export function wantsHelp(args: readonly string[]): boolean {
  const { tokens } = parseArgs({ args: [...args], strict: false, allowPositionals: true, tokens: true });
  const end = tokens.findIndex((t) => t.kind === 'option-terminator');
  return tokens.slice(0, end < 0 ? undefined : end).some((t) => t.kind === 'option' && (t.name === 'help' || t.name === 'h'));
}

/** Parses `args` by `spec`; throws a 'usage' error naming the flag, with the usage line. */
export function parseCommandArgs<O extends OptionsSpec>(spec: CommandSpec<O>, args: readonly string[]): ParsedArgs<O> {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
  );
  // strict: false, so an unknown option becomes a token and the message below can name it.
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean | string[] | undefined> = {};
  const given = new Map<string, number>();
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    const option = Object.hasOwn(spec.options, token.name) ? spec.options[token.name] : undefined;
    if (!option) throw usageError(spec, `unknown option ${quote(token.rawName)}.`);
    const flag = `--${token.name}`;
    given.set(token.name, (given.get(token.name) ?? 0) + 1);
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw usageError(spec, `${flag} takes no value.`);
      values[token.name] = true;
      continue;
    }
    const value = checkedValue(spec, option, flag, token.value, token.inlineValue === true);
    values[token.name] = option.multiple ? [...((values[token.name] as string[] | undefined) ?? []), value] : value;
  }
  checkExclusive(spec, given);
  checkPositionals(spec, positionals);
  for (const [name, o] of Object.entries(spec.options)) {
    if (values[name] !== undefined) continue;
    values[name] = o.type === 'boolean' ? false : o.multiple ? [] : o.default;
  }
  return { values: values as OptionValues<O>, positionals };
}

function checkedValue(spec: CommandSpec, option: OptionSpec, flag: string, value: string | undefined, inline: boolean): string {
  const placeholder = option.value ?? 'VALUE';
  if (value === undefined) throw usageError(spec, `${flag} needs a value (${flag} ${placeholder}).`);
  if (!option.freeText && !inline && value.startsWith('-')) {
    throw usageError(spec, `${flag} needs a value (${flag} ${placeholder}; for a value that starts with "-", write ${flag}=${placeholder}).`);
  }
  if (!option.freeText && value === '') throw usageError(spec, `${flag} needs a value (${flag} ${placeholder}).`);
  if (option.choices && !option.choices.includes(value)) throw usageError(spec, `${flag} must be ${choiceList(option.choices)}, not ${quote(value)}.`);
  if (option.valid && !option.valid(value)) throw usageError(spec, `${flag} needs ${option.expects ?? 'a valid value'}, not ${quote(value)}.`);
  return value;
}

function checkExclusive(spec: CommandSpec, given: ReadonlyMap<string, number>): void {
  for (const group of spec.exclusive ?? []) {
    const count = group.reduce((n, name) => n + (given.get(name) ?? 0), 0);
    if (count <= 1) continue;
    const flags = group.map((name) => `--${name}`);
    throw usageError(spec, flags.length === 2 ? `${flags[0]} and ${flags[1]} do not go together.` : `give only one of ${joinWords(flags, 'and')}.`);
  }
}

function checkPositionals(spec: CommandSpec, positionals: readonly string[]): void {
  const allowed = spec.positionals?.max ?? 0;
  if (positionals.length <= allowed) return;
  const extra = quote(positionals[allowed]!);
  throw usageError(spec, spec.positionals ? `${spec.positionals.tooMany}, not also ${extra}.` : `unknown argument ${extra}.`);
}

/** A 'usage' error: the reason, then the command's usage line. */
export function usageError(spec: CommandSpec, reason: string): ChangeControlError {
  return new ChangeControlError('usage', `${reason}\nusage: ${usageLine(spec)}`);
}

/** `change-control NAME SYNOPSIS [--flag VALUE]... `: the synopsis, then each option it does not name. */
export function usageLine(spec: CommandSpec): string {
  const synopsis = spec.synopsis ?? '';
  const rest = Object.entries(spec.options)
    .filter(([name]) => !new RegExp(`--${name}(?![\\w-])`).test(synopsis))
    .map(([name, o]) => `[${optionWithValue(name, o)}]${o.multiple ? '...' : ''}`);
  return ['change-control', spec.name, ...(synopsis ? [synopsis] : []), ...rest].join(' ');
}

/** The command's `--help`: usage line, summary, arguments, and each option with its description and default. */
export function commandHelp(spec: CommandSpec): string {
  const rows: [string, string][] = Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => [
    `${o.short ? `-${o.short}, ` : ''}${optionWithValue(name, o)}`,
    `${o.description}${defaultNote(o)}`,
  ]);
  const sections = [`usage: ${usageLine(spec)}`, spec.summary];
  if (spec.positionals) sections.push(`Arguments:\n${table([[spec.positionals.name, spec.positionals.description]])}`);
  sections.push(`Options:\n${table(rows)}`);
  return `${sections.join('\n\n')}\n`;
}

function optionWithValue(name: string, o: OptionSpec): string {
  if (o.type === 'boolean') return `--${name}`;
  return `--${name} ${o.choices ? o.choices.join('|') : (o.value ?? 'VALUE')}`;
}

function defaultNote(o: OptionSpec): string {
  const shown = o.defaultText ?? o.default;
  return shown === undefined ? '' : ` (default: ${shown})`;
}

/** Two columns; a left cell too wide for the column puts its description on the next line. */
function table(rows: readonly [string, string][]): string {
  const width = Math.min(Math.max(...rows.map(([left]) => left.length)), 24);
  return rows
    .map(([left, right]) => (left.length > width ? `  ${left}\n  ${' '.repeat(width)}  ${right}` : `  ${left.padEnd(width)}  ${right}`))
    .join('\n');
}

function choiceList(choices: readonly string[]): string {
  return choices.length === 2 ? `"${choices[0]}" or "${choices[1]}"` : `one of ${joinWords(choices.map((c) => `"${c}"`), 'or')}`;
}

function joinWords(words: readonly string[], last: string): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** A user's value in a message: JSON-quoted (so control characters show), and cut at 80 characters. */
function quote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
