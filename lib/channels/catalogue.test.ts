import { describe, expect, it } from "vitest";
import {
  ANSWER_CHANNELS,
  CHANNELS,
  ChannelKeySchema,
  isChannelKey,
  isPublicChannel,
  PORTAL_CHANNEL,
} from "./index";

describe("channel catalogue", () => {
  it("lists the answer channels in the order of CHANNELS.md", () => {
    expect(ANSWER_CHANNELS).toEqual([
      "phone",
      "ivr",
      "email",
      "chat",
      "whatsapp",
      "sms",
      "social",
      "chatbot",
    ]);
    expect(Object.keys(CHANNELS).sort()).toEqual([...ANSWER_CHANNELS].sort());
    for (const key of ANSWER_CHANNELS) expect(CHANNELS[key].key).toBe(key);
  });

  it("holds the numbers of CHANNELS.md", () => {
    expect(CHANNELS.phone.limits).toMatchObject({ wordsPerMinute: 150, warnSeconds: 60 });
    expect(CHANNELS.ivr.limits).toMatchObject({ wordsPerMinute: 150, warnSeconds: 30 });
    expect(CHANNELS.email.limits).toMatchObject({ subjectRequired: true, subjectWarnChars: 78 });
    expect(CHANNELS.chat.limits).toEqual({ warnChars: 1000, paragraphWarnChars: 300 });
    expect(CHANNELS.whatsapp.limits).toEqual({ errorChars: 4096 });
    expect(CHANNELS.sms.limits).toEqual({
      gsm7SinglePart: 160,
      gsm7PerPart: 153,
      ucs2SinglePart: 70,
      ucs2PerPart: 67,
      warnParts: 2,
    });
    expect(CHANNELS.social.limits).toEqual({ errorChars: 280 });
    expect(CHANNELS.chatbot.limits).toMatchObject({ warnChars: 300 });
  });

  it("marks social and chatbot as public", () => {
    expect(ANSWER_CHANNELS.filter(isPublicChannel)).toEqual(["social", "chatbot"]);
  });

  it("keeps the portal out of the answer channels", () => {
    expect(PORTAL_CHANNEL.key).toBe("portal");
    expect(ChannelKeySchema.safeParse("portal").success).toBe(false);
    expect(isChannelKey("portal")).toBe(false);
    expect(ChannelKeySchema.parse("sms")).toBe("sms");
    expect(isChannelKey("whatsapp")).toBe(true);
    expect(isChannelKey(42)).toBe(false);
  });
});
