import { graphql } from "../graphql.ts";

export const ProfileFields = graphql(`
  fragment ProfileFields on User {
    id
    displayName
    timezone
    quietHours { start end }
    doNotDisturb
    pushSubscriptions
  }
`);

export const SettingsQuery = graphql(
  `
  query Settings {
    me { ...ProfileFields }
    pushConfig { enabled vapidPublicKey }
  }
`,
  [ProfileFields],
);

export const UpdateProfileMutation = graphql(
  `
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) { ...ProfileFields }
  }
`,
  [ProfileFields],
);

export const RegisterPushSubscriptionMutation = graphql(
  `
  mutation RegisterPushSubscription($input: RegisterPushSubscriptionInput!) {
    registerPushSubscription(input: $input) { ...ProfileFields }
  }
`,
  [ProfileFields],
);

export const RemovePushSubscriptionMutation = graphql(
  `
  mutation RemovePushSubscription($endpoint: String!) {
    removePushSubscription(endpoint: $endpoint) { ...ProfileFields }
  }
`,
  [ProfileFields],
);
