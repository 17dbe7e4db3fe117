/**
 * What the server recovered from or repaired when it read the activity's file (a damaged FIT
 * file, impossible values dropped), so the owner knows why a number may differ from the
 * device's. The server sends these to the owner alone.
 */
export function ImportWarnings({ warnings: list }: { warnings: readonly string[] | undefined }) {
  if (!list?.length) return null;
  return (
    <div className="notice import-warnings" role="status">
      <div>
        <span>The file was repaired when it was read:</span>
        <ul>
          {list.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
