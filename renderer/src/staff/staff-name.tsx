/** A staff member's name inside a message: tagged with the hall's language, whatever language is on screen. */
export function withName(message: string, name: string) {
  const [before, ...after] = message.split('{name}');
  return (
    <>
      {before}
      <span lang="zh-CN">{name}</span>
      {after.join('{name}')}
    </>
  );
}
