/**
 * "Change Control: Check Tests", "Create Test File" and "Open Test": the
 * matching-tests check in the editor. Results become Problems-panel
 * warnings with quick actions; the service keeps them for the sidebar.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { testStubFor } from '../../app/testStub';
import { ChangeControlError } from '../../core/errors';
import { suggestTestFor } from '../../core/testMatching/checkTests';
import type { TestCheckResult } from '../../core/testMatching/types';
import { listTree } from '../../git/changes';
import { createWorkTreeFile } from '../../git/workTreeFile';
import { loadEffectivePolicy } from '../policy/loadEffectivePolicy';
import type { CommandRegistry } from '../commands/registerCommands';
import type { CommandContext } from '../commands/runCommand';
import { withCancellableProgress } from '../commands/withProgress';
import type { GitApi } from '../gitApi';
import type { ChangeRepositories } from '../repository/changeRepositories';
import type { RepositoryLocator } from '../repository/repositoryLocator';
import { SourceControlState } from './sourceControlState';
import { TestCheckService } from './testCheckService';
import { TestDiagnostics } from './testDiagnostics';
import { TestProblemsFollower } from './testProblemsFollower';

/**
 * Registers the commands, diagnostics and code actions; returns the
 * service so the sidebar can show (and listen to) the results.
 */
export function registerTestChecks(
  context: vscode.ExtensionContext,
  commandContext: CommandContext,
  deps: { commands: CommandRegistry; locator: RepositoryLocator; repositories: ChangeRepositories; gitApi: Promise<GitApi | undefined> },
): TestCheckService {
  const sourceControl = new SourceControlState();
  const service = new TestCheckService(commandContext.logger, deps.repositories, sourceControl);
  const diagnostics = new TestDiagnostics();
  void deps.gitApi.then((api) => api && sourceControl.attach(api));
  const commands = new TestCommands(service, diagnostics, deps.locator, commandContext);
  const follower = new TestProblemsFollower(service, diagnostics, { repositories: deps.repositories, locator: deps.locator, logger: commandContext.logger });
  context.subscriptions.push(
    sourceControl,
    service,
    diagnostics,
    follower,
    service.onDidCheck(({ root, result, requireTests }) => {
      diagnostics.show(root, result, requireTests);
      follower.checked(root, deps.repositories.get(root).gitRepository?.state.HEAD?.name);
    }),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, diagnostics, TestDiagnostics.metadata),
  );
  // All three run git (the check, and finding a source's tests).
  deps.commands.registerForRepository('changeControl.checkTests', { title: 'Check Tests', trust: 'trusted' }, (repository) => commands.check(repository.root));
  deps.commands.register('changeControl.createTestFile', (root, source, test) => commands.createTestFile(root, source, test), { title: 'Create Test File', trust: 'trusted' });
  deps.commands.register('changeControl.openTest', (root, test) => commands.openTest(root, test), { title: 'Open Test', trust: 'trusted' });
  return service;
}

function summary(result: TestCheckResult): string {
  const { covered, stale, missing, exempt } = result.counts;
  return `Tests: ${covered} covered, ${stale} stale, ${missing} missing${exempt ? `, ${exempt} exempt` : ''} (against ${result.base})`;
}

class TestCommands {
  constructor(
    private readonly service: TestCheckService,
    private readonly diagnostics: TestDiagnostics,
    private readonly locator: RepositoryLocator,
    private readonly ctx: CommandContext,
  ) {}

  /** Runs the check with a cancellable progress notification. */
  async check(root: string): Promise<TestCheckResult> {
    const result = await withCancellableProgress(`Checking tests in ${path.basename(root)}`, async (signal) => {
      try {
        return await this.service.check(root, signal);
      } catch (err) {
        if (signal.aborted) throw new ChangeControlError('cancelled', 'Test check cancelled.', { cause: err });
        throw err;
      }
    });
    vscode.window.setStatusBarMessage(summary(result), 8000);
    return result;
  }

  /** Creates the conventional test file (never overwriting one) and opens it. */
  async createTestFile(rootArg?: unknown, sourceArg?: unknown, testArg?: unknown): Promise<void> {
    const target = await this.target(rootArg, sourceArg);
    if (!target) return;
    const { root, source } = target;
    const testPath = typeof testArg === 'string' && testArg ? testArg : await this.suggestion(root, source);
    if (!testPath) {
      void vscode.window.showInformationMessage(`Change Control has no test convention for ${source}. Add one to the policy's tests.conventions.`);
      return;
    }
    // The path and the folders under it are the repository's: the writer
    // refuses symlinks out of the work tree and never overwrites a file.
    const policy = await loadEffectivePolicy(root);
    const stub = await testStubFor(root, testPath, source, policy.tests);
    const { file, created } = await createWorkTreeFile(root, testPath, stub.text);
    if (created) {
      this.service.markChanged(root);
      this.ctx.logger.info(`Created ${testPath} for ${source}${stub.runner ? ` as a ${stub.runner.runner} test (${stub.runner.reason})` : ''}`);
    } else void vscode.window.showInformationMessage(`${testPath} already exists; it was opened, not changed.`);
    await vscode.window.showTextDocument(vscode.Uri.file(file));
    this.service.check(root).catch((err: unknown) => this.ctx.logger.warn('Re-checking tests failed:', err));
  }

  /** Opens the test of a source (asks when there are several). */
  async openTest(rootArg?: unknown, testArg?: unknown): Promise<void> {
    if (typeof rootArg === 'string' && typeof testArg === 'string') {
      await vscode.window.showTextDocument(vscode.Uri.file(path.join(rootArg, ...testArg.split('/'))));
      return;
    }
    const target = await this.target(undefined, undefined);
    if (!target) return;
    const known = this.diagnostics.find(vscode.Uri.file(path.join(target.root, target.source)));
    const tests = known ? known.source.tests : (await this.lookup(target.root, target.source)).tests;
    if (tests.length === 0) {
      void vscode.window.showInformationMessage(`No test matches ${target.source}. Run "Change Control: Create Test File" to add one.`);
      return;
    }
    const picked = tests.length === 1 ? tests[0] : await vscode.window.showQuickPick(tests, { title: `Tests of ${target.source}` });
    if (picked) await vscode.window.showTextDocument(vscode.Uri.file(path.join(target.root, ...picked.split('/'))));
  }

  /** Repository and relative source path: from the arguments or the active editor. */
  private async target(rootArg: unknown, sourceArg: unknown): Promise<{ root: string; source: string } | undefined> {
    if (typeof rootArg === 'string' && typeof sourceArg === 'string') return { root: rootArg, source: sourceArg };
    const uri = rootArg instanceof vscode.Uri ? rootArg : vscode.window.activeTextEditor?.document.uri;
    const root = await this.locator.forUri(uri);
    if (!uri || !root) {
      void vscode.window.showInformationMessage('Open a source file of a git repository first.');
      return undefined;
    }
    return { root, source: path.relative(root, uri.fsPath).split(path.sep).join('/') };
  }

  private async suggestion(root: string, source: string): Promise<string | undefined> {
    const known = this.diagnostics.find(vscode.Uri.file(path.join(root, source)));
    return known?.source.suggestedTest ?? (await this.lookup(root, source)).suggestedTest;
  }

  private async lookup(root: string, source: string): Promise<{ tests: string[]; suggestedTest?: string }> {
    const [tree, policy] = await Promise.all([listTree(root), loadEffectivePolicy(root)]);
    return suggestTestFor(source, tree, policy.tests);
  }
}
