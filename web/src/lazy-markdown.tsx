// Stands in for markdown-to-jsx in react-jsonschema-form (web/build.ts points rjsf's import here).
// rjsf's core imports it statically (27 KiB compressed, a tenth of a reporter's form page) for
// descriptions or help marked as Markdown and a few of its own error notes; our forms use neither
// (uiSchemaFor sets no enableMarkdown option), so the real module loads on first use instead of
// with every form, and whatever it renders is the same once it has loaded.
import { lazy, Suspense, type ReactNode } from 'react';

interface MarkdownProps {
  children?: ReactNode;
  options?: object;
  [prop: string]: unknown;
}

// The package rjsf itself resolves (web/build.ts maps this name to it).
const Real = lazy(async () => ({ default: (await import('rjsf-markdown-to-jsx')).Markdown }));

export function Markdown(props: MarkdownProps) {
  return (
    <Suspense fallback={<span>{props.children}</span>}>
      <Real {...props} />
    </Suspense>
  );
}
