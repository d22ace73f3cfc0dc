import { graphql } from '../../gql';

// The dashboard's documents. Its pieces are fragments so the query stays readable; the page reads
// them unmasked (see `LeadKpis` in lib/kpis.ts), since every part of the page shows the same numbers.

graphql(`
  fragment KpiRateFields on KpiRate {
    successes
    n
    estimate
    lower
    upper
    enoughData
  }
`);

graphql(`
  fragment KpiConversionFields on KpiConversion {
    leads
    won
    lost
    open
    winRate {
      ...KpiRateFields
    }
    leadRate {
      ...KpiRateFields
    }
  }
`);

graphql(`
  fragment KpiDurationFields on KpiDuration {
    n
    medianSeconds
    p90Seconds
    enoughData
  }
`);

graphql(`
  fragment KpiRevenueFields on KpiRevenue {
    total
    deals
    averageDealSize
    revenuePerLead
  }
`);

graphql(`
  fragment KpiDifferenceFields on KpiRateDifference {
    first {
      ...KpiRateFields
    }
    second {
      ...KpiRateFields
    }
    estimate
    lower
    upper
    enoughData
  }
`);

export const LeadKpisQuery = graphql(`
  query LeadKpis($range: DateRangeInput!, $filter: KpiFilter) {
    leadKpis(range: $range, filter: $filter) {
      from
      to
      timeZone
      minimumSample
      confidence
      leads
      keyAccounts
      hot
      averageScore
      byStatus {
        status
        leads
      }
      leadsPerDay {
        day
        leads
        keyAccounts
      }
      conversion {
        ...KpiConversionFields
      }
      byTier {
        tier
        leads
        conversion {
          ...KpiConversionFields
        }
        timeToContact {
          ...KpiDurationFields
        }
        velocity {
          ...KpiDurationFields
        }
        revenue {
          ...KpiRevenueFields
        }
        slaMissed {
          ...KpiRateFields
        }
      }
      byScoreBand {
        from
        to
        conversion {
          ...KpiConversionFields
        }
      }
      keyAccountsVsRest {
        winRate {
          ...KpiDifferenceFields
        }
        leadRate {
          ...KpiDifferenceFields
        }
      }
      timeToContact {
        ...KpiDurationFields
      }
      velocity {
        ...KpiDurationFields
      }
      revenue {
        ...KpiRevenueFields
      }
      bySource {
        source
        leads
        averageScore
        keyAccountShare {
          ...KpiRateFields
        }
        conversion {
          ...KpiConversionFields
        }
        revenue {
          ...KpiRevenueFields
        }
        trend
      }
      trendBucketDays
      byIndustry {
        industry
        leads
        keyAccounts
        averageScore
        keyAccountShare {
          ...KpiRateFields
        }
        shareOfLeads {
          ...KpiRateFields
        }
        shareOfKeyAccounts {
          ...KpiRateFields
        }
        conversion {
          ...KpiConversionFields
        }
        revenue {
          ...KpiRevenueFields
        }
      }
      scoreHistogram {
        from
        to
        leads
        keyAccounts
      }
      falsePositives {
        keyAccountsMissedSla {
          ...KpiRateFields
        }
        tooHighRatings {
          ...KpiRateFields
        }
      }
      falseNegatives {
        lowScoreBelow
        wonWithLowScore {
          ...KpiRateFields
        }
        tooLowRatings {
          ...KpiRateFields
        }
      }
      tookMs
    }
  }
`);

/** The owners the filter offers: every member of the team, active ones first. */
export const DashboardOwnersQuery = graphql(`
  query DashboardOwners {
    teamMembers {
      id
      name
      active
    }
  }
`);
