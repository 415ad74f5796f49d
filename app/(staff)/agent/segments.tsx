import { segmentAnswer, type VariableValues } from "@/lib/console";

/**
 * Answer text with the agent's values marked as filled and the variables still to fill marked as missing
 * (CHANNELS.md: unfilled variables stay visibly marked).
 */
export function Segments({ text, values }: { text: string; values: VariableValues }) {
  return (
    <>
      {segmentAnswer(text, values).map((segment, i) =>
        segment.kind === "text" ? (
          segment.text
        ) : segment.kind === "filled" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and rebuilt from the text
          <mark key={i} className="var-filled" title={segment.name}>
            {segment.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and rebuilt from the text
          <span key={i} className="var-missing" title="Da compilare">
            {segment.text}
          </span>
        ),
      )}
    </>
  );
}
