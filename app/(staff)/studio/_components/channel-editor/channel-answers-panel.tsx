"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { ANSWER_CHANNELS, type AnswerIssue, CHANNELS, type ChannelKey } from "@/lib/channels";
import {
  type AnswerDraft,
  countIssues,
  type EditorFact,
  formatIssueCount,
  type IssueCount,
  isAnswerPresent,
} from "@/lib/channels/preview";
import { ChannelAnswerEditor } from "./channel-answer-editor";
import styles from "./channel-editor.module.css";

export interface ChannelAnswersPanelProps {
  answers: Record<ChannelKey, AnswerDraft>;
  onChange: (channel: ChannelKey, value: AnswerDraft) => void;
  /** Every fact, with its value. Keep the array stable between renders (checks are memoised on it). */
  facts: readonly EditorFact[];
  articleVisibility: "public" | "internal";
  /**
   * The save action's field errors. Keys may be `sms`, `email.subject` or the action's own `answers.sms`,
   * `answers.email.subject`: each channel shows the messages of its body and subject.
   */
  serverErrors?: Record<string, readonly string[] | undefined>;
  publicArticleUrl?: string | null;
  /** Channels whose answer has an error (debounced): an editor disables "Pubblica" while it is not empty. */
  onBlockingChange?: (channels: ChannelKey[]) => void;
}

function serverErrorsOf(
  serverErrors: ChannelAnswersPanelProps["serverErrors"],
  channel: ChannelKey,
): readonly string[] | undefined {
  if (!serverErrors) return undefined;
  const keys = [channel, `${channel}.subject`, `answers.${channel}`, `answers.${channel}.subject`];
  const messages = keys.flatMap((key) => serverErrors[key] ?? []);
  return messages.length > 0 ? [...new Set(messages)] : undefined;
}

const NO_ISSUES: IssueCount = { errors: 0, warnings: 0 };

/**
 * Every channel answer of an article, stacked in CHANNELS.md order under a sticky row of anchors, with the
 * channels that block publishing listed on top. Each section is `#answer-<channel>`, the anchor other pages link.
 */
export function ChannelAnswersPanel({
  answers,
  onChange,
  facts,
  articleVisibility,
  serverErrors,
  publicArticleUrl,
  onBlockingChange,
}: ChannelAnswersPanelProps) {
  const [counts, setCounts] = useState<Partial<Record<ChannelKey, IssueCount>>>({});

  // Each editor checks its own answer (debounced, memoised) and reports here, so nothing is checked twice.
  const reportIssues = useCallback((channel: ChannelKey, issues: readonly AnswerIssue[]) => {
    const next = countIssues(issues);
    setCounts((previous) => {
      const current = previous[channel];
      if (current && current.errors === next.errors && current.warnings === next.warnings) return previous;
      return { ...previous, [channel]: next };
    });
  }, []);

  const blocking = useMemo(
    () => ANSWER_CHANNELS.filter((channel) => (counts[channel]?.errors ?? 0) > 0),
    [counts],
  );
  // Until every editor has checked its answer once, "no errors" would be a guess.
  const reported = ANSWER_CHANNELS.every((channel) => counts[channel] !== undefined);
  const blockingKey = blocking.join(",");
  useEffect(() => {
    onBlockingChange?.(blockingKey === "" ? [] : (blockingKey.split(",") as ChannelKey[]));
  }, [onBlockingChange, blockingKey]);

  const editors = useMemo(
    () =>
      Object.fromEntries(
        ANSWER_CHANNELS.map((channel) => [channel, (value: AnswerDraft) => onChange(channel, value)]),
      ) as Record<ChannelKey, (value: AnswerDraft) => void>,
    [onChange],
  );

  return (
    <div className={styles.panel}>
      <nav aria-label="Canali delle risposte" className={styles.nav}>
        <ul className={styles.navList}>
          {ANSWER_CHANNELS.map((channel) => {
            const present = isAnswerPresent(answers[channel]);
            const count = counts[channel] ?? NO_ISSUES;
            return (
              <li key={channel}>
                <a className={styles.navLink} href={`#answer-${channel}`}>
                  {CHANNELS[channel].label.it}
                  {!present ? (
                    <span className={styles.navBadgeAbsent}>· vuota</span>
                  ) : count.errors > 0 ? (
                    <span className={styles.navBadgeError}>
                      · {formatIssueCount({ ...count, warnings: 0 })}
                    </span>
                  ) : count.warnings > 0 ? (
                    <span className={styles.navBadgeWarning}>· {formatIssueCount(count)}</span>
                  ) : null}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      {/* Not a live region: the save result is the page's one status, and this changes while typing. */}
      {!reported ? null : blocking.length > 0 ? (
        <div className={styles.blocking}>
          Da correggere prima di pubblicare:
          <ul>
            {blocking.map((channel) => (
              <li key={channel}>
                <a href={`#answer-${channel}`}>{CHANNELS[channel].label.it}</a> (
                {formatIssueCount({ errors: counts[channel]?.errors ?? 0, warnings: 0 })})
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className={styles.clear}>Nessuna risposta ha errori che bloccano la pubblicazione.</p>
      )}
      {ANSWER_CHANNELS.map((channel) => (
        <ChannelAnswerEditor
          key={channel}
          id={`answer-${channel}`}
          channel={channel}
          value={answers[channel]}
          onChange={editors[channel]}
          facts={facts}
          articleVisibility={articleVisibility}
          serverErrors={serverErrorsOf(serverErrors, channel)}
          publicArticleUrl={publicArticleUrl}
          onIssuesChange={reportIssues}
        />
      ))}
    </div>
  );
}
