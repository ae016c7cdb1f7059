import * as eventschemas from 'aws-cdk-lib/aws-eventschemas';
import { Construct } from 'constructs';
import type { EventContract } from '../../events/contract';
import { eventJsonSchema, schemaNameFor } from '../../events/json-schema';

export interface EventSchemaRegistryProps {
  readonly registryName: string;
  readonly contracts: readonly EventContract[];
}

/** Publishes every event contract's JSON Schema, generated from its zod schema, to a schema registry. */
export class EventSchemaRegistry extends Construct {
  readonly registry: eventschemas.CfnRegistry;
  readonly schemas: readonly eventschemas.CfnSchema[];

  constructor(scope: Construct, id: string, props: EventSchemaRegistryProps) {
    super(scope, id);
    this.registry = new eventschemas.CfnRegistry(this, 'Registry', {
      registryName: props.registryName,
      description: 'The events on the Convene bus, generated from the zod contracts in events/',
    });
    const seen = new Set<string>();
    this.schemas = props.contracts.map((contract) => {
      const schemaName = schemaNameFor(contract);
      if (seen.has(schemaName)) throw new Error(`Two event contracts share the schema name ${schemaName}`);
      seen.add(schemaName);
      return new eventschemas.CfnSchema(this, schemaName, {
        registryName: this.registry.attrRegistryName,
        schemaName,
        type: 'JSONSchemaDraft4',
        description: `${contract.detailType} from ${contract.source}`,
        content: JSON.stringify(eventJsonSchema(contract)),
      });
    });
  }
}
