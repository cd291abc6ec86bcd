// The layers of src/, checked by `npm run lint` (dependency-cruiser):
//   core      pure rules and types; imports nothing outside src/core
//   app       the use cases; may import core and the adapters, never a shell
//   adapters  src/git, src/github, src/tickets: one outside system each;
//             import core only, never another adapter, app or a shell
//   shells    src/cli, src/extension (the only one that imports vscode),
//             and src/action, which runs the CLI's commands in GitHub Actions
// and no import cycles anywhere. Type-only imports count: a type an
// adapter needs from another adapter belongs in src/core (ports.ts).
//
// The rules are generated from the folder lists below: a new adapter or
// shell is one entry in a list, and every rule about its layer covers it.

/** One outside system each (git, the GitHub REST API, GitHub issues as tickets). */
const ADAPTERS = ['git', 'github', 'tickets'];
/** Thin shells over the use cases. */
const SHELLS = ['cli', 'extension', 'action'];
/** Shells that must not import each other (the Action is built on the CLI's commands). */
const SEPARATE_SHELLS = ['cli', 'extension'];

/** `^src/(a|b)/`: any of the folders. */
const anyOf = (folders) => `^src/(${folders.join('|')})/`;

/** An error when a module matching `from` imports one matching `to`. */
function forbid(name, comment, from, to) {
  return { name, severity: 'error', comment, from, to };
}

/** The same-layer rule: a folder of `folders` importing another of them (its own folder allowed). */
const acrossFolders = (name, comment, folders) => forbid(name, comment, { path: anyOf(folders) }, { path: anyOf(folders), pathNot: '^src/$1/' });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid('no-circular', 'An import cycle: split the shared part into its own module.', { path: '^src/' }, { circular: true }),
    acrossFolders('adapter-imports-adapter', 'An adapter wraps one outside system: move the shared type to src/core, the orchestration to src/app.', ADAPTERS),
    forbid('adapter-imports-app-or-shell', 'Adapters are called by the use cases and shells, never the other way round.', { path: anyOf(ADAPTERS) }, { path: anyOf(['app', ...SHELLS]) }),
    forbid('core-imports-outside-core', 'src/core is pure: data in, data out. Ports declared in src/core/ports.ts reach the outside.', { path: '^src/core/' }, { path: '^src/', pathNot: '^src/core/' }),
    forbid('app-imports-shell', 'The use cases serve both shells: no vscode, no CLI, no extension code in src/app.', { path: '^src/app/' }, { path: [anyOf(SHELLS), '^vscode$'] }),
    forbid('vscode-outside-extension', 'Only src/extension imports vscode.', { path: '^src/', pathNot: '^src/extension/' }, { path: '^vscode$' }),
    acrossFolders('shell-imports-shell', 'The CLI and the extension are separate shells over the same use cases.', SEPARATE_SHELLS),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
