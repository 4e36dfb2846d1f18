// The web ACL in front of CloudFront. AWS accepts a CLOUDFRONT-scoped web ACL only in us-east-1,
// so it is a stack of its own there; the web stack in the data region reads its ARN through a
// CDK cross-region reference (an SSM parameter in us-east-1, read at deploy time), which is why
// both stacks name their region explicitly. Nothing here holds data.
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import { WebAcl } from '../constructs/web-acl.ts';

export interface EdgeWafStackProps extends StackProps {
  config: StageConfig;
}

export class EdgeWafStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: EdgeWafStackProps) {
    super(scope, id, props);
    const { config } = props;
    const acl = new WebAcl(this, 'Edge', {
      scope: 'CLOUDFRONT',
      name: `statusportalen-${config.stage}-edge`,
      ratePerIp: config.waf.edgeRatePerIp,
      expensivePerIp: config.waf.expensivePerIp,
      apiPrefix: '/api',
      commonRuleSet: true,
    });
    this.webAclArn = acl.acl.attrArn;
  }
}
