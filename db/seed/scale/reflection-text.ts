/**
 * Plausible reflection answers for the scale dataset: first-person text that
 * fits each of the boundaries module's prompts, assembled from sentence banks
 * to a target word count. Not real learners' words; written for this seed.
 */
import type { Rng } from "./random";

const clients = [
  "a client I will call J.",
  "a man in our recovery group",
  "a young mother I support",
  "an older client",
  "a woman I met at the drop-in centre",
  "a client who had just left treatment",
];
const places = ["the grocery store", "a meeting across town", "the bus stop", "a coffee shop", "the clinic lobby", "a community event"];
const times = ["late on a Friday", "on a Sunday night", "after our group ended", "during a long week", "right before a holiday"];

const byPrompt: Record<string, { open: string[]; body: string[]; close: string[] }> = {
  "friendliness-blur": {
    open: [
      "A moment that comes to mind is when {client} started calling me by a nickname and asking about my weekend.",
      "I remember a time when {client} offered to buy me lunch after a good session.",
      "Last year I ran into {client} at {place} and we talked for almost an hour.",
      "One situation I can picture clearly is a client texting me {time} just to chat.",
    ],
    body: [
      "At first it felt nice, because it showed that we had built real trust.",
      "Looking back, the first sign was that our talks were more about me than about their goals.",
      "I noticed I was sharing more about my own life than I needed to.",
      "I did not want to seem cold, so I said yes to small things that added up.",
      "The friendly part was not the problem, but I stopped checking whether it helped their recovery.",
      "I think I was afraid that saying no would undo the progress we had made.",
      "When I had to bring up a missed appointment, it felt awkward, like I was letting a friend down.",
      "My supervisor helped me see that the line had moved without either of us choosing it.",
      "Next time I would thank them warmly and then steer the talk back to what they came for.",
      "I would explain that I care about them and that is exactly why I keep our time focused.",
      "Being warm and being clear are not opposites, and I want to show both.",
      "I also learned to notice when I look forward to a session for my own sake.",
      "Small favours feel harmless, but they change what the other person expects from me.",
      "I would rather have an honest talk early than a hard talk later when feelings are hurt.",
      "Now I keep personal stories short and only share when they serve the client.",
    ],
    close: [
      "That moment taught me that the boundary protects the relationship instead of ending it.",
      "I want to keep the warmth and lose the blur.",
      "In the end, keeping the focus on their recovery is the kindest thing I can do.",
    ],
  },
  "social-media-request": {
    open: [
      "If a client asked to be my friend online, I would say something like this.",
      "Here is what I would tell a client who sends me a friend request.",
      '"Thank you for asking, it means a lot that you feel connected to me."',
      "I have had this happen, and this is close to what I said.",
    ],
    body: [
      '"I keep my social media for family and old friends, and I do that with every client."',
      '"It is not about you, it is a rule I keep so our work stays about your recovery."',
      '"You can always reach me through the office number during work hours."',
      '"I am still here for you, and I look forward to our next meeting on Tuesday."',
      "I would say it in person if I could, so they can hear that I am not upset.",
      "Thanking them first shows that I value the connection we have.",
      "Saying that it is the same rule for everyone keeps them from feeling singled out.",
      "Offering a clear way to reach me shows that the support is not going away.",
      "If they seemed hurt, I would listen and name the feeling instead of changing my answer.",
      "Being friends online would mix my private life with our work and make honest talks harder.",
      "It could also put them in an awkward spot if they saw posts about my own struggles.",
      "The warmth is in how I say it, and the boundary is in what I say.",
      "I would not ignore the request, because silence can feel like rejection.",
      "I would also let my supervisor know, so the agency has the same picture I do.",
      "Later I would check in to make sure our next session still felt comfortable.",
    ],
    close: [
      "My answer keeps the door open for support while the online door stays closed.",
      "I think a kind, clear no builds more trust than a yes I would regret.",
      "That way the client knows I care and knows where the line is.",
    ],
  },
  "personal-boundary-plan": {
    open: [
      "My plan for keeping boundaries while staying warm has a few parts.",
      "I want to start my work with a simple plan that I can actually follow.",
      "Here is how I plan to stay caring without losing the line.",
      "When I think about my own habits, a few changes stand out.",
    ],
    body: [
      "First, I will not answer work texts after 7 pm, and I will tell clients that on day one.",
      "I will keep the crisis line number handy so nobody is left without help at night.",
      "I will share my own story only when it helps the client, and keep it short.",
      "I will meet clients in the usual places, not at their homes or mine.",
      "I will avoid lending money, giving rides for personal errands, or swapping favours.",
      "One warning sign for me is when I start to feel like I am the only person who can help.",
      "Another sign is thinking about a client's problems all weekend.",
      "When a situation feels unclear, I will talk it through with my supervisor before acting.",
      "I also have a peer in my program I can call to think out loud.",
      "I will write a short note after hard sessions so I can see patterns over time.",
      "Staying warm means I listen fully, remember what matters to them, and show that I care.",
      "Staying clear means I am honest, even when the news is hard to hear.",
      "I will take my breaks and use my own supports, because a worn-out helper helps less.",
      "If I slip, I will name it, fix it, and learn from it instead of hiding it.",
      "Every few months I will look at this plan again and update it with my supervisor.",
    ],
    close: [
      "The question I will keep asking is whether a choice helps the client's recovery.",
      "This plan helps me stay the kind of peer specialist people can trust.",
      "With these habits I think I can be both warm and steady.",
    ],
  },
};

const general = [
  "This module helped me put words to something I had only felt before.",
  "I come from recovery myself, so I know how much one steady person can matter.",
  "It is easy to confuse being liked with being helpful.",
  "Trust takes time, and it can be lost faster than it is built.",
  "I want the people I support to leave every meeting a little more able to lead their own recovery.",
  "Honest feedback only works when the person knows where I stand.",
  "I do not have to be cold to be professional.",
  "Talking with other peer specialists helps me check my own blind spots.",
];

function fill(s: string, rng: Rng) {
  return s.replace("{client}", rng.pick(clients)).replace("{place}", rng.pick(places)).replace("{time}", rng.pick(times));
}

export function countWords(text: string): number {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
}

// the banks are fixed, so each sentence is counted once (the seed writes ~230,000 reflections)
const wordCache = new Map<string, number>();
function words(sentence: string) {
  let n = wordCache.get(sentence);
  if (n === undefined) {
    n = countWords(sentence);
    wordCache.set(sentence, n);
  }
  return n;
}

/**
 * At least `targetWords` words (never more than `maxWords`) answering the
 * prompt, in a few paragraphs, with its word count.
 */
export function reflectionAnswer(promptId: string, targetWords: number, rng: Rng, maxWords = 250): { text: string; words: number } {
  const bank = byPrompt[promptId] ?? byPrompt["personal-boundary-plan"];
  const opening = fill(rng.pick(bank.open), rng);
  const sentences = [opening];
  let count = countWords(opening);
  const close = rng.pick(bank.close);
  const closeWords = words(close);
  const pool = rng.shuffle([...bank.body, ...rng.sample(general, 3)]);
  for (const s of pool) {
    if (count + closeWords >= targetWords) break;
    if (count + closeWords + words(s) > maxWords) continue;
    sentences.push(s);
    count += words(s);
  }
  sentences.push(close);
  count += closeWords;
  // paragraph breaks after roughly every five sentences
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(" "));
  return { text: paragraphs.join("\n\n"), words: count };
}

const acceptFeedback = [
  "Thank you. This is specific and honest, and your plan is realistic.",
  "Well done. You kept both the warmth and the limit in view.",
  "Clear and thoughtful. I especially like how you named your own warning sign.",
  "Good reflection. Your reply to the client is kind and leaves no doubt about the rule.",
];
const revisionFeedback = [
  "Good start. Please add what you would actually say to the client, in your own words.",
  "Please say more about who you would turn to when a situation feels unclear.",
  "Can you name one warning sign you would watch for in yourself? Then resubmit.",
  "You describe the situation well; please add what you would do differently next time and why.",
];

export function reviewFeedback(decision: "accepted" | "revision_requested", rng: Rng): string {
  return rng.pick(decision === "accepted" ? acceptFeedback : revisionFeedback);
}
