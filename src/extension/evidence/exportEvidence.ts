/**
 * "Change Control: Export Change Evidence": asks for the scope (the current
 * branch's pull request, a pull request number, or a release range between
 * two tags), gathers under a cancellable progress notification, opens the
 * Markdown report in a preview (times in local time, UTC in the hover)
 * and offers "Save JSON…", also in the preview's title bar, proposing a
 * place outside the work tree.
 */
import * as os from 'node:os';
import * as vscode from 'vscode';
import { evidenceFileName, evidenceSaveLocation } from './saveLocation';
import { renderEvidenceMarkdown } from '../../core/evidence/markdown';
import { EvidenceDocumentSchema } from '../../core/evidence/schema';
import { ChangeControlError } from '../../core/errors';
import { currentBranch } from '../../git/commits';
import { gitCall, openGit } from '../../git/git';
import { loadEffectivePolicy } from '../policy/loadEffectivePolicy';
import { produceEvidence, type EvidenceScope } from '../../app/evidenceReport';
import type { CommandRegistry } from '../commands/registerCommands';
import type { CommandContext } from '../commands/runCommand';
import { withCancellableProgress } from '../commands/withProgress';
import { RANGE_BOUND_FACTOR } from '../../github/deadline';
import type { ChangeRepository } from '../repository/changeRepository';

/** The evidence last exported: what "Save JSON…" in the preview's title bar saves. */
interface ExportedEvidence {
  root: string;
  json: string;
  name: string;
}

/** Context key: an evidence report was exported in this window (shows Save JSON… in the title bar). */
export const EVIDENCE_OPEN_CONTEXT = 'changeControl.evidenceOpen';

export function registerExportEvidence(context: vscode.ExtensionContext, ctx: CommandContext, commands: CommandRegistry): void {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  let last: ExportedEvidence | undefined;
  // It reads the repository with git.
  commands.registerForRepository('changeControl.exportEvidence', { title: 'Export Change Evidence', trust: 'trusted' }, async (repository) => {
    const exported = await exportEvidence(repository, ctx, version);
    if (!exported) return;
    last = exported;
    await vscode.commands.executeCommand('setContext', EVIDENCE_OPEN_CONTEXT, true);
    const choice = await vscode.window.showInformationMessage(exported.summary, 'Save JSON…');
    if (choice === 'Save JSON…') await saveEvidenceJson(exported);
  });
  commands.register('changeControl.saveEvidenceJson', async () => {
    if (last) await saveEvidenceJson(last);
    else void vscode.window.showInformationMessage('Export Change Evidence first; then its JSON can be saved.');
  }, { title: 'Save Evidence JSON' });
}

/** Asks where to save (outside the work tree by default) and writes the JSON there. */
async function saveEvidenceJson(evidence: ExportedEvidence): Promise<void> {
  const defaultUri = vscode.Uri.file(evidenceSaveLocation(evidence.root, os.homedir(), evidence.name));
  const target = await vscode.window.showSaveDialog({ defaultUri, filters: { JSON: ['json'] }, title: 'Save Change Evidence JSON' });
  if (target) await vscode.workspace.fs.writeFile(target, Buffer.from(evidence.json, 'utf8'));
}

/** Local date and time as the editor's locale writes it ("4 Dec 2026, 22:00"). */
function localTime(date: Date): string {
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

async function exportEvidence(repository: ChangeRepository, ctx: CommandContext, version: string): Promise<(ExportedEvidence & { summary: string }) | undefined> {
  const { root } = repository;
  const scope = await pickScope(root);
  if (!scope) return;
  const github = await repository.github(true, { scale: scope.kind === 'range' ? RANGE_BOUND_FACTOR : 1 });
  const policy = await loadEffectivePolicy(root);
  const doc = await withCancellableProgress('Gathering change evidence', (signal, progress) =>
    produceEvidence({
      root,
      octokit: github.octokit,
      repo: github.repo,
      repoUrl: `https://${github.host}/${github.repo.owner}/${github.repo.repo}`,
      policy,
      scope,
      generatorVersion: version,
      now: new Date(),
      secrets: () => [],
      onProgress: (message, done, total) => progress.report({ message: `${message} (${Math.min(done + 1, total)}/${total})`, increment: total > 0 ? 100 / total : 0 }),
      signal,
    }),
  );
  const checked = EvidenceDocumentSchema.parse(doc);
  const markdown = ctx.secrets.redact(renderEvidenceMarkdown(checked, { localTime }));
  const editor = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreview', editor.uri);
  const scopeName = scope.kind === 'range' ? `${scope.from}..${scope.to}` : scope.kind === 'pull-request' ? `pr-${scope.number}` : scope.branch;
  return {
    root,
    json: `${ctx.secrets.redact(JSON.stringify(checked, null, 2))}\n`,
    name: evidenceFileName(github.repo.repo, scopeName),
    summary: `Evidence: ${checked.summary.changes} change(s), ${checked.summary.deviations} deviation(s).`,
  };
}

type ScopePick = vscode.QuickPickItem & { kind2: 'branch' | 'number' | 'range' };

async function pickScope(root: string): Promise<EvidenceScope | undefined> {
  const branch = await currentBranch(root);
  const items: ScopePick[] = [
    ...(branch ? [{ label: `Pull request of ${branch}`, kind2: 'branch' as const }] : []),
    { label: 'Pull request number…', kind2: 'number' },
    { label: 'Release range between two tags…', kind2: 'range' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Export Change Evidence: which change?' });
  if (!picked) return undefined;
  if (picked.kind2 === 'branch' && branch) return { kind: 'branch', branch };
  if (picked.kind2 === 'number') {
    const text = await vscode.window.showInputBox({ title: 'Pull request number', validateInput: (v) => (/^[1-9]\d*$/.test(v.trim()) ? undefined : 'A pull request number, such as 42') });
    return text ? { kind: 'pull-request', number: Number(text.trim()) } : undefined;
  }
  const tags = (await gitCall('Listing tags', () => openGit(root).raw(['tag', '--sort=-creatordate']))).split('\n').filter(Boolean);
  if (tags.length < 2) throw new ChangeControlError('usage', 'A release range needs two tags; this repository has fewer.', { hint: 'Tag the releases first (git tag v1.0.0), then export again.' });
  const to = await vscode.window.showQuickPick(tags, { title: 'Release range: the newer tag (to)' });
  if (!to) return undefined;
  const from = await vscode.window.showQuickPick(tags.filter((t) => t !== to), { title: `Release range: the older tag (from … ${to})` });
  return from ? { kind: 'range', from, to } : undefined;
}
