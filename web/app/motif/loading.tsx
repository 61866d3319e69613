export default function Loading() {
  return (
    <div className="notice" role="status" aria-live="polite">
      Loading…
    </div>
  );
}
