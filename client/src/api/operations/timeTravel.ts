import { graphql } from "../graphql.ts";

export const ConversationRevisionQuery = graphql(`
  query ConversationRevision($agentId: ID!, $userId: ID!) {
    conversation(agentId: $agentId, userId: $userId) { state { revision } }
  }
`);

export const ConversationAtQuery = graphql(`
  query ConversationAt($agentId: ID!, $userId: ID!, $revision: Int!) {
    conversation(agentId: $agentId, userId: $userId, asOf: { revision: $revision }) {
      asOf { revision at }
      state { mood moodIntensity affinity }
      messages(last: 50) {
        edges { node { id role text status hidden siblingIds siblingIndex } }
      }
    }
  }
`);
