// Job that tags issues using the client re-exported from ../lib; the call has no token cap.
import { openai, TAG_MODEL, TAGS } from '../lib';

export async function tagIssue(issueBody: string) {
  // expect: missing-max-tokens
  const completion = await openai.chat.completions.create({
    model: TAG_MODEL,
    messages: [
      { role: 'system', content: `Pick one label from: ${TAGS.join(', ')}. Reply with the label only.` },
      { role: 'user', content: issueBody },
    ],
  });
  const label = completion.choices[0].message.content?.trim();
  return TAGS.find((t) => t === label) ?? 'question';
}
