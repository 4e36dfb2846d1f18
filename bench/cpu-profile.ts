// Reads a V8 CPU profile of one cold start (`node --cpu-prof`) and sums self time by where the
// code came from: the package under node_modules, or this repository's file, found through the
// bundle's source map (Node's own SourceMap class, so no extra dependency). What the README's
// "top modules by self time" table is made of (`npm run bench -- functions --profile`).
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a source path belongs: `pkg` for node_modules/pkg/…, else the repository-relative file. */
function owner(source: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (m) return m[1]!;
  const rel = source.replace(/^.*?\/(functions|schemas|forms|infra|local)\//, '$1/');
  return rel;
}

/** Self time in ms per module, largest first; `(node)` is Node's own code, `(gc)`/`(program)` V8's. */
export function selfTimeByModule(profileFile: string, bundleDir: string): { module: string; ms: number }[] {
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as CpuProfile;
  const maps = new Map<string, SourceMap | null>();
  const mapOf = (file: string): SourceMap | null => {
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));
      } catch {
        maps.set(file, null);
      }
    }
    return maps.get(file)!;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totals = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { url, lineNumber, columnNumber, functionName } = byId.get(id)!.callFrame;
    let module: string;
    if (!url) module = functionName.startsWith('(') ? functionName : '(native)';
    else if (url.startsWith('node:')) module = '(node)';
    else {
      const file = url.startsWith('file:') ? fileURLToPath(url) : url;
      if (!file.startsWith(bundleDir)) module = path.basename(file);
      else {
        const entry = mapOf(file)?.findEntry(lineNumber, columnNumber) as { originalSource?: string } | undefined;
        module = entry?.originalSource ? owner(entry.originalSource) : path.relative(bundleDir, file);
      }
    }
    totals.set(module, (totals.get(module) ?? 0) + us / 1000);
  }
  return [...totals].map(([module, ms]) => ({ module, ms })).sort((a, b) => b.ms - a.ms);
}
