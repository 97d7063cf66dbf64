#include "cues.h"

namespace star::cues {

const PhraseList& situation() {
  static const PhraseList list = {
      "at my|our previous|last|current|former|old|first|second company|job|role|employer|team|startup|workplace",
      "at the time",
      "back then|when",
      "a few|couple of? years|months|weeks ago",
      "last year|quarter|month|summer|winter|spring|autumn|fall",
      "there was|were",
      "we|they had|were|ran|maintained|operated|supported|relied|served|used",
      "our _ was|were|had|kept|started|began|handled|served|processed|ran|took|hit|became",
      "our _ _ was|were|had|kept|started|began|handled|served|processed|ran|took|hit|became",
      "it|this|that|which was|started|began|kept causing|failing|hurting|costing|timing|slowing|affecting|blocking|degrading",
      "started|began to|failing|timing|slowing|dropping|throwing|erroring|growing|crashing|degrading|spiking|paging",
      "was|were experiencing|failing|struggling|suffering|growing|seeing|losing|hitting|timing|slow|down|broken|unstable|overloaded|"
      "saturated|blocked|stuck|missing|late|behind|exhausted|spiking",
      "customers|users|clients|merchants|partners|support were|reported|complained|saw|started|noticed|couldn't|could|kept",
      "the problem|issue|challenge|context|situation|background|pain|risk was|is",
  };
  return list;
}

const PhraseList& task() {
  static const PhraseList list = {
      "my task|job|role|responsibility|goal|mandate|assignment|mission|focus|part|remit was|is|became",
      "i was responsible|accountable|tasked|asked|assigned|expected|brought|hired|chosen|in|the|on|leading|one",
      "i owned|volunteered",
      "i took ownership|on|charge|responsibility|the",
      "i stepped up|in|forward",
      "i signed up",
      "i offered to",
      "i needed|had|wanted to",
      "fell to me",
      "up to me",
      "as the|a|an _ lead|engineer|owner|manager|developer|architect|commander|on-call|sre|owner",
      "as the|a|an _ _ lead|engineer|owner|manager|developer|architect|commander|on-call|sre|owner",
      "as tech|team|project|incident|on-call lead|owner|commander",
      "the|our|my goal was",
      "asked|assigned|tasked|chose|picked|wanted me to",
      "i set out to",
  };
  return list;
}

const PhraseList& own_action() {
  static const PhraseList list = {
      "i first|then|next|also|immediately|quickly|personally|eventually|finally|initially|later|carefully|manually|directly|"
      "instead|still|even|soon|actually? @did",
      "i've @did",
  };
  return list;
}

const PhraseList& shared_action() {
  static const PhraseList list = {
      "we first|then|next|also|immediately|quickly|eventually|finally|initially|later|instead|together|jointly? @did",
  };
  return list;
}

const PhraseList& sequence() {
  static const PhraseList list = {
      "^ first|firstly|then|next|afterwards|finally|second|secondly|third|thirdly",
      "^ after that",
      "^ to fix|stabilise|stabilize|mitigate|diagnose|find|address|solve|confirm|prove|reduce|prevent",
  };
  return list;
}

const PhraseList& result() {
  static const PhraseList list = {
      "as a result",
      "in the end",
      "the|end|net|final result|outcome|impact|effect was|is",
      "which|this|that|it meant|led|resulted|brought|reduced|cut|dropped|lowered|improved|increased|saved|eliminated|removed|halved|doubled",
      "from # _? to #",
      "from # _? down|up to #",
      "# %|percent|x|times|fewer|less|more|faster|lower|higher",
      "down|up|back to|under|below|above #",
      "no|zero downtime|incidents|incident|errors|outages|outage|data|customer|complaints|regressions|pages|issues|failures|loss|"
      "bugs|tickets|rollbacks",
      "shipped|launched|delivered|completed|finished|released on|ahead|within|early",
      "got|was|were promoted",
      "went live",
  };
  return list;
}

const PhraseList& direction() {
  static const PhraseList list = {
      "reduced|reduce|reducing|cut|dropped|fell|decreased|lowered|improved|improving|increased|faster|quicker|fewer|less|lower|higher|"
      "eliminated|removed|saved|sped|shrank|better|stable|stabilised|stabilized|smoother|prevented|avoided|recovered|unblocked|"
      "halved|shorter|cheaper|more reliable",
      "went|came down|up",
      "back to normal",
  };
  return list;
}

const PhraseList& lesson() {
  static const PhraseList list = {
      "i|we learned|learnt|realized|realised",
      "lesson|lessons|takeaway|takeaways",
      "taught|showed|reminded|convinced me",
      "reinforced",
      "in hindsight",
      "looking back",
      "next time",
      "if i did|do|had|were it|to again?",
      "i would do|have|now|never|always|start|push|ask|involve|build|insist|plan|test|measure",
      "i'd do|have|now|never|always|start|push|ask|involve|build|insist|plan|test|measure",
      "differently",
      "i now",
      "now i always|never|make|check|ask|build|write|add|insist|start|measure|test|run|agree|treat|review|prefer|plan|alert",
      "i always|never now",
      "since then i|i've",
      "i've since",
      "going forward",
      "from then on",
      "ever since",
  };
  return list;
}

const PhraseList& tradeoff() {
  static const PhraseList list = {
      "tradeoff|tradeoffs",
      "trade off|offs",
      "instead of",
      "rather than",
      "as opposed to",
      "in favour|favor of",
      "alternative|alternatives|alternatively",
      "option|options",
      "i|we considered|weighed|compared|evaluated|debated|explored|discussed|benchmarked|prototyped",
      "versus|vs",
      "pros and cons",
      "the|a|one downside|drawback|catch|price|cost was|is|of",
      "at the cost|expense|price of",
      "chose|picked|preferred _ _? over",
      "went|opted with|for _ _? over",
      "ruled|rule out",
      "rejected|decided against",
      "on the other hand",
      "could have",
      "cheaper|simpler|safer|faster|slower|riskier|easier|harder|quicker|better|worse than",
      "short term fix|mitigation|solution|workaround",
      "buy|bought us? time",
  };
  return list;
}

const PhraseList& blame() {
  static const PhraseList list = {
      "dropped the ball",
      "threw _ _? over the wall",
      "couldn't|could not be bothered",
      "didn't|never bother|bothered",
      "did not bother|bothered",
      "refused to listen|help|cooperate|engage|budge|fix",
      "wouldn't|didn't|never listen*",
      "because|due of? to? them|him|her|their",
      "thanks to them|their|him|her",
      "incompetent|incompetence|clueless|lazy|sloppy|careless|useless|idiot|idiots|stupid|dumb|hopeless|negligent|negligence",
      "their|his|her|whose fault",
      "fault of the|that|another|their|his|her",
      "not|wasn't|isn't my|our fault",
      "blame|blamed|blaming",
      "they|he|she messed|screwed up",
      "no idea what they|he|she was|were doing",
      "didn't know what they|he|she was|were doing",
  };
  return list;
}

const PhraseList& vague_contribution() {
  static const PhraseList list = {
      "helped|help|helping with|out|on",
      "worked|working on",
      "was|were involved|part in|of|with",
      "assisted|contributed|participated with|in|to",
      "took part in",
      "dealt with",
      "took care of",
      "looked into",
      "did some|a|the work|stuff|things",
      "was|were around for",
  };
  return list;
}

const PhraseList& filler() {
  static const PhraseList list = {
      "basically",
      "you know",
      "stuff",
      "and so on",
      "and so forth",
      "etc",
      "things like that",
      "or something",
      "whatever",
      "a bunch of",
      "various things",
      "a lot of things",
      "kind|sort of",
  };
  return list;
}

}  // namespace star::cues
