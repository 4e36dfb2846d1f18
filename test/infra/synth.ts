// Builds the CDK app for the infra tests: once per test file, without bundling (bundling is
// proven once, in bundle.test.ts). cdk-nag runs before synthesis, as the acknowledgements
// are written against the unsynthesized template.
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildApp, type BuildOptions, type BuiltApp } from '../../infra/app.ts';

export interface Synthesized extends BuiltApp {
  data: BuiltApp['data'];
  templates: { data: Template; web: Template; api: Template; edgeWaf: Template };
  /** Every cdk-nag AwsSolutions finding, warnings included, as `rule at construct path`. */
  nagFindings: string[];
}

export function synthesize(stage: 'dev' | 'prod', options: Pick<BuildOptions, 'malwareScan' | 'apiDomainName' | 'apiCertificateArn' | 'context'> = {}): Synthesized {
  const built = buildApp({ stage, bundle: false, nag: false, ...options });
  const nagFindings: string[] = [];
  for (const stack of [built.data, built.web, built.api, built.edgeWaf]) {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack);
    for (const v of report.violations) {
      for (const r of v.violatingResources) nagFindings.push(`${v.severity} ${v.ruleName} at ${r.constructPath}: ${v.description}`);
    }
  }
  const templates = {
    data: Template.fromStack(built.data),
    web: Template.fromStack(built.web),
    api: Template.fromStack(built.api),
    edgeWaf: Template.fromStack(built.edgeWaf),
  };
  return { ...built, templates, nagFindings };
}

type Resources = Record<string, { Type: string; Properties?: any; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;

export const resourcesOf = (template: Template, type: string): Resources => template.findResources(type) as Resources;

/** The statements of every inline policy attached to `roleLogicalId`. */
export function statementsOfRole(template: Template, roleLogicalId: string): { Action: string | string[]; Resource: unknown; Condition?: unknown }[] {
  const out = [];
  for (const policy of Object.values(resourcesOf(template, 'AWS::IAM::Policy'))) {
    const roles: unknown[] = policy.Properties.Roles ?? [];
    if (!roles.some((r) => JSON.stringify(r).includes(`"${roleLogicalId}"`))) continue;
    out.push(...policy.Properties.PolicyDocument.Statement);
  }
  return out;
}

export const actionsOf = (statement: { Action: string | string[] }): string[] => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]);
export const resourcesOfStatement = (statement: { Resource: unknown }): unknown[] =>
  Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
