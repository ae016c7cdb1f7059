import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { resourceNames } from '../constructs/names';
import type { Settings } from '../constructs/settings';
import { WebAcl } from '../constructs/web-acl';
import { registrationLimitOf } from '../constructs/abuse-limits';
import { publicWrites } from '../wiring/public-writes';
import type { Wiring } from '../wiring/types';

export interface EdgeStackProps extends StackProps {
  readonly settings: Settings;
  readonly wiring: Wiring;
}

/**
 * What CloudFront takes only from us-east-1, in a small top-level stack of its own deployed with the app
 * (`cdk deploy --all`): the WAF web ACL attached to the distribution.
 */
export class EdgeStack extends Stack {
  readonly webAcl: WebAcl;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, { ...props, crossRegionReferences: true });
    this.webAcl = new WebAcl(this, 'WebAcl', {
      name: resourceNames(props.settings.stage).webAcl,
      publicWrites: publicWrites(props.wiring),
      publicWriteLimitPerMinute: registrationLimitOf(this.node),
    });
  }
}
