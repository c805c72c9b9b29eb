import "../styles/admin.css";
import "../styles/charts.css";
import "../styles/inspector.css";
import { type KeyboardEvent, useRef, useState } from "react";
import { replaceSearchParams, searchParamNow } from "../ui/router.ts";
import { useDismissErrorToasts } from "../ui/toasts.tsx";
import { AdminChatImport } from "./AdminChatImport.tsx";
import { AgentsAdmin } from "./AgentsAdmin.tsx";
import { ConversationCharts } from "./ConversationCharts.tsx";
import { ConversationTimeTravel } from "./ConversationTimeTravel.tsx";
import { EventInspector } from "./EventInspector.tsx";
import { LorebooksAdmin } from "./LorebooksAdmin.tsx";
import { ProjectionsPanel } from "./ProjectionsPanel.tsx";

const TABS = [
  { id: "agents", label: "Agents", render: () => <AgentsAdmin /> },
  { id: "lorebooks", label: "Lorebooks", render: () => <LorebooksAdmin /> },
  { id: "chatImport", label: "Import a chat", render: () => <AdminChatImport /> },
  { id: "charts", label: "Mood & affinity", render: () => <ConversationCharts /> },
  { id: "timeTravel", label: "Time travel", render: () => <ConversationTimeTravel /> },
  { id: "events", label: "Event streams", render: () => <EventInspector /> },
  { id: "projections", label: "Projections", render: () => <ProjectionsPanel /> },
] as const;

type TabId = (typeof TABS)[number]["id"];

export default function AdminPage() {
  // The section is in the address (`/admin?tab=projections`): a reload shows the same one.
  const [active, setActive] = useState<TabId>(
    () => TABS.find((t) => t.id === searchParamNow("tab"))?.id ?? "agents",
  );
  const dismissErrors = useDismissErrorToasts();
  // An error from the section left behind no longer applies to what is on screen.
  const choose = (id: TabId) => {
    if (id !== active) dismissErrors();
    setActive(id);
    replaceSearchParams({ tab: id === "agents" ? null : id });
  };
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + TABS.length) % TABS.length;
    choose(TABS[next]!.id);
    buttons.current[next]?.focus();
  };
  const tab = TABS.find((t) => t.id === active)!;
  return (
    <main className="admin" id="main">
      <h1 className="visually-hidden">Admin</h1>
      <div className="tabs" role="tablist" aria-label="Admin sections">
        {TABS.map((t, index) => (
          <button
            key={t.id}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === active}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === active ? 0 : -1}
            onClick={() => choose(t.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab.id}`} aria-labelledby={`tab-${tab.id}`} className="tab-panel">
        {tab.render()}
      </div>
    </main>
  );
}
