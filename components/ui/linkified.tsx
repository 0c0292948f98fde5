/** Plain text with its http(s) links made clickable; nothing else is interpreted. */
export function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="inline-link">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
