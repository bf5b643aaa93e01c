import { Anchor } from "@mantine/core";

const URL_PATTERN = /(https?:\/\/[^\s<>"')]+)/g;

/** Plain text with its http(s) URLs turned into links; line breaks kept. */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one immutable string
          <Anchor key={index} href={part} target="_blank" rel="noreferrer" style={{ wordBreak: "break-all" }}>
            {part}
          </Anchor>
        ) : (
          part
        ),
      )}
    </>
  );
}
