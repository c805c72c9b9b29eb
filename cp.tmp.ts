import { extractFacts } from "./src/application/memory/factExtractor.ts";
const pos: [string, string][] = [
  ["My son Oliver just turned five.", "person"], ["I'm a mother of two.", "person"], ["My partner works in finance.", "person"],
  ["My wife is expecting our first baby in May.", "plan"], ["I have three older sisters.", "person"], ["Our dog Max is a beagle.", "pet"],
  ["My cat is 15 years old.", "pet"], ["I recently adopted a kitten named Mochi.", "pet"], ["I live with my boyfriend in Amsterdam.", "place"],
  ["I'm based in Melbourne.", "place"], ["I'm a Londoner born and bred.", "place"], ["I spent my childhood in Lagos.", "place"],
  ["I work in IT.", "work"], ["I'm a high school English teacher.", "work"], ["I work for the NHS.", "work"], ["I'm a stay at home dad.", "work"],
  ["I'm in my final year of law school.", "work"], ["I work from home most days.", "work"], ["I'm a junior doctor.", "work"],
  ["My birthday is the 9th of July.", "date"], ["I was born on Christmas Day.", "date"], ["My wedding anniversary is in September.", "date"],
  ["I absolutely love sushi.", "preference"], ["I really dislike crowds.", "preference"], ["Cooking is my favourite way to relax.", "preference"],
  ["I'm a big Liverpool fan.", "preference"], ["I've always loved the sea.", "preference"], ["Reading is my thing.", "preference"],
  ["I love playing chess with my dad.", "preference"], ["I'm allergic to cats.", "health"], ["I have type 1 diabetes.", "health"],
  ["I don't eat pork.", "health"], ["I have ADHD.", "health"], ["I'm recovering from knee surgery.", "health"],
  ["I'm going to Paris next week.", "plan"], ["I'm starting a new job on Monday.", "plan"], ["We're going on holiday to Greece in July.", "plan"],
  ["I'm saving up for a house.", "plan"], ["I plan to retire early.", "plan"], ["I'm taking my driving test next month.", "plan"],
  ["I go to the gym every morning.", "other"], ["I'm terrible at remembering names.", "other"], ["I can't swim.", "other"],
  ["I've never been abroad.", "other"], ["I'm 27 years old.", "other"], ["I wear glasses.", "other"], ["I'm really shy around new people.", "other"],
  ["I'm a night owl.", "preference"], ["i love my dog so much, his name is Rufus", "pet"], ["My mom lives with us.", "person"],
];
const neg: string[] = [
  "You're my favourite person to talk to.", "I love you!", "You make me so happy.", "What are you doing today?", "Are you busy?",
  "Tell me about your day.", "I hope you slept well.", "I'm so happy right now!", "I'm heading out for lunch.", "I just had a shower.",
  "I'm cooking dinner.", "Today was exhausting.", "I can't believe it's Monday already.", "I'm listening to music.", "I'm sorry to hear that.",
  "That's awesome!", "I see what you mean.", "I'm feeling a bit down.", "I'm going to bed now.", "Brb", "I don't know.", "I forgot.",
  "I'll think about it.", "Me too!", "I love it!", "I'm glad you like it.", "I think that's a great idea.", "Can I ask you something?",
  "I want to hear more about your painting.", "I like talking with you every day.", "I bought milk on the way home.", "I watched a documentary last night.",
  "I'm at work.", "My phone is almost dead.", "My tea went cold.", "I'm so hungry.", "I guess.", "I mean, sure.", "We should talk more often.",
  "I was just thinking about you.", "Good morning Mira!", "Sweet dreams.", "I'm on the bus.", "I'm home!", "Honestly I'm exhausted.",
  "I need coffee.", "I'm running late.", "I got a haircut today.", "I'm not in the mood.", "Ugh, I hate Mondays.",
];
let tp = 0, fp = 0, fn = 0;
for (const [t, k] of pos) { const f = extractFacts(t, { personName: "Sam", agentName: "Mira" }); if (f.length) { tp++; if (!f.some(x=>x.kind===k)) console.log("KIND", k, t, f.map(x=>`[${x.kind}] ${x.text}`)); else console.log("ok  ", f.map(x=>`[${x.kind}] ${x.text}`).join(" | ")); } else { fn++; console.log("MISS", k, t); } }
for (const t of neg) { const f = extractFacts(t, { personName: "Sam", agentName: "Mira" }); if (f.length) { fp++; console.log("FP  ", t, f.map(x=>`[${x.kind}] ${x.text}`)); } }
console.log({ precision: tp/(tp+fp), recall: tp/(tp+fn) });
