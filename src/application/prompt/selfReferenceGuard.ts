import { capitalizeFirst, type Sentence, splitSentences } from "./replySentences.ts";
import {
  aiDisclosurePatterns,
  coordinatedVerbEdits,
  findDisclosure,
  findThirdPerson,
  type GuardRule,
  modelInternalsPatterns,
  removableLeadingClauses,
} from "./selfReferencePatterns.ts";

export interface GuardFinding {
  rule: GuardRule;
  /** The offending sentence as the model wrote it. */
  sentence: string;
  action: "rewritten" | "dropped";
}

export type GuardVerdict = "ok" | "repaired" | "regenerate";

export interface GuardResult {
  verdict: GuardVerdict;
  /** The reply to send: unchanged, repaired, or the best repair when a regeneration is advised. */
  text: string;
  findings: GuardFinding[];
}

export interface GuardOptions {
  agentName: string;
  selfDescribesAsAI: boolean;
}

/**
 * Checks a finished reply for broken character: saying it is an AI (unless the persona openly is
 * one), talk of prompts and training, or the agent speaking of itself by name. Fixable sentences
 * are rewritten in the first person or dropped; when too little of the reply would survive, the
 * verdict asks for a regeneration.
 */
export function checkSelfReference(reply: string, options: GuardOptions): GuardResult {
  const names = namesOf(options.agentName);
  const sentences = splitSentences(reply);
  const findings: GuardFinding[] = [];
  const kept: string[] = [];
  for (const sentence of sentences) {
    const outcome = repairSentence(sentence, names, options.selfDescribesAsAI);
    if (outcome.rule)
      findings.push({ rule: outcome.rule, sentence: sentence.text.trim(), action: outcome.action });
    if (outcome.text !== null) kept.push(outcome.text);
  }
  if (findings.length === 0) return { verdict: "ok", text: reply, findings };
  const text = kept.join("").trim();
  const dropped = findings.filter((finding) => finding.action === "dropped").length;
  const substantive = sentences.filter((sentence) => /\p{L}{2}/u.test(sentence.text)).length;
  const tooLittleLeft = wordCount(text) < 3 || dropped * 2 > substantive;
  return { verdict: tooLittleLeft ? "regenerate" : "repaired", text, findings };
}

interface SentenceOutcome {
  text: string | null;
  rule?: GuardRule;
  action: GuardFinding["action"];
}

function repairSentence(sentence: Sentence, names: readonly string[], openlyAI: boolean): SentenceOutcome {
  if (findDisclosure(sentence.masked, modelInternalsPatterns))
    return { text: null, rule: "model-internals", action: "dropped" };
  if (!openlyAI && findDisclosure(sentence.masked, aiDisclosurePatterns)) {
    const trimmed = withoutLeadingClause(sentence);
    if (trimmed && !findDisclosure(trimmed.masked, aiDisclosurePatterns) && wordCount(trimmed.text) >= 3)
      return { ...repairThirdPerson(trimmed, names), rule: "ai-disclosure", action: "rewritten" };
    return { text: null, rule: "ai-disclosure", action: "dropped" };
  }
  const repaired = repairThirdPerson(sentence, names);
  if (repaired.text === sentence.text) return { text: sentence.text, action: "rewritten" };
  return {
    text: repaired.text,
    rule: "third-person",
    action: repaired.text === null ? "dropped" : "rewritten",
  };
}

function withoutLeadingClause(sentence: Sentence): Sentence | null {
  for (const clause of removableLeadingClauses) {
    const match = clause.exec(sentence.masked);
    if (!match) continue;
    const cut = match[0].length;
    return {
      text: capitalizeFirst(sentence.text.slice(cut)),
      masked: capitalizeFirst(sentence.masked.slice(cut)),
    };
  }
  return null;
}

/** Rewrites every self-mention by name; gives up (drops) when pronouns would make it ambiguous. */
function repairThirdPerson(sentence: Sentence, names: readonly string[]): { text: string | null } {
  let { text, masked } = sentence;
  for (let guard = 0; guard < 8; guard++) {
    const hit = findThirdPerson(masked, names);
    if (!hit) break;
    const rest = masked.slice(hit.index + hit.length);
    if (/\b(?:she|her|hers|herself|he|him|his|himself)\b/i.test(rest)) return { text: null };
    const atStart = !/\p{L}/u.test(masked.slice(0, hit.index).replace(/\*/g, ""));
    const replacement = atStart ? capitalizeFirst(hit.replacement) : hit.replacement;
    const end = hit.index + hit.length;
    const edits = replacement.toLowerCase() === "my" ? [] : coordinatedVerbEdits(masked.slice(end));
    let textRest = text.slice(end);
    let maskedRest = masked.slice(end);
    for (const edit of edits.reverse()) {
      const splice = (part: string) =>
        part.slice(0, edit.index) + edit.replacement + part.slice(edit.index + edit.length);
      textRest = splice(textRest);
      maskedRest = splice(maskedRest);
    }
    text = text.slice(0, hit.index) + replacement + textRest;
    masked = masked.slice(0, hit.index) + replacement + maskedRest;
  }
  return { text };
}

function namesOf(agentName: string): string[] {
  const full = agentName.trim();
  const first = full.split(/\s+/)[0] ?? full;
  return first === full ? [full] : [full, first];
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}
