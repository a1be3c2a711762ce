import { compareByPlace, compareRanked, routingKey } from './contact-order.js';
import { OrderedBucket } from './ordered-bucket.js';
import type { ContactRecord } from './routing.records.js';
import { CHANNELS, type Channel } from './routing.types.js';

/** Contacts of one queue with the same channel, priority and required skills, oldest first. */
export interface WaitingBucket {
  readonly channel: Channel;
  readonly priority: number;
  readonly requiredSkills: readonly string[];
  readonly contacts: OrderedBucket<ContactRecord>;
}

/**
 * The waiting contacts of one queue, grouped in buckets. Inside a bucket every contact
 * has the same priority, so the oldest is also the best; finding the best contact for an
 * agent compares only bucket heads, never the whole list.
 */
export class WaitingList {
  private readonly buckets = new Map<string, WaitingBucket>();
  private readonly byChannel: Record<Channel, WaitingBucket[]> = { chat: [], voice: [], email: [], whatsapp: [] };
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(contact: ContactRecord): void {
    const key = bucketKey(contact);
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = {
        channel: contact.channel,
        priority: contact.priority,
        requiredSkills: contact.requiredSkills,
        contacts: new OrderedBucket<ContactRecord>(compareByPlace),
      };
      this.buckets.set(key, bucket);
      this.byChannel[contact.channel].push(bucket);
    }
    bucket.contacts.insert(contact);
    this.count += 1;
  }

  remove(contact: ContactRecord): boolean {
    const key = bucketKey(contact);
    const bucket = this.buckets.get(key);
    if (bucket === undefined || !bucket.contacts.remove(contact)) return false;
    this.count -= 1;
    if (bucket.contacts.size === 0) {
      this.buckets.delete(key);
      const list = this.byChannel[bucket.channel];
      list.splice(list.indexOf(bucket), 1);
    }
    return true;
  }

  bucketsFor(channel: Channel): readonly WaitingBucket[] {
    return this.byChannel[channel];
  }

  oldestEnqueuedAt(): number | undefined {
    let oldest: number | undefined;
    for (const channel of CHANNELS) {
      for (const bucket of this.byChannel[channel]) {
        const head = bucket.contacts.peek();
        if (head !== undefined && (oldest === undefined || head.enqueuedAt < oldest)) oldest = head.enqueuedAt;
      }
    }
    return oldest;
  }

  /** Contacts of the same channel ranked before `contact`; a binary search per bucket. */
  countAhead(contact: ContactRecord, queuePriority: number, agingMsPerLevel: number): number {
    const key = routingKey(contact, queuePriority, agingMsPerLevel);
    let ahead = 0;
    for (const bucket of this.byChannel[contact.channel]) {
      const offset = (queuePriority + bucket.priority) * agingMsPerLevel;
      ahead += bucket.contacts.countWhile(
        (other) => compareRanked(other.enqueuedAt - offset, other, key, contact) < 0,
      );
    }
    return ahead;
  }

  *contacts(): IterableIterator<ContactRecord> {
    for (const bucket of this.buckets.values()) yield* bucket.contacts;
  }
}

function bucketKey(contact: ContactRecord): string {
  return `${contact.channel}\u0001${contact.priority}\u0001${contact.skillsKey}`;
}
