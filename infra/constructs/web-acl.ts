// The house WAF web ACLs: a per-IP rate limit, a tighter one on the routes that cost the most,
// and AWS's managed rule groups. One construct for both scopes: CLOUDFRONT (the public edge of
// the web app and the API, which AWS requires in us-east-1) and REGIONAL (the Cognito user pool).
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface WebAclProps {
  scope: 'CLOUDFRONT' | 'REGIONAL';
  /** Metric and ACL name prefix. */
  name: string;
  /** Requests per IP address per 5 minutes, over everything. */
  ratePerIp: number;
  /** Requests per IP per 5 minutes to the expensive paths (fresh summaries, indicator and attachment uploads, the public calendar feed). */
  expensivePerIp?: number;
  /** Path prefix the API is served under at this edge (`/api` behind CloudFront). */
  apiPrefix?: string;
  /** Managed rule groups beyond IP reputation and known bad inputs. */
  commonRuleSet?: boolean;
}

const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const managed = (priority: number, name: string, excluded: string[] = []): wafv2.CfnWebACL.RuleProperty => ({
  name: `AWS-${name}`,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name,
      // Counted, not blocked: rules that would refuse the service's own legitimate traffic.
      ...(excluded.length ? { ruleActionOverrides: excluded.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
    },
  },
  visibilityConfig: visibility(`${name}`),
});

export class WebAcl extends Construct {
  readonly acl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const prefix = props.apiPrefix ?? '';
    const pathStarts = (path: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: `${prefix}${path}`,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
    const pathContains = (part: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'CONTAINS',
        searchString: part,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
    const rules: wafv2.CfnWebACL.RuleProperty[] = [
      {
        // Before anything else: a flood from one address is refused at the edge, so it never uses
        // the API stage's throttle, which every organisation shares.
        name: 'RatePerIp',
        priority: 0,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: props.ratePerIp, evaluationWindowSec: 300, aggregateKeyType: 'IP' } },
        visibilityConfig: visibility(`${props.name}RatePerIp`),
      },
    ];
    if (props.expensivePerIp) {
      rules.push({
        name: 'ExpensivePerIp',
        priority: 1,
        action: { block: {} },
        statement: {
          rateBasedStatement: {
            limit: props.expensivePerIp,
            evaluationWindowSec: 300,
            aggregateKeyType: 'IP',
            scopeDownStatement: {
              orStatement: {
                statements: [
                  // ?fresh=true forces a summary build; indicator uploads and attachment tickets write.
                  {
                    andStatement: {
                      statements: [
                        pathContains('/summary'),
                        {
                          byteMatchStatement: {
                            fieldToMatch: { singleQueryArgument: { Name: 'fresh' } },
                            positionalConstraint: 'EXACTLY',
                            searchString: 'true',
                            textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
                          },
                        },
                      ],
                    },
                  },
                  { andStatement: { statements: [pathStarts('/forms/'), pathContains('/indicators')] } },
                  { andStatement: { statements: [pathStarts('/rounds/'), pathContains('/attachments')] } },
                  // The public calendar feed: whoever guesses at tokens is stopped per address too.
                  pathStarts('/calendar/feed/'),
                ],
              },
            },
          },
        },
        visibilityConfig: visibility(`${props.name}ExpensivePerIp`),
      });
    }
    rules.push(managed(10, 'AWSManagedRulesAmazonIpReputationList'), managed(11, 'AWSManagedRulesKnownBadInputsRuleSet'));
    if (props.commonRuleSet) {
      // Drafts are JSON bodies up to 1 MB and CSV uploads carry free text: the body-size rule
      // (8 KB) and the cross-site-scripting body rule would refuse real reports, and the API
      // escapes and validates everything it stores (test/hardening/bad-input.test.ts).
      rules.push(managed(12, 'AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY', 'CrossSiteScripting_BODY', 'NoUserAgent_HEADER']));
    }
    this.acl = new wafv2.CfnWebACL(this, 'Acl', {
      name: props.name,
      scope: props.scope,
      defaultAction: { allow: {} },
      rules,
      visibilityConfig: visibility(props.name),
    });
  }
}
