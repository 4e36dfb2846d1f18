// The hosting slot for the static web forms app: a private bucket that only CloudFront may read
// (Origin Access Control), HTTPS only, security headers, access logs. The content itself (the
// built app or a placeholder, plus the runtime config.json) is deployed by the API stack, which
// knows the API address and the Cognito client the app needs.
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge, acknowledgeAutoDeleteProvider } from '../nag.ts';
import type { Construct } from 'constructs';
import { PrivateBucket } from '../constructs/private-bucket.ts';
import type { StageConfig } from '../config.ts';

export interface WebStackProps extends StackProps {
  config: StageConfig;
}

export class WebStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://…cloudfront.net`: the one browser origin the API and Cognito accept in prod. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;
    const prod = config.stage === 'prod';

    // CloudFront standard logs are delivered with ACLs, so this bucket lets the writer own its objects.
    const logs = new PrivateBucket(this, 'AccessLogs', config, {
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(config.accessLogDays) }],
    });

    // Rebuildable content: no RETAIN needed; versioning lets a bad deploy be rolled back.
    this.bucket = new PrivateBucket(this, 'Site', config, {
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
    });

    const region = Stack.of(this).region;
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            // Ajv compiles each form's validator with `new Function`; forms are published at run
            // time, so they cannot be precompiled into the bundle. No inline scripts are allowed.
            "script-src 'self' 'unsafe-eval'",
            // The API, Cognito's token endpoint, and S3 for presigned attachment uploads.
            `connect-src 'self' https://*.execute-api.${region}.amazonaws.com https://*.auth.${region}.amazoncognito.com https://cognito-idp.${region}.amazonaws.com https://*.s3.${region}.amazonaws.com`,
            "img-src 'self' data:",
            "style-src 'self' 'unsafe-inline'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self' https://*.amazoncognito.com",
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: `Statusportalen web (${config.stage})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      // A single-page app: unknown paths are the app's own routes.
      errorResponses: [
        { httpStatus: 403, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.minutes(1) },
        { httpStatus: 404, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.minutes(1) },
      ],
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cdn/',
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;

    acknowledge(logs, { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop.' });
    acknowledge(
      this.distribution,
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Users are Danish public-sector staff who may sign in from abroad; access is governed by Cognito, not by geography.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The distribution serves only static public files of the app (no data); the API behind it is protected by the JWT authorizer and stage throttling. WAF (~6 USD/month minimum) can be added when a threat model asks for it.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain yet: with the default *.cloudfront.net certificate CloudFront fixes the viewer policy itself. When SST adds its domain and an ACM certificate, set minimumProtocolVersion TLS_V1_2_2021 (the app flag @aws-cdk/aws-cloudfront:defaultSecurityPolicyTLSv1.2_2021 already makes it the default).',
      },
    );
    if (!prod) acknowledgeAutoDeleteProvider(this);
  }
}
