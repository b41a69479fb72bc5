// A labelled form field with its error, announced to assistive technology as it changes.
import type { ComponentChildren } from 'preact';

let counter = 0;
export const fieldId = (name: string) => `f-${name.replace(/[^a-z0-9]+/gi, '-')}-${++counter}`;

export function Field(props: { id: string; label: string; error?: string | undefined; hint?: string; children: ComponentChildren }) {
  return (
    <div class={`field${props.error ? ' invalid' : ''}`}>
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint && !props.error && <p class="hint">{props.hint}</p>}
      <p class="error" id={`${props.id}-error`} role="status" aria-live="polite">
        {props.error ?? ''}
      </p>
    </div>
  );
}
