import type { Agent, Role } from '../../core/model/index.js';
import { checkIdeaTransition, ideaAcceptsVotes, type IdeaStatus } from '../../core/quality/index.js';
import type { IdeaRecord, RoundtableRecord } from '../../storage/index.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { qualityErrors } from './quality.errors.js';
import type { IdeaView, RoundtableView } from './quality.types.js';

export type { IdeaView, RoundtableView } from './quality.types.js';

/** Who moves ideas through their statuses and keeps the round-table notes. */
export const IDEA_MANAGERS: readonly Role[] = ['supervisor', 'admin', 'executive'];
export const MAX_IDEA_TITLE = 200;
export const MAX_IDEA_TEXT = 4000;

const nameOf = (deps: ServiceDeps, tenantId: string, id: string | null) => (id ? (deps.directory.findAgent(tenantId, id)?.name ?? id) : null);

function view(deps: ServiceDeps, me: Agent, idea: IdeaRecord, votes: number, supported: boolean): IdeaView {
  return {
    id: idea.id, title: idea.title, body: idea.body, status: idea.status, author: { id: idea.authorId, name: nameOf(deps, idea.tenantId, idea.authorId) ?? idea.authorId },
    reply: idea.reply, repliedBy: nameOf(deps, idea.tenantId, idea.repliedBy), votes, supportedByMe: supported, mine: idea.authorId === me.id,
    version: idea.version, createdAt: idea.createdAt, updatedAt: idea.updatedAt,
  };
}

async function viewOne(deps: ServiceDeps, me: Agent, idea: IdeaRecord): Promise<IdeaView> {
  const { counts, mine } = await deps.repos.ideas.votes([idea.id], me.id);
  return view(deps, me, idea, counts.get(idea.id) ?? 0, mine.has(idea.id));
}

/** Ideas of my tenant, most supported first, then newest. */
export async function listIdeas(deps: ServiceDeps, me: Agent): Promise<IdeaView[]> {
  const ideas = await deps.repos.ideas.list(me.tenantId);
  const { counts, mine } = await deps.repos.ideas.votes(ideas.map((i) => i.id), me.id);
  return ideas.map((i) => view(deps, me, i, counts.get(i.id) ?? 0, mine.has(i.id))).sort((a, b) => b.votes - a.votes || b.createdAt - a.createdAt);
}

export async function submitIdea(deps: ServiceDeps, me: Agent, input: { title: string; body: string }): Promise<IdeaView> {
  const now = deps.clock.now();
  const idea: IdeaRecord = {
    id: newId('idea'), tenantId: me.tenantId, authorId: me.id, title: input.title.trim().slice(0, MAX_IDEA_TITLE), body: input.body.trim().slice(0, MAX_IDEA_TEXT),
    status: 'new', reply: null, repliedBy: null, version: 1, createdAt: now, updatedAt: now,
  };
  await deps.repos.ideas.insert(idea);
  return view(deps, me, idea, 0, false);
}

async function load(deps: ServiceDeps, me: Agent, id: string): Promise<IdeaRecord> {
  const idea = await deps.repos.ideas.get(me.tenantId, id);
  if (!idea) throw qualityErrors.ideaNotFound(id);
  return idea;
}

/** One vote per person (the primary key decides), not on one's own idea, while it is being weighed. */
export async function supportIdea(deps: ServiceDeps, me: Agent, id: string): Promise<IdeaView> {
  const idea = await load(deps, me, id);
  if (idea.authorId === me.id) throw qualityErrors.ideaOwnVote();
  if (!ideaAcceptsVotes(idea.status)) throw qualityErrors.ideaVoteClosed(idea.status);
  if (!(await deps.repos.ideas.vote(idea.id, me.id, deps.clock.now()))) throw qualityErrors.ideaAlreadySupported();
  return viewOne(deps, me, idea);
}

export async function withdrawSupport(deps: ServiceDeps, me: Agent, id: string): Promise<IdeaView> {
  const idea = await load(deps, me, id);
  if (!ideaAcceptsVotes(idea.status)) throw qualityErrors.ideaVoteClosed(idea.status);
  await deps.repos.ideas.unvote(idea.id, me.id);
  return viewOne(deps, me, idea);
}

/** A manager moves an idea on (new → under review → planned → done, or declined with a reply). */
export async function moveIdea(deps: ServiceDeps, me: Agent, id: string, change: { status: IdeaStatus; reply?: string | null; version: number }): Promise<IdeaView> {
  const idea = await load(deps, me, id);
  if (idea.version !== change.version) throw qualityErrors.changedMeanwhile('Idea', id);
  const reply = change.reply === undefined ? idea.reply : change.reply?.trim().slice(0, MAX_IDEA_TEXT) || null;
  const check = checkIdeaTransition(idea.status, change.status, reply);
  if (!check.ok) throw check.reason === 'reply_required' ? qualityErrors.ideaReplyRequired() : qualityErrors.ideaTransition(idea.status, change.status);
  const next: IdeaRecord = { ...idea, status: change.status, reply, repliedBy: reply !== idea.reply ? me.id : idea.repliedBy, updatedAt: deps.clock.now() };
  if (!(await deps.repos.ideas.update(next, idea.version))) throw qualityErrors.changedMeanwhile('Idea', id);
  return viewOne(deps, me, { ...next, version: idea.version + 1 });
}

export async function listRoundtables(deps: ServiceDeps, me: Agent): Promise<RoundtableView[]> {
  const [tables, ideas] = await Promise.all([deps.repos.ideas.listRoundtables(me.tenantId), deps.repos.ideas.list(me.tenantId)]);
  const byId = new Map(ideas.map((i) => [i.id, i]));
  return tables.map((t) => ({
    id: t.id, heldOn: t.heldOn, notes: t.notes, createdBy: nameOf(deps, me.tenantId, t.createdBy) ?? t.createdBy,
    ideas: t.ideaIds.flatMap((ideaId) => {
      const idea = byId.get(ideaId);
      return idea ? [{ id: idea.id, title: idea.title, status: idea.status }] : [];
    }),
  }));
}

/** The monthly round table's notes, linked to the ideas discussed (all of the caller's tenant). */
export async function addRoundtable(deps: ServiceDeps, me: Agent, input: { heldOn: string; notes: string; ideaIds: string[] }): Promise<RoundtableView> {
  const ideaIds = [...new Set(input.ideaIds)];
  for (const ideaId of ideaIds) if (!(await deps.repos.ideas.get(me.tenantId, ideaId))) throw errors.invalid(`Unknown idea ${ideaId}`);
  const record: RoundtableRecord = { id: newId('rt'), tenantId: me.tenantId, heldOn: input.heldOn, notes: input.notes.trim().slice(0, MAX_IDEA_TEXT * 4), createdBy: me.id, createdAt: deps.clock.now(), ideaIds };
  await deps.repos.ideas.insertRoundtable(record);
  const [created] = (await listRoundtables(deps, me)).filter((t) => t.id === record.id);
  return created!;
}
