import { graphql } from "../graphql.ts";

export const MessageFields = graphql(`
  fragment MessageFields on Message {
    id
    cursor
    kind
    role
    text
    status
    clientMessageId
    inReplyTo
    attempt
    failureReason
    retryable
    declineReason
    createdAt
    updatedAt
    image { imageJobId url width height }
    parentId
    siblingIds
    siblingIndex
    hidden
    hiddenReplyId
  }
`);

export const MeQuery = graphql(`
  query Me {
    me { id displayName role }
  }
`);

export const AgentsQuery = graphql(`
  query Agents {
    agents(includeArchived: true) {
      id
      name
      status
      basePortraitUrl
      identity { homeCity occupation timezone }
      availability { status reason }
    }
  }
`);

export const ConversationQuery = graphql(
  `
  query Conversation($agentId: ID!, $last: Int!) {
    conversation(agentId: $agentId) {
      agent { id name basePortraitUrl identity { homeCity country occupation timezone } }
      state {
        affinity
        mood
        moodIntensity
        moodReason
        revision
        replyStatus
        replyId
        availability { status reason until }
      }
      messages(last: $last) {
        edges { node { ...MessageFields } }
        pageInfo { hasPreviousPage startCursor }
      }
    }
  }
`,
  [MessageFields],
);

export const EarlierMessagesQuery = graphql(
  `
  query EarlierMessages($agentId: ID!, $last: Int!, $before: String!) {
    conversation(agentId: $agentId) {
      messages(last: $last, before: $before) {
        edges { node { ...MessageFields } }
        pageInfo { hasPreviousPage startCursor }
      }
    }
  }
`,
  [MessageFields],
);

export const AvailabilityQuery = graphql(`
  query ConversationAvailability($agentId: ID!) {
    conversation(agentId: $agentId) {
      state { availability { status reason until } }
    }
  }
`);

export const SendMessageMutation = graphql(
  `
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) { duplicate replyId message { ...MessageFields } }
  }
`,
  [MessageFields],
);

export const RequestImageMutation = graphql(
  `
  mutation RequestImage($input: RequestImageInput!) {
    requestImage(input: $input) { duplicate replyId message { ...MessageFields } }
  }
`,
  [MessageFields],
);

export const RetryReplyMutation = graphql(`
  mutation RetryReply($input: RetryReplyInput!) {
    retryReply(input: $input) { replyId attempt }
  }
`);

export const ConversationEventsSubscription = graphql(
  `
  subscription ConversationEvents($agentId: ID!, $afterRevision: Int) {
    conversationEvents(agentId: $agentId, afterRevision: $afterRevision) {
      __typename
      ... on MessageAdded { revision message { ...MessageFields } }
      ... on ReplyStarted { revision replyId inReplyTo attempt }
      ... on ReplyDelta { replyId text index }
      ... on ReplyAbandoned { replyId inReplyTo }
      ... on ReplyCompleted { revision replyId message { ...MessageFields } }
      ... on ReplyFailed { revision replyId inReplyTo reason failureMessage: message retryable }
      ... on StateChanged { revision mood moodIntensity affinity affinityDelta reason }
      ... on Typing { typing typingReplyId: replyId }
      ... on ImageJobUpdated {
        grantRevision: revision
        imageJob { id status url width height queuePosition attempt failureMessage }
      }
      ... on ImageRequestDeclined { revision declineReason inReplyTo }
      ... on PathChanged {
        revision leafId previousLeafId via pathMessageId: messageId mood moodIntensity affinity
      }
      ... on MessageVisibilityChanged { revision hiddenMessageId: messageId hidden }
    }
  }
`,
  [MessageFields],
);
