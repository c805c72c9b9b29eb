import { MOOD_COLORS } from "../ui/format.ts";
import { type AffinityPoint, type MoodPoint, tickLabel, timeTicks } from "./chartSeries.ts";

const W = 720;
const H = 300;
const M = { top: 16, right: 48, bottom: 36, left: 48 };
const plotW = W - M.left - M.right;
const plotH = H - M.top - M.bottom;

/** Affinity (a step line, left axis −100…100) and mood (dots coloured by mood, right axis intensity 0…1). */
export function MoodAffinityChart({ mood, affinity }: { mood: MoodPoint[]; affinity: AffinityPoint[] }) {
  const times = [...mood.map((p) => p.at), ...affinity.map((p) => p.at)];
  if (times.length === 0)
    return <p className="muted">No mood or affinity changes in this conversation yet.</p>;
  const from = Math.min(...times);
  const to = Math.max(...times, from + 1_000);
  const x = (t: number) => M.left + ((t - from) / (to - from)) * plotW;
  const yA = (v: number) => M.top + ((100 - v) / 200) * plotH;
  const yM = (v: number) => M.top + (1 - v) * plotH;
  let path = `M ${x(from)} ${yA(0)}`;
  for (const p of affinity) path += ` H ${x(p.at)} V ${yA(p.value)}`;
  path += ` H ${x(to)}`;
  const last = affinity.at(-1)?.value ?? 0;
  const moods = [...new Set(mood.map((p) => p.mood))];
  const summary = `Affinity from 0 to ${last} over ${affinity.length} changes; ${mood.length} mood shifts (${moods.join(", ")}).`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {[-100, -50, 0, 50, 100].map((v) => (
          <g key={v}>
            <line
              x1={M.left}
              x2={W - M.right}
              y1={yA(v)}
              y2={yA(v)}
              className={v === 0 ? "axis zero" : "grid"}
            />
            <text x={M.left - 6} y={yA(v) + 4} textAnchor="end" className="tick">
              {v}
            </text>
          </g>
        ))}
        {[0, 0.5, 1].map((v) => (
          <text key={v} x={W - M.right + 6} y={yM(v) + 4} className="tick">
            {v}
          </text>
        ))}
        {timeTicks(from, to).map((t) => (
          <text key={t} x={x(t)} y={H - 12} textAnchor="middle" className="tick">
            {tickLabel(t, to - from)}
          </text>
        ))}
        <path d={path} className="affinity-line" />
        {affinity.map((p) => (
          <circle key={p.id} cx={x(p.at)} cy={yA(p.value)} r={3} className="affinity-dot">
            <title>{`${p.delta > 0 ? "+" : ""}${p.delta} → ${p.value}: ${p.reason}`}</title>
          </circle>
        ))}
        {mood.map((p) => (
          <circle
            key={p.id}
            cx={x(p.at)}
            cy={yM(p.intensity)}
            r={5}
            fill={MOOD_COLORS[p.mood] ?? "#888"}
            className="mood-dot"
          >
            <title>{`${p.mood} (${p.intensity.toFixed(2)}): ${p.reason}`}</title>
          </circle>
        ))}
        <text x={M.left} y={M.top - 4} className="axis-label">
          ♥ affinity
        </text>
        <text x={W - M.right} y={M.top - 4} textAnchor="end" className="axis-label">
          mood intensity
        </text>
      </svg>
      <figcaption className="legend">
        <span className="legend-item">
          <span className="swatch line" aria-hidden="true" /> Affinity
        </span>
        {moods.map((m) => (
          <span key={m} className="legend-item">
            <span className="swatch" style={{ background: MOOD_COLORS[m] ?? "#888" }} aria-hidden="true" />{" "}
            {m}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
