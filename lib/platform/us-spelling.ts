/**
 * British spellings a US audience would notice (stems: "centre" catches
 * "centred", "counsell" catches "counsellor"). Our users are in the United
 * States: module content and product text are checked against it
 * (lib/learning/module/boundaries.test.ts, lib/platform/us-spelling.test.ts).
 */
export const BRITISH =
  /\b(centre|centred|centres|favour\w*|honour\w*|colour\w*|behaviour\w*|neighbour\w*|labour\w*|humour\w*|judgement\w*|counsell\w*|organis\w*|recognis\w*|realis\w*|apologis\w*|prioritis\w*|criticis\w*|emphasis(e|ed|es|ing)|minimis\w*|normalis\w*|anonymis\w*|summaris\w*|authoris\w*|programme\w*|licence|defence|offence|practis\w*|travell\w*|cancell\w*|enrol|enrols|enrolment\w*|fulfil|fulfilment|analys(e|ed|ing)|cheque\w*|whilst|amongst|learnt|misspelt|focussed|sceptic\w*|paediatric\w*|mum)\b/gi;
