// The storage rules behind attachments, read from the synthesized templates: staging uploads
// and unconfirmed copies expire, tickets' keys and final keys are apart, and GuardDuty
// Malware Protection comes with its flag and stays cdk-nag clean.
import { describe, expect, it } from 'vitest';
import { resourcesOf, synthesize } from '../infra/synth.ts';
import { UNCONFIRMED_TAG } from '#store/attachment-tags';

const prod = synthesize('prod');
const scanned = synthesize('prod', { malwareScan: 'true' });

const documentsRules = (s: typeof prod) => {
  const buckets = Object.values(resourcesOf(s.templates.data, 'AWS::S3::Bucket'));
  const documents = buckets.find((b) => b.Properties?.VersioningConfiguration);
  return documents!.Properties.LifecycleConfiguration.Rules as Record<string, unknown>[];
};

const attachmentsEnv = (s: typeof prod) => {
  const fns = Object.values(resourcesOf(s.templates.api, 'AWS::Lambda::Function'));
  const fn = fns.find((f) => JSON.stringify(f.Properties?.Description ?? '').includes('attachments'));
  return fn!.Properties.Environment.Variables as Record<string, unknown>;
};

describe('attachment storage', () => {
  it('expires staging uploads and unconfirmed attachment copies after a day', () => {
    const rules = documentsRules(prod);
    expect(rules).toContainEqual(
      expect.objectContaining({ Prefix: 'uploads/', ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 }, Status: 'Enabled' }),
    );
    expect(rules).toContainEqual(
      expect.objectContaining({
        Prefix: 'attachments/',
        TagFilters: [UNCONFIRMED_TAG],
        ExpirationInDays: 1,
        NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        Status: 'Enabled',
      }),
    );
    // Nothing expires confirmed attachments (no rule on attachments/ without the tag).
    expect(rules.filter((r) => r['Prefix'] === 'attachments/' && !r['TagFilters'])).toEqual([]);
  });

  it('scans attachments with GuardDuty only when deployed with malwareScan=true, and stays cdk-nag clean', () => {
    expect(Object.keys(resourcesOf(prod.templates.data, 'AWS::GuardDuty::MalwareProtectionPlan'))).toHaveLength(0);
    expect(attachmentsEnv(prod)['MALWARE_SCAN']).toBeUndefined();
    const plans = Object.values(resourcesOf(scanned.templates.data, 'AWS::GuardDuty::MalwareProtectionPlan'));
    expect(plans).toHaveLength(1);
    expect(plans[0]!.Properties.ProtectedResource.S3Bucket.ObjectPrefixes).toEqual(['attachments/']);
    expect(plans[0]!.Properties.Actions).toEqual({ Tagging: { Status: 'ENABLED' } });
    expect(attachmentsEnv(scanned)['MALWARE_SCAN']).toBe('guardduty');
    expect(scanned.nagFindings).toEqual([]);
  });
});
