'use client';

import { useState } from 'react';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <button
      type="button"
      className="button-quiet"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setState('copied');
        } catch {
          setState('failed');
        }
        window.setTimeout(() => setState('idle'), 2000);
      }}
    >
      {label}
      <span aria-live="polite" className="hint">
        {state === 'copied' ? ' — copied' : state === 'failed' ? ' — copy blocked; select the text instead' : ''}
      </span>
    </button>
  );
}
