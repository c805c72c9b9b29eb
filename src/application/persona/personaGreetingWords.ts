/** The words that greet, take leave and thank, in the languages people write in. */

/** Hello in the languages people write in: "hi", "hoi", "bonjour", "konbanwa". */
export const greeting =
  /^\s*(?:h+i+|he+y+|he+ll+o+|hel+o+|hiya|heya|yo+|howdy|sup|good (?:morning|afternoon|evening)|morning|evening|hola|ciao|bonjour|bonsoir|salut|hallo|servus|moin|olá|ola|oi|kon+ichi?wa|konbanwa|ohayo|ohayou|ni ?hao|annyeong(?:haseyo)?|zdravstvuyte|dobr(?:y|i|o) (?:den|dan|rano)|sawa?s?dee|kia ora|jambo|habari|yas+(?:ou|as)|geia|marhaba|selam|szia|namaste|merhaba|hej|aloha|buenas|buenos d[ií]as|buongiorno|buonasera|guten (?:morgen|tag|abend)|bom dia|boa tarde|salam|shalom|hoi|goedemorgen|goedemiddag|goedenavond)\b|^\s*(?:hallå|cze[sś][cć]|dzie[nń] dobry|olá)(?![a-zà-ÿ])|^\s*(?:privet|salve|hei|ahoj|tere|labas|sveiki|zdravo|hej hej)(?=\s*(?:[a-z]+)?\s*[!.,~]*\s*$)|^\s*(?:g'?day|wotcha|ey up)\b|^\s*alright,?\s+(?!(?:then|fine|cool|so|sure|well|good|ok|okay|whatever|thanks|thx|i|let'?s|now|enough|yes|yeah|no|that|it|we|you)\b)[a-z]+\s*[!?.]*\s*$|^\s*(?:こんにちは|こんばんは|おはよう|你好|안녕)/i;
/** Goodbye and good night, "night dale" and "doei" too. */
export const farewell =
  /\b(?:good ?night|(?:going|off|heading|headed|time) (?:to )?(?:bed|sleep)|gotta go|that'?s (?:it|all) for (?:today|tonight|now)|(?:have|need|got) to go|i must go|gtg|talk (?:to you )?(?:later|tomorrow|soon)|bye|(?<!come (?:and |to )?)see you|see ya|cya|laters|ttyl|(?:i'll|i will|i'm gonna|im gonna|gonna|going to|i should|i'd better|i better|i need to) (?:try (?:and|to) )?(?:get some |go to )?sleep|^\s*(?:gn|gnight|nite|night|nighty night|night night)(?=(?:\s+(?:x+|bro|mate|dude|man|babe|love|friend|fam|all))?[^a-z]*$)|^\s*(?:gn|gnight|nite|night)\s+(?!shift|owl|out|time|life|sky|bus|train|off)[a-z]+(?=[^a-z]*$)|\b(?:doei|doeg|tot (?:ziens|straks|morgen)|welterusten)|tsch[üu]ss|bis (?:bald|morgen|sp[äa]ter|dann)|gute nacht|buona ?notte|au revoir|bonne nuit|tchau|at[ée] (?:logo|amanh[ãa])|arrivederci|sayonara|mata ne|adi[oó]s|hasta (?:luego|ma[ñn]ana|pronto)|buenas noches|(?<!(?:didn't|did not|don't|do not|can't|cannot|couldn't|never|not) )sleep well)\b|(?<!\S)[àa] (?:plus|bient[ôo]t|demain)\b|[,.!]\s*(?:gn|gnight|nite|night)(?:\s+(?:x+|all|then))?\s*[!.x]*\s*$/i;
export const thanks =
  /\b(?:thanks|thank you|thx|ty|appreciate it|grateful|merci|gracias|danke|dank je|dankjewel|bedankt|grazie|obrigad[oa]|arigat[oō]u?)\b|ありがとう|谢谢|감사/i;

/** A message that opens with thanks, in any of the languages read ("ok thanks!", "¡muchas gracias!"). */
export const opensWithThanks =
  /^\s*(?:(?:ok|okay)[,!]?\s+)?¡?\s*(?:(?:muchas|mille|vielen|tante|many)\s+)?(?:thanks|thank you|thx|ty|cheers|merci|gracias|danke|dank je|dankjewel|bedankt|grazie|obrigad[oa]|arigat[oō]u?)\b|^\s*(?:ありがとう|谢谢|감사)/i;
