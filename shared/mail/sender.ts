/**
 * The name and address a configured sender (`"Convene" <events@example.org>` or a bare address) shows
 * in a mail's footer; "Convene" where it has no name.
 */
export const senderParts = (address: string): { name: string; email: string } => ({
  name: /^\s*"?([^"<]+?)"?\s*</.exec(address)?.[1] ?? 'Convene',
  email: /<([^>]+)>/.exec(address)?.[1] ?? address,
});
