// The layers of src/, checked by `npm run lint` (dependency-cruiser):
//   core      pure rules and types; imports nothing outside src/core
//   app       the use cases; may import core and the adapters, never a shell
//   adapters  src/git, src/github, src/tickets: one outside system each;
//             import core only, never another adapter, app or a shell
//   shells    src/cli, src/extension (the only one that imports vscode)
// and no import cycles anywhere. Type-only imports count: a type an
// adapter needs from another adapter belongs in src/core (ports.ts).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: split the shared part into its own module.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'adapter-imports-adapter',
      severity: 'error',
      comment: 'An adapter wraps one outside system: move the shared type to src/core, the orchestration to src/app.',
      from: { path: '^src/(git|github|tickets)/' },
      to: { path: '^src/(git|github|tickets)/', pathNot: '^src/$1/' },
    },
    {
      name: 'adapter-imports-app-or-shell',
      severity: 'error',
      comment: 'Adapters are called by the use cases and shells, never the other way round.',
      from: { path: '^src/(git|github|tickets)/' },
      to: { path: '^src/(app|cli|extension|action)/' },
    },
    {
      name: 'core-imports-outside-core',
      severity: 'error',
      comment: 'src/core is pure: data in, data out. Ports declared in src/core/ports.ts reach the outside.',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'app-imports-shell',
      severity: 'error',
      comment: 'The use cases serve both shells: no vscode, no CLI, no extension code in src/app.',
      from: { path: '^src/app/' },
      to: { path: ['^src/(cli|extension|action)/', '^vscode$'] },
    },
    {
      name: 'vscode-outside-extension',
      severity: 'error',
      comment: 'Only src/extension imports vscode.',
      from: { path: '^src/', pathNot: '^src/extension/' },
      to: { path: '^vscode$' },
    },
    {
      name: 'shell-imports-shell',
      severity: 'error',
      comment: 'The CLI and the extension are separate shells over the same use cases.',
      from: { path: '^src/(cli|extension)/' },
      to: { path: '^src/(cli|extension)/', pathNot: '^src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
