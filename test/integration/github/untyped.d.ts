// Test-only packages without type declarations; the replay test narrows them where it uses them.
declare module '@octokit/fixtures-server';
