import type { AuthenticationResults } from '@irp/contracts';

/** Why a message is held for the user to look at first, or null when it may go through. */
export function quarantineReason(sender: string | null, allowedSenders: readonly string[], authentication: AuthenticationResults): string | null {
  if (authentication.dmarc === 'fail') return 'the sender\u2019s domain failed DMARC';
  if (authentication.spf === 'fail' && authentication.dkim === 'fail') return 'the message failed both SPF and DKIM';
  if (allowedSenders.length === 0) return null;
  if (!sender) return 'the message names no sender, and only allowed senders get through';
  return isAllowed(sender, allowedSenders) ? null : `${sender} is not one of your allowed senders`;
}

function isAllowed(sender: string, allowedSenders: readonly string[]): boolean {
  const address = sender.toLowerCase();
  const domain = address.slice(address.lastIndexOf('@'));
  return allowedSenders.some((allowed) => (allowed.startsWith('@') ? domain === allowed : address === allowed));
}
