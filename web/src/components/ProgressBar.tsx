/** A native progress bar with its numbers in words beside it (not colour alone). */
export function ProgressBar({ value, max, label, text }: { value: number; max: number | null; label: string; text: string }) {
  return (
    <div className="progress">
      <progress value={max ? value : undefined} max={max ?? undefined} aria-label={label} />
      <span className="progress__text">{text}</span>
    </div>
  );
}
