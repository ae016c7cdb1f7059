import { NestedStack, RemovalPolicy, Validations, type NestedStackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { TableDesign } from '../../shared/adapters/dynamo/table-design';
import { isProductionStage, type Settings } from '../constructs/settings';

export interface StorageStackProps extends NestedStackProps {
  readonly settings: Settings;
}

/**
 * What holds data and changes least, in its own nested stack: the one DynamoDB table, and the key that
 * signs delegates' links (mail already sent carries links signed with it, so it outlives any function).
 */
export class StorageStack extends NestedStack {
  readonly table: dynamodb.Table;
  /** The key that signs delegates' links (manage, unsubscribe, survey); functions get it by `tokens`. */
  readonly tokenKey: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: StorageStackProps) {
    super(scope, id, props);
    const production = isProductionStage(props.settings.stage);
    const string = dynamodb.AttributeType.STRING;

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TableDesign.partitionKey, type: string },
      sortKey: { name: TableDesign.sortKey, type: string },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TableDesign.timeToLiveAttribute,
      deletionProtection: production,
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of TableDesign.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: string },
        sortKey: { name: index.sortKey, type: string },
        projectionType:
          index.projection === 'KEYS_ONLY' ? dynamodb.ProjectionType.KEYS_ONLY : dynamodb.ProjectionType.ALL,
      });
    }

    // A generated name, like the table's: a retained or deleted-but-recoverable secret never blocks a new
    // stack of the same stage. The ARN reaches the code through TOKEN_SECRET_ARN (grantTokensSign).
    this.tokenKey = new secretsmanager.Secret(this, 'TokenKey', {
      description: `Convene ${props.settings.stage}: the key that signs delegates' links (manage, unsubscribe, survey)`,
      // The secret string is the key itself (shared/adapters/token-key.ts), not JSON.
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.tokenKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating this key would invalidate every manage, unsubscribe and survey link in mail already sent. ' +
        'Rotation needs tokens to be verified with the previous key for a grace period as well, which is ' +
        'not built yet.',
    });
  }
}
