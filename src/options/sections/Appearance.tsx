// How highlights look: coloured by severity or by list, underlined or tinted. The shape of the
// underline always shows the severity too (dotted, solid, double), for readers who do not see colour.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { Style } from '../../shared/store/settings';
import { Confirm } from './Confirm';

export function Appearance(props: { style: Style; onChange: (style: Style) => void; onRestore: () => void }) {
  // The reader's latest choice, so a second click builds on the first before the store has answered.
  const [style, setStyle] = useState(props.style);
  useEffect(() => setStyle(props.style), [props.style]);
  const onChange = (next: Style) => {
    setStyle(next);
    props.onChange(next);
  };
  const { onRestore } = props;
  return (
    <section aria-labelledby="style-heading">
      <h2 id="style-heading">{t('options_style')}</h2>
      <fieldset>
        <legend>{t('options_colour_by')}</legend>
        {(['severity', 'list'] as const).map((value) => (
          <label key={value} class="radio">
            <input type="radio" name="colour-by" value={value} checked={style.colourBy === value} onChange={() => onChange({ ...style, colourBy: value })} />
            {t(value === 'severity' ? 'options_colour_severity' : 'options_colour_list')}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('options_look')}</legend>
        {(['underline', 'background'] as const).map((value) => (
          <label key={value} class="radio">
            <input type="radio" name="look" value={value} checked={style.look === value} onChange={() => onChange({ ...style, look: value })} />
            {t(value === 'underline' ? 'options_look_underline' : 'options_look_background')}
          </label>
        ))}
      </fieldset>
      <p class="hint">{t('options_cue_hint')}</p>
      {/* It also switches lists and rules back on, which a reader may have chosen with care: asked first. */}
      <Confirm label={t('options_restore_defaults')} question={t('options_restore_confirm')} onConfirm={onRestore} />
    </section>
  );
}
