'use client';

/** Saves text the page already holds (no second request), e.g. a cluster's JSON or XYZ. */
export function DownloadText({ text, filename, mime, label }: { text: string; filename: string; mime: string; label: string }) {
  return (
    <button
      type="button"
      className="button-quiet"
      onClick={() => {
        const url = URL.createObjectURL(new Blob([text], { type: mime }));
        const a = document.createElement('a');
        a.href = url;
        a.download = filename;
        document.body.append(a);
        a.click();
        a.remove();
        URL.revokeObjectURL(url);
      }}
    >
      <span aria-hidden="true">⤓</span> {label}
    </button>
  );
}
