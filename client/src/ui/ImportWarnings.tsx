/** What an import left out or changed (a card's, a lorebook's, a chat's), as a list the operator can read. */
export function ImportWarnings({ warnings, what }: { warnings: readonly string[]; what: string }) {
  if (warnings.length === 0) return null;
  return (
    <div className="import-warnings notice" role="status">
      <p>
        {what} imported with {warnings.length === 1 ? "one warning" : `${warnings.length} warnings`}:
      </p>
      <ul aria-label="Import warnings">
        {warnings.map((warning, index) => (
          // Two warnings may read the same; their place in the list tells them apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
          <li key={index}>{warning}</li>
        ))}
      </ul>
    </div>
  );
}
