import { graphql } from "../graphql.ts";

/** A fresh link to an agent's portrait, for a picture whose link has expired. */
export const AgentPortraitQuery = graphql(`
  query AgentPortrait($id: ID!) { agent(id: $id) { id basePortraitUrl } }
`);

/** A fresh link to a finished picture, for one whose link has expired. */
export const PictureLinkQuery = graphql(`
  query PictureLink($id: ID!) { imageJob(id: $id) { id url } }
`);
