import { Command } from "commander";
import { archiveAgent, unarchiveAgent } from "../application/agents/archiveAgent.ts";
import { DomainError } from "../domain/shared/decider.ts";
import type { CliSystem } from "./cliSystem.ts";

/** `withme agents archive|unarchive <agentId>`: what the admin view's buttons do, from a shell. */
export function agentsCommand(open: () => Promise<CliSystem>): Command {
  const agents = new Command("agents").description("operate on agents");
  agents
    .command("archive")
    .description("archive an agent: it takes no new messages; those who talked with it keep their history")
    .argument("<agentId>", "the agent's id")
    .option("--reason <text>", "why the agent leaves, kept with the archiving")
    .action((agentId: string, options: { reason?: string }) =>
      withSystem(open, async (system, meta) => {
        const archived = await archiveAgent(system, { agentId, reason: options.reason ?? null }, meta);
        console.log(archived ? `archived agent ${agentId}` : `agent ${agentId} was archived already`);
      }),
    );
  agents
    .command("unarchive")
    .description("bring an archived agent back: it takes messages and edits again")
    .argument("<agentId>", "the agent's id")
    .action((agentId: string) =>
      withSystem(open, async (system, meta) => {
        const unarchived = await unarchiveAgent(system, { agentId }, meta);
        console.log(unarchived ? `unarchived agent ${agentId}` : `agent ${agentId} was not archived`);
      }),
    );
  return agents;
}

/** Runs one operation on a system opened for it; a refusal is printed and sets the exit code. */
async function withSystem(
  open: () => Promise<CliSystem>,
  work: (system: CliSystem, meta: { actor: string; requestId: null; now: Date }) => Promise<void>,
): Promise<void> {
  const system = await open();
  try {
    await work(system, { actor: "system:cli", requestId: null, now: new Date() });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`withme: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await system.lifecycle.stop();
  }
}
