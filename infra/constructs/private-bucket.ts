// The house S3 bucket: no public access, encrypted at rest, TLS only, owner-enforced objects,
// kept in prod and emptied with its stack elsewhere. Every bucket of the app starts from this
// baseline, so it is stated once; a bucket passes only what is its own (versioning, logging,
// CORS, lifecycle), and may relax object ownership where a log writer needs ACLs.
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';

type BaselineProps = 'blockPublicAccess' | 'encryption' | 'enforceSSL' | 'removalPolicy' | 'autoDeleteObjects';

export class PrivateBucket extends s3.Bucket {
  constructor(scope: Construct, id: string, config: StageConfig, props: Omit<s3.BucketProps, BaselineProps> = {}) {
    super(scope, id, {
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      ...props,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: config.removalPolicy,
      autoDeleteObjects: config.stage !== 'prod',
    });
  }
}
