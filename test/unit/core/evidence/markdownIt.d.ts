// markdown-it (the renderer of VS Code's Markdown preview) ships no types; the tests use only render().
declare module 'markdown-it' {
  interface MarkdownIt {
    render(src: string): string;
  }
  function markdownIt(options?: { html?: boolean; linkify?: boolean }): MarkdownIt;
  export = markdownIt;
}
