import { extractFacts } from "./src/application/memory/factExtractor.ts";
import { intentOf, kindOfFactText } from "./src/application/memory/queryIntent.ts";
for (const t of ["I'm a paramedic, mostly night shifts.", "My grandma Keiko taught me to cook.", "I'm thinking of moving to Canada next year.", "My partner Lars is a carpenter.", "I'm originally from Osaka but I moved to Rotterdam for work.", "I never drink coffee after noon, it keeps me awake.", "I'm obsessed with bouldering, I go three times a week."]) console.log(t, extractFacts(t, { personName: "Aiko", agentName: "Noor" }).map(f => `[${f.kind}] ${f.text}`));
for (const q of ["Remind me, what's my job?", "What's the name of my other half?", "Which country might I relocate to?"]) console.log(q, intentOf(q).kinds);
