import { graphql } from "../graphql.ts";

export const ConversationRevisionQuery = graphql(`
  query ConversationRevision($agentId: ID!) {
    conversation(agentId: $agentId) { state { revision } }
  }
`);

export const ConversationAtQuery = graphql(`
  query ConversationAt($agentId: ID!, $revision: Int!) {
    conversation(agentId: $agentId, asOf: { revision: $revision }) {
      asOf { revision at }
      state { mood moodIntensity affinity }
      messages(last: 50) {
        edges { node { id role text status hidden siblingIds siblingIndex } }
      }
    }
  }
`);
