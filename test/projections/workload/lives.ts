import { type AgentState, agentDecider } from "../../../src/domain/agent/decider.ts";
import { imageJobDecider } from "../../../src/domain/imageJob/decider.ts";
import { MOODS } from "../../../src/domain/shared/mood.ts";
import { type UserState, userDecider } from "../../../src/domain/user/decider.ts";
import { cardLife } from "./cards.ts";
import { WORDS } from "./random.ts";
import { type Entity, type Job, type Simulation, TIMEZONES } from "./simulation.ts";

/** One step of an image job: submitted, queued, running, then stored or failed (and maybe retried). */
export function advanceJob(sim: Simulation, job: Job): void {
  const r = sim.rng;
  const s = job.state;
  const at = { imageJobId: job.id, now: sim.iso() };
  const request = { ...at, providerRequestId: s.providerRequestId ?? "" };
  const due =
    s.status === "requested" || (s.status === "retryScheduled" && at.now >= (s.retryNotBefore ?? ""));
  if (due) {
    const submit = { ...at, provider: "local", providerRequestId: r.uuid(), attempt: s.attempt };
    sim.run(imageJobDecider, job, { type: "SubmitImageJob", ...submit });
  } else if (s.status === "submitted") {
    sim.run(imageJobDecider, job, {
      type: "ReportImageJobProgress",
      ...request,
      status: "queued",
      queuePosition: r.int(6),
    });
  } else if (s.status === "progressing" && s.progress?.status === "queued") {
    const logs = [`step ${r.int(50)}`, r.text(4)];
    sim.run(imageJobDecider, job, { type: "ReportImageJobProgress", ...request, status: "running", logs });
  } else if (s.status === "progressing" && r.chance(0.8)) {
    const result = { url: `/media/images/${job.id}.png`, contentType: "image/png", width: 768, height: 1024 };
    sim.run(imageJobDecider, job, {
      type: "CompleteImageJob",
      ...request,
      ...result,
      sizeBytes: 40_000 + r.int(90_000),
    });
  } else if (s.status === "progressing") {
    const reason = r.pick(["timeout", "provider_error"] as const);
    const failure = { reason, message: "The provider gave up.", retryable: r.chance(0.7) };
    sim.run(imageJobDecider, job, { type: "FailImageJob", ...request, attempt: s.attempt, ...failure });
  }
  if (job.state.status !== "succeeded" && job.state.status !== "failed") return;
  sim.jobs.delete(job.id);
  const agent = sim.agents.find((a) => a.id === job.portraitFor);
  if (agent && job.state.result) {
    const portrait = { imageJobId: job.id, url: job.state.result.url, now: sim.iso(1) };
    sim.run(agentDecider, agent, { type: "SetAgentBasePortrait", agentId: agent.id, ...portrait });
  }
}

/** Something in an agent's offline life, its baseline drifting, a scenario, or a new look. */
export function agentLife(sim: Simulation, agent: Entity<AgentState>): void {
  const r = sim.rng;
  const base = { agentId: agent.id, now: sim.iso() };
  const roll = r.next();
  const active = agent.state.scenarios.filter((s) => s.status === "active");
  if (roll < 0.5) {
    sim.run(agentDecider, agent, {
      type: "RecordLifeEvent",
      ...base,
      lifeEventId: r.uuid(),
      kind: r.pick(["routine", "event", "milestone"] as const),
      title: `A ${r.pick(WORDS)} moment`,
      description: r.text(15),
      moodImpact: r.chance(0.5) ? { mood: r.pick(MOODS), intensity: r.round(r.next()) } : null,
    });
  } else if (roll < 0.7) {
    const to = { mood: r.pick(MOODS), intensity: r.round(r.next()) };
    sim.run(agentDecider, agent, { type: "DriftMoodBaseline", ...base, to, reason: "a long week" });
  } else if (roll < 0.85 && active.length < 6) {
    const window = r.chance(0.5)
      ? { kind: "weekly" as const, days: ["mon" as const, "wed" as const], start: "09:00", end: "17:00" }
      : { kind: "once" as const, startsAt: sim.iso(3_600), endsAt: sim.iso(10_800) };
    const scenario = { scenarioId: r.uuid(), title: `Busy with ${r.pick(WORDS)}`, description: r.text(10) };
    sim.run(agentDecider, agent, { type: "AddScenario", ...base, ...scenario, window });
  } else if (roll < 0.9) {
    cardLife(sim, agent);
  } else if (active.length > 0 && roll < 0.95) {
    const scenarioId = r.pick(active).scenarioId;
    sim.run(agentDecider, agent, { type: "RetireScenario", ...base, scenarioId, reason: "over" });
  } else {
    changeProfile(sim, agent, base);
  }
}

/** An operator edits the agent: a new look, name, persona or identity. */
function changeProfile(
  sim: Simulation,
  agent: Entity<AgentState>,
  base: { agentId: string; now: string },
): void {
  const r = sim.rng;
  const profile = agent.state.profile;
  if (!profile) return;
  const roll = r.next();
  if (roll < 0.4) {
    const appearancePrompt = `Curly hair, ${r.pick(WORDS)} jacket.`;
    sim.run(agentDecider, agent, { type: "UpdateAgentAppearance", ...base, appearancePrompt });
  } else if (roll < 0.6) {
    sim.run(agentDecider, agent, {
      type: "RenameAgent",
      ...base,
      name: `${profile.name.split(" ")[0]} ${r.pick(WORDS)}`,
    });
  } else if (roll < 0.8) {
    const persona = {
      ...profile.persona,
      interests: [...profile.persona.interests.slice(-3), r.pick(WORDS)],
    };
    sim.run(agentDecider, agent, { type: "UpdateAgentPersona", ...base, persona });
  } else {
    const identity = {
      ...profile.identity,
      timezone: r.pick(TIMEZONES),
      occupation: `${r.pick(WORDS)} seller`,
    };
    sim.run(agentDecider, agent, { type: "UpdateAgentIdentity", ...base, identity });
  }
}

/** A person changes their profile or a device subscribes to (or drops) notifications. */
export function userActivity(sim: Simulation, user: Entity<UserState>): void {
  const r = sim.rng;
  const base = { userId: user.id, now: sim.iso() };
  const subscription = user.state.pushSubscriptions[0];
  if (sim.trees && r.chance(0.05)) {
    // People ask for their account to go and change their mind; erasure itself ends a history.
    if (user.state.deletionDueAt === null)
      sim.run(userDecider, user, { type: "RequestAccountDeletion", ...base, dueAt: sim.iso() });
    else sim.run(userDecider, user, { type: "CancelAccountDeletion", ...base });
    return;
  }
  const roll = r.next();
  if (roll < 0.4) {
    const quietHours = r.chance(0.5) ? { start: "22:00", end: "07:30" } : null;
    const profile = { timezone: r.pick(TIMEZONES), quietHours, doNotDisturb: r.chance(0.2) };
    sim.run(userDecider, user, { type: "UpdateUserProfile", ...base, ...profile });
  } else if (subscription && roll < 0.64) {
    const removal = { endpoint: subscription.endpoint, reason: "expired" as const };
    sim.run(userDecider, user, { type: "RemovePushSubscription", ...base, ...removal });
  } else {
    const device = {
      endpoint: `https://push.example/${r.uuid()}`,
      keys: { p256dh: r.uuid(), auth: r.uuid() },
    };
    sim.run(userDecider, user, { type: "RegisterPushSubscription", ...base, kind: "webpush", ...device });
  }
}
