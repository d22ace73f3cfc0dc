import { registerEnumType } from 'type-graphql';

export enum ExperimentStatus {
  RUNNING = 'RUNNING',
  FINISHED = 'FINISHED',
}

/** The two scoring models of an experiment: the active version, and the one tested against it. */
export enum ExperimentArm {
  CONTROL = 'CONTROL',
  CHALLENGER = 'CHALLENGER',
}

export enum ExperimentVerdict {
  CHALLENGER_BETTER = 'CHALLENGER_BETTER',
  CONTROL_BETTER = 'CONTROL_BETTER',
  NO_DIFFERENCE_YET = 'NO_DIFFERENCE_YET',
}

/** Which two-sided test decided: Fisher's exact test for small counts, else the pooled z test. */
export enum ProportionTest {
  FISHER = 'FISHER',
  Z = 'Z',
}

registerEnumType(ExperimentStatus, {
  name: 'ExperimentStatus',
  valuesConfig: {
    RUNNING: { description: 'New leads are assigned to an arm and scored by both models.' },
    FINISHED: { description: 'Stopped by an admin, or ended because another version was published; its leads keep maturing into outcomes.' },
  },
});
registerEnumType(ExperimentArm, { name: 'ExperimentArm' });
registerEnumType(ExperimentVerdict, {
  name: 'ExperimentVerdict',
  valuesConfig: {
    CHALLENGER_BETTER: { description: 'At the planned number of outcomes, the challenger\'s leads won significantly more often (two-sided, α = 0.05).' },
    CONTROL_BETTER: { description: 'At the planned number of outcomes, the control\'s leads won significantly more often.' },
    NO_DIFFERENCE_YET: { description: 'Either the planned number of outcomes is not reached yet (no verdict from peeking), or it is and no difference was detected.' },
  },
});
registerEnumType(ProportionTest, { name: 'ProportionTest' });
