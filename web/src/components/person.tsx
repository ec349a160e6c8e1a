import { Tooltip } from 'antd';

/**
 * The server names people as 显示名（登录名）. The page shows the display name; the login name, an identifier
 * in Latin letters, is in the tooltip for whoever needs to tell two namesakes apart.
 */
export function displayNameOf(label: string): string {
  const match = /^(.+?)（[\w.@-]+）$/.exec(label);
  return match?.[1] ?? label;
}

export function Person(props: { label: string }) {
  const name = displayNameOf(props.label);
  if (name === props.label) return <span>{name}</span>;
  return (
    <Tooltip title={props.label}>
      <span>{name}</span>
    </Tooltip>
  );
}
