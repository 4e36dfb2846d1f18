// CDK CLI entry point (cdk.json "app"): `npx cdk synth|deploy -c stage=prod [-c region=…]`.
// Settings come from context only and nothing is looked up, so synth runs offline without credentials.
import { buildApp } from './app.ts';

buildApp().app.synth();
