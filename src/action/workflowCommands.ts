/**
 * GitHub Actions' runner protocol, written by hand because it is three
 * small rules (and @actions/core would be the action's only dependency):
 * workflow commands on stdout (`::error title=…::message`), outputs and the
 * job summary appended to the files GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * name. Escaping follows the runner's own: in a message `%`, CR and LF;
 * in a property also `:` and `,`. A value a pull request's author wrote
 * can therefore never start a workflow command of its own.
 */
import { randomUUID } from 'node:crypto';

/** A message of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (title, file) of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** `::error title=Change Control::message` (one line, newline included). */
export function annotation(level: AnnotationLevel, message: string, properties: Record<string, string> = {}): string {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}\n`;
}

/**
 * One entry for the GITHUB_OUTPUT file. Multi-line values use the
 * runner's heredoc form, with a delimiter the value cannot contain.
 */
export function outputEntry(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw new Error(`Invalid output name "${name}".`);
  if (!value.includes('\n') && !value.includes('\r')) return `${name}=${value}\n`;
  if (value.includes(delimiter)) throw new Error('The output value contains its own delimiter.');
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
