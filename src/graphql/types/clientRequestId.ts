import { id } from "./message.ts";

export const CLIENT_REQUEST_ID_DESCRIPTION =
  "Chosen by the client (e.g. a UUID): the same request sent again with the same id (a retry after a lost answer) answers with what the first one created and creates nothing twice.";

/** Optional; when given, as strict as a client message id. */
export const clientRequestId = id.regex(/^[\w:.-]+$/, "may hold letters, digits, _ : . and - only").nullish();
