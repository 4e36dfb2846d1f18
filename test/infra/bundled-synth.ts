// The CDK app synthesized WITH esbuild bundling, as `npm run synth` and `cdk deploy` do, shared
// by the tests that read the deployed assets (bundle.test.ts, deployed-artefacts.test.ts):
// bundling every function takes most of a minute here, so the cloud assembly is kept in the
// temporary folder under a hash of everything that goes into it and synthesized once per change,
// not once per test file. A stale one can never be read: any change to the sources, the forms,
// the infra or the lock file changes the hash.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../infra/app.ts';
import { REPO_ROOT } from '../../infra/bundling.ts';
import { templateFunctions, type TemplateFunction } from '../../local/lambda-env.ts';

const INPUTS = ['functions', 'schemas', 'forms', 'infra', 'registry', 'package-lock.json', 'tsconfig.json', 'package.json'];
const PREFIX = 'statusportalen-cdk-bundled-';

function hashInputs(): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    const abs = path.join(REPO_ROOT, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) walk(path.join(rel, name));
    } else {
      hash.update(rel).update('\0').update(readFileSync(abs)).update('\0');
    }
  };
  for (const rel of INPUTS) walk(rel);
  return hash.digest('hex').slice(0, 16);
}

export interface DeployedFunction extends TemplateFunction {
  /** The unpacked asset CDK uploads (cdk.out/asset.<hash>). */
  assetDir: string;
}

export interface BundledAssembly {
  outdir: string;
  functions: DeployedFunction[];
}

export function bundledAssembly(): BundledAssembly {
  const outdir = path.join(os.tmpdir(), `${PREFIX}${hashInputs()}`);
  if (!existsSync(path.join(outdir, 'complete'))) {
    const work = mkdtempSync(`${outdir}.work-`);
    buildApp({ stage: 'dev', outdir: work }).app.synth();
    writeFileSync(path.join(work, 'complete'), new Date().toISOString());
    try {
      renameSync(work, outdir);
    } catch {
      // Another worker finished the same assembly first: theirs is as good.
      rmSync(work, { recursive: true, force: true });
    }
    // Assemblies of earlier sources are not read again; one younger than an hour may be another
    // checkout's (a second worktree) still under test, so only older ones are removed.
    for (const name of readdirSync(os.tmpdir())) {
      const old = path.join(os.tmpdir(), name);
      if (!name.startsWith(PREFIX) || old === outdir || name.includes('.work-')) continue;
      if (Date.now() - statSync(old).mtimeMs > 3_600_000) rmSync(old, { recursive: true, force: true });
    }
  }
  // The logical ids and variables are those of the bundled template; the asset keys are read from it.
  const template = JSON.parse(readFileSync(path.join(outdir, 'Statusportalen-dev-Api.template.json'), 'utf8')) as { Resources: Record<string, { Properties: any }> };
  const functions = templateFunctions().map((fn) => {
    const props = template.Resources[fn.logicalId]!.Properties;
    const key = String(props.Code.S3Key);
    return { ...fn, variables: props.Environment?.Variables ?? {}, assetKey: key, assetDir: path.join(outdir, `asset.${key.replace(/\.zip$/, '')}`) };
  });
  return { outdir, functions };
}
