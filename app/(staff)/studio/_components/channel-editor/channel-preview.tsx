"use client";

import { type ReactNode, useMemo, useState } from "react";
import { SafeHtml } from "@/app/_components/safe-html";
import {
  CHANNELS,
  type ChannelKey,
  countCharacters,
  type RenderedAnswer,
  renderAnswer,
} from "@/lib/channels";
import {
  type AnswerDraft,
  isAnswerPresent,
  listDistinctUcs2Chars,
  renderWhatsapp,
  segmentMissingVariables,
  segmentUcs2,
} from "@/lib/channels/preview";
import styles from "./channel-editor.module.css";

interface ChannelPreviewProps {
  channel: ChannelKey;
  answer: AnswerDraft;
  /** createPreviewValues(facts): catalogue examples and fact values. */
  values: Readonly<Record<string, string>>;
  articleVisibility: "public" | "internal";
  publicArticleUrl?: string | null;
  headingId: string;
  headingLevel: 3 | 4;
}

/** Text with the `{{name}}` tokens that still have no value marked, as the agent console marks them. */
function WithMissing({ text }: { text: string }) {
  return (
    <>
      {segmentMissingVariables(text).map((segment, index) =>
        segment.missing ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, recomputed together
          <span key={index} className={styles.missing} title="Nessun valore: resta da compilare">
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

/** What the customer receives on the channel, rendered from the (debounced) answer with sample values. */
export function ChannelPreview({
  channel,
  answer,
  values,
  articleVisibility,
  publicArticleUrl,
  headingId,
  headingLevel,
}: ChannelPreviewProps) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const present = isAnswerPresent(answer);
  // The chatbot's link is shown apart from its text, as bots show a link card.
  const rendered = useMemo(
    () =>
      present
        ? renderAnswer(
            channel,
            { body: answer.body, subject: channel === "email" ? answer.subject : null },
            { values, publicArticleUrl: null },
          )
        : null,
    [present, channel, answer.body, answer.subject, values],
  );

  return (
    <section className={styles.preview} aria-labelledby={headingId}>
      <Heading id={headingId} className={styles.previewHeading}>
        Anteprima per il cliente
      </Heading>
      {rendered ? (
        <PreviewBody
          rendered={rendered}
          articleVisibility={articleVisibility}
          publicArticleUrl={publicArticleUrl ?? null}
        />
      ) : (
        <p className={styles.empty}>
          Nessuna risposta per il canale {CHANNELS[channel].label.it}: scrivi il testo per vedere l'anteprima.
        </p>
      )}
    </section>
  );
}

function PreviewBody({
  rendered,
  articleVisibility,
  publicArticleUrl,
}: {
  rendered: RenderedAnswer;
  articleVisibility: "public" | "internal";
  publicArticleUrl: string | null;
}): ReactNode {
  switch (rendered.channel) {
    case "sms":
      return <SmsPreview rendered={rendered} />;
    case "whatsapp":
      return <WhatsappPreview text={rendered.text} />;
    case "email":
      return <EmailPreview rendered={rendered} />;
    case "phone":
      return (
        <>
          <div className={`${styles.script} ${styles.plain}`}>
            <WithMissing text={rendered.text} />
          </div>
          <Seconds seconds={rendered.readAloudSeconds} limit={CHANNELS.phone.limits.warnSeconds} />
        </>
      );
    case "ivr":
      return (
        <>
          <div className={`${styles.script} ${styles.plain}`}>
            <WithMissing text={rendered.text} />
          </div>
          <Seconds seconds={rendered.readAloudSeconds} limit={CHANNELS.ivr.limits.warnSeconds} />
          <p className={styles.meta}>SSML inviato al motore vocale:</p>
          <pre className={styles.ssml}>{rendered.ssml}</pre>
        </>
      );
    case "social":
      return <SocialPreview text={rendered.text} />;
    case "chat":
      return (
        <>
          <div className={`${styles.thread} ${styles.chatThread}`}>
            <div className={`${styles.bubble} ${styles.chatBubble}`}>
              <WithMissing text={rendered.text} />
            </div>
          </div>
          <p className={styles.meta}>
            {countCharacters(rendered.text)} caratteri · il widget di chat mostra la formattazione Markdown.
          </p>
        </>
      );
    default:
      return (
        <ChatbotPreview
          text={rendered.text}
          articleVisibility={articleVisibility}
          publicArticleUrl={publicArticleUrl}
        />
      );
  }
}

function Seconds({ seconds, limit }: { seconds: number; limit: number }) {
  const over = seconds > limit;
  return (
    <p className={`${styles.meta} ${over ? styles.metaWarn : ""}`}>
      circa {seconds} s letto ad alta voce
      {over ? ` · oltre i ${limit} s consigliati` : ""}
    </p>
  );
}

function SmsPreview({ rendered }: { rendered: Extract<RenderedAnswer, { channel: "sms" }> }) {
  const { sms } = rendered;
  const limits = CHANNELS.sms.limits;
  const segments = segmentUcs2(rendered.text, sms.ucs2Chars);
  const forcing = listDistinctUcs2Chars(sms.ucs2Chars);
  return (
    <>
      <div className={`${styles.thread} ${styles.smsThread}`}>
        <div className={`${styles.bubble} ${styles.smsBubble}`}>
          {segments.map((segment, index) =>
            segment.ucs2 ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, recomputed together
              <mark key={index} className={styles.ucs2} title="Forza la codifica UCS-2">
                {segment.text}
              </mark>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, recomputed together
              <WithMissing key={index} text={segment.text} />
            ),
          )}
        </div>
      </div>
      <p className={`${styles.meta} ${sms.parts > limits.warnParts ? styles.metaWarn : ""}`}>
        {sms.units} caratteri · {sms.parts} SMS · {sms.encoding}
        {sms.parts > 0 ? ` · ne restano ${sms.remainingInPart} in questo SMS` : ""}
      </p>
      {forcing.length > 0 ? (
        <p className={styles.note}>
          Questi caratteri forzano UCS-2: {forcing.join(" ")} (un SMS ne contiene {limits.ucs2SinglePart}{" "}
          invece di {limits.gsm7SinglePart}).
        </p>
      ) : null}
    </>
  );
}

function WhatsappPreview({ text }: { text: string }) {
  const limit = CHANNELS.whatsapp.limits.errorChars;
  const length = countCharacters(text);
  return (
    <>
      <div className={`${styles.thread} ${styles.waThread}`}>
        <div className={`${styles.bubble} ${styles.waBubble}`}>
          {renderWhatsapp(text, { renderText: (run) => <WithMissing text={run} /> })}
        </div>
      </div>
      <p className={`${styles.meta} ${length > limit ? styles.metaError : ""}`}>
        {length} / {limit} caratteri
      </p>
    </>
  );
}

function EmailPreview({ rendered }: { rendered: Extract<RenderedAnswer, { channel: "email" }> }) {
  const [plain, setPlain] = useState(false);
  return (
    <>
      <p className={styles.emailSubject}>
        <strong>Oggetto:</strong>{" "}
        {rendered.subject === "" ? (
          <span className={styles.empty}>manca</span>
        ) : (
          <WithMissing text={rendered.subject} />
        )}
      </p>
      {plain ? (
        <div className={`${styles.emailBody} ${styles.plain}`}>
          <WithMissing text={rendered.text} />
        </div>
      ) : (
        <SafeHtml className={`prose ${styles.emailBody}`} html={rendered.html} />
      )}
      <button
        type="button"
        className={styles.toggle}
        aria-pressed={plain}
        onClick={() => setPlain((v) => !v)}
      >
        Testo semplice
      </button>
    </>
  );
}

function SocialPreview({ text }: { text: string }) {
  const limit = CHANNELS.social.limits.errorChars;
  const length = countCharacters(text);
  return (
    <>
      <div className={`${styles.social} ${styles.plain}`}>
        <WithMissing text={text} />
      </div>
      <p className={`${styles.meta} ${length > limit ? styles.metaError : ""}`}>
        {length} / {limit} caratteri{length > limit ? ` · ${length - limit} di troppo` : ""}
      </p>
      <p className={styles.note}>
        Risposta pubblica: la legge chiunque. Solo il nome del cliente e dati condivisi pubblici.
      </p>
    </>
  );
}

function ChatbotPreview({
  text,
  articleVisibility,
  publicArticleUrl,
}: {
  text: string;
  articleVisibility: "public" | "internal";
  publicArticleUrl: string | null;
}) {
  return (
    <>
      <div className={`${styles.thread} ${styles.chatThread}`}>
        <div className={`${styles.bubble} ${styles.botBubble}`}>
          <WithMissing text={text} />
          {articleVisibility === "public" ? (
            publicArticleUrl ? (
              <a className={styles.botLink} href={publicArticleUrl} target="_blank" rel="noreferrer">
                {publicArticleUrl}
              </a>
            ) : (
              <span className={styles.botLink}>Link all'articolo pubblico</span>
            )
          ) : null}
        </div>
      </div>
      <p className={styles.meta}>{countCharacters(text)} caratteri</p>
      {articleVisibility === "internal" ? (
        <p className={styles.note}>
          L'articolo è interno: il chatbot non ha un articolo pubblico da linkare.
        </p>
      ) : null}
    </>
  );
}
