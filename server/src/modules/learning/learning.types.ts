import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ScoreCriterion } from '../scoring/scoring.enums.js';
import { TierThresholds } from '../scoring/scoring.types.js';
import { ConfidenceInterval } from '../experiments/experiment.types.js';
import { CriterionShift } from './sentences.js';

registerEnumType(CriterionShift, {
  name: 'CriterionShift',
  description: 'How much a criterion weighs in the learned model compared with the current one.',
  valuesConfig: {
    MORE: { description: 'More points than the current model gives it.' },
    LESS: { description: 'Fewer points.' },
    SAME: { description: 'Within 2 points of the current model.' },
    NEW: { description: 'The current model does not score it.' },
  },
});

/** How rep feedback entered the fit (suggestion.ts tries each and keeps the one with the best cross-validated AUC). */
export enum FeedbackUse {
  NONE = 'NONE',
  OPEN_LEADS = 'OPEN_LEADS',
  DISPUTED_WEIGHTS = 'DISPUTED_WEIGHTS',
}

registerEnumType(FeedbackUse, {
  name: 'FeedbackUse',
  valuesConfig: {
    NONE: { description: 'Outcomes alone: no feedback, or none that raised the cross-validated AUC.' },
    OPEN_LEADS: { description: 'Open leads rated too low or too high joined as weak wins and losses (weight 0.25).' },
    DISPUTED_WEIGHTS: { description: 'Closed leads a rep called mis-scored counted double.' },
  },
});

@ObjectType('SuggestedOption', { simpleResolvers: true })
export class SuggestedOptionNode {
  @Field(() => String, { description: 'Enum value of the criterion, e.g. OVER_100K' })
  value!: string;

  @Field(() => Int)
  points!: number;

  @Field(() => Int, { nullable: true, description: 'Points under the current model; null when it does not score the criterion.' })
  currentPoints!: number | null;

  @Field(() => Float, { description: 'Fitted log-odds of the option (before shifting and scaling).' })
  coefficient!: number;

  @Field(() => Int, { description: 'Closed leads with this option.' })
  leads!: number;
}

@ObjectType('SuggestedCriterion', { simpleResolvers: true })
export class SuggestedCriterionNode {
  @Field(() => ScoreCriterion)
  criterion!: ScoreCriterion;

  @Field(() => Int, { description: 'Points of its best option: its share of 100.' })
  maxPoints!: number;

  @Field(() => Int, { nullable: true })
  currentMaxPoints!: number | null;

  @Field(() => CriterionShift)
  shift!: CriterionShift;

  @Field(() => String, { description: 'e.g. "Urgency matters more than the current model says: 31 points instead of 20."' })
  sentence!: string;

  @Field(() => [SuggestedOptionNode])
  options!: SuggestedOptionNode[];
}

@ObjectType('CalibrationRow', { simpleResolvers: true, description: 'One tenth of the closed leads by cross-validated predicted win probability.' })
export class CalibrationRowNode {
  @Field(() => Int, { description: '0 = lowest predictions.' })
  bin!: number;

  @Field(() => Int)
  leads!: number;

  @Field(() => Float)
  meanPredicted!: number;

  @Field(() => Float)
  minPredicted!: number;

  @Field(() => Float)
  maxPredicted!: number;

  @Field(() => ConfidenceInterval, { description: 'Observed win rate with its Wilson interval.' })
  observed!: ConfidenceInterval;
}

@ObjectType('ScoringModelSuggestion', { simpleResolvers: true, description: 'A scoring model learned from your tenant\'s outcomes, and how it compares with the current one.' })
export class ScoringModelSuggestion {
  @Field(() => Boolean, { description: 'false below 50 closed leads or 10 of either outcome: then no model is suggested.' })
  enoughData!: boolean;

  @Field(() => String, { description: 'One sentence: "not enough data: n more closed leads needed", or whether the learned model is shown to be better.' })
  message!: string;

  @Field(() => Date)
  since!: Date;

  @Field(() => Int)
  outcomeWindowDays!: number;

  @Field(() => Int)
  closedLeads!: number;

  @Field(() => Int, { description: 'Won within the outcome window.' })
  wins!: number;

  @Field(() => Int)
  losses!: number;

  @Field(() => Int, { description: '0 when there is enough data.' })
  moreClosedLeadsNeeded!: number;

  @Field(() => Int, { description: 'The active version the suggestion is compared with.' })
  currentVersion!: number;

  @Field(() => ConfidenceInterval, { nullable: true, description: '5-fold cross-validated AUC of the learned model, with a bootstrap interval.' })
  learnedAuc!: ConfidenceInterval | null;

  @Field(() => ConfidenceInterval, { nullable: true, description: 'AUC of the current rule score on the same leads.' })
  rulesAuc!: ConfidenceInterval | null;

  @Field(() => ConfidenceInterval, { nullable: true, description: 'Learned − rules, bootstrapped on the same resamples (paired).' })
  aucDifference!: ConfidenceInterval | null;

  @Field(() => Boolean, { description: 'The difference interval excludes 0 and the two AUC intervals do not overlap.' })
  shownBetter!: boolean;

  @Field(() => Boolean, { nullable: true })
  intervalsOverlap!: boolean | null;

  @Field(() => FeedbackUse, { description: 'How rep feedback entered the fit: only a way that raised the cross-validated AUC is used.' })
  feedbackUse!: FeedbackUse;

  @Field(() => Int, { description: 'Leads whose feedback was tried: open leads rated too low or too high, closed ones called mis-scored.' })
  feedbackLeads!: number;

  @Field(() => String, { nullable: true, description: 'How the feedback decision was made, with both AUCs.' })
  feedbackNote!: string | null;

  @Field(() => [CalibrationRowNode])
  calibration!: CalibrationRowNode[];

  @Field(() => [SuggestedCriterionNode], { description: 'Points per option (the 0–100 format, maxima adding up to 100); empty without a model.' })
  criteria!: SuggestedCriterionNode[];

  @Field(() => TierThresholds, { description: 'The current thresholds, kept for the suggestion.' })
  thresholds!: TierThresholds;

  @Field(() => Float, { description: 'Ridge strength of the fit.' })
  lambda!: number;
}
