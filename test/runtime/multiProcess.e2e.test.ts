import { describe } from "vitest";
import { rolesApart } from "./rolesApart.ts";

describe("roles in separate processes, live bus over PostgreSQL NOTIFY", () => {
  rolesApart(undefined);
});
