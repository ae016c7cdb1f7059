import { App } from 'aws-cdk-lib';
import { buildConvene } from '../stacks';

// Settings come from the CDK context (cdk.json, or -c convene:stage=...), checked before anything is built.
buildConvene(new App());
