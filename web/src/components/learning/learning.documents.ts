import { graphql } from '../../gql';

// The experiments screen's data: experiments with their results, and the model learned from outcomes.

export const ExperimentsQuery = graphql(`
  query Experiments {
    experiments {
      id
      status
      controlModelId
      controlVersion
      challengerModelId
      challengerVersion
      challengerChanged
      split
      outcomeWindowDays
      minimumDetectableEffect
      baselineRate
      plannedControlOutcomes
      plannedChallengerOutcomes
      plannedOutcomes
      leads
      startedAt
      startedBy
      finishedAt
      finishedBy
      endReason
    }
  }
`);

export const ExperimentResultQuery = graphql(`
  query ExperimentResult($id: ID!) {
    experimentResult(id: $id) {
      experiment {
        id
        status
        controlModelId
        controlVersion
        challengerModelId
        challengerVersion
        challengerChanged
        split
        outcomeWindowDays
        minimumDetectableEffect
        baselineRate
        plannedControlOutcomes
        plannedChallengerOutcomes
        plannedOutcomes
        leads
        startedAt
        startedBy
        finishedAt
        finishedBy
        endReason
      }
      control {
        arm
        modelVersion
        leads
        outcomes
        wins
        pending
        plannedOutcomes
        conversion {
          estimate
          lower
          upper
        }
        topDecile {
          threshold
          outcomes
          wins
          conversion {
            estimate
            lower
            upper
          }
        }
      }
      challenger {
        arm
        modelVersion
        leads
        outcomes
        wins
        pending
        plannedOutcomes
        conversion {
          estimate
          lower
          upper
        }
        topDecile {
          threshold
          outcomes
          wins
          conversion {
            estimate
            lower
            upper
          }
        }
      }
      difference {
        estimate
        lower
        upper
      }
      test
      pValue
      outcomesForObservedDifference
      horizonReached
      moreOutcomesNeeded
      verdict
      decision {
        controlOutcomes
        controlWins
        challengerOutcomes
        challengerWins
        difference {
          estimate
          lower
          upper
        }
        test
        pValue
        decidedAt
      }
      computedAt
    }
  }
`);

export const StartExperimentMutation = graphql(`
  mutation StartExperiment($input: StartExperimentInput!) {
    startExperiment(input: $input) {
      id
      status
      controlModelId
      controlVersion
      challengerModelId
      challengerVersion
      challengerChanged
      split
      outcomeWindowDays
      minimumDetectableEffect
      baselineRate
      plannedControlOutcomes
      plannedChallengerOutcomes
      plannedOutcomes
      leads
      startedAt
      startedBy
      finishedAt
      finishedBy
      endReason
    }
  }
`);

export const StopExperimentMutation = graphql(`
  mutation StopExperiment($id: ID!) {
    stopExperiment(id: $id) {
      id
      status
      controlModelId
      controlVersion
      challengerModelId
      challengerVersion
      challengerChanged
      split
      outcomeWindowDays
      minimumDetectableEffect
      baselineRate
      plannedControlOutcomes
      plannedChallengerOutcomes
      plannedOutcomes
      leads
      startedAt
      startedBy
      finishedAt
      finishedBy
      endReason
    }
  }
`);

export const SuggestScoringModelQuery = graphql(`
  query SuggestScoringModel($input: SuggestScoringModelInput!) {
    suggestScoringModel(input: $input) {
      enoughData
      message
      since
      outcomeWindowDays
      closedLeads
      wins
      losses
      moreClosedLeadsNeeded
      currentVersion
      learnedAuc {
        estimate
        lower
        upper
      }
      rulesAuc {
        estimate
        lower
        upper
      }
      aucDifference {
        estimate
        lower
        upper
      }
      shownBetter
      intervalsOverlap
      feedbackUse
      feedbackLeads
      feedbackNote
      calibration {
        bin
        leads
        meanPredicted
        minPredicted
        maxPredicted
        observed {
          estimate
          lower
          upper
        }
      }
      criteria {
        criterion
        maxPoints
        currentMaxPoints
        shift
        sentence
        options {
          value
          points
          currentPoints
          leads
        }
      }
      thresholds {
        hot
        keyAccount
        warm
      }
    }
  }
`);

export const ExperimentChallengersQuery = graphql(`
  query ExperimentChallengers {
    scoringModels {
      id
      version
      status
      comment
      createdAt
    }
  }
`);

export const SaveSuggestionMutation = graphql(`
  mutation SaveSuggestionAsDraft($input: ScoringModelDraftInput!) {
    saveScoringModelDraft(input: $input) {
      id
      version
    }
  }
`);
