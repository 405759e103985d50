interface AvatarProps {
  name: string;
  url: string | null | undefined;
  size?: number;
}

// A stable hue per name so letter avatars tell people apart without any image.
function hueOf(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) % 360;
  return hash;
}

/** A round avatar: the uploaded image, or the name's first character on a colour of its own. */
export function Avatar({ name, url, size = 32 }: AvatarProps) {
  const style = { width: size, height: size, fontSize: Math.round(size * 0.45) };
  if (url) return <img className="avatar" src={url} alt="" style={style} loading="lazy" />;
  const initial = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  return (
    <span className="avatar avatar-letter" style={{ ...style, background: `hsl(${hueOf(name)} 55% 62%)` }}>
      {initial}
    </span>
  );
}
