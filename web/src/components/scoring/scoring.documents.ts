import { graphql } from '../../gql';

// The scoring-model screen's data: every version, the job that rescores the leads, the impact preview.

export const ScoringModelVersionFragment = graphql(`
  fragment ScoringModelVersionFields on ScoringModelVersion {
    id
    version
    status
    comment
    createdBy
    createdAt
    publishedBy
    publishedAt
    maxScore
    thresholds {
      hot
      keyAccount
      warm
    }
    criteria {
      criterion
      maxPoints
      options {
        value
        points
      }
    }
  }
`);

export const RescoringJobFragment = graphql(`
  fragment RescoringJobFields on RescoringJob {
    id
    modelVersion
    state
    done
    total
    createdAt
    startedAt
    finishedAt
    error
  }
`);

export const ScoringModelsQuery = graphql(`
  query ScoringModels {
    scoringModels {
      ...ScoringModelVersionFields
    }
    activeRescoringJob {
      ...RescoringJobFields
    }
  }
`);

export const ScoringModelImpactQuery = graphql(`
  query ScoringModelImpact($id: ID!) {
    scoringModelImpact(id: $id) {
      modelId
      fromVersion
      toVersion
      leads
      moves {
        from
        to
        count
      }
      histogram {
        from
        to
        before
        after
      }
      averageBefore
      averageAfter
      averageChange
      changedScores
      changedTiers
      newKeyAccounts
      lostKeyAccounts
      newHot
      lostHot
      examples {
        leadId
        name
        company
        oldScore
        newScore
        oldTier
        newTier
      }
      tookMs
    }
  }
`);

export const RescoringJobQuery = graphql(`
  query RescoringJob($id: ID!) {
    rescoringJob(id: $id) {
      ...RescoringJobFields
    }
  }
`);

export const RescoringProgressSubscription = graphql(`
  subscription RescoringProgress($jobId: ID!) {
    rescoringProgress(jobId: $jobId) {
      ...RescoringJobFields
    }
  }
`);

export const SaveScoringModelDraftMutation = graphql(`
  mutation SaveScoringModelDraft($input: ScoringModelDraftInput!) {
    saveScoringModelDraft(input: $input) {
      ...ScoringModelVersionFields
    }
  }
`);

export const DeleteScoringModelDraftMutation = graphql(`
  mutation DeleteScoringModelDraft($id: ID!) {
    deleteScoringModelDraft(id: $id)
  }
`);

export const PublishScoringModelMutation = graphql(`
  mutation PublishScoringModel($id: ID!) {
    publishScoringModel(id: $id) {
      ...RescoringJobFields
    }
  }
`);
