/**
 * The numbers of an experiment's result, pure: from each lead's arm, both scores and its outcome
 * fields. Everything a person reads is computed here, so a test can check it against hand-computed
 * values without a database.
 */
import { compareProportions, outcomesNeeded, topShare, wilsonInterval, type Interval, type ProportionComparison, type TopShare } from '../../stats/index.js';
import type { LeadStatus } from '../lifecycle/lifecycle.enums.js';
import { ExperimentArm } from './experiment.enums.js';
import { leadOutcome } from './outcome.js';
import { experimentVerdict, POWER, ALPHA, type VerdictResult } from './verdict.js';

export interface ExperimentLeadRow {
  leadId: string;
  arm: ExperimentArm;
  controlScore: number;
  challengerScore: number;
  createdAt: Date;
  status: LeadStatus;
  closedAt: Date | null;
}

export interface ExperimentPlanFields {
  outcomeWindowDays: number;
  split: number;
  plannedControlOutcomes: number;
  plannedChallengerOutcomes: number;
}

export interface ArmNumbers {
  arm: ExperimentArm;
  leads: number;
  outcomes: number;
  wins: number;
  /** Leads without an outcome yet (younger than the window and still open). */
  pending: number;
  planned: number;
  conversion: Interval;
  /** Conversion of the arm's top 10 % by the arm's own score, among leads with an outcome. */
  topDecile: TopShare;
}

export interface ExperimentNumbers {
  control: ArmNumbers;
  challenger: ArmNumbers;
  /** Challenger − control on every outcome so far. */
  comparison: ProportionComparison;
  /** Further outcomes for 80 % power at the observed difference; null when the rates are equal or an arm has none. */
  outcomesForObservedDifference: number | null;
  verdict: VerdictResult;
  /** What the verdict was computed on: the first planned outcomes of each arm (null before the horizon). */
  decision: { control: { outcomes: number; wins: number }; challenger: { outcomes: number; wins: number }; decidedAt: Date } | null;
}

interface ArmOutcome {
  leadId: string;
  won: boolean;
  at: Date;
  score: number;
}

function armNumbers(arm: ExperimentArm, rows: readonly ExperimentLeadRow[], planned: number, windowDays: number, now: Date): { numbers: ArmNumbers; outcomes: ArmOutcome[] } {
  const outcomes: ArmOutcome[] = [];
  for (const row of rows) {
    const outcome = leadOutcome(row, windowDays, now);
    if (outcome.known) outcomes.push({ leadId: row.leadId, won: outcome.won, at: outcome.at, score: arm === ExperimentArm.CONTROL ? row.controlScore : row.challengerScore });
  }
  const wins = outcomes.filter((o) => o.won).length;
  return {
    numbers: {
      arm,
      leads: rows.length,
      outcomes: outcomes.length,
      wins,
      pending: rows.length - outcomes.length,
      planned,
      conversion: wilsonInterval(wins, outcomes.length),
      topDecile: topShare(
        outcomes.map((o) => o.score),
        outcomes.map((o) => o.won),
        0.1,
      ),
    },
    outcomes,
  };
}

/** The first `planned` outcomes in the order they became known; ties by lead id, which says nothing about the outcome. */
function firstOutcomes(outcomes: ArmOutcome[], planned: number): ArmOutcome[] {
  return [...outcomes].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.leadId < b.leadId ? -1 : a.leadId > b.leadId ? 1 : 0)).slice(0, planned);
}

export function experimentNumbers(rows: readonly ExperimentLeadRow[], plan: ExperimentPlanFields, now: Date): ExperimentNumbers {
  const control = armNumbers(ExperimentArm.CONTROL, rows.filter((r) => r.arm === ExperimentArm.CONTROL), plan.plannedControlOutcomes, plan.outcomeWindowDays, now);
  const challenger = armNumbers(ExperimentArm.CHALLENGER, rows.filter((r) => r.arm === ExperimentArm.CHALLENGER), plan.plannedChallengerOutcomes, plan.outcomeWindowDays, now);
  const c = control.numbers;
  const h = challenger.numbers;
  const comparison = compareProportions(h.wins, h.outcomes, c.wins, c.outcomes);

  let outcomesForObservedDifference: number | null = null;
  if (c.outcomes > 0 && h.outcomes > 0 && c.wins / c.outcomes !== h.wins / h.outcomes) {
    const needed = outcomesNeeded(c.wins / c.outcomes, h.wins / h.outcomes, c.outcomes, h.outcomes, { ratio: plan.split / (1 - plan.split), power: POWER, alpha: ALPHA });
    outcomesForObservedDifference = needed.more;
  }

  // the verdict sees the first planned outcomes of each arm only
  const controlFirst = firstOutcomes(control.outcomes, c.planned);
  const challengerFirst = firstOutcomes(challenger.outcomes, h.planned);
  const count = (list: ArmOutcome[]) => ({ outcomes: list.length, wins: list.filter((o) => o.won).length });
  const verdict = experimentVerdict({ ...count(controlFirst), planned: c.planned }, { ...count(challengerFirst), planned: h.planned });
  const decision = verdict.horizonReached
    ? {
        control: count(controlFirst),
        challenger: count(challengerFirst),
        decidedAt: new Date(Math.max(controlFirst.at(-1)?.at.getTime() ?? 0, challengerFirst.at(-1)?.at.getTime() ?? 0)),
      }
    : null;
  return { control: c, challenger: h, comparison, outcomesForObservedDifference, verdict, decision };
}
