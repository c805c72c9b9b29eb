import { withIndefiniteArticle } from "../../domain/shared/indefiniteArticle.ts";

const BUSINESS =
  /\b(?:runs|owns|co-owns|has|operates|manages|started|opened)\s+(?:a|an|the|her|his|their|own|(?:her|his|their) own)\s+((?:[a-z]+\s+){0,2}?(?:food truck|truck|stall|cart|café|cafe|bakery|restaurant|bistro|diner|bar|pub|shop|store|boutique|studio|salon|kitchen|stand|van|market stall|bookshop|bookstore|gallery|farm|vineyard|brewery|garage|workshop|clinic|gym|school|business|company|startup|agency|hostel|hotel|b&b))\b/i;

/**
 * The occupation with the business the description says the agent runs, when that says more
 * than the job alone: "a chef who runs a food truck" → "chef who runs a food truck".
 */
export function occupationWithBusiness(occupation: string | null, text: string): string | null {
  const business = BUSINESS.exec(text)?.[1]?.toLowerCase();
  if (!occupation || !business) return occupation;
  if (/\bowner$/.test(occupation) || occupation.includes(business)) return occupation;
  const phrase = `${occupation} who runs ${withIndefiniteArticle(business)}`;
  return phrase.length <= 100 ? phrase : occupation;
}
