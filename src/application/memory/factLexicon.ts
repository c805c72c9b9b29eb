/** Word lists the fact rules and the question intents share. Lower case; regex alternations. */

/** A comma-separated list of words or phrases. */
function words(text: string): readonly string[] {
  return text
    .split(",")
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
}

const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");

export const relationWords = words(`
  sister, sisters, brother, brothers, sibling, siblings, twin, twins, mum, mom, mother, mama, mommy,
  mummy, dad, father, papa, daddy, parents, parent, stepmum, stepmom, stepmother, stepdad,
  stepfather, stepsister, stepbrother, wife, husband, partner, spouse, boyfriend, girlfriend, bf, gf,
  fiance, fiancé, fiancee, fiancée, ex, ex-wife, ex-husband, ex-boyfriend, ex-girlfriend, son, sons,
  daughter, daughters, kid, kids, child, children, baby, babies, toddler, grandma, grandmother,
  grandpa, grandfather, granny, gran, nan, nana, nanna, grandparents, grandson, granddaughter,
  grandchildren, grandkids, aunt, auntie, aunty, uncle, cousin, cousins, niece, nieces, nephew,
  nephews, in-laws, mother-in-law, father-in-law, sister-in-law, brother-in-law, godmother,
  godfather, goddaughter, godson, friend, friends, best friend, bestie, bff, roommate, roommates,
  flatmate, flatmates, housemate, housemates, boss, manager, colleague, colleagues, coworker,
  coworkers, co-worker, co-workers, neighbour, neighbours, neighbor, neighbors, family, therapist
`);

/** Kinship words used as names ("Dad passed away"). */
export const kinNames = words(`
  mum, mom, dad, grandma, grandpa, granny, gran, nan, nana, mama, papa
`);

export const petWords = words(`
  pet, pets, dog, dogs, doggo, puppy, puppies, pup, cat, cats, kitten, kittens, kitty, hamster,
  hamsters, rabbit, rabbits, bunny, bunnies, guinea pig, guinea pigs, parrot, budgie, budgies, bird,
  birds, canary, goldfish, fish, turtle, tortoise, snake, lizard, gecko, iguana, horse, horses, pony,
  ferret, ferrets, rat, rats, chinchilla, hedgehog, chickens, hens, goat, goats, retriever, labrador,
  lab, poodle, terrier, beagle, spaniel, collie, pug, husky, dachshund, corgi, bulldog, greyhound,
  whippet, shepherd, chihuahua, schnauzer, sheepdog, labradoodle, cockapoo, rottweiler, shih tzu,
  maine coon, tabby, axolotl
`);

export const occupationWords = words(`
  nurse, doctor, gp, surgeon, paramedic, midwife, dentist, pharmacist, vet, veterinarian,
  physiotherapist, physio, optician, radiographer, carer, caregiver, care worker, support worker,
  teacher, teaching assistant, tutor, lecturer, professor, headteacher, principal, librarian,
  student, undergrad, postgrad, phd student, researcher, scientist, engineer, developer, programmer,
  coder, designer, architect, accountant, bookkeeper, lawyer, solicitor, barrister, paralegal,
  attorney, judge, barista, chef, cook, baker, butcher, waiter, waitress, server, bartender, pilot,
  flight attendant, firefighter, firefighter, police officer, officer, detective, soldier, sailor,
  marine, writer, author, journalist, reporter, editor, copywriter, translator, interpreter, artist,
  painter, illustrator, animator, photographer, musician, singer, composer, actor, actress, dancer,
  model, farmer, gardener, landscaper, electrician, plumber, carpenter, joiner, mechanic, builder,
  welder, plasterer, roofer, driver, cabbie, courier, postman, postwoman, cashier, clerk,
  receptionist, secretary, assistant, manager, consultant, analyst, therapist, psychologist,
  psychiatrist, counsellor, counselor, social worker, hairdresser, barber, stylist, beautician,
  florist, tailor, cleaner, janitor, caretaker, nanny, babysitter, childminder, banker, broker,
  trader, economist, entrepreneur, founder, freelancer, contractor, technician, tester,
  administrator, marketer, salesman, saleswoman, salesperson, shop assistant, estate agent, realtor,
  surveyor, chemist, biologist, physicist, mathematician, statistician, data scientist,
  archaeologist, geologist, zookeeper, coach, personal trainer, trainer, instructor, lifeguard,
  security guard, guard, politician, civil servant, diplomat, priest, vicar, pastor, rabbi, imam,
  nun, monk, streamer, youtuber, influencer, podcaster, miner, fisherman, foreman, intern,
  apprentice, ceo, cto, director, executive, supervisor, dispatcher, warehouse worker, pianist,
  guitarist, violinist, dentist, optometrist, sonographer, vet nurse, chemist
`);

/** "-ist" words that describe a temperament rather than a job. */
export const notOccupations = words(`
  optimist, pessimist, realist, perfectionist, minimalist, idealist, extremist, narcissist, romantic,
  introvert, extrovert, mess, idiot, fan, lover, person, nerd, geek
`);

/** Capitalised self-descriptions the language library does not know, which are not names. */
export const notNames = words(`
  catholic, muslim, hindu, sikh, jain, atheist, agnostic, protestant, mormon, quaker, pagan, vegan,
  vegetarian, pescatarian, taurus, gemini, scorpio, virgo, aquarius, capricorn, sagittarius, pisces
`);

export const businessWords = words(`
  bakery, shop, store, cafe, café, restaurant, bar, pub, company, business, startup, salon, studio,
  firm, agency, farm, clinic, practice, gym, bookshop, bookstore, boutique, food truck, garage,
  hotel, b&b, charity, nursery, kennel, brewery, winery, gallery
`);

export const healthPattern =
  /\b(?:allergic|allerg(?:y|ies)|intoleran(?:t|ce)|diagnosed|asthma(?:tic)?|diabet\w*|migraines?|epilep\w*|adhd|autis\w*|dyslexi\w*|anxiety|depression|bipolar|ocd|ptsd|insomnia|arthritis|celiac|coeliac|gluten|lactose|vegan|vegetarian|pescatarian|kosher|halal|sober|pregnant|wheelchair|deaf|hard of hearing|blind|visually impaired|chronic|cancer|chemo\w*|medications?|meds|insulin|inhaler|surgery|physio\w*|injur\w*|broke (?:my|his|her) \w+|torn \w+|sprained|bad (?:back|knee|hip|shoulder|ankle|wrist)|can'?t eat|cannot eat|don'?t eat (?:meat|fish|pork|dairy|eggs)|don'?t drink|hearing aids?|heart condition|blood pressure|cholesterol|eczema|psoriasis|endometriosis|fibromyalgia|crohn'?s|ibs|hay ?fever|tinnitus|scoliosis)\b/i;

export const months =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
export const weekdays = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const seasons = "spring|summer|autumn|fall|winter";

/** Words that put a statement in the future ("next month", "on Friday", "in October", "one day"). */
export const futureTime = new RegExp(
  `\\b(?:tomorrow|tonight|soon|someday|some day|one day|eventually|next (?:\\w+ )?(?:week|weekend|month|year|${seasons}|${weekdays}|time)|this (?:coming )?(?:week(?:end)?|month|year|${seasons}|${weekdays})|later this (?:week|month|year)|on (?:the )?(?:${weekdays}|\\d{1,2}(?:st|nd|rd|th)?)|in (?:the )?(?:${months}|${seasons}|(?:a|two|three|four|five|six|a few|\\d+) (?:days|weeks|months|years))|after (?:graduation|uni|university|college|school|the holidays)|when i (?:retire|graduate|finish))\\b`,
  "i",
);

/** Words that tie a statement to the present moment only. */
export const momentTime =
  /\b(?:right now|rn|at the moment|atm|today|tonight|this (?:morning|afternoon|evening)|earlier|just now|yesterday|last night|currently|in a (?:bit|sec|second|minute|min|moment)|for now)\b/i;

export const demonyms = words(`
  irish, scottish, welsh, english, british, american, canadian, mexican, brazilian, argentinian,
  chilean, colombian, peruvian, french, german, dutch, belgian, swiss, austrian, italian, spanish,
  portuguese, greek, turkish, polish, czech, slovak, hungarian, romanian, bulgarian, ukrainian,
  russian, swedish, norwegian, danish, finnish, icelandic, estonian, latvian, lithuanian, serbian,
  croatian, slovenian, bosnian, albanian, nigerian, ghanaian, kenyan, ethiopian, egyptian, moroccan,
  algerian, tunisian, south african, indian, pakistani, bangladeshi, sri lankan, nepali, chinese,
  japanese, korean, vietnamese, thai, filipino, filipina, indonesian, malaysian, singaporean,
  australian, kiwi, iranian, iraqi, syrian, lebanese, israeli, palestinian, jordanian, saudi,
  emirati, jamaican, cuban, puerto rican, venezuelan
`);

export const relationPattern = alternation(relationWords);
export const petPattern = alternation(petWords);
export const occupationPattern = alternation(occupationWords);
export const businessPattern = alternation(businessWords);
export const demonymPattern = alternation(demonyms);
export const kinNamePattern = alternation(kinNames);
export { alternation };
