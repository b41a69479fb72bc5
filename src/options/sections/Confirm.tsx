// A button whose action needs a second word from the reader: clicked, it asks in place, with the
// action and Cancel. Focus starts on Cancel, the harmless answer, and returns to the button when
// the reader answers either way.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';

interface Props {
  /** The button's text, and the confirming button's. */
  label: string;
  question: string;
  onConfirm: () => void;
  danger?: boolean;
}

export function Confirm({ label, question, onConfirm, danger = false }: Props) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useLayoutEffect(() => {
    if (asking) cancel.current?.focus();
    else if (asked.current) trigger.current?.focus();
    asked.current ||= asking;
  }, [asking]);
  const kind = danger ? 'danger' : undefined;
  return asking ? (
    <span class="confirm" role="group" aria-label={question}>
      {question}
      <button
        type="button"
        class={kind}
        onClick={() => {
          // Asked and answered: back to the button (focus with it), ready to be asked again.
          setAsking(false);
          onConfirm();
        }}
      >
        {label}
      </button>
      <button type="button" ref={cancel} onClick={() => setAsking(false)}>
        {t('options_cancel')}
      </button>
    </span>
  ) : (
    <button type="button" class={kind} ref={trigger} onClick={() => setAsking(true)}>
      {label}
    </button>
  );
}
