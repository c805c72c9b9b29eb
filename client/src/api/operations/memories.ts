import { graphql } from "../graphql.ts";

export const MemoryFields = graphql(`
  fragment MemoryFields on Memory {
    id
    text
    kind
    recordedAt
    correctedAt
    sourceMessageId
  }
`);

export const MemoriesQuery = graphql(
  `
  query Memories($agentId: ID!) {
    memories(agentId: $agentId) { ...MemoryFields }
  }
`,
  [MemoryFields],
);

export const CorrectMemoryMutation = graphql(
  `
  mutation CorrectMemory($input: CorrectMemoryInput!) {
    correctMemory(input: $input) { ...MemoryFields }
  }
`,
  [MemoryFields],
);

export const ForgetMemoryMutation = graphql(`
  mutation ForgetMemory($input: ForgetMemoryInput!) {
    forgetMemory(input: $input) { memoryId }
  }
`);
