/**
 * Feature branch names: the policy template (`{kind}/{ticket}-{slug}`)
 * filled with a sanitised slug, and a pure re-implementation of
 * `git check-ref-format --branch` so that a name is known to be valid
 * before git is asked (refs.c `check_refname_format`, git 2.39).
 */
import { ticketForBranch } from './ticketId';

export type ChangeKind = 'feature' | 'defect';

/** The longest slug a description turns into. */
export const SLUG_MAX_LENGTH = 50;

/** Letters NFKD does not decompose into ASCII. */
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'ae', ø: 'o', Ø: 'o', œ: 'oe', Œ: 'oe', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd',
  ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ŋ: 'ng', ſ: 's',
};

/**
 * A description as a branch-name slug: lower-case ASCII letters and digits
 * separated by single `-`, at most `max` characters, cut at a word
 * boundary when one is near. Accents are transliterated (`é` → `e`);
 * anything else (emoji, punctuation, `..`, `@{`) becomes a separator.
 */
export function slugify(description: string, max = SLUG_MAX_LENGTH): string {
  const ascii = description
    .replace(/[ßæÆøØœŒłŁđĐðÐþÞıŋſ]/gu, (c) => TRANSLITERATIONS[c] ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  const shortened = boundary >= max / 2 ? cut.slice(0, boundary) : slug.slice(0, max);
  return shortened.replace(/-+$/g, '');
}

export interface BranchNameParts {
  kind: ChangeKind;
  /** The ticket ID as recorded (`#123`); made branch-safe here. */
  ticket: string;
  description: string;
}

export type BranchNameResult = { ok: true; name: string } | { ok: false; message: string };

/**
 * Fill the policy template. Separators left dangling by an empty
 * placeholder are dropped, then the whole name is sanitised and checked
 * with the same rules as `git check-ref-format --branch`.
 */
export function renderBranchName(template: string, parts: BranchNameParts): BranchNameResult {
  const values: Record<string, string> = {
    kind: parts.kind,
    ticket: ticketForBranch(parts.ticket),
    slug: slugify(parts.description),
  };
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).filter((k) => k === undefined || !Object.hasOwn(values, k));
  if (unknown.length > 0) {
    return { ok: false, message: `The branch template "${template}" has unknown placeholders: ${unknown.map((k) => `{${k}}`).join(', ')}. Use {kind}, {ticket} and {slug}.` };
  }
  const filled = template.replace(/\{(kind|ticket|slug)\}/g, (_m, key: string) => values[key] ?? '');
  const name = sanitiseBranchName(filled);
  const problem = checkBranchName(name);
  if (problem) return { ok: false, message: `The branch template "${template}" gives "${name}", which git refuses: ${problem}.` };
  return { ok: true, name };
}

/**
 * Repair a would-be branch name: forbidden characters become `-`, `..`
 * and `@{` are broken up, components lose leading dots and a trailing
 * `.lock`, empty components and dangling separators disappear.
 */
export function sanitiseBranchName(raw: string): string {
  let name = raw.replace(/[\x00-\x20\x7f~^:?*[\\]+/g, '-').replace(/@\{/g, '-').replace(/\.{2,}/g, '.');
  const components = name
    .split('/')
    .map((c) => {
      let out = c.replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '');
      while (out.endsWith('.lock')) out = out.slice(0, -'.lock'.length).replace(/[-.]+$/g, '');
      return out;
    })
    .filter((c) => c !== '');
  name = components.join('/');
  if (name === '@' || name === 'HEAD') return '';
  return name;
}

/**
 * Why git would refuse `name` as a branch name, or undefined when it is
 * valid. Mirrors `git check-ref-format --branch NAME` run outside a
 * repository (no `@{-N}` shorthand: it is rejected like any `@{`). A lone
 * `@` passes there but means HEAD inside one, so sanitiseBranchName never
 * produces it.
 */
export function checkBranchName(name: string): string | undefined {
  if (name === '') return 'the name is empty';
  if (name.startsWith('-')) return 'a branch name cannot start with "-"';
  if (name === 'HEAD') return '"HEAD" is not a branch name';
  for (const component of name.split('/')) {
    const problem = checkComponent(component);
    if (problem) return problem;
  }
  if (name.endsWith('.')) return 'a branch name cannot end with "."';
  return undefined;
}

function checkComponent(component: string): string | undefined {
  if (component === '') return 'a branch name cannot start or end with "/" or contain "//"';
  let last = '';
  for (const ch of component) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return 'a branch name cannot contain control characters';
    if (ch === '.' && last === '.') return 'a branch name cannot contain ".."';
    if (ch === '{' && last === '@') return 'a branch name cannot contain "@{"';
    if (' ~^:?*[\\'.includes(ch)) return `a branch name cannot contain "${ch}"`;
    last = ch;
  }
  if (component.startsWith('.')) return 'no part of a branch name can start with "."';
  if (component.endsWith('.lock')) return 'no part of a branch name can end with ".lock"';
  return undefined;
}
