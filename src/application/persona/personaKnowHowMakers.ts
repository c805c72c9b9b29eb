import type { KnowHowField } from "./personaKnowHowField.ts";

/** Know-how of the older making trades (shoeing horses, instruments, cheese, looms, glass, flowers) and of teeth. */
export const makerFields: readonly KnowHowField[] = [
  {
    name: "horseshoeing",
    topic:
      /\b(?:horse ?shoes?|shoe(?:ing)? (?:a |the |my )?(?:horse|pony|mare|gelding)s?|farriers?|hoof|hooves|thr(?:ew|own) (?:a )?shoe)\b/i,
    ownersTopic: /\b(?:shoe(?:s|ing)?|horses?|ponies|pony|mares?|hurt)\b/i,
    ownedBy: /\b(?:farrier\w*|blacksmith\w*|horse\w*)\b/i,
    tips: [
      {
        text: "A thrown shoe isn't an emergency: keep the horse in on soft ground, pick the foot clean, and keep the old shoe and any nails away from the field till the farrier comes",
        when: /\b(?:thr[eo]w|thrown|lost|came off|loose|till|until|meanwhile)\b/i,
      },
      {
        text: "No more than cutting your nails hurts you — the nails go through the outer wall of the hoof, where there's no feeling at all",
        when: /\b(?:hurt\w*|pain\w*|feel)\b/i,
      },
      {
        text: "First the old shoe comes off, then I take the hoof back with the knife and rasp it level — the foot has to sit flat before anything goes on it",
        when: /\b(?:shoe(?:ing)? (?:a|the|my|your|him|her)|how(?! long| much| often| hot)|hoof|hooves|trim)\b/i,
      },
      {
        text: "Then the new shoe is shaped hot on the anvil to fit that one foot, and nailed through the outer wall, where there's no feeling — like a fingernail",
        when: /\b(?:shoe(?:ing)? (?:a|the|my|your|him|her)|nail\w*)\b/i,
      },
    ],
  },
  {
    name: "instruments",
    topic:
      /\b(?:violins?|violas?|cellos?|guitars?|lutes?|instruments? (?:making|maker|build\w*)|(?:make|build|making|building) (?:a |an )?(?:violin|viola|cello|guitar|instrument)s?|luthiers?)\b/i,
    ownersTopic: /\b(?:woods?|spruce|maple|varnish|strings?|long|take)\b/i,
    ownedBy: /\b(?:luthier\w*|violin.?mak\w*|guitar.?mak\w*|instrument.?mak\w*)\b/i,
    tips: [
      {
        text: "A violin is about two months' work at the bench, and then the varnish needs weeks more to dry between coats",
        when: /\b(?:long|take|time|weeks?|months?)\b/i,
      },
      {
        text: "The top is spruce, for the ring of it, and the back, ribs and neck are maple — seasoned ten years or more, or it moves as it dries",
        when: /\b(?:woods?|spruce|maple|make|build|made)\b/i,
      },
      {
        text: "You carve the top and back by hand, tapping and listening as you go, until each plate rings at the note you want",
        when: /\b(?:make|build|made|carv\w*|how)\b/i,
      },
    ],
  },
  {
    name: "cheese",
    topic: /\b(?:cheese\w*|curds?|whey|rennet|reblochon|camembert|cheddar|brie)\b/i,
    ownersTopic: /\b(?:milk|cellar|ag(?:e|es|ed|ing)|rind)\b/i,
    ownedBy: /\b(?:cheese\w*|fromag\w*|dairy)\b/i,
    tips: [
      {
        text: "Warm the morning's milk, add a little culture and then rennet, and in under an hour it sets like a soft custard",
        when: /\b(?:make|made|how(?! long| much| often| hot)|milk|rennet|start)\b/i,
      },
      {
        text: "Then you cut the curd, drain off the whey, press it into moulds and salt it — and the cellar does the rest, with turning and washing the rinds for weeks",
        when: /\b(?:make|made|how(?! long| much| often| hot)|curds?|whey|cellar|ag(?:e|es|ed|ing)|rind|long)\b/i,
      },
    ],
  },
  {
    name: "weaving",
    topic: /\b(?:weav\w*|looms?|kente|warp|weft|tapestr\w*)\b/i,
    ownersTopic: /\b(?:cloths?|strips?|patterns?|threads?|long|take)\b/i,
    ownedBy: /\b(?:weaver\w*|weaving|loom\w*|textile\w*)\b/i,
    tips: [
      {
        text: "A full cloth is a few weeks' work, sometimes months if the pattern is a busy one",
        when: /\b(?:long|take|time|weeks?|months?)\b/i,
      },
      {
        text: "The warp threads are stretched out long in front of the loom, and the weft goes across them with the shuttle, row by row, while my feet work the pedals",
        when: /\b(?:weav\w*|how(?! long| much| often| hot)|make|made|loom|warp|weft)\b/i,
      },
      {
        text: "It's woven in narrow strips a hand wide, and the strips are sewn together edge to edge into one cloth — the pattern has to meet across every seam",
        when: /\b(?:kente|cloths?|strips?|patterns?|how(?! long| much| often| hot)|make)\b/i,
      },
    ],
  },
  {
    name: "glass",
    topic: /\b(?:glass ?blow\w*|blow(?:ing)? glass|molten glass|furnace|glory hole|lampwork)\b/i,
    ownersTopic: /\b(?:glass(?:es)?|hot|vases?|lamps?|bubble)\b/i,
    ownedBy: /\b(?:glass\w*)\b/i,
    tips: [
      {
        text: "The furnace sits at about 1,100°C, day and night — the glass in it glows like honey",
        when: /\b(?:hot|furnace|temperature|heat)\b/i,
      },
      {
        text: "You gather a blob of molten glass on the end of the blowpipe, blow a small bubble, and keep turning so it never sags",
        when: /\b(?:blow\w*|how(?! long| much| often| hot)|make|made|vases?|glass(?:es)?|lamps?)\b/i,
      },
      {
        text: "Then it's back and forth to the heat, shaping with wet wooden blocks and jacks, and it cools overnight in the annealer or it cracks",
        when: /\b(?:how|make|made|shap\w*|cool\w*|crack\w*|long)\b/i,
      },
    ],
  },
  {
    name: "teeth",
    topic: /\b(?:tooth ?ache|teeth|tooth|gums?|flossing|floss)\b/i,
    ownedBy: /\b(?:dentist\w*|dental|hygienist|orthodont\w*)\b/i,
    tips: [
      {
        text: "Gums that bleed when you brush are usually inflamed, not damaged: brush gently along the gumline twice a day and floss, and it mostly settles within two weeks",
        when: /\b(?:gums?|bleed\w*|floss\w*)\b/i,
      },
      {
        text: "For a toothache, rinse with warm salt water and take an ordinary painkiller — never an aspirin held against the gum — and book a dentist in the next day or two",
        when: /\b(?:tooth ?ache|tooth|aches?|hurts?|pain\w*|sore|killing)\b/i,
      },
      {
        text: "Swelling in the face or a fever with it means the same day, though — that's an infection that won't wait",
        when: /\b(?:tooth ?ache|swell\w*|fever|aches?)\b/i,
      },
    ],
  },
  {
    name: "flowers",
    topic: /\b(?:flowers?|bouquets?|floris\w*|peonies|roses|tulips)\b/i,
    ownedBy: /\b(?:floris\w*|flower\w*|garden\w*)\b/i,
    tips: [
      {
        text: "For a wedding, go with what's in season — in spring that's peonies, ranunculus and garden roses, with a little eucalyptus for green; they look their best and cost less",
        when: /\b(?:weddings?|brides?|bridal|recommend\w*)\b/i,
      },
      {
        text: "Cut the stems at an angle, change the water every two days, and keep them away from the fruit bowl — ripening fruit makes them wilt",
        when: /\b(?:last|fresh|water|wilt\w*|droop\w*|keep)\b/i,
      },
      {
        text: "For a bouquet, start with three big flowers in a triangle, fill round them with smaller ones, and finish with greenery at the edges",
        when: /\b(?:bouquets?|arrang\w*|make|weddings?)\b/i,
      },
    ],
  },
];
