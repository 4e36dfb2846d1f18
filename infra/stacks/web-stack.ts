// The hosting slot for the static web forms app: a private bucket that only CloudFront may read
// (Origin Access Control), HTTPS only, security headers, access logs. The content itself (the
// built app or a placeholder, plus the runtime config.json) is deployed by the API stack, which
// knows the API address and the Cognito client the app needs.
import { Annotations, CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { acknowledge, acknowledgeAutoDeleteProvider } from '../nag.ts';
import type { Construct } from 'constructs';
import { PrivateBucket } from '../constructs/private-bucket.ts';
import type { StageConfig } from '../config.ts';

export interface WebStackProps extends StackProps {
  config: StageConfig;
  /** The CLOUDFRONT web ACL (from the us-east-1 stack). */
  webAclArn: string;
  /** The documents bucket's name, known before the data stack exists (see documentsBucketName). */
  documentsBucketName: string;
}

/** Where the API is served on the web app's own origin. */
export const API_PATH_PREFIX = '/api';

export class WebStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  /** `https://…cloudfront.net`: the one browser origin the API and Cognito accept in prod. */
  readonly origin: string;
  /**
   * The HTTP API itself (routes, stage and authorizers are the API stack's). It is made here so
   * CloudFront can send `/api/*` to it: the web app and the API share one origin behind one WAF.
   */
  readonly httpApi: apigw.HttpApi;
  /**
   * The API's custom domain (`-c apiDomainName=… -c apiCertificateArn=…`), whose name CloudFront
   * calls; the API stack maps its stage onto it. Undefined: CloudFront calls execute-api.
   */
  readonly apiDomain?: apigw.DomainName;

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
    // A regional custom domain lets the API switch its execute-api address off: with it, the only
    // way in is CloudFront and its WAF. Without it, a flood sent to execute-api meets only the
    // stage and route throttles. Prod only warns: nothing is deployed yet, and SST's domain and a
    // certificate validated in SST's DNS are not known here (README, Deploy, "The edge").
    if (config.apiDomain) {
      this.apiDomain = new apigw.DomainName(this, 'ApiDomain', {
        domainName: config.apiDomain.domainName,
        certificate: acm.Certificate.fromCertificateArn(this, 'ApiCertificate', config.apiDomain.certificateArn),
        endpointType: apigw.EndpointType.REGIONAL,
        securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      });
      // The DNS record SST adds: <apiDomainName> CNAME <this>. CloudFront resolves the name through it.
      new CfnOutput(this, 'ApiDomainTarget', {
        value: this.apiDomain.regionalDomainName,
        description: `Add a DNS record: ${config.apiDomain.domainName} CNAME this value (CloudFront reaches the API through it)`,
      });
    } else if (prod) {
      Annotations.of(this).addWarningV2(
        'statusportalen:execute-api-open',
        "The API's execute-api address stays open and bypasses the WAF (only the stage and route throttles hold there). Deploy with -c apiDomainName=<host> -c apiCertificateArn=<ACM ARN in the API's region> to switch it off; see README, Deploy, \"The edge\".",
      );
    }
    // No CORS for the deployed app: it calls the API on its own origin. Only local development
    // origins (dev stage) need it.
    this.httpApi = new apigw.HttpApi(this, 'Api', {
      apiName: `statusportalen-${config.stage}`,
      description: 'Statusportalen: status reports to Sundhedsstyrelsen',
      createDefaultStage: false,
      disableExecuteApiEndpoint: this.apiDomain !== undefined,
      ...(config.extraWebOrigins.length
        ? {
            corsPreflight: {
              allowOrigins: config.extraWebOrigins,
              allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.PUT, apigw.CorsHttpMethod.DELETE],
              allowHeaders: ['authorization', 'content-type', 'if-match', 'if-none-match', 'idempotency-key'],
              exposeHeaders: ['etag', 'location', 'content-disposition'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    const cognitoHost = `${config.authDomainPrefix}.auth.${region}.amazoncognito.com`;
    const documentsHost = `${props.documentsBucketName}.s3.${region}.amazonaws.com`;
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'Headers', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            // Ajv compiles each form's validator with `new Function`; forms are published at run
            // time, so they cannot be precompiled into the bundle. No inline scripts are allowed.
            "script-src 'self' 'unsafe-eval'",
            // The API ('self': /api/* on this distribution), this pool's Cognito domain (token
            // endpoint), and this project's documents bucket (presigned uploads, download links).
            `connect-src 'self' https://${cognitoHost} https://cognito-idp.${region}.amazonaws.com https://${documentsHost}`,
            "img-src 'self' data:",
            "style-src 'self' 'unsafe-inline'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            `form-action 'self' https://${cognitoHost}`,
          ].join('; '),
          override: true,
        },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });

    // CloudFront keeps the path; the API's routes start at /, so the prefix goes before the origin.
    const stripApiPrefix = new cloudfront.Function(this, 'StripApiPrefix', {
      comment: 'Statusportalen: /api/rounds -> /rounds for the HTTP API origin',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        `function handler(event) { var r = event.request; r.uri = r.uri.slice(${API_PATH_PREFIX.length}) || '/'; return r; }`,
      ),
    });
    // With a custom domain CloudFront calls it by name: the Host and SNI CloudFront sends are the
    // origin's domain name, and API Gateway picks the API mapping by that name (the regional
    // d-….execute-api name would answer 403). Without one, the execute-api host, which knows its own API.
    const apiHost = config.apiDomain ? config.apiDomain.domainName : Fn.select(2, Fn.split('/', this.httpApi.apiEndpoint));
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: `Statusportalen web and API (${config.stage})`,
      defaultRootObject: 'index.html',
      webAclId: props.webAclArn,
      additionalBehaviors: {
        [`${API_PATH_PREFIX}/*`]: {
          origin: new origins.HttpOrigin(apiHost, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          // Never cached: every answer depends on who asks. Every viewer header but Host goes on
          // (Authorization, If-Match, Idempotency-Key); API Gateway needs the origin's own name as Host.
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          functionAssociations: [{ function: stripApiPrefix, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
          compress: true,
        },
      },
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      // No error pages: they would apply to /api/* too and turn the API's 403 and 404 into the
      // app's index.html. The app routes by hash (/#/runder/…), so it needs no fallback.
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
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain yet: with the default *.cloudfront.net certificate CloudFront fixes the viewer policy itself. When SST adds its domain and an ACM certificate, set minimumProtocolVersion TLS_V1_2_2021 (the app flag @aws-cdk/aws-cloudfront:defaultSecurityPolicyTLSv1.2_2021 already makes it the default).',
      },
    );
    if (!prod) acknowledgeAutoDeleteProvider(this);
  }
}
