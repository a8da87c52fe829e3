import { moduleContentSchema, type ModuleContent } from "./content-schema";

/**
 * "Professional Relationships & Boundaries" — the boundaries module.
 *
 * Ideas are drawn from a published article on CRSS professional relationships;
 * every sentence here is our own wording, written in plain language
 * (Flesch–Kincaid grade checked in boundaries.test.ts). The article's text is
 * not part of the product; the test compares our wording against hashes of
 * its 8-word runs (article-shingles.json).
 */
export const boundariesModule: ModuleContent = moduleContentSchema.parse({
  slug: "boundaries",
  title: "Professional Relationships & Boundaries",
  summary:
    "Learn how to build real trust with the people you support, and how clear, caring limits keep the work focused on their recovery.",
  estimatedMinutes: 45,
  contactHours: 1.0,
  hoursCategory: "Professional Responsibility",
  passMark: 80,
  minWords: 75,
  drawCount: 10,

  ideas: [
    {
      id: "trust-rapport",
      label: "Trust and rapport are the base of support: people open up when they feel heard, seen and understood.",
      kind: "idea",
    },
    {
      id: "friendship-myth",
      label: "The belief that being friends with clients gets better results — and why getting too personal blurs the role.",
      kind: "idea",
    },
    {
      id: "empathy-distance-balance",
      label: "Empathy and professional distance are a balance: caring and listening, without becoming a best friend or confidant.",
      kind: "idea",
    },
    {
      id: "professionalism-focus",
      label: "Professionalism keeps the focus on recovery goals; too much familiarity lets limits slip and leads to emotional overload.",
      kind: "idea",
    },
    {
      id: "misc-emotional-engagement",
      label: "Misconception: showing feelings is unprofessional, so staying cool and distant is best.",
      kind: "misconception",
    },
    {
      id: "misc-personal-relationships",
      label: "Misconception: a personal relationship with a client is good for them.",
      kind: "misconception",
    },
    {
      id: "misc-blending-roles",
      label: "Misconception: you can be a client's friend and their peer specialist at once, with no cost to honest feedback.",
      kind: "misconception",
    },
    {
      id: "summary-balance",
      label: "Real connection and clear limits work together, and the client's recovery stays the focus.",
      kind: "idea",
    },
  ],

  sections: [
    {
      id: "trust-and-rapport",
      title: "Why trust and rapport come first",
      ideaIds: ["trust-rapport"],
      paragraphs: [
        "Recovery work is personal. People bring you hard stories and strong feelings, and some days are tough for them and for you.",
        "For your support to help, the person has to trust you. Rapport is the easy, honest bond that grows when two people respect each other. Without it, people hold back. With it, they can tell you what is really going on.",
        "Your clients need to feel heard. They need to know that you see them as a whole person and that you understand what they are up against. That is how trust grows.",
        "But there is a limit to how close this kind of bond should get. There is a line that keeps the work safe and useful. The rest of this lesson is about where that line sits, and why it matters so much.",
      ],
      keyPoints: [
        "Trust and rapport are the base of all peer support.",
        "People open up when they feel heard, seen and understood.",
        "Even a close working bond has a limit.",
      ],
      scenario: {
        title: "Slow trust at the drop-in centre",
        text: "Jordan is a new peer specialist at a drop-in centre. A man named Luis comes in most days, but he only talks about the weather. Jordan greets him by name, remembers that Luis has a dog called Max, and never pushes. In the third week, Luis asks if they can talk in private about his drinking.",
        question: "What did Jordan do that helped Luis feel safe enough to open up?",
      },
    },
    {
      id: "the-friendship-trap",
      title: "“If we're friends, they'll do better” — why that belief fails",
      ideaIds: ["friendship-myth"],
      paragraphs: [
        "Many helpers think a personal touch always makes support work better. The thought goes like this: if I become my client's friend, they will try harder. It is easy to see why this idea is so tempting. It comes from a kind place.",
        "In real life, getting too personal blurs the edges of your role. Friends swap secrets, do favours and lean on each other. That is great in a friendship. In a helping role, it pulls the focus away from the client's goals.",
        "Picture trying to help a friend who keeps telling you about their private life. Soon you are both caught up in their stories. You still want to help, but the plan for their recovery gets lost along the way.",
        "Your client does not need one more friend from you. They need a steady, caring guide who keeps their recovery at the centre of each meeting.",
      ],
      keyPoints: [
        "The wish to be friends is kind, but it does not lead to better results.",
        "Friendship blurs the line between your role and your private life.",
        "Personal stories can crowd out the client's own goals.",
      ],
      scenario: {
        title: "Tickets for two",
        text: "Marcus has two tickets to a baseball game. He tells his peer specialist, Ana, “You've done so much for me. Come with me. Not as work, just as friends.” Ana enjoys talking with Marcus. Part of her thinks a day out might be good for him.",
        question: "What might go wrong if Ana says yes? How could she say no and still honour his thanks?",
      },
    },
    {
      id: "empathy-and-distance",
      title: "Warm and professional at the same time",
      ideaIds: ["empathy-distance-balance"],
      paragraphs: [
        "Your job asks you to do two things at once. You offer care, hope and understanding, and you also keep a professional manner. Doing both takes skill, and it gets easier with practice.",
        "Think of it as a dance. You move close enough to show you care. You also keep enough space to see clearly what is best for the person in front of you.",
        "Feeling with your clients helps them. Think of a time when someone truly listened to you and your problems felt lighter right away. That kind of care can move a person's recovery forward.",
        "Still, you are not there to be the one they tell everything to, or their best friend. Personal bonds come with heavy feelings and tangled needs. Your role is to give support without that extra weight.",
      ],
      keyPoints: [
        "Empathy and professional distance work together. You need both.",
        "Being truly heard can help a person feel lighter and move forward.",
        "You are a support, not a best friend or a keeper of every secret.",
      ],
      scenario: {
        title: "“You're the only one I can tell”",
        text: "After a group, a client named Bea stays behind. She says, “You're the only one I can tell this to.” Then she starts to share secrets she has not told her sponsor or her counsellor. Lee, the peer specialist, feels honoured. Lee also feels a little uneasy.",
        question: "How can Lee listen with care without becoming the one person Bea leans on for everything?",
      },
    },
    {
      id: "professionalism-protects-focus",
      title: "How being professional keeps the focus on recovery",
      ideaIds: ["professionalism-focus"],
      paragraphs: [
        "Being professional does not mean being stiff or cold. It means you keep the work about the client and their goals. That is what makes your support useful.",
        "When things get too familiar, limits start to slip. You may take on the client's stress as your own, or feel worn out, hurt and pulled in many directions. Too much of this weight makes it hard to help well.",
        "Think of a pair of glasses. When the lenses are clean, you can see the road ahead. A professional stance keeps the view clear. Then you and your client can stay aimed at their recovery goals.",
        "When talk drifts into your private life, or into things that have nothing to do with the plan, the view gets cloudy. A good limit gently brings you both back to what matters.",
      ],
      keyPoints: [
        "Too much familiarity lets limits slip and can lead to emotional overload.",
        "A professional stance keeps you and your client focused on their goals.",
        "Professional means focused, not cold.",
      ],
      scenario: {
        title: "The check-in that drifted",
        text: "Dev meets a client, Tina, for a weekly check-in at a coffee shop. Lately Tina asks about Dev's divorce, and Dev has been sharing a lot. Today the hour ends. They never got to Tina's job search or her next step in treatment.",
        question: "What could Dev say next week to bring the focus back to Tina's goals?",
      },
    },
    {
      id: "myths-about-closeness",
      title: "Two myths about closeness",
      ideaIds: ["misc-emotional-engagement", "misc-personal-relationships"],
      paragraphs: [
        "Myth one: “Feelings have no place in this work, so I should stay cool and distant.” This is not true. Caring about your clients, and letting them see it, is a real and valid part of support.",
        "The fix for getting too close is not to turn cold. A flat, distant helper can leave a client feeling judged or alone. Aim for warm and clear — not warm and blurry, and not cold and clear.",
        "Myth two: “A personal relationship with my client will help them.” It can feel that way. Time together outside of work may seem kind and close.",
        "But these ties carry real risks. They can pull both of you away from the client's progress. The things that feel good in the moment are not always the things that help a person heal.",
      ],
      keyPoints: [
        "Emotional engagement is valid. Coldness is not the answer.",
        "Personal relationships may feel helpful, but they carry risks.",
        "Those risks can pull attention away from the client's progress.",
      ],
      scenario: {
        title: "Help with the move",
        text: "Jess, a client, is moving to a new place on Saturday. She asks her peer specialist, Kim, to come and help carry boxes. “We'll get pizza after. It'll be fun,” Jess says. Kim likes Jess and wants to say yes.",
        question: "Why might this feel helpful but still be risky? What could Kim offer Jess instead?",
      },
    },
    {
      id: "when-roles-blend",
      title: "When roles blend, honesty gets harder",
      ideaIds: ["misc-blending-roles"],
      paragraphs: [
        "A third myth is that you can be a client's friend and their peer specialist at the same time. When you treat a client like a friend, you both can lose track of what your role is.",
        "That matters most on the hard days. Recovery often needs honest feedback. Sometimes it needs you to name a problem the client would rather not look at.",
        "Between friends, that kind of talk can feel like a betrayal. You may hold back to keep the peace. The client may hear your words as a personal attack, not as support.",
        "A clear role makes honesty safer. The client knows why you are there. Your hard words come from your job to support their recovery, not from a fight between friends.",
      ],
      keyPoints: [
        "Treating a client like a friend muddles the role you play.",
        "Blended roles make honest feedback and needed confrontation harder.",
        "A clear role makes it safer to say hard things with care.",
      ],
      scenario: {
        title: "“Next week, I promise”",
        text: "Rob and his client Dee have grown close. They laugh a lot and share stories. Dee keeps saying she will apply for jobs “next week.” It has been two months. Rob knows he should name the pattern. But he worries Dee will feel he has turned on her.",
        question: "How has the closeness made this harder? How could Rob raise it with care?",
      },
    },
    {
      id: "bringing-it-together",
      title: "Bringing it together: warm, clear and focused",
      ideaIds: ["summary-balance"],
      paragraphs: [
        "Good peer support joins two things: a real human bond and clear professional limits. You need both, every day.",
        "A real connection with a client is worth a great deal. But if you stop noticing your limits, or stop keeping them, your support can lose much of its power.",
        "When you are not sure what to do, ask one simple question. Does this help the client's recovery? Their recovery is the reason you are there.",
        "Keep these ideas close as you start your work. They will help you be caring and useful at the same time.",
      ],
      keyPoints: [
        "Connection and limits work best together.",
        "Without clear limits, even warm support helps less.",
        "Keep asking: does this help the client's recovery?",
      ],
      scenario: {
        title: "Looking back on the week",
        text: "It is Friday, and Priya thinks back on her week. One client heard some honest words from her about missed meetings. Another got a kind “no” to a dinner invite. A third cried in her office, and Priya stayed and listened.",
        question: "In each case, how did Priya keep both the warmth and the limit? Which one would be hardest for you?",
      },
    },
  ],

  quiz: [
    {
      id: "why-trust-matters",
      kind: "single",
      ideaId: "trust-rapport",
      prompt: "Why are trust and rapport so important in peer recovery support?",
      options: [
        {
          id: "open-up",
          text: "They help clients feel heard, seen and understood, so they can be honest about what is really going on.",
          correct: true,
          explanation: "Right. People share the real story only with someone they trust, and that is where support can begin.",
        },
        {
          id: "become-friends",
          text: "They make it easier to become close friends with your clients.",
          correct: false,
          explanation: "Trust matters, but friendship is not the goal. Becoming friends blurs the line that the role depends on.",
        },
        {
          id: "always-agree",
          text: "They mean clients will always take your advice.",
          correct: false,
          explanation: "Trust does not mean a client always agrees. It means they feel safe enough to be honest with you, even when they don't.",
        },
        {
          id: "only-at-start",
          text: "They matter at the start, but much less once a plan is in place.",
          correct: false,
          explanation: "Trust is needed all the way through the work, not only in the first few meetings.",
        },
      ],
    },
    {
      id: "rapport-means-no-limits",
      kind: "truefalse",
      ideaId: "trust-rapport",
      prompt: "True or false: Once you have strong rapport with a client, you no longer need a line between you.",
      options: [
        {
          id: "true",
          text: "True",
          correct: false,
          explanation: "This is false. Strong rapport is good, but a clear line still keeps the work safe and focused on the client.",
        },
        {
          id: "false",
          text: "False",
          correct: true,
          explanation: "Correct. Rapport and limits go together. Closeness in this role always has a limit.",
        },
      ],
    },
    {
      id: "friendship-belief",
      kind: "single",
      ideaId: "friendship-myth",
      prompt: "A new peer specialist says, “If I become friends with my clients, they will do better.” What is the main problem with this belief?",
      options: [
        {
          id: "blurs-role",
          text: "Getting too personal blurs the edges of the role and can pull the focus away from recovery goals.",
          correct: true,
          explanation: "Yes. The belief comes from a kind place, but friendship tends to sidetrack the work.",
        },
        {
          id: "fastest-trust",
          text: "There is no problem. Friendship is the quickest way to build trust.",
          correct: false,
          explanation: "Trust matters, but friendship is not the way to build it in this role. It blurs the line that keeps support focused.",
        },
        {
          id: "no-care-wanted",
          text: "Clients do not want anyone to care about them.",
          correct: false,
          explanation: "Clients do want care. The problem is not caring. It is turning the work into a friendship.",
        },
        {
          id: "weekends-only",
          text: "Friendship is fine as long as you only meet up on weekends.",
          correct: false,
          explanation: "When you meet is not the issue. A friendship with a client blurs the role on any day of the week.",
        },
      ],
    },
    {
      id: "birthday-invite",
      kind: "scenario",
      ideaId: "friendship-myth",
      scenario:
        "Rae has worked with her peer specialist, Keisha, for four months, and she is doing well. One day Rae says, “My birthday party is on Saturday. You have to come. You're like family to me now.”",
      prompt: "What is the best response from Keisha?",
      options: [
        {
          id: "warm-no",
          text: "Thank Rae warmly, say how proud she is of Rae's progress, and kindly explain that her role means she doesn't go to clients' parties.",
          correct: true,
          explanation: "Right. This keeps both the warmth and the limit. Rae hears that she matters, and the role stays clear.",
        },
        {
          id: "go-to-party",
          text: "Go to the party. Rae is doing well, and it would mean a lot to her.",
          correct: false,
          explanation: "It may feel kind, but it turns the work into a friendship. That blurs the role just when Rae is making progress.",
        },
        {
          id: "change-subject",
          text: "Say nothing about the invite and change the subject.",
          correct: false,
          explanation: "Ignoring the invite can leave Rae hurt or confused. It is better to name the limit kindly.",
        },
        {
          id: "scold",
          text: "Tell Rae it was unprofessional of her to ask.",
          correct: false,
          explanation: "Rae asked out of warmth, not bad intent. A harsh reply can damage trust. A kind, clear no works better.",
        },
      ],
    },
    {
      id: "warm-and-professional",
      kind: "multiple",
      ideaId: "empathy-distance-balance",
      prompt: "Which of these show a good balance of empathy and professional distance? Choose all that apply.",
      options: [
        {
          id: "reflect-feelings",
          text: "Listening closely and saying back to the client how they seem to feel.",
          correct: true,
          explanation: "Yes. Careful listening helps a client feel understood, and it fits well within the role.",
        },
        {
          id: "goals-with-care",
          text: "Keeping meetings focused on the client's goals while showing that you care.",
          correct: true,
          explanation: "Yes. This joins warmth with a clear purpose, which is the heart of the balance.",
        },
        {
          id: "ask-for-advice",
          text: "Asking the client for advice about your own problems at home.",
          correct: false,
          explanation: "That turns the client into your helper. It shifts the focus onto you and away from their recovery.",
        },
        {
          id: "personal-number",
          text: "Giving the client your personal phone number so they can reach you at any hour.",
          correct: false,
          explanation: "Being on call day and night blurs the line and can wear you out. Use your agency's channels and crisis lines instead.",
        },
        {
          id: "blank-face",
          text: "Keeping a blank face so you never seem too involved.",
          correct: false,
          explanation: "Coldness is not the answer. Clients need to see that you care.",
        },
      ],
    },
    {
      id: "late-night-text",
      kind: "scenario",
      ideaId: "empathy-distance-balance",
      scenario:
        "It is 11:40 on a Friday night. Sam, a peer specialist, gets a text from a client: “Can't sleep. Just need to talk. Are you up?” The client is not in danger. Sam's agency has a crisis line that is open all night.",
      prompt: "What is the most balanced response from Sam?",
      options: [
        {
          id: "kind-reply-and-follow-up",
          text: "Send a short, kind reply with the crisis line number, say they can talk at their next meeting, and follow up then.",
          correct: true,
          explanation: "Right. This shows care, points the client to help tonight, and keeps Sam's role and rest intact.",
        },
        {
          id: "call-all-night",
          text: "Call the client right away and talk for as long as they need, however late it gets.",
          correct: false,
          explanation: "It comes from care, but it sets up an on-call friendship that is hard to keep up. It can also lead to burnout.",
        },
        {
          id: "ignore",
          text: "Ignore the text and never bring it up.",
          correct: false,
          explanation: "Silence can feel like rejection. A short, kind reply with a next step keeps trust.",
        },
        {
          id: "cold-reply",
          text: "Reply that texting at night is not okay and must not happen again.",
          correct: false,
          explanation: "A cold reply can hurt trust. Sam can set the limit kindly and still point to help.",
        },
      ],
    },
    {
      id: "why-professionalism",
      kind: "single",
      ideaId: "professionalism-focus",
      prompt: "How does a professional stance help a client's recovery?",
      options: [
        {
          id: "keeps-focus",
          text: "It keeps both of you focused on the client's recovery goals, instead of drifting into personal topics.",
          correct: true,
          explanation: "Right. Like a clean pair of glasses, it keeps the view clear so you can both see the goals ahead.",
        },
        {
          id: "arms-length",
          text: "It keeps the client at arm's length so they don't come to depend on anyone.",
          correct: false,
          explanation: "Professional does not mean distant. The aim is focus, not keeping people away.",
        },
        {
          id: "agency-image",
          text: "It mainly helps the agency look good to funders.",
          correct: false,
          explanation: "The main point is the client. A professional stance protects the focus on their recovery.",
        },
        {
          id: "share-more",
          text: "It lets you share more of your own life, because the rules make that safe.",
          correct: false,
          explanation: "It does the opposite. A professional stance keeps the work centred on the client, not on you.",
        },
      ],
    },
    {
      id: "familiarity-overload",
      kind: "truefalse",
      ideaId: "professionalism-focus",
      prompt: "True or false: Getting too familiar with a client can lead to emotional overload and make your support less useful.",
      options: [
        {
          id: "true",
          text: "True",
          correct: true,
          explanation: "Correct. When limits slip, you can take on heavy feelings that cloud your view and weaken your help.",
        },
        {
          id: "false",
          text: "False",
          correct: false,
          explanation: "This is true. Getting too familiar lets limits slip, and the extra weight can get in the way of good support.",
        },
      ],
    },
    {
      id: "feelings-unprofessional",
      kind: "truefalse",
      ideaId: "misc-emotional-engagement",
      prompt: "True or false: To stay professional, a peer specialist should keep feelings out of the work and stay cool and distant.",
      options: [
        {
          id: "true",
          text: "True",
          correct: false,
          explanation: "This is false. Clients need to feel your care. Coldness can leave them feeling judged or alone.",
        },
        {
          id: "false",
          text: "False",
          correct: true,
          explanation: "Correct. Emotional engagement is a valid part of support. Being distant is not the fix for getting too close.",
        },
      ],
    },
    {
      id: "client-in-tears",
      kind: "scenario",
      ideaId: "misc-emotional-engagement",
      scenario:
        "Tasha tells her peer specialist, Omar, that she has just lost custody of her son. She starts to cry. Omar has heard that peer specialists must keep limits, so he is not sure how much feeling he should show.",
      prompt: "What should Omar do?",
      options: [
        {
          id: "stay-present",
          text: "Stay with Tasha, let her see that he cares, and help her think about what support she needs next.",
          correct: true,
          explanation: "Right. Showing real care is valid and helps Tasha feel less alone. Keeping her needs at the centre keeps it professional.",
        },
        {
          id: "blank-and-move-on",
          text: "Keep a blank face and move on to the next item on her plan.",
          correct: false,
          explanation: "Coldness is not the answer. A flat response can make Tasha feel unheard at a painful moment.",
        },
        {
          id: "come-back-later",
          text: "Tell Tasha they can talk again once she has calmed down.",
          correct: false,
          explanation: "Pulling away while she is hurting can damage trust. Being present is part of the role.",
        },
        {
          id: "stay-at-his-home",
          text: "Invite Tasha to stay at his home for the weekend so she is not alone.",
          correct: false,
          explanation: "This comes from care, but it crosses into a personal relationship. Omar can help her reach other supports instead.",
        },
      ],
    },
    {
      id: "risks-of-personal-ties",
      kind: "multiple",
      ideaId: "misc-personal-relationships",
      prompt: "A peer specialist is thinking about becoming close friends with a client outside of work. Which of these are real risks? Choose all that apply.",
      options: [
        {
          id: "drift-from-progress",
          text: "Time together can drift into personal stories and away from the client's progress.",
          correct: true,
          explanation: "Yes. Personal time tends to fill up with personal talk, and the recovery plan slips out of view.",
        },
        {
          id: "harder-feedback",
          text: "The client may find it harder to hear honest feedback from a friend.",
          correct: true,
          explanation: "Yes. Hard words from a friend can feel like a personal attack rather than support.",
        },
        {
          id: "clouded-judgement",
          text: "The specialist's own feelings about the friendship can cloud their judgement.",
          correct: true,
          explanation: "Yes. When you care about keeping a friend, it is harder to see clearly what is best for the client.",
        },
        {
          id: "always-faster",
          text: "The client will feel more cared for, and that always speeds up recovery.",
          correct: false,
          explanation: "It may feel good at first, but a personal tie does not reliably help recovery, and it brings real risks.",
        },
        {
          id: "no-risk-if-stable",
          text: "There are no risks as long as the client is doing well.",
          correct: false,
          explanation: "The risks are still there when things go well. They often show up later, when a hard talk is needed.",
        },
      ],
    },
    {
      id: "facebook-request",
      kind: "scenario",
      ideaId: "misc-personal-relationships",
      scenario:
        "Alex sees a Facebook friend request from Maria, a client he has worked with for six months. Maria often posts about her recovery and her kids. Alex likes her and does not want her to feel rejected.",
      prompt: "What is the best way for Alex to respond?",
      options: [
        {
          id: "decline-and-explain",
          text: "Leave the request unaccepted, and at their next meeting kindly explain that he doesn't connect with clients on personal social media, and that it is not about her.",
          correct: true,
          explanation: "Right. This keeps the limit and protects trust, because Maria hears that it is a rule of the role, not a rejection.",
        },
        {
          id: "accept",
          text: "Accept it. It's only social media, and it will help build rapport.",
          correct: false,
          explanation: "A social media link is a personal tie. It may feel harmless, but it blurs the role and brings risks.",
        },
        {
          id: "accept-but-lurk",
          text: "Accept it, but never comment on her posts.",
          correct: false,
          explanation: "Quietly watching her private life still blurs the line, and Maria may read his silence as coldness.",
        },
        {
          id: "block",
          text: "Block Maria so the question never comes up again.",
          correct: false,
          explanation: "Blocking her without a word can feel like rejection and harm trust. A kind, clear talk is better.",
        },
      ],
    },
    {
      id: "warning-signs",
      kind: "scenario",
      ideaId: "misc-blending-roles",
      scenario:
        "Chris and his client Jay joke a lot and talk about football every week. Lately Jay has missed two meetings. He has also started spending time with old friends he used to use with. Chris is worried, but he doesn't want to spoil the easy mood between them.",
      prompt: "What is the best thing for Chris to do?",
      options: [
        {
          id: "honest-and-caring",
          text: "Tell Jay honestly and kindly what he has noticed, say that he is worried, and ask how he can support Jay's recovery plan.",
          correct: true,
          explanation: "Right. Honest feedback is part of the role and often matters most in recovery. Saying it with care keeps trust.",
        },
        {
          id: "stay-quiet",
          text: "Say nothing for now, so their good relationship isn't harmed.",
          correct: false,
          explanation: "This is what blended roles can do: keep you quiet when honesty is needed. Silence can put Jay's recovery at risk.",
        },
        {
          id: "joke-about-it",
          text: "Make a joke about it and hope Jay gets the hint.",
          correct: false,
          explanation: "A joke keeps things light, but Jay may not take it seriously. He deserves a clear, caring message.",
        },
        {
          id: "warn-old-friends",
          text: "Tell Jay's old friends to stay away from him.",
          correct: false,
          explanation: "That steps outside the role and takes the choice away from Jay. The talk needs to happen with Jay himself.",
        },
      ],
    },
    {
      id: "friend-and-specialist",
      kind: "truefalse",
      ideaId: "misc-blending-roles",
      prompt: "True or false: You can be a client's close friend and their peer specialist at the same time, with no effect on the work.",
      options: [
        {
          id: "true",
          text: "True",
          correct: false,
          explanation: "This is false. When a client is also your friend, it gets much harder to say hard things or challenge them when needed.",
        },
        {
          id: "false",
          text: "False",
          correct: true,
          explanation: "Correct. Mixing the two roles muddles what you are there for and makes honest feedback harder.",
        },
      ],
    },
    {
      id: "why-blending-hurts",
      kind: "single",
      ideaId: "misc-blending-roles",
      prompt: "Why does treating a client like a friend make the work harder?",
      options: [
        {
          id: "muddles-role",
          text: "It muddles the role, so honest feedback or a needed challenge can feel like a personal attack.",
          correct: true,
          explanation: "Right. A clear role lets the client hear hard words as support. A friendship makes them feel personal.",
        },
        {
          id: "friends-cant-talk",
          text: "Friends are not allowed to talk about recovery.",
          correct: false,
          explanation: "Friends can talk about anything. The issue is that a friend role makes the hard parts of support harder.",
        },
        {
          id: "no-friendly-helpers",
          text: "Clients never want a friendly helper.",
          correct: false,
          explanation: "Being friendly is fine and helpful. The problem is becoming a friend, which blurs the role.",
        },
        {
          id: "only-if-caught",
          text: "It only matters if your supervisor finds out.",
          correct: false,
          explanation: "The harm is to the client's support, not just to your standing at work.",
        },
      ],
    },
    {
      id: "keys-to-balance",
      kind: "multiple",
      ideaId: "summary-balance",
      prompt: "Which ideas sum up a healthy working relationship in peer support? Choose all that apply.",
      options: [
        {
          id: "real-connection",
          text: "Build a real, caring connection with the client.",
          correct: true,
          explanation: "Yes. A genuine bond is worth a great deal, and it is where trust begins.",
        },
        {
          id: "clear-limits",
          text: "Keep clear limits so your support stays effective.",
          correct: true,
          explanation: "Yes. Without clear limits, even warm support loses much of its power.",
        },
        {
          id: "recovery-focus",
          text: "Keep coming back to the client's recovery as the focus.",
          correct: true,
          explanation: "Yes. The client's recovery is the reason you are there.",
        },
        {
          id: "pick-one",
          text: "Choose either warmth or limits, because you can't have both.",
          correct: false,
          explanation: "You need both. The skill is in holding warmth and limits at the same time.",
        },
        {
          id: "friends-when-stable",
          text: "Let the bond grow into a friendship once the client is stable.",
          correct: false,
          explanation: "A friendship would still blur the role later on. The focus stays on the client's recovery.",
        },
      ],
    },
  ],

  reflections: [
    {
      id: "friendliness-blur",
      prompt:
        "Think of a moment in your work, or one you can picture, where being friendly could blur a boundary. What happened, or what might happen? What would you do, and why?",
      hint: "Think about small things: a shared joke, a favour, a personal detail, a meeting outside the usual place. What was the first sign that the line was getting blurry?",
    },
    {
      id: "social-media-request",
      prompt:
        "A client asks to be your friend on social media. Write what you would say to them, in your own words. Then explain how your answer keeps both the warmth and the boundary.",
      hint: "Aim for a reply that is kind and clear: thank them, say what your rule is, let them know it is not personal, and say how you will keep supporting them.",
    },
    {
      id: "personal-boundary-plan",
      prompt:
        "Write a personal plan for keeping boundaries while staying warm with your clients. What will you do, what will you avoid, and who will you turn to when a situation feels unclear?",
      hint: "Include two or three habits (for example, how you handle texts after hours), one warning sign to watch for in yourself, and a person you can talk things through with, such as a supervisor.",
    },
  ],
});
