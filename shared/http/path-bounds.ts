/**
 * The longest path parameter Convene could have made: ids are about 30 characters and signed tokens about
 * 150. Anything longer names nothing, and would only reach DynamoDB to be refused there as a key too long
 * (a 500): the edge answers 404 instead, as for any other id that is not there.
 */
export const MAX_PATH_PARAMETER_BYTES = 400;

/** The name of the first path parameter too long to be one of Convene's, if there is one. */
export const overlongPathParameter = (
  params: Readonly<Record<string, string | undefined>>,
): string | undefined =>
  Object.entries(params).find(
    ([, value]) => value !== undefined && Buffer.byteLength(value) > MAX_PATH_PARAMETER_BYTES,
  )?.[0];

export const NOTHING_HERE = 'There is nothing at this address. Check the link, or go back and try again.';
