import type { Visibility } from '@stride/client';

/** Who may see an activity: the activity's own setting, or the default for new ones. */
export function VisibilitySelect({
  label,
  name,
  value,
}: {
  label: string;
  name: string;
  value: Visibility;
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        <option value="everyone">Everyone</option>
        <option value="followers">Followers</option>
        <option value="only_me">Only me</option>
      </select>
    </label>
  );
}
