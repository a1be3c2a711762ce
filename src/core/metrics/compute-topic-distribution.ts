import { figure } from './figure.js';
import type { ContactRecord, Figure } from './metrics.types.js';

export interface TopicShare extends Figure {
  topicId: string;
}

export interface TopicDistribution {
  /** Conversations with at least one registered topic: the denominator of every share. */
  registered: number;
  /** Conversations without a topic; shown beside the shares, never inside them. */
  unregistered: number;
  /** Most frequent first; ties by topic id. */
  topics: TopicShare[];
}

/**
 * Topic distribution: per topic, the conversations that registered it / the conversations
 * that registered any topic ("bullying 9%, relationships 7% …"). A conversation with two
 * topics counts once in each, so the shares can add up to more than 100%; a topic
 * registered twice in one conversation (two subtopics) counts once. Conversations without
 * a registration stay out of the denominator, so an agent who forgets to register does not
 * dilute every topic; their number is reported separately.
 */
export function computeTopicDistribution(records: readonly ContactRecord[]): TopicDistribution {
  const counts = new Map<string, number>();
  let registered = 0;
  for (const record of records) {
    const topics = new Set(record.topics);
    if (topics.size === 0) continue;
    registered += 1;
    for (const topic of topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  }
  const topics = [...counts]
    .map(([topicId, count]) => ({ topicId, ...figure(count, registered) }))
    .sort((a, b) => b.numerator - a.numerator || a.topicId.localeCompare(b.topicId));
  return { registered, unregistered: records.length - registered, topics };
}
