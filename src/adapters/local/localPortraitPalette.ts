export type Rgb = readonly [number, number, number];

/** Word → colour tables for reading prompts; multi-word names are matched before single words. */
export const hairColours: Record<string, Rgb> = {
  "jet black": [18, 16, 18],
  raven: [20, 18, 22],
  dark: [42, 30, 24],
  "light brown": [140, 98, 62],
  "dark blonde": [176, 136, 82],
  sandy: [196, 160, 108],
  mousy: [140, 116, 84],
  fair: [228, 198, 142],
  "salt and pepper": [118, 116, 114],
  greying: [140, 138, 136],
  graying: [140, 138, 136],
  black: [28, 24, 26],
  "dark brown": [52, 34, 24],
  brunette: [72, 46, 30],
  brown: [96, 62, 38],
  chestnut: [112, 60, 34],
  auburn: [132, 54, 32],
  ginger: [188, 88, 40],
  copper: [176, 86, 44],
  red: [160, 56, 36],
  redhead: [160, 56, 36],
  "strawberry blonde": [214, 150, 104],
  "dirty blonde": [170, 134, 84],
  "honey blonde": [206, 160, 92],
  platinum: [232, 224, 204],
  blonde: [222, 184, 112],
  blond: [222, 184, 112],
  golden: [214, 168, 80],
  silver: [196, 198, 204],
  grey: [150, 150, 152],
  gray: [150, 150, 152],
  white: [226, 226, 222],
  pink: [232, 128, 168],
  blue: [64, 110, 200],
  purple: [120, 70, 160],
  lavender: [176, 150, 214],
  green: [60, 140, 96],
};

export const eyeColours: Record<string, Rgb> = {
  "dark brown": [60, 36, 22],
  brown: [102, 64, 34],
  hazel: [132, 108, 52],
  amber: [176, 116, 36],
  green: [70, 132, 78],
  blue: [70, 124, 188],
  "ice blue": [150, 190, 220],
  grey: [126, 138, 148],
  gray: [126, 138, 148],
  black: [34, 26, 24],
  violet: [120, 90, 170],
};

export const skinTones: Record<string, Rgb> = {
  porcelain: [248, 224, 208],
  pale: [244, 218, 198],
  fair: [240, 210, 186],
  light: [234, 198, 170],
  peach: [240, 196, 166],
  medium: [212, 162, 124],
  olive: [198, 156, 110],
  golden: [214, 164, 112],
  tan: [196, 144, 100],
  tanned: [196, 144, 100],
  "light brown": [176, 124, 86],
  brown: [142, 94, 62],
  "dark brown": [104, 66, 44],
  dark: [96, 62, 42],
  deep: [84, 54, 38],
  ebony: [70, 46, 34],
};

export const clothingColours: Record<string, Rgb> = {
  black: [34, 34, 40],
  white: [236, 236, 232],
  grey: [128, 130, 136],
  gray: [128, 130, 136],
  navy: [36, 48, 92],
  blue: [52, 96, 176],
  "light blue": [150, 188, 226],
  teal: [34, 128, 128],
  green: [52, 126, 72],
  olive: [108, 110, 56],
  mustard: [206, 162, 46],
  yellow: [236, 204, 70],
  orange: [226, 122, 48],
  red: [190, 44, 48],
  burgundy: [116, 30, 46],
  maroon: [112, 36, 40],
  pink: [232, 146, 176],
  purple: [114, 70, 150],
  lavender: [176, 156, 214],
  beige: [214, 196, 164],
  cream: [238, 226, 198],
  brown: [110, 74, 48],
  denim: [76, 102, 140],
  khaki: [176, 160, 112],
  charcoal: [62, 64, 68],
  tweed: [118, 98, 72],
  camel: [192, 150, 96],
  tan: [190, 150, 100],
  "dark green": [32, 82, 52],
  "forest green": [34, 90, 52],
  "dark blue": [30, 50, 110],
  coral: [240, 120, 100],
  mint: [160, 220, 190],
};

export const defaultHairColours: readonly Rgb[] = [
  hairColours.black!,
  hairColours["dark brown"]!,
  hairColours.brown!,
  hairColours.chestnut!,
  hairColours.auburn!,
  hairColours.blonde!,
];
export const defaultEyeColours: readonly Rgb[] = [
  eyeColours.brown!,
  eyeColours["dark brown"]!,
  eyeColours.hazel!,
  eyeColours.green!,
  eyeColours.blue!,
  eyeColours.grey!,
];
export const defaultSkinTones: readonly Rgb[] = [
  skinTones.fair!,
  skinTones.light!,
  skinTones.medium!,
  skinTones.olive!,
  skinTones.tan!,
  skinTones.brown!,
  skinTones.dark!,
];
export const defaultClothingColours: readonly Rgb[] = Object.values(clothingColours);

export const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

export const shade = (c: Rgb, factor: number): Rgb => [c[0] * factor, c[1] * factor, c[2] * factor];

export const luminance = (c: Rgb) => 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
