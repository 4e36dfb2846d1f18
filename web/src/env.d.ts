// esbuild bundles imported stylesheets into the app's one CSS file.
declare module '*.css';
// rjsf's own markdown-to-jsx, loaded on first use (web/src/lazy-markdown.tsx, web/build.ts).
declare module 'rjsf-markdown-to-jsx' {
  import type { ComponentType } from 'react';
  export const Markdown: ComponentType<Record<string, unknown>>;
}
