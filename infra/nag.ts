// cdk-nag acknowledgements in one shape. cdk-nag 3 reads CDK's own `Validations.acknowledge`
// records (on a resource or any construct above it); every one carries a reason for the reviewer.
// Wildcard findings (IAM5) are acknowledged one resource at a time, never the rule as a whole, so a
// wildcard added later still fails the checks until someone gives it a reason.
import { Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';

export interface Acknowledgement {
  /** e.g. `AwsSolutions-S1`, or one finding: `AwsSolutions-IAM5[Resource::…]`. */
  id: string;
  reason: string;
}

export function acknowledge(scope: IConstruct, ...rules: Acknowledgement[]): void {
  Validations.of(scope).acknowledge(...rules);
}

/** The finding id cdk-nag gives a wildcard resource (as the template reads before synthesis). */
export function wildcardFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}

/** Acknowledges exactly these wildcard resources on `scope` (a role or policy). */
export function acknowledgeWildcards(scope: IConstruct, resources: string[], reason: string): void {
  for (const resource of resources) acknowledge(scope, { id: wildcardFinding(scope, resource), reason });
}

/** CDK's own singleton providers sit at the stack root under a generated id. */
export function acknowledgeProvider(stack: Stack, idPrefix: string, ...rules: Acknowledgement[]): void {
  for (const child of stack.node.children) {
    if (child.node.id.startsWith(idPrefix)) acknowledge(child, ...rules);
  }
}

/** The provider behind `autoDeleteObjects` (dev stage only). */
export function acknowledgeAutoDeleteProvider(stack: Stack): void {
  acknowledgeProvider(stack, 'Custom::S3AutoDeleteObjectsCustomResourceProvider', {
    id: 'AwsSolutions-L1',
    reason: 'CDK-owned provider (dev stage only) that empties buckets on stack deletion; its runtime is pinned by aws-cdk-lib, not by us.',
  });
}
