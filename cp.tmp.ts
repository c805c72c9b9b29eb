import { loadWordVectorEmbedder } from "./test/support/fakes/wordVectors.ts";
let t = performance.now();
const e = await loadWordVectorEmbedder();
console.log("load", performance.now() - t, process.memoryUsage().rss / 1e6);
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const qs = ["What do I do for a living?", "Do you remember my sibling's name?", "What's my pup called again?", "Where did I spend my childhood?", "What kind of music am I into?", "What instrument do I play?", "How early does my alarm go off?", "What year did I come into the world?"];
const facts = ["Sam works as a nurse at St James's hospital", "Sam's sister is called Ana and she lives in Lisbon", "Sam has a golden retriever named Biscuit", "Sam grew up in Galway", "Sam loves jazz, especially Miles Davis", "Sam plays the cello in a community orchestra", "Sam usually wakes up at 5am for work", "Sam was born in 1988", "We painted the living room yellow", "Sam is planning a trip to Japan in October"];
for (const q of qs) { const v = e.embedOne(q); console.log(q, facts.map(f => [f, dot(v, e.embedOne(f))] as const).sort((a,b)=>b[1]-a[1]).slice(0,3).map(([f,s])=>`${s.toFixed(2)} ${f}`)); }
