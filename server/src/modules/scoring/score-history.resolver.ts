import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { unauthenticated } from '../../errors.js';
import { LeadNode } from '../leads/lead.types.js';
import { scoreHistories } from './score-ledger.js';
import { ScoreChangeNode } from './scoring-versions.types.js';

/** One loader per operation: a page of leads asking for their history costs one statement. */
const loaders = new WeakMap<Context, DataLoader<string, ScoreChangeNode[]>>();

function loaderOf(context: Context): DataLoader<string, ScoreChangeNode[]> {
  let loader = loaders.get(context);
  if (!loader) {
    const tenantId = context.principal?.tenantId;
    if (!tenantId) throw unauthenticated();
    loader = new DataLoader((ids) => scoreHistories(context.em, tenantId, ids), { cache: false });
    loaders.set(context, loader);
  }
  return loader;
}

@Resolver(() => LeadNode)
export class ScoreHistoryResolver {
  @FieldResolver(() => [ScoreChangeNode], { description: 'Every change of the score, oldest first (the ledger): old and new score and tier, model version, reason, who.' })
  scoreHistory(@Root() lead: LeadNode, @Ctx() context: Context): Promise<ScoreChangeNode[]> {
    return loaderOf(context).load(lead.id);
  }
}
