/**
 * Towns people name as home that `city-timezones` leaves out, in its own row shape. Coordinates,
 * populations and time zones from GeoNames (CC BY 4.0, geonames.org), rounded; the Irish towns
 * are listed under the name people use, accents and all.
 */
export const EXTRA_CITIES = [
  ie("Dún Laoghaire", "Dun Laoghaire", 53.294, -6.134, 26_000, "Dublin"),
  ie("Swords", "Swords", 53.46, -6.218, 39_200, "Dublin"),
  ie("Bray", "Bray", 53.203, -6.098, 32_600, "Wicklow"),
  ie("Navan", "Navan", 53.653, -6.681, 30_200, "Meath"),
  ie("Ennis", "Ennis", 52.844, -8.986, 25_300, "Clare"),
  ie("Carlow", "Carlow", 52.837, -6.934, 24_300, "Carlow"),
  ie("Naas", "Naas", 53.216, -6.667, 22_000, "Kildare"),
  ie("Athlone", "Athlone", 53.424, -7.941, 21_300, "Westmeath"),
  ie("Mullingar", "Mullingar", 53.526, -7.338, 20_900, "Westmeath"),
  ie("Wexford", "Wexford", 52.334, -6.458, 20_200, "Wexford"),
  ie("Letterkenny", "Letterkenny", 54.956, -7.734, 19_300, "Donegal"),
  ie("Clonmel", "Clonmel", 52.355, -7.704, 17_100, "Tipperary"),
  ie("Malahide", "Malahide", 53.451, -6.154, 16_500, "Dublin"),
  ie("Cobh", "Cobh", 51.85, -8.297, 12_800, "Cork"),
  ie("Howth", "Howth", 53.387, -6.065, 8_300, "Dublin"),
  ie("Westport", "Westport", 53.8, -9.517, 6_200, "Mayo"),
  ie("Kinsale", "Kinsale", 51.706, -8.522, 5_300, "Cork"),
  ie("Dingle", "Dingle", 52.141, -10.264, 2_100, "Kerry"),
  row(
    "Kópavogur",
    "Kopavogur",
    64.112,
    -21.912,
    38_000,
    "Iceland",
    "IS",
    "Höfuðborgarsvæði",
    "Atlantic/Reykjavik",
  ),
  row(
    "Hafnarfjörður",
    "Hafnarfjordur",
    64.067,
    -21.938,
    29_000,
    "Iceland",
    "IS",
    "Höfuðborgarsvæði",
    "Atlantic/Reykjavik",
  ),
  row(
    "Akureyri",
    "Akureyri",
    65.684,
    -18.088,
    19_000,
    "Iceland",
    "IS",
    "Norðurland eystra",
    "Atlantic/Reykjavik",
  ),
  row("Plzeň", "Plzen", 49.748, 13.378, 170_000, "Czech Republic", "CZ", "Plzeňský", "Europe/Prague"),
  row("Tórshavn", "Torshavn", 62.01, -6.772, 13_000, "Faroe Islands", "FO", "Streymoy", "Atlantic/Faroe"),
];

function ie(city: string, ascii: string, lat: number, lng: number, pop: number, province: string) {
  return row(city, ascii, lat, lng, pop, "Ireland", "IE", province, "Europe/Dublin");
}

function row(
  city: string,
  cityAscii: string,
  lat: number,
  lng: number,
  pop: number,
  country: string,
  iso2: string,
  province: string,
  timezone: string,
) {
  return { city, city_ascii: cityAscii, lat, lng, pop, country, iso2, province, timezone };
}
