import { NestedStack, RemovalPolicy, type NestedStackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TableDesign } from '../../shared/adapters/dynamo/table-design';
import { isProductionStage, type Settings } from '../constructs/settings';

export interface StorageStackProps extends NestedStackProps {
  readonly settings: Settings;
}

/** The one DynamoDB table, alone in its nested stack: it holds the data and changes least. */
export class StorageStack extends NestedStack {
  readonly table: dynamodb.Table;

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
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }
}
