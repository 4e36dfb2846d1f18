// Hash routing (#/runder/…; the addresses themselves are in routes.ts): following the address,
// and going somewhere.
import { useEffect, useState } from 'react';
import { parseHash, type Route } from './routes.ts';

export { href, parseHash, type Route } from './routes.ts';

export function navigate(to: string): void {
  window.location.hash = to;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
