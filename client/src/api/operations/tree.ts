import { graphql } from "../graphql.ts";
import { MessageFields } from "./chat.ts";

export const RegenerateReplyMutation = graphql(`
  mutation RegenerateReply($input: RegenerateReplyInput!) {
    regenerateReply(input: $input) { leafId revision duplicate replyId }
  }
`);

export const EditMessageMutation = graphql(`
  mutation EditMessage($input: EditMessageInput!) {
    editMessage(input: $input) { leafId revision duplicate replyId message { id } }
  }
`);

export const ChooseAlternativeMutation = graphql(`
  mutation ChooseAlternative($input: ConversationMessageRequestInput!) {
    chooseAlternative(input: $input) { leafId revision duplicate }
  }
`);

export const BranchFromMutation = graphql(`
  mutation BranchFrom($input: ConversationMessageRequestInput!) {
    branchFrom(input: $input) { leafId revision duplicate }
  }
`);

export const HideMessageMutation = graphql(`
  mutation HideMessage($input: ConversationMessageRequestInput!) {
    hideMessage(input: $input) { leafId revision duplicate }
  }
`);

export const UnhideMessageMutation = graphql(`
  mutation UnhideMessage($input: ConversationMessageRequestInput!) {
    unhideMessage(input: $input) { leafId revision duplicate }
  }
`);

export const PathPageQuery = graphql(
  `
  query PathPage($agentId: ID!, $last: Int!) {
    conversation(agentId: $agentId) {
      messages(last: $last) {
        edges { node { ...MessageFields } }
        pageInfo { hasPreviousPage startCursor }
      }
    }
  }
`,
  [MessageFields],
);
