import { describe, expect, it } from "vitest";
import { distanceKm, gazetteer } from "../../../src/application/places/gazetteer.ts";
import { isValidTimezone } from "../../../src/domain/shared/time.ts";

describe("gazetteer", () => {
  const places = gazetteer();

  it("finds cities without accents or case, by other names, and parts of a city", () => {
    expect(places.find("new orleans")).toMatchObject({ city: "New Orleans", timezone: "America/Chicago" });
    expect(places.find("Montreal")).toMatchObject({ city: "Montréal", country: "Canada" });
    expect(places.find("Kiev")?.city).toBe("Kyiv");
    expect(places.find("Brooklyn")?.city).toBe("New York");
    expect(places.find("Bangalore")?.city).toBe("Bengaluru");
    expect(places.find("Atlantis")).toBeNull();
  });

  it("keeps the accents a city is named with when its data spells it without them", () => {
    expect(places.find("São Paulo")?.city).toBe("São Paulo");
    expect(places.find("Sao Paulo")?.city).toBe("Sao Paulo");
    expect(places.find("são paulo")?.city).toBe("Sao Paulo");
    expect(places.find("São Paulo", "Brazil")?.timezone).toBe("America/Sao_Paulo");
    expect(places.find("Łódź")).toMatchObject({ city: "Łódź", country: "Poland" });
    expect(places.find("Lodz")?.city).toBe("Lódz");
    expect(places.find("Tromso")?.city).toBe("Tromsø");
  });

  it("knows Irish and other accented towns the data lacks, however they are written", () => {
    for (const name of ["Dún Laoghaire", "Dun Laoghaire", "dún laoghaire", "DÚN LAOGHAIRE"])
      expect(places.find(name)).toMatchObject({
        city: "Dún Laoghaire",
        country: "Ireland",
        timezone: "Europe/Dublin",
      });
    expect(places.find("Dingle")?.province).toBe("Kerry");
    expect(places.find("Derry")?.timezone).toBe("Europe/London");
    expect(places.find("Kópavogur")?.timezone).toBe("Atlantic/Reykjavik");
    expect(places.find("Gothenburg")?.country).toBe("Sweden");
    expect(places.find("Genève")?.city).toBe("Geneva");
    expect(places.find("Hà Nội")?.city).toBe("Hanoi");
  });

  it("chooses among namesakes by country or state, else the most populous", () => {
    expect(places.find("Portland")).toMatchObject({ province: "Oregon", timezone: "America/Los_Angeles" });
    expect(places.find("Portland", "Maine")?.timezone).toBe("America/New_York");
    expect(places.find("Los Angeles")?.country).toBe("United States");
    expect(places.find("Los Angeles", "Chile")?.timezone).toBe("America/Santiago");
  });

  it("names a country's largest city, and knows countries from cities", () => {
    expect(places.largestCityOf("Portugal")?.city).toBe("Lisbon");
    expect(places.largestCityOf("the USA")?.city).toBe("New York");
    expect(places.isCountry("Japan")).toBe(true);
    expect(places.isCountry("Tokyo")).toBe(false);
  });

  it("gives every city a time zone the runtime knows and plausible coordinates", () => {
    const all = places.all();
    expect(all.length).toBeGreaterThan(7_000);
    for (const place of all) {
      expect(isValidTimezone(place.timezone), `${place.city}: ${place.timezone}`).toBe(true);
      expect(Math.abs(place.latitude)).toBeLessThanOrEqual(90);
      expect(Math.abs(place.longitude)).toBeLessThanOrEqual(180);
    }
    expect(distanceKm(places.find("Lisbon")!, places.find("Porto")!)).toBeCloseTo(274, -1);
  });
});
