import type { FacetCount, KnowledgeArticle, KnowledgeFacets, SubtopicFacetCount } from './knowledge.types.js';

function byCountThenId(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Topic and subtopic counts over the matching articles, most frequent first, then by id.
 *
 * @example computeFacets([{ topicId: 't', subtopicId: 's' }]) // { topics: [{id:'t',count:1}], subtopics: [{id:'s',topicId:'t',count:1}] }
 */
export function computeFacets(articles: Iterable<Pick<KnowledgeArticle, 'topicId' | 'subtopicId'>>): KnowledgeFacets {
  const topics = new Map<string, { count: number; subtopics: Map<string, number> }>();
  for (const { topicId, subtopicId } of articles) {
    let topic = topics.get(topicId);
    if (!topic) {
      topic = { count: 0, subtopics: new Map() };
      topics.set(topicId, topic);
    }
    topic.count += 1;
    if (subtopicId !== null) topic.subtopics.set(subtopicId, (topic.subtopics.get(subtopicId) ?? 0) + 1);
  }
  const topicCounts: FacetCount[] = [];
  const subtopicCounts: SubtopicFacetCount[] = [];
  for (const [topicId, topic] of topics) {
    topicCounts.push({ id: topicId, count: topic.count });
    for (const [id, count] of topic.subtopics) subtopicCounts.push({ id, topicId, count });
  }
  return {
    topics: topicCounts.sort(byCountThenId),
    subtopics: subtopicCounts.sort((a, b) => byCountThenId(a, b) || (a.topicId < b.topicId ? -1 : a.topicId > b.topicId ? 1 : 0)),
  };
}
