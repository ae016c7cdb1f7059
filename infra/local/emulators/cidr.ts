/** An IP address as a number plus its width, so IPv4 and IPv6 share one range check. */
interface Address {
  readonly bits: 32 | 128;
  readonly value: bigint;
}

const parseIpv4 = (text: string): bigint | undefined => {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
};

const parseIpv6 = (text: string): bigint | undefined => {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string | undefined): string[] | undefined => {
    if (!half) return [];
    const groups = half.split(':');
    const last = groups.at(-1) ?? '';
    // An embedded IPv4 tail (::ffff:10.0.0.1) counts as the last two groups.
    if (last.includes('.')) {
      const v4 = parseIpv4(last);
      if (v4 === undefined) return undefined;
      groups.splice(-1, 1, (v4 >> 16n).toString(16), (v4 & 0xffffn).toString(16));
    }
    return groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) ? groups : undefined;
  };
  const head = groupsOf(halves[0]);
  const tail = groupsOf(halves[1]);
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(`0x${g}`), 0n);
};

export const parseIp = (text: string): Address | undefined => {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { bits: 32, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  return v6 === undefined ? undefined : { bits: 128, value: v6 };
};

export interface CidrBlock {
  readonly bits: 32 | 128;
  readonly network: bigint;
  readonly mask: bigint;
}

/** Parses "10.0.0.0/24" or "2001:db8::/32"; undefined when malformed. */
export const parseCidr = (text: string): CidrBlock | undefined => {
  const [ip, length, extra] = text.split('/');
  if (ip === undefined || length === undefined || extra !== undefined || !/^\d{1,3}$/.test(length)) {
    return undefined;
  }
  const address = parseIp(ip);
  const prefix = BigInt(length);
  if (!address || prefix > BigInt(address.bits)) return undefined;
  const width = BigInt(address.bits);
  const mask = ((1n << prefix) - 1n) << (width - prefix);
  return { bits: address.bits, network: address.value & mask, mask };
};

export const ipInCidr = (ip: string, block: CidrBlock): boolean => {
  const address = parseIp(ip);
  return (
    address !== undefined && address.bits === block.bits && (address.value & block.mask) === block.network
  );
};
