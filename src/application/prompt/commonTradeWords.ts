/**
 * Common words that start an occupation ("Dog walker", "Software engineer") which the language
 * library's small lexicon does not know. A capitalised first word that is neither known there nor
 * here is taken for a name ("Tesla mechanic") and keeps its capital.
 */
export const COMMON_TRADE_WORDS: ReadonlySet<string> = new Set(
  `software museum tattoo yoga dog cat pet hotel taxi truck lorry flight cabin restaurant cafe café
  coffee makeup fashion radio football soccer piano guitar violin cello drum ballet tech web video data
  sales night street zoo tree pizza ramen sushi noodle fado jazz vinyl barista lab forest pastry cream
  kitchen office railway subway metro airline airport cruise yacht theatre theater stunt session studio
  costume camera photo property insurance law ambulance emergency forklift crane carpentry window
  glass interior landscape spa massage fitness bee goat dairy poultry crab oyster lobster bird cocktail
  sommelier wine beer bicycle bike surf ski scuba dive snorkel kayak climbing wildlife safari harbour
  harbor ferry tram bakery butcher deli grocery florist flower jewellery jewelry watch clock toy game
  podcast youtube app mobile cloud cyber network hardware robot drone solar wind nuclear oil gas mining
  tunnel bridge road highway parking traffic tour travel hostel camp campsite library bookshop record
  tailor sewing knitting pottery ceramics glassblowing leather shoe hat perfume soap candle tea chocolate
  candy cake bread cheese olive vineyard orchard farm ranch stable horse sheep cattle fishing lighthouse
  dentist dental veterinary vet nursery kindergarten primary school college university maths math
  science history geography music art drama dance chess tennis golf swimming boxing karate judo
  wrestling rugby cricket hockey baseball basketball volleyball`.split(/\s+/),
);
