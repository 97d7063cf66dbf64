#include "cues.h"

namespace star::cues {

const rehearse::CueList& situation() {
  static const rehearse::CueList list = {
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

const rehearse::CueList& task() {
  static const rehearse::CueList list = {
      "my task|job|role|responsibility|goal|mandate|assignment|mission|focus|part|remit was|is|became",
      "i was responsible|accountable|tasked|asked|assigned|expected|brought|hired|chosen|in|the|on|leading|one",
      "i owned|volunteered",
      "i took ownership|on|charge|responsibility|the",
      "i stepped up|in|forward",
      "i signed up",
      "i offered to",
      "i needed|had|wanted to",
      "i wanted every|all|a|an|our|each",
      "i|we had # _? minutes|hours|days|weeks|months|sprints to",
      "fell to me",
      "up to me",
      "as the|a|an _ lead|engineer|owner|manager|developer|architect|commander|on-call|sre|owner",
      "as the|a|an _ _ lead|engineer|owner|manager|developer|architect|commander|on-call|sre|owner",
      "as tech|team|project|incident|on-call lead|owner|commander",
      "the|our|my goal was",
      "asked|assigned|tasked|chose|picked|wanted me to",
      "i set out to",
      "i picked|took it|this|that up|on",
      "i was handed|given|assigned|asked|told",
      "i asked|offered|volunteered to take|lead|own|run|drive",
      "lands|landed|fell on me|my",
      "on me|us to",
      "it was my|our design|call|job|code|service|system|responsibility|problem",
      "it was mine",
      "i was the|a|an _? _? on-call|on call|lead|owner|engineer|one",
      "i'm the|a|an _? _? on-call|on call|lead|owner|engineer|one",
  };
  return list;
}

const rehearse::CueList& own_action() {
  static const rehearse::CueList list = {
      "i first|then|next|also|immediately|quickly|personally|eventually|finally|initially|later|carefully|manually|directly|"
      "instead|still|even|soon|actually? @did",
      "i've @did",
      // Present-tense storytelling ("So I go to the dashboards and...").
      "i|so first|then|next|also|immediately? go|check|look|open|roll|page|call|ask|pull|find|see|notice|start|try|add|write|run|"
      "restart|flip|switch|spin|grab|dig|trace|decide|build|set|move|put|turn|kill|revert|message|ping|tell|loop|split|push|fix|"
      "profile|measure|compare|propose|suggest|sit|pair|draft|create|change|bump|disable|enable|block|drop|patch|deploy|ship",
  };
  return list;
}

const rehearse::CueList& shared_action() {
  static const rehearse::CueList list = {
      "we first|then|next|also|immediately|quickly|eventually|finally|initially|later|instead|together|jointly? @did",
  };
  return list;
}

const rehearse::CueList& sequence() {
  static const rehearse::CueList list = {
      "^ first|firstly|then|next|afterwards|finally|second|secondly|third|thirdly",
      "^ after that",
      "^ to fix|stabilise|stabilize|mitigate|diagnose|find|address|solve|confirm|prove|reduce|prevent",
  };
  return list;
}

const rehearse::CueList& result() {
  static const rehearse::CueList list = {
      "as a result",
      "in the end",
      "the|end|net|final result|outcome|impact|effect was|is",
      "which|this|that|it meant|led|resulted|brought|reduced|cut|dropped|lowered|improved|increased|saved|eliminated|removed|halved|doubled",
      "from # _? _? to _? #",
      "from # _? _? down|up to _? #",
      "# %|percent|x|times _? fewer|less|more|faster|lower|higher|cheaper|smaller|bigger|quicker",
      "down|up|back to|under|below|above #",
      "no|zero downtime|incidents|incident|errors|outages|outage|data|customer|complaints|regressions|pages|issues|failures|loss|"
      "bugs|tickets|rollbacks",
      "shipped|launched|delivered|completed|finished|released on|ahead|within|early",
      "got|was|were promoted",
      "went live",
      "settled|recovered|stabilised|stabilized|fell|dropped|rose|grew|shrank|climbed|flattened|disappeared|vanished|plummeted",
      "has|have held|stayed|worked|run|been|kept",
      "nobody|no one has|had|needed|complained|noticed|paged|asked|raised|reported",
      "never came|happened|recurred|returned back|again|up",
      "still use|uses|using|runs|running|holding|stands",
      "still in place",
      "signed off",
      "was|were adopted|approved|accepted|merged|praised|recognised|recognized",
      "was|were rolled out",
      "the team|company|org|customers|support|users _? adopted|started|picked|stopped|kept",
      // How it turned out, without a number: "lag stayed flat", "the problem went away", "it went
      // fine", "it took longer than planned".
      "stayed|remained flat|stable|steady|unchanged|level|healthy|green|quiet",
      "went|goes|has|had gone away",
      "went|has|had gone fine|well|smoothly|okay|ok|badly|wrong",
      "than planned|expected|estimated|hoped|promised|forecast|budgeted",
      "down|offline|degraded|unavailable|broken for only|just #",
  };
  return list;
}

const rehearse::CueList& measure() {
  static const rehearse::CueList list = {
      "# _? minutes|minute|hours|hour|days|day|weeks|week|months|month|seconds|second|ms|milliseconds|percent|%|x|times|"
      "dollars|k|per",
      "$|€|£ #",
  };
  return list;
}

const rehearse::CueList& direction() {
  static const rehearse::CueList list = {
      "reduced|reduce|reducing|cut|dropped|fell|decreased|lowered|improved|improving|increased|faster|quicker|fewer|less|lower|higher|"
      "eliminated|removed|saved|sped|shrank|better|stable|stabilised|stabilized|smoother|prevented|avoided|recovered|unblocked|"
      "halved|shorter|cheaper",
      "more reliable",
      "went|came down|up",
      "back to normal",
  };
  return list;
}

const rehearse::CueList& lesson() {
  static const rehearse::CueList list = {
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
      "what i|i've took|learned|learnt|kept|carried|remember|got|stuck|taken",
      "stuck with me",
      "it|that|this made|makes me",
      "made me realise|realize|more|less|think|appreciate",
      "these days i?",
      "nowadays",
      "i've found|learned|learnt|used|kept|carried|stopped|started|made",
      "i'd stress|say|recommend|advise|argue",
      "the thing|part i'd|i",
      "i take|took away",
      "if i could|had to",
      "whenever _ _? _? i",
      "i still|always ask|check|think|insist|push|try|start|make|write|build|look",
      "i try to always|never?",
      "was|is worth it|far|more|every|the",
      "the right call|thing|move|decision",
      "the hardest|biggest|best part|lesson|thing",
      "^ since then|that",
      "^ @ing _ _? _? _? _? was|is|did|saved|made|got|mattered|helped|paid|turned|taught|meant|beat|works|worked",
      "^ honestly|looking",
      "^ in retrospect",
      "more than any|anything",
  };
  return list;
}

const rehearse::CueList& tradeoff() {
  static const rehearse::CueList list = {
      "tradeoff|tradeoffs",
      "trade off|offs",
      "instead of",
      "rather than",
      "as opposed to",
      "in favour|favor of",
      "alternative|alternatives|alternatively",
      "option|options",
      "i|we considered|weighed|compared|evaluated|debated|explored|discussed|benchmarked|prototyped",
      "i|we looked at|into buying|using|building|adopting|switching|moving|replacing|rewriting|adding|keeping",
      "the other|another option|approach|route|choice",
      "versus|vs",
      "pros and cons",
      "the|a|one downside|drawback|catch|price|cost was|is|of",
      "at the cost|expense|price of",
      "chose|picked|preferred _ _? over",
      "went|opted with|for _ _? over",
      "ruled|rule out",
      "rejected|decided against",
      // "I did think about caching whole responses, but...", "so I dropped that idea".
      "i|we did? thought|think about|of _ _? _? _? but",
      "dropped|dropping|ditched|abandoned|scrapped|shelved that|the|this idea|plan|approach|option",
      "was|were tempted to",
      "on the other hand",
      "could have",
      "cheaper|simpler|safer|faster|slower|riskier|easier|harder|quicker|better|worse than",
      "short term fix|mitigation|solution|workaround",
      "buy|bought us? time",
  };
  return list;
}

const rehearse::CueList& blame() {
  static const rehearse::CueList list = {
      "dropped the ball",
      "threw _ _? over the wall",
      "couldn't|could not be bothered",
      "didn't|never bother|bothered",
      "did not bother|bothered",
      "refused to listen|help|cooperate|engage|budge|fix",
      "wouldn't|didn't|never listen*",
      // "because of them"; "because their API had no sandbox" tells a cause, not a culprit.
      "because|due of? to? them|him|her",
      "because|due of? to? their|his|her mistake|mistakes|error|errors|negligence|carelessness|incompetence|laziness|screwup|sloppiness",
      "thanks to them|their|him|her",
      "incompetent|incompetence|clueless|sloppy|careless|useless|idiot|idiots|stupid|dumb|hopeless|negligent|negligence",
      // "Lazy" is also a term of the trade ("lazy loading"): only of people.
      "they|he|she|team|people|engineers|developers|devs were|was|are|is|being just? lazy",
      "their|his|her|whose fault",
      "team's|teams'|vendor's|manager's|company's|department's|qa's|contractor's|colleague's|partner's fault",
      "other|their|his|her|vendor's|team's|teams|developers|devs|engineers|people|contractors|ops _? _? was|were|is|are really|so|very|pretty|just|completely|terribly|totally? "
      "bad|terrible|awful|horrible|garbage|trash|rubbish|crap|crappy|poor|shoddy|sloppy|useless|broken|hopeless|amateurish|incompetent",
      "fault of the|that|another|their|his|her",
      "not|wasn't|isn't my|our fault",
      "blame|blamed|blaming",
      "they|he|she messed|screwed up",
      "no idea what they|he|she was|were doing",
      "didn't know what they|he|she was|were doing",
  };
  return list;
}

const rehearse::CueList& vague_contribution() {
  static const rehearse::CueList list = {
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

const rehearse::CueList& filler() {
  static const rehearse::CueList list = {
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
