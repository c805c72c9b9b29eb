/** Where an agent comes from when the description says so ("a Brazilian chef"): not where it lives. */
export interface Origin {
  /** As the description says it, capitalised: "Brazilian". */
  demonym: string;
  country: string;
  /** ISO 3166 alpha-2, for names that fit. */
  countryCode: string;
}

const ORIGINS: readonly (readonly [string, string, string])[] = [
  ["American", "the United States", "US"],
  ["British", "Britain", "GB"],
  ["English", "England", "GB"],
  ["Scottish", "Scotland", "GB"],
  ["Welsh", "Wales", "GB"],
  ["Irish", "Ireland", "IE"],
  ["Canadian", "Canada", "CA"],
  ["Australian", "Australia", "AU"],
  ["New Zealander", "New Zealand", "NZ"],
  ["South African", "South Africa", "ZA"],
  ["Brazilian", "Brazil", "BR"],
  ["Portuguese", "Portugal", "PT"],
  ["Angolan", "Angola", "AO"],
  ["Mozambican", "Mozambique", "MZ"],
  ["Spanish", "Spain", "ES"],
  ["Mexican", "Mexico", "MX"],
  ["Argentinian", "Argentina", "AR"],
  ["Argentine", "Argentina", "AR"],
  ["Colombian", "Colombia", "CO"],
  ["Chilean", "Chile", "CL"],
  ["Peruvian", "Peru", "PE"],
  ["Venezuelan", "Venezuela", "VE"],
  ["Cuban", "Cuba", "CU"],
  ["Uruguayan", "Uruguay", "UY"],
  ["French", "France", "FR"],
  ["Belgian", "Belgium", "BE"],
  ["Senegalese", "Senegal", "SN"],
  ["German", "Germany", "DE"],
  ["Austrian", "Austria", "AT"],
  ["Swiss", "Switzerland", "CH"],
  ["Italian", "Italy", "IT"],
  ["Dutch", "the Netherlands", "NL"],
  ["Swedish", "Sweden", "SE"],
  ["Norwegian", "Norway", "NO"],
  ["Danish", "Denmark", "DK"],
  ["Finnish", "Finland", "FI"],
  ["Icelandic", "Iceland", "IS"],
  ["Polish", "Poland", "PL"],
  ["Czech", "the Czech Republic", "CZ"],
  ["Russian", "Russia", "RU"],
  ["Ukrainian", "Ukraine", "UA"],
  ["Serbian", "Serbia", "RS"],
  ["Croatian", "Croatia", "HR"],
  ["Bulgarian", "Bulgaria", "BG"],
  ["Greek", "Greece", "GR"],
  ["Cypriot", "Cyprus", "CY"],
  ["Turkish", "Turkey", "TR"],
  ["Egyptian", "Egypt", "EG"],
  ["Moroccan", "Morocco", "MA"],
  ["Lebanese", "Lebanon", "LB"],
  ["Jordanian", "Jordan", "JO"],
  ["Emirati", "the Emirates", "AE"],
  ["Saudi", "Saudi Arabia", "SA"],
  ["Japanese", "Japan", "JP"],
  ["Korean", "Korea", "KR"],
  ["South Korean", "South Korea", "KR"],
  ["Chinese", "China", "CN"],
  ["Taiwanese", "Taiwan", "TW"],
  ["Indian", "India", "IN"],
  ["Sri Lankan", "Sri Lanka", "LK"],
  ["Nepali", "Nepal", "NP"],
  ["Vietnamese", "Vietnam", "VN"],
  ["Thai", "Thailand", "TH"],
  ["Indonesian", "Indonesia", "ID"],
  ["Malaysian", "Malaysia", "MY"],
  ["Filipino", "the Philippines", "PH"],
  ["Filipina", "the Philippines", "PH"],
  ["Nigerian", "Nigeria", "NG"],
  ["Ghanaian", "Ghana", "GH"],
  ["Kenyan", "Kenya", "KE"],
  ["Tanzanian", "Tanzania", "TZ"],
  ["Ethiopian", "Ethiopia", "ET"],
];

const DEMONYMS = [...ORIGINS]
  .map(([demonym]) => demonym)
  .sort((a, b) => b.length - a.length)
  .join("|");
// "Brazilian food" is a liking, "a Brazilian food truck" is not; "Mexican-American" is read apart.
const PATTERN = new RegExp(
  `\\b(${DEMONYMS})(?:-born)?\\b(?!-)(?!\\s+(?:food|cuisine|cooking|dishes|music|films?|movies|literature|history|language|wine|coffee|restaurant|place)\\b(?!\\s+(?:truck|stall|cart|van|stand)))`,
);
const HERITAGE = /\b([A-Z][a-z]+)-(American|British|Canadian|Australian)\b/;

/** The nationality a description gives its agent ("a Brazilian chef in Sydney" → Brazil), or null. */
export function originIn(text: string): Origin | null {
  // "Mexican-American": names from the heritage, the country is the second.
  const heritage = HERITAGE.exec(text);
  const roots = heritage && ORIGINS.find(([d]) => d === heritage[1]);
  const home = heritage && ORIGINS.find(([d]) => d === heritage[2]);
  if (heritage && roots && home) return { demonym: heritage[0], country: home[1], countryCode: roots[2] };
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [demonym, country, countryCode] = ORIGINS.find(([d]) => d === match[1])!;
  return { demonym, country, countryCode };
}
