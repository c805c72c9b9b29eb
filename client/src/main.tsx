import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { SessionStore } from "./auth/session.ts";
import "./styles/base.css";
import "./styles/utilities.css";
import "./styles/shell.css";
import "./styles/chat.css";
import "./styles/messages.css";
import "./styles/composer.css";

const session = new SessionStore(window.localStorage);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
