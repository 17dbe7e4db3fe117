/**
 * A few exclusive choices as a row of pressed and unpressed buttons (as the sport toggle of
 * segments): each is one tab stop, and says whether it is the one chosen.
 */
export function ChoiceToggle<T extends string>({
  legend,
  choices,
  value,
  onChange,
}: {
  legend: string;
  choices: readonly { id: T; label: string }[];
  value: T;
  onChange: (id: T) => void;
}) {
  return (
    <fieldset className="toggle choice-toggle">
      <legend className="visually-hidden">{legend}</legend>
      {choices.map((c) => (
        <button
          key={c.id}
          type="button"
          aria-pressed={c.id === value}
          className={c.id === value ? 'small toggle-on' : 'small ghost'}
          onClick={() => onChange(c.id)}
        >
          {c.label}
        </button>
      ))}
    </fieldset>
  );
}
