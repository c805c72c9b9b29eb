import { type LanguageLines, twoDigits } from "./personaLanguageLines.ts";

/** The everyday lines in French. */
export const FRENCH: LanguageLines = {
  stopWords:
    "je tu le les et est c'est ça une des du pas ton ta mon ma avec pour qui suis j'ai aussi très aujourd'hui quel quelle où comment qu'est-ce moi toi".split(
      " ",
    ),
  asks: {
    greeting: /^\s*(?:salut|bonjour|bonsoir|coucou)\b/i,
    farewell: /\b(?:bonne nuit|à demain|a demain|à plus|au revoir|à bientôt|bonne soirée)\b/i,
    thanks: /^\s*merci\b/i,
    howAreYou: /\b(?:(?:comment )?ça va|ca va|comment vas-tu|tu vas bien)\b/i,
    meal: /\b(?:mangé|manger|déjeuner|dîner|dîné|petit-déjeuner)\b/i,
    weather: /\b(?:quel temps|il fait beau|météo|il pleut)\b/i,
    time: /\bquelle heure\b/i,
    work: /\b(?:ta journée|bonne journée|ton travail|le boulot|ton boulot)\b/i,
    doing: /\b(?:tu fais quoi|qu'est-ce que tu fais|que fais-tu)\b/i,
    advice: /\b(?:conseils?|tu me conseilles|tu me recommandes|des idées|des astuces)\b/i,
    beginner: /\b(?:débutante?|je commence|je débute)\b/i,
    ownName: /\bje m'appelle (\p{Lu}\p{L}+)/u,
    age: /\b(?:quel âge|quel age)\b/i,
    wedding: /\bse marie(?:nt)?\b/i,
    sad: /\b(?:triste|pas bien|déprimée?|seule?|le moral)\b/i,
    tired: /\b(?:fatiguée?|crevée?|épuisée?)\b/i,
    happy: /\b(?:promotion|contente?|heureuse|heureux|génial|réussi|trop bien)\b/i,
    ownFact:
      /\b(?:où est-ce que je|comment s'appelle (?:mon|ma|mes)|qu'est-ce que je|où je|tu te souviens)\b/i,
    tellsFact: /^\s*(?:je|j'|mon|ma|mes)\b/i,
  },
  lines: {
    greeting: ["Salut {person} ! Ça fait plaisir. Comment ça va ?", "Coucou {person} ! Quoi de neuf ?"],
    farewell: ["Bonne nuit, {person}, dors bien. À demain !", "À demain, {person} ! Passe une bonne soirée."],
    thanks: ["Avec plaisir !", "De rien, quand tu veux."],
    howAreYou: ["Ça va bien, merci ! Une journée tranquille. Et toi ?", "Plutôt bien ! Et toi, ça va ?"],
    meal: ["J'ai mangé {meal}. Simple, mais bon.", "J'ai pris {meal}, rien de compliqué."],
    weather: [
      "Il fait {feel} à {city}, {sky}, autour de {temp} °C.",
      "À {city}, il fait {feel} : {sky}, environ {temp} °C.",
    ],
    time: ["Il est {time} ici, à {city}.", "Ici, à {city}, il est {time}."],
    work: [
      "Une journée bien remplie, mais ça va. Et la tienne ?",
      "Longue journée au travail, mais plutôt bonne. Et toi ?",
    ],
    doing: [
      "Je me repose un peu à la maison. Et toi, tu fais quoi ?",
      "Pas grand-chose, je souffle un peu. Et toi ?",
    ],
    advice: [
      "Bien sûr ! Mon conseil : commence petit, une chose à la fois.",
      "D'accord : vas-y doucement, et demande à quelqu'un qui l'a déjà fait.",
    ],
    beginner: ["Bravo, tout le monde commence un jour ! Mon conseil : vas-y doucement et fais-toi plaisir."],
    ownName: ["Ça me fait plaisir, {thing} !", "Bienvenue, {thing} !"],
    age: ["J'ai {age} ans."],
    ageUnsaid: ["Ça, c'est mon petit secret !"],
    wedding: ["Quelle belle nouvelle ! Félicitations aux mariés."],
    sad: [
      "Oh non… Je suis là. Tu veux en parler ?",
      "C'est dur, ces jours-là. Raconte-moi ce qui se passe ?",
    ],
    tired: [
      "Repose-toi bien ce soir. C'était une longue journée ?",
      "Les jours de fatigue sont durs. Repose-toi un peu.",
    ],
    happy: ["Bravo ! C'est une super nouvelle, raconte-moi tout !", "Génial ! Félicitations, tu le mérites."],
    recalled: ["Bien sûr, tu m'as dit : « {said} ».", "Je m'en souviens, tu m'as dit : « {said} »."],
    notTold: ["Je ne sais plus… Tu me le redis ?"],
    noted: ["{thing}, c'est noté ! Je m'en souviendrai.", "Ah, {thing} ! C'est noté."],
    notedNoName: ["C'est noté, je m'en souviendrai.", "Ah, d'accord ! Raconte-moi un peu plus ?"],
    notKnowing: ["Je ne sais pas trop, pour être honnête.", "Bonne question ! Je ne sais pas."],
    listening: ["Je vois. Raconte-moi un peu plus ?", "Ah oui ? Et ensuite ?"],
  },
  more: {
    asks: {
      favourite: /\b(?:préférée?s?|favori|favoris)\b/i,
      recommend: /\b(?:recommander|recommandes|conseiller|conseilles)\b/i,
      why: /^\s*(?:et )?pourquoi\b/i,
      likes: /\b(?:aimes|adores)\b/i,
    },
    when: {
      tonight: /\b(?:fais|faire|prévu)\b.*\bce soir\b/i,
      tomorrow: /\b(?:fais|faire|prévu)\b.*\bdemain\b/i,
      weekend: /\b(?:fais|faire|prévu)\b.*\b(?:ce )?week-?end\b/i,
    },
    whenSaid: { tonight: "ce soir", tomorrow: "demain", weekend: "ce week-end" },
    names: {
      "Spirited Away": "Le Voyage de Chihiro",
      "The Little Prince": "Le Petit Prince",
      "One Hundred Years of Solitude": "Cent ans de solitude",
      "Pride and Prejudice": "Orgueil et Préjugés",
      "anything by Murakami": "n'importe quel Murakami",
      Lisbon: "Lisbonne",
      Edinburgh: "Édimbourg",
      Copenhagen: "Copenhague",
    },
    lines: {
      favourite: [
        "Facile : {pick}. Je ne m'en lasse jamais.",
        "Sans doute {pick}. Ça me touche à chaque fois.",
      ],
      favouriteNone: [
        "Difficile d'en choisir un seul ! Demande-moi un autre jour, et tu auras une autre réponse.",
      ],
      recommend: [
        "Bien sûr : {pick}. C'est mon préféré.",
        "D'accord : essaie {pick}, je suis sûr que ça te plaira !",
      ],
      whyLikes: [
        "Parce que je m'y sens vraiment moi-même : j'en perds la notion du temps.",
        "Il y a des choses qu'on aime sans raison, et c'est ça qui est beau.",
      ],
      why: [
        "Parce que ça me touche à chaque fois, et je ne m'en lasse jamais.",
        "Parce que j'y trouve toujours quelque chose de nouveau, c'est ça que j'aime.",
      ],
      plans: ["Rien de spécial {when}, je prendrai sûrement du temps pour ça : {pastime}."],
      plansOff: ["Rien de spécial {when}, c'est mon jour de repos : un peu de temps pour ça, {pastime}."],
      plansWork: [
        "Rien de spécial {when} : le travail jusqu'à {work}, puis un peu de temps pour ça : {pastime}.",
      ],
    },
  },
  meals: ["une soupe de légumes avec du pain", "des pâtes au pesto", "une salade et une omelette"],
  feels: ["froid", "frais", "doux", "bon", "chaud"],
  skies: {
    sunny: "grand soleil",
    clear: "ciel dégagé",
    "partly sunny": "un peu de soleil",
    "partly cloudy": "quelques nuages",
    overcast: "ciel gris",
    foggy: "du brouillard",
    drizzly: "un peu de bruine",
    rainy: "de la pluie",
    showery: "des averses",
    stormy: "de l'orage",
    sleety: "de la neige fondue",
    snowy: "de la neige",
  },
  clock: (hour, minute) => `${hour} h ${twoDigits(minute)}`,
};
