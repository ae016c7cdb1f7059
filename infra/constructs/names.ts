/** The suffix SQS requires of a FIFO queue's name. */
const FIFO_SUFFIX = '.fifo';

/**
 * Physical names of Convene's resources for one stage, so a person (or the local stack) finds the same
 * thing by the same name. Resources CloudFormation may need to replace (the table, the user pool) are
 * left to generated names; their names reach the code through environment variables.
 */
export const resourceNames = (stage: string) => {
  const prefix = `convene-${stage}`;
  return {
    /** The one top-level stack of the stage; its nested stacks get names from CloudFormation. */
    stack: `Convene-${stage}`,
    /** The companion stack in us-east-1 of what CloudFront takes only from there (the web ACL). */
    edgeStack: `Convene-${stage}-Edge`,
    webAcl: prefix,
    eventBus: prefix,
    busArchive: prefix,
    busLogGroup: `/aws/events/${prefix}`,
    schemaRegistry: prefix,
    scheduleGroup: prefix,
    sesConfigurationSet: prefix,
    /** A work queue declared in the wiring, and its DLQ (of the same kind: SQS names FIFO queues `.fifo`). */
    queue: (name: string, fifo = false) => `${prefix}-${name}${fifo ? FIFO_SUFFIX : ''}`,
    queueDlq: (name: string, fifo = false) => `${prefix}-${name}-dlq${fifo ? FIFO_SUFFIX : ''}`,
    /**
     * The rule on the Convene bus that triggers a function of the wiring. Named, so the rule-target DLQ's
     * policy can admit exactly these rules by ARN without referring to the API's nested stack.
     */
    busRule: (functionName: string) => {
      const name = `${prefix}-${functionName}`;
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(name)) {
        throw new Error(
          `Wiring: the bus rule of "${functionName}" would be named "${name}"; EventBridge allows at most ` +
            '64 letters, digits, ".", "-" and "_"',
        );
      }
      return name;
    },
    ruleTargetDlq: `${prefix}-rule-target-dlq`,
    schedulerDlq: `${prefix}-scheduler-dlq`,
    asyncFailureDlq: `${prefix}-async-failure-dlq`,
    alarmTopic: `${prefix}-alarms`,
    httpApi: prefix,
    userPool: prefix,
  };
};

export type ResourceNames = ReturnType<typeof resourceNames>;

/** A construct id from a wiring key: `createEvent` → `CreateEvent`. */
export const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
