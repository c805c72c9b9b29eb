import { graphql } from "../graphql.ts";

export const AccountDeletionQuery = graphql(`
  query AccountDeletion {
    myAccountDeletion { dueAt }
  }
`);

export const DeleteMyAccountMutation = graphql(`
  mutation DeleteMyAccount {
    deleteMyAccount { dueAt }
  }
`);

export const CancelAccountDeletionMutation = graphql(`
  mutation CancelAccountDeletion {
    cancelAccountDeletion
  }
`);

export const ExportMyDataQuery = graphql(`
  query ExportMyData {
    exportMyData
  }
`);

export const ImportChatMutation = graphql(`
  mutation ImportChat($input: ImportChatInput!) { importChat(input: $input) { agentId messages warnings } }
`);

export const ChatImportAgentsQuery = graphql(`
  query ChatImportAgents($userId: ID) { chatImportAgents(userId: $userId) { id name } }
`);

export const ExportChatQuery = graphql(`
  query ExportChat($agentId: ID!) {
    exportChat(agentId: $agentId)
  }
`);
