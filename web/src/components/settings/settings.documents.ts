import { graphql } from '../../gql';

// The settings screens' data: the team, API keys, and every user's own password.

export const TeamMemberFragment = graphql(`
  fragment TeamMemberFields on TeamMember {
    id
    name
    email
    role
    active
    createdAt
    deactivatedAt
  }
`);

export const TeamMembersQuery = graphql(`
  query TeamMembers {
    teamMembers {
      ...TeamMemberFields
    }
  }
`);

export const CreateTeamMemberMutation = graphql(`
  mutation CreateTeamMember($input: CreateTeamMemberInput!) {
    createTeamMember(input: $input) {
      initialPassword
      member {
        ...TeamMemberFields
      }
    }
  }
`);

export const ChangeTeamMemberRoleMutation = graphql(`
  mutation ChangeTeamMemberRole($id: ID!, $role: UserRole!) {
    changeTeamMemberRole(id: $id, role: $role) {
      ...TeamMemberFields
    }
  }
`);

export const DeactivateTeamMemberMutation = graphql(`
  mutation DeactivateTeamMember($id: ID!) {
    deactivateTeamMember(id: $id) {
      ...TeamMemberFields
    }
  }
`);

export const ReactivateTeamMemberMutation = graphql(`
  mutation ReactivateTeamMember($id: ID!) {
    reactivateTeamMember(id: $id) {
      ...TeamMemberFields
    }
  }
`);

export const ApiKeyFragment = graphql(`
  fragment ApiKeyFields on ApiKey {
    id
    name
    scope
    prefix
    createdAt
    revokedAt
  }
`);

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      ...ApiKeyFields
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($name: String!, $scope: ApiKeyScope!) {
    createApiKey(name: $name, scope: $scope) {
      secret
      apiKey {
        ...ApiKeyFields
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id)
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);
