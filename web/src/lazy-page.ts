// A page loaded with import() on first render (web/build.ts splits the build at every import()),
// for the app shell and the SST year pages alike.
import { lazy, type ComponentType } from 'react';

/** A page module's named export as a component loaded on first render. */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}
