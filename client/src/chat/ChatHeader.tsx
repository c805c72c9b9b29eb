import { type RefObject, useEffect, useState } from "react";
import { Avatar } from "../ui/Avatar.tsx";
import { clockIn, MOOD_COLORS, titleCase } from "../ui/format.ts";
import { affinityCueText } from "./affinityCue.ts";
import type { ConversationModel } from "./conversationModel.ts";
import { ExportChatButton } from "./ExportChatButton.tsx";
import type { Availability, ConversationAgent } from "./useConversation.ts";
import { asleepBadgeText } from "./wakeTime.ts";

const CUE_MS = 6_000;

export function ChatHeader(props: {
  agent: ConversationAgent;
  availability: Availability | null;
  model: ConversationModel;
  update: (change: (model: ConversationModel) => ConversationModel) => void;
  onBack: () => void;
  onShowMemories?: () => void;
  memoriesShown?: boolean;
  /** The button that shows the memories, for the panel to give the focus back to when it closes. */
  memoriesToggle?: RefObject<HTMLButtonElement | null>;
}) {
  const { agent, availability, model, update } = props;
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (model.cues.length === 0) return;
    const oldest = model.cues[0]!.id;
    const timer = setTimeout(
      () => update((m) => ({ ...m, cues: m.cues.filter((c) => c.id !== oldest) })),
      CUE_MS,
    );
    return () => clearTimeout(timer);
  }, [model.cues, update]);
  const clock = clockIn(agent.identity.timezone, now);
  const feeling = model.feeling;
  const availabilityText =
    availability?.status === "ASLEEP"
      ? asleepBadgeText(agent.name, availability, agent.identity.timezone)
      : availability?.reason;
  return (
    <header className="chat-header">
      <button type="button" className="ghost back" onClick={props.onBack} aria-label="Back to companions">
        ←
      </button>
      <Avatar agentId={agent.id} name={agent.name} url={agent.basePortraitUrl} size={48} />
      <div className="chat-header-text">
        <h1 className="chat-title">{agent.name}</h1>
        <p className="chat-subtitle">
          <span title={agent.identity.timezone}>
            <span className="visually-hidden">Local time </span>
            {clock.time} {clock.weekday && <span className="muted">{clock.weekday}</span>}
          </span>{" "}
          · {agent.identity.homeCity}
        </p>
      </div>
      <ul className="chat-badges" aria-label="How they are">
        {availability && (
          <li className={`badge ${availability.status.toLowerCase()}`} title={availabilityText}>
            <span className={`dot ${availability.status.toLowerCase()}`} aria-hidden="true" />
            {titleCase(availability.status)}
            <span className="visually-hidden">: {availabilityText}</span>
          </li>
        )}
        {feeling && (
          <li className="badge mood" title={feeling.moodReason ?? undefined}>
            <span
              className="dot"
              style={{ background: MOOD_COLORS[feeling.mood.toLowerCase()] }}
              aria-hidden="true"
            />
            <span className="visually-hidden">Mood: </span>
            {titleCase(feeling.mood)}
          </li>
        )}
        {feeling && (
          <li className="badge affinity" title="Affinity toward you, from -100 to 100">
            <span aria-hidden="true">♥</span> <span className="visually-hidden">Affinity </span>
            <span data-testid="affinity">{feeling.affinity}</span>
          </li>
        )}
      </ul>
      {props.onShowMemories && (
        <button
          type="button"
          className="ghost small"
          ref={props.memoriesToggle}
          aria-expanded={props.memoriesShown ?? false}
          onClick={props.onShowMemories}
        >
          What {agent.name} remembers
        </button>
      )}
      <ExportChatButton agentId={agent.id} agentName={agent.name} />
      <div className="cues" aria-live="polite">
        {model.cues.map((cue) => (
          <span
            key={cue.id}
            className={`cue ${cue.delta > 0 ? "up" : "down"}`}
            title={affinityCueText(agent.name, cue)}
            data-testid="affinity-cue"
          >
            <span aria-hidden="true">{cue.delta > 0 ? `+${cue.delta}` : `−${Math.abs(cue.delta)}`} ♥</span>
            <span className="visually-hidden">{affinityCueText(agent.name, cue)}</span>
          </span>
        ))}
      </div>
    </header>
  );
}
