// Demo and benchmark data for the health part (used by `pulse seed-demo`, first start and `npm run bench`).
export { generateHealthData, type HealthDataOptions } from "./generate.js";
