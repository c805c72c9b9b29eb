import { graphql } from "../graphql.ts";

export const AgentDetail = graphql(`
  fragment AgentDetail on Agent {
    id
    name
    status
    source
    revision
    createdAt
    basePortraitUrl
    appearancePrompt
    identity { homeCity country occupation timezone latitude hemisphere }
    persona { summary traits speakingStyle backstory interests selfDescribesAsAI }
    moodBaseline { mood intensity }
    scenarios { id title description window active addedAt }
    localTime { label timezone }
  }
`);

export const AdminAgentsQuery = graphql(
  `
  query AdminAgents {
    agents(includeArchived: true) { ...AgentDetail }
  }
`,
  [AgentDetail],
);

export const AdminAgentQuery = graphql(
  `
  query AdminAgent($id: ID!) {
    agent(id: $id) { ...AgentDetail }
  }
`,
  [AgentDetail],
);

export const CreateAgentMutation = graphql(
  `mutation CreateAgent($input: CreateAgentInput!) { createAgent(input: $input) { agentId basePortraitJobId scenarioId agent { ...AgentDetail } } }`,
  [AgentDetail],
);

export const GenerateAgentMutation = graphql(
  `mutation GenerateAgent($input: GenerateAgentInput!) { generateAgent(input: $input) { agentId basePortraitJobId scenarioId agent { ...AgentDetail } } }`,
  [AgentDetail],
);

export const UpdateAgentMutation = graphql(
  `mutation UpdateAgent($input: UpdateAgentInput!) { updateAgent(input: $input) { agentId basePortraitJobId scenarioId agent { ...AgentDetail } } }`,
  [AgentDetail],
);

export const RegeneratePortraitMutation = graphql(
  `mutation RegeneratePortrait($agentId: ID!) { regenerateBasePortrait(agentId: $agentId) { agentId basePortraitJobId scenarioId agent { ...AgentDetail } } }`,
  [AgentDetail],
);

export const ArchiveAgentMutation = graphql(
  `mutation ArchiveAgent($input: ArchiveAgentInput!) { archiveAgent(input: $input) { agentId agent { ...AgentDetail } } }`,
  [AgentDetail],
);

export const UnarchiveAgentMutation = graphql(
  `mutation UnarchiveAgent($input: UnarchiveAgentInput!) { unarchiveAgent(input: $input) { agentId agent { ...AgentDetail } } }`,
  [AgentDetail],
);

export const AddScenarioMutation = graphql(
  `mutation AddScenario($input: AddScenarioInput!) { addScenario(input: $input) { agentId basePortraitJobId scenarioId agent { ...AgentDetail } } }`,
  [AgentDetail],
);

export const RetireScenarioMutation = graphql(
  `mutation RetireScenario($input: RetireScenarioInput!) { retireScenario(input: $input) { agentId basePortraitJobId scenarioId agent { ...AgentDetail } } }`,
  [AgentDetail],
);

export const ImageJobSubscription = graphql(`
  subscription WatchImageJob($id: ID!) {
    imageJobUpdated(id: $id) { id status url queuePosition attempt maxAttempts failureMessage }
  }
`);

export const StoredEventFields = graphql(`
  fragment StoredEventFields on StoredEvent { id type streamId revision position recordedAt data metadata }
`);

export const StreamQuery = graphql(
  `
  query Stream($streamId: String!, $fromRevision: Int!, $limit: Int!) {
    stream(streamId: $streamId, fromRevision: $fromRevision, limit: $limit) { ...StoredEventFields }
  }
`,
  [StoredEventFields],
);

export const EventsQuery = graphql(
  `
  query Events($after: String!, $limit: Int!) {
    events(after: $after, limit: $limit) { hasMore nextAfter events { ...StoredEventFields } }
  }
`,
  [StoredEventFields],
);

export const ConversationsWithAgentQuery = graphql(`
  query ConversationsWithAgent($agentId: ID!, $limit: Int!) {
    conversationsWithAgent(agentId: $agentId, limit: $limit) {
      streamId userId agentId startedAt lastMessageAt affinity messageCount
    }
  }
`);

export const ConversationHistoryQuery = graphql(`
  query ConversationHistory($userId: ID!, $agentId: ID!) {
    conversationHistory(userId: $userId, agentId: $agentId) {
      mood { at mood intensity reason revision }
      affinity { at delta value reason revision }
    }
  }
`);

export const AgentLifeEventsQuery = graphql(`
  query AgentLifeEvents($agentId: ID!, $limit: Int!) {
    agentLifeEvents(agentId: $agentId, limit: $limit) {
      lifeEventId kind title description localTime occurredAt mood moodIntensity
    }
  }
`);

export const ProjectionsQuery = graphql(`
  query Projections {
    projections {
      name status version liveVersion liveGeneration buildingGeneration
      checkpoint eventsApplied lagEvents lagSeconds lastEventAt error
    }
  }
`);

export const RebuildProjectionMutation = graphql(`
  mutation RebuildProjection($name: String!, $dryRun: Boolean!) {
    rebuildProjection(name: $name, dryRun: $dryRun) { name started }
  }
`);

export const ProjectionProgressSubscription = graphql(`
  subscription ProjectionProgress($name: String!) {
    projectionProgress(name: $name) {
      name mode applied total eventsPerSecond generation checkpoint switched error
    }
  }
`);
