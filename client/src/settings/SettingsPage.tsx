import "../styles/settings.css";
import { useQuery } from "urql";
import { SettingsQuery } from "../api/operations/settings.ts";
import { errorText } from "../ui/format.ts";
import { ChatImportPanel } from "./ChatImportPanel.tsx";
import { NotificationsPanel } from "./NotificationsPanel.tsx";
import { ProfileForm } from "./ProfileForm.tsx";
import { YourDataPanel } from "./YourDataPanel.tsx";

/** The person's own settings: who they are, when agents may write first, notifications, their chats and data. */
export function SettingsPage() {
  const [{ data, error }] = useQuery({ query: SettingsQuery, requestPolicy: "cache-and-network" });
  return (
    <main className="settings-page" id="main">
      <div className="settings-inner">
        <h1>Settings</h1>
        {!data ? (
          <p className="empty-state" role={error ? "alert" : "status"}>
            {error ? errorText(error, "The settings did not load; reload the page.") : "Loading…"}
          </p>
        ) : (
          <>
            <ProfileForm key={data.me.id} profile={data.me} />
            <NotificationsPanel config={data.pushConfig} devices={data.me.pushSubscriptions} />
            <ChatImportPanel />
            <YourDataPanel />
          </>
        )}
      </div>
    </main>
  );
}
