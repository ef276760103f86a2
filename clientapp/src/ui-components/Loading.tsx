/** A spinner-free "working on it" line, announced to screen readers. */
export function Loading({ message }: { message: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {message}
    </p>
  );
}
