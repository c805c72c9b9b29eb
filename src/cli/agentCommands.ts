import { Command } from "commander";
import { archiveAgent } from "../application/agents/archiveAgent.ts";
import { DomainError } from "../domain/shared/decider.ts";
import type { CliSystem } from "./cliSystem.ts";

/** `withme agents archive <agentId>`: what the admin view's Archive button does, from a shell. */
export function agentsCommand(open: () => Promise<CliSystem>): Command {
  const agents = new Command("agents").description("operate on agents");
  agents
    .command("archive")
    .description("archive an agent: it takes no new messages; those who talked with it keep their history")
    .argument("<agentId>", "the agent's id")
    .option("--reason <text>", "why the agent leaves, kept with the archiving")
    .action(async (agentId: string, options: { reason?: string }) => {
      const system = await open();
      try {
        const meta = { actor: "system:cli", requestId: null, now: new Date() };
        const archived = await archiveAgent(system, { agentId, reason: options.reason ?? null }, meta);
        console.log(archived ? `archived agent ${agentId}` : `agent ${agentId} was archived already`);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        console.error(`withme: ${error.message}`);
        process.exitCode = 1;
      } finally {
        await system.lifecycle.stop();
      }
    });
  return agents;
}
