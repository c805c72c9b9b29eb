import { graphql } from "../graphql.ts";

export const PreviewCardMutation = graphql(`
  mutation PreviewCard($file: File!) {
    previewCard(file: $file) {
      name format greeting hasPortrait lorebookEntries warnings
      identity { homeCity country occupation timezone }
      guess { homeCity timezone occupation }
    }
  }
`);

export const ImportCardMutation = graphql(`
  mutation ImportCard($input: ImportCardInput!) {
    importCard(input: $input) { agentId lorebookId portraitUrl warnings }
  }
`);

export const ExportCardMutation = graphql(`
  mutation ExportCard($agentId: ID!) { exportCard(agentId: $agentId) { fileName dataUrl } }
`);

export const AgentCardQuery = graphql(`
  query AgentCard($id: ID!) { agent(id: $id) { id greetings lorebookIds } }
`);

export const OpenConversationMutation = graphql(`
  mutation OpenConversation($agentId: ID!) { openConversation(agentId: $agentId) { agentId greetingId } }
`);

const LorebookEntryFields = graphql(`
  fragment LorebookEntryFields on LorebookEntry {
    id comment keys secondaryKeys selectiveLogic content enabled constant insertionOrder position
  }
`);

export const LorebooksQuery = graphql(`
  query Lorebooks { lorebooks { id name entryCount } }
`);

export const LorebookQuery = graphql(
  `
  query Lorebook($id: ID!) {
    lorebook(id: $id) { id name description entryCount agentIds entries { ...LorebookEntryFields } }
  }
`,
  [LorebookEntryFields],
);

export const ImportLorebookMutation = graphql(`
  mutation ImportLorebook($file: File!, $clientRequestId: ID) {
    importLorebook(file: $file, clientRequestId: $clientRequestId) { lorebookId warnings }
  }
`);

export const AttachLorebookMutation = graphql(`
  mutation AttachLorebook($agentId: ID!, $lorebookId: ID!) {
    attachLorebook(agentId: $agentId, lorebookId: $lorebookId) { lorebookId }
  }
`);

export const DetachLorebookMutation = graphql(`
  mutation DetachLorebook($agentId: ID!, $lorebookId: ID!) {
    detachLorebook(agentId: $agentId, lorebookId: $lorebookId) { lorebookId }
  }
`);

export const SaveLorebookEntryMutation = graphql(`
  mutation SaveLorebookEntry($input: LorebookEntryInput!) { saveLorebookEntry(input: $input) { lorebookId } }
`);

export const RemoveLorebookEntryMutation = graphql(`
  mutation RemoveLorebookEntry($lorebookId: ID!, $entryId: ID!) {
    removeLorebookEntry(lorebookId: $lorebookId, entryId: $entryId) { lorebookId }
  }
`);
