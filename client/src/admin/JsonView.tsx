/** JSON as a tree: objects and arrays fold open and shut (native details, so keyboard-ready). */
export function JsonView({ value, label, open = false }: { value: unknown; label?: string; open?: boolean }) {
  if (value === null || typeof value !== "object")
    return (
      <span className="json-leaf">
        {label !== undefined && <span className="json-key">{label}: </span>}
        <span className={`json-${value === null ? "null" : typeof value}`}>{JSON.stringify(value)}</span>
      </span>
    );
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const brackets = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return (
    <details className="json-node" open={open}>
      <summary>
        {label !== undefined && <span className="json-key">{label}: </span>}
        {brackets[0]}
        <span className="muted"> {entries.length} </span>
        {brackets[1]}
      </summary>
      <ul>
        {entries.map(([key, child]) => (
          <li key={key}>
            <JsonView value={child} label={key} />
          </li>
        ))}
      </ul>
    </details>
  );
}
